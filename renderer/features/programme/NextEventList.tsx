import { Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { NextEvent } from '../../../shared/programme/programme-schema';
import { teamRoleLabels } from '../../../shared/programme/vocabulary';
import VirtualRows from '../../ui/VirtualRows';
import { daysLabel, eventText } from './eventText';
import StateBadge from './StateBadge';

const columns = ['Client', 'Next event', 'Due', 'State', 'Audit booked', 'What follows'];
const grid = 'minmax(12rem, 1.5fr) 10.5rem 7.5rem 7.5rem 8.5rem minmax(10rem, 2fr)';

interface Props {
  events: NextEvent[];
  /** Changes when filters change, to start again at the top. */
  resetKey: string;
}

/** Every client's next event, most urgent first; virtualised, so 10,000 rows stay instant. */
export default function NextEventList({ events, resetKey }: Props) {
  const navigate = useNavigate();
  return (
    <VirtualRows
      label="Next event of every client"
      testId="programme-rows"
      columns={columns}
      grid={grid}
      rowHeight={52}
      rows={events}
      overscan={10}
      resetKey={resetKey}
      empty={
        <Text p="md" c="dimmed">
          No client’s next event matches. Clear a filter to see more.
        </Text>
      }
      rowKey={(event) => event.clientId}
      rowAttributes={(event) => ({
        'data-client': event.reference,
        'data-state': event.state,
        onClick: () => navigate(`/clients/${event.clientId}`),
      })}
      renderCells={(event) => {
        const audit = event.plannedAudit;
        const lead = audit?.team[0];
        return (
          <>
            <div role="cell" className="cell" title={event.legalName}>
              <Link to={`/clients/${event.clientId}`} onClick={(e) => e.stopPropagation()}>
                {event.legalName}
              </Link>
              <Text size="xs" c="dimmed">
                {event.reference}
              </Text>
            </div>
            <div role="cell" className="cell" title={eventText(event)}>
              {eventText(event)}
            </div>
            <div role="cell" className="cell">
              {event.dueDate ?? '—'}
              {event.windowStart !== null && event.windowStart !== event.dueDate && (
                <Text size="xs" c="dimmed">
                  from {event.windowStart}
                </Text>
              )}
            </div>
            <div role="cell" className="cell">
              <StateBadge state={event.state} />
            </div>
            <div role="cell" className="cell">
              {audit ? (
                <>
                  {audit.start}, {daysLabel(audit.start, audit.end)}
                  <Text size="xs" c="dimmed" truncate>
                    {lead ? `${lead.name} (${teamRoleLabels[lead.role]})` : 'no team yet'}
                  </Text>
                </>
              ) : (
                '—'
              )}
            </div>
            <div role="cell" className="cell" title={event.consequence ?? undefined}>
              <Text size="sm" lineClamp={2} style={{ whiteSpace: 'normal' }}>
                {event.consequence ?? ''}
              </Text>
            </div>
          </>
        );
      }}
    />
  );
}
