import { Anchor } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { AuditSummary } from '../../../shared/programme/audit-schema';
import { auditTypeLabels, teamRoleLabels } from '../../../shared/programme/vocabulary';
import VirtualRows from '../../ui/VirtualRows';
import AuditStateBadge from './AuditStateBadge';

const columns = ['Dates', 'Client', 'Audit', 'Cycle', 'State', 'Team'];
const grid = '13rem minmax(10rem, 1.4fr) 10rem 4rem 8rem minmax(10rem, 2fr)';

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
  return (
    <VirtualRows
      label="Audits"
      testId="audit-rows"
      columns={columns}
      grid={grid}
      rowHeight={44}
      rows={rows}
      total={total}
      busy={stale}
      resetKey={resetKey}
      hasMore={hasMore}
      loadingMore={loadingMore}
      onEndReached={loadMore}
      loadAhead={30}
      loadingText="Loading more audits…"
      rowKey={(audit) => audit.id}
      rowAttributes={(audit) => ({
        'data-audit': audit.id,
        onClick: () => navigate(`/audits/${audit.id}`),
      })}
      renderCells={(audit) => {
        const team = teamText(audit);
        return (
          <>
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
          </>
        );
      }}
    />
  );
}
