import { Anchor, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { CalendarPlus } from 'lucide-react';
import { Link } from 'react-router';
import type { TimelineItem } from '../../../shared/programme/timeline';
import AuditStateBadge from './AuditStateBadge';
import ProgrammeStatusBadge from './ProgrammeStatusBadge';
import { planSearch } from './auditFormValues';

const timingLabels = { early: 'held early', inWindow: 'held in its window', late: 'held late' };

function PlanLink({ item, clientId }: { item: TimelineItem; clientId: string }) {
  if (!item.canPlan || item.auditType === null) return null;
  const window =
    item.windowStart && item.windowEnd
      ? { windowStart: item.windowStart, windowEnd: item.windowEnd }
      : null;
  return (
    <Button
      component={Link}
      to={planSearch({ clientId, type: item.auditType, cycleNumber: item.cycleNumber, window })}
      size="xs"
      variant="light"
      leftSection={<CalendarPlus size={14} aria-hidden />}
      aria-label={`Plan ${item.label}`}
    >
      Plan audit
    </Button>
  );
}

/**
 * The programme as one table, in the order events happen: due date, window, state as the cycle
 * rules give it, the audits planned for each event, and what lateness means.
 */
export default function ProgrammeTimeline({
  items,
  clientId,
  canPlan,
}: {
  items: TimelineItem[];
  clientId: string;
  /** Whether the person working may plan audits. */
  canPlan: boolean;
}) {
  return (
    <Table aria-label="Certification programme" verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Event</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Window</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Audits</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={`${item.key}-${item.cycleNumber}`} data-testid={`programme-${item.key}`}>
            <Table.Td maw={360}>
              <Text fw={600}>{item.label}</Text>
              {item.consequence && (
                <Text size="sm" c={item.status === 'overdue' ? 'red.9' : 'dimmed'}>
                  {item.consequence}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{item.dueDate ?? '—'}</Table.Td>
            <Table.Td>
              {item.windowStart && item.windowEnd
                ? `${item.windowStart} to ${item.windowEnd}`
                : '—'}
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <ProgrammeStatusBadge status={item.status} />
                {item.timing && (
                  <Text size="xs" c="dimmed">
                    {timingLabels[item.timing]}
                    {item.doneDate ? ` (${item.doneDate})` : ''}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Stack gap={4}>
                {item.audits.map((a) => (
                  <Group key={a.id} gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/audits/${a.id}`} size="sm">
                      {a.startDate === a.endDate ? a.startDate : `${a.startDate} to ${a.endDate}`}
                    </Anchor>
                    <AuditStateBadge state={a.state} />
                  </Group>
                ))}
              </Stack>
            </Table.Td>
            <Table.Td>{canPlan && <PlanLink item={item} clientId={clientId} />}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
