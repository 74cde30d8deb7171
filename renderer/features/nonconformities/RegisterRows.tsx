import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FindingRow } from '../../../shared/findings/schema';
import FindingStateBadge from './FindingStateBadge';
import GradeBadge from './GradeBadge';

const columns = ['Due', 'Grade', 'State', 'Client', 'Requirement', 'Statement', 'Raised'];
const grid = '8rem 5rem 11rem minmax(8rem, 1.2fr) minmax(9rem, 1fr) minmax(10rem, 2fr) 7.5rem';
const rowHeight = 52;

interface Props {
  rows: FindingRow[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Changes when the filters change, to start again at the top. */
  resetKey: string;
}

/** Two lines, so it fits the row: the date, then which deadline it is and whether it has passed. */
function DueCell({ row }: { row: FindingRow }) {
  if (row.nextDue === null) return <>—</>;
  const what = row.state === 'responseAccepted' ? 'verification' : 'response';
  const colour = row.overdue ? 'red.9' : undefined;
  return (
    <>
      <Text size="sm" fw={row.overdue ? 700 : undefined} c={colour}>
        {row.nextDue}
      </Text>
      <Text size="xs" c={colour ?? 'dimmed'} fw={row.overdue ? 600 : undefined}>
        {what} {row.overdue ? 'overdue' : 'due'}
      </Text>
    </>
  );
}

/**
 * The register's rows, virtualised: only what is on screen is drawn, and the next 200 rows are
 * fetched as the list nears the end of what it has, so 100,000 findings scroll without delay.
 */
export default function RegisterRows({
  rows,
  total,
  hasMore,
  loadingMore,
  loadMore,
  resetKey,
}: Props) {
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = hasMore ? rows.length + 1 : rows.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtual list we use
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? 0) : 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 40) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <div
      role="table"
      aria-label="Findings"
      aria-rowcount={total + 1}
      style={{
        flex: 1,
        minHeight: 320,
        display: 'flex',
        flexDirection: 'column',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
      }}
    >
      <div role="rowgroup">
        <div
          role="row"
          className="client-row header"
          style={{ height: 40, gridTemplateColumns: grid }}
        >
          {columns.map((label) => (
            <div key={label} role="columnheader" className="cell">
              {label}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        style={{ flex: 1, overflow: 'auto' }}
        data-testid="finding-rows"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = {
              position: 'absolute' as const,
              top: item.start,
              left: 0,
              right: 0,
              height: rowHeight,
              gridTemplateColumns: grid,
              fontSize: 'var(--mantine-font-size-sm)',
            };
            if (!row) {
              return (
                <div key="more" role="row" className="client-row" style={style}>
                  <div role="cell" className="cell">
                    <Text size="sm" c="dimmed">
                      Loading more findings…
                    </Text>
                  </div>
                </div>
              );
            }
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                className="client-row"
                data-finding={row.id}
                style={style}
                onClick={() => navigate(`/findings/${row.id}`)}
              >
                <div role="cell" className="cell">
                  <DueCell row={row} />
                </div>
                <div role="cell" className="cell">
                  <GradeBadge grade={row.grade} />
                </div>
                <div role="cell" className="cell">
                  <FindingStateBadge state={row.state} />
                  {row.suspensionProposed && (
                    <Text size="xs" c="red.9" fw={600}>
                      suspension to propose
                    </Text>
                  )}
                </div>
                <div role="cell" className="cell" title={row.clientName}>
                  {row.clientName}
                  <Text size="xs" c="dimmed">
                    {row.clientReference}
                  </Text>
                </div>
                <div role="cell" className="cell" title={row.requirementRef}>
                  {/* Wraps: the clause or control number is at the end of the reference. */}
                  <Text size="sm" lineClamp={2} style={{ whiteSpace: 'normal' }}>
                    <Link to={`/findings/${row.id}`} onClick={(e) => e.stopPropagation()}>
                      {row.requirementRef}
                    </Link>
                  </Text>
                </div>
                <div role="cell" className="cell" title={row.statement}>
                  <Text size="sm" lineClamp={2} style={{ whiteSpace: 'normal' }}>
                    {row.statement}
                  </Text>
                </div>
                <div role="cell" className="cell">
                  {row.raisedOn}
                  <Text size="xs" c="dimmed" truncate>
                    {row.raisedByName ?? '—'}
                  </Text>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
