import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { NextEvent } from '../../../shared/programme/programme-schema';
import { teamRoleLabels } from '../../../shared/programme/vocabulary';
import { daysLabel, eventText } from './eventText';
import StateBadge from './StateBadge';

const columns = ['Client', 'Next event', 'Due', 'State', 'Audit booked', 'What follows'];
const grid = 'minmax(12rem, 1.5fr) 10.5rem 7.5rem 7.5rem 8.5rem minmax(10rem, 2fr)';
const rowHeight = 52;

interface Props {
  events: NextEvent[];
  /** Changes when filters change, to start again at the top. */
  resetKey: string;
}

/** Every client's next event, most urgent first; virtualised, so 10,000 rows stay instant. */
export default function NextEventList({ events, resetKey }: Props) {
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtual list we use
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <div
      role="table"
      aria-label="Next event of every client"
      aria-rowcount={events.length + 1}
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
        data-testid="programme-rows"
      >
        {events.length === 0 && (
          <Text p="md" c="dimmed">
            No client’s next event matches. Clear a filter to see more.
          </Text>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = events[item.index];
            if (!event) return null;
            const audit = event.plannedAudit;
            const lead = audit?.team[0];
            return (
              <div
                key={event.clientId}
                role="row"
                aria-rowindex={item.index + 2}
                className="client-row"
                data-client={event.reference}
                data-state={event.state}
                style={{
                  position: 'absolute',
                  top: item.start,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  gridTemplateColumns: grid,
                  fontSize: 'var(--mantine-font-size-sm)',
                }}
                onClick={() => navigate(`/clients/${event.clientId}`)}
              >
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
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
