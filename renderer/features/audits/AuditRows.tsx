import { Anchor, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AuditSummary } from '../../../shared/programme/audit-schema';
import { auditTypeLabels, teamRoleLabels } from '../../../shared/programme/vocabulary';
import AuditStateBadge from './AuditStateBadge';

const columns = ['Dates', 'Client', 'Audit', 'Cycle', 'State', 'Team'];
const grid = '13rem minmax(10rem, 1.4fr) 10rem 4rem 8rem minmax(10rem, 2fr)';
const rowHeight = 44;

interface Props {
  rows: AuditSummary[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** The previous filters' rows, shown while the new ones load. */
  stale: boolean;
  /** Changes when the filters change, to start again at the top. */
  resetKey: string;
}

const teamText = (audit: AuditSummary) =>
  audit.team.map((m) => `${m.name} (${teamRoleLabels[m.role]})`).join(', ') || '—';

/**
 * The audit list's rows, virtualised: only what is on screen is drawn, and the next page is
 * fetched as the list nears the end of what it has, so 30,000 audits scroll without delay.
 */
export default function AuditRows({
  rows,
  total,
  hasMore,
  loadingMore,
  loadMore,
  stale,
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
    if (hasMore && !loadingMore && lastIndex >= rows.length - 30) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <div
      role="table"
      aria-label="Audits"
      aria-rowcount={total + 1}
      aria-busy={stale}
      style={{
        opacity: stale ? 0.6 : 1,
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
          aria-rowindex={1}
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
        data-testid="audit-rows"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const audit = rows[item.index];
            const style = {
              position: 'absolute' as const,
              top: item.start,
              left: 0,
              right: 0,
              height: rowHeight,
              gridTemplateColumns: grid,
              fontSize: 'var(--mantine-font-size-sm)',
            };
            if (!audit) {
              return (
                <div key="more" role="row" className="client-row" style={style}>
                  <div role="cell" className="cell">
                    <Text size="sm" c="dimmed">
                      Loading more audits…
                    </Text>
                  </div>
                </div>
              );
            }
            const team = teamText(audit);
            return (
              <div
                key={audit.id}
                role="row"
                aria-rowindex={item.index + 2}
                className="client-row"
                data-audit={audit.id}
                style={style}
                onClick={() => navigate(`/audits/${audit.id}`)}
              >
                <div role="cell" className="cell">
                  <Anchor
                    component={Link}
                    to={`/audits/${audit.id}`}
                    size="sm"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {audit.startDate} to {audit.endDate}
                  </Anchor>
                </div>
                <div role="cell" className="cell" title={audit.clientName}>
                  <Anchor
                    component={Link}
                    to={`/clients/${audit.clientId}?tab=programme`}
                    size="sm"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {audit.clientName}
                  </Anchor>
                </div>
                <div role="cell" className="cell">
                  {auditTypeLabels[audit.type]}
                </div>
                <div role="cell" className="cell">
                  {audit.cycleNumber}
                </div>
                <div role="cell" className="cell">
                  <AuditStateBadge state={audit.state} />
                </div>
                <div role="cell" className="cell" title={team}>
                  {team}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
