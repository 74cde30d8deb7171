import { Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { FindingRow } from '../../../shared/findings/schema';
import VirtualRows from '../../ui/VirtualRows';
import FindingStateBadge from './FindingStateBadge';
import GradeBadge from './GradeBadge';

const columns = ['Due', 'Grade', 'State', 'Client', 'Requirement', 'Statement', 'Raised'];
const grid = '8rem 5rem 11rem minmax(8rem, 1.2fr) minmax(9rem, 1fr) minmax(10rem, 2fr) 7.5rem';

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
  return (
    <VirtualRows
      label="Findings"
      testId="finding-rows"
      columns={columns}
      grid={grid}
      rowHeight={52}
      rows={rows}
      total={total}
      resetKey={resetKey}
      hasMore={hasMore}
      loadingMore={loadingMore}
      onEndReached={loadMore}
      loadAhead={40}
      loadingText="Loading more findings…"
      rowKey={(row) => row.id}
      rowAttributes={(row) => ({
        'data-finding': row.id,
        onClick: () => navigate(`/findings/${row.id}`),
      })}
      renderCells={(row) => (
        <>
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
        </>
      )}
    />
  );
}
