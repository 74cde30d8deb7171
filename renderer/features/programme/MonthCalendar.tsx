import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Link } from 'react-router';
import type { CalendarAudit } from '../../../shared/programme/programme-schema';
import { monthGrid, shiftMonth } from '../../../shared/programme/month-grid';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import { useProgrammeCalendar } from './useProgramme';

interface Props {
  month: string;
  today: string;
  auditorId: string | null;
  country: string | null;
  onMonthChange: (month: string) => void;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const tableStyle = { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' } as const;
const headStyle = {
  padding: 4,
  fontSize: 'var(--mantine-font-size-sm)',
  textAlign: 'left',
} as const;
const cellStyle = {
  verticalAlign: 'top',
  height: 92,
  padding: 4,
  border: '1px solid var(--mantine-color-gray-3)',
} as const;

function monthTitle(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const name = new Date(Date.UTC(year, m - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${name} ${year}`;
}

function AuditChip({ audit }: { audit: CalendarAudit }) {
  const lead = audit.team[0]?.name ?? 'no team yet';
  const colour =
    audit.state === 'completed' ? 'green' : audit.state === 'planned' ? 'gray' : 'indigo';
  return (
    <Badge
      component={Link}
      to={`/clients/${audit.clientId}`}
      color={colour}
      variant="light"
      radius="sm"
      fullWidth
      title={`${auditTypeLabels[audit.type]}: ${audit.legalName}, ${audit.start} to ${audit.end}; ${lead}`}
      styles={{ label: { textTransform: 'none', fontWeight: 500 } }}
      style={{ cursor: 'pointer', justifyContent: 'flex-start' }}
    >
      {auditTypeLabels[audit.type]}: {audit.legalName}
    </Badge>
  );
}

/** The audits of a month on a Monday-first grid, each on every day it runs. */
export default function MonthCalendar({ month, today, auditorId, country, onMonthChange }: Props) {
  const calendar = useProgrammeCalendar(month);
  const audits = (calendar.data ?? []).filter(
    (a) =>
      (auditorId === null || a.team.some((m) => m.personId === auditorId)) &&
      (country === null || a.country === country),
  );
  const title = monthTitle(month);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4" aria-live="polite">
          {title}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<ChevronLeft size={14} aria-hidden />}
            onClick={() => onMonthChange(shiftMonth(month, -1))}
          >
            Previous month
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<ChevronRight size={14} aria-hidden />}
            onClick={() => onMonthChange(shiftMonth(month, 1))}
          >
            Next month
          </Button>
        </Group>
      </Group>
      {calendar.isError && <Alert color="red">{errorMessage(calendar.error)}</Alert>}
      <table style={tableStyle} aria-label={`Audits in ${title}`}>
        <thead>
          <tr>
            {weekdays.map((day, i) => (
              <th key={day} scope="col" abbr={weekdayNames[i]} style={headStyle}>
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (day === null) return <td key={`blank-${d}`} style={cellStyle} />;
                const onDay = audits.filter((a) => a.start <= day && a.end >= day);
                return (
                  <td
                    key={day}
                    data-day={day}
                    aria-current={day === today ? 'date' : undefined}
                    style={cellStyle}
                  >
                    <Text
                      size="xs"
                      fw={day === today ? 700 : 500}
                      c={day === today ? 'indigo.8' : undefined}
                    >
                      {Number(day.slice(8))}
                    </Text>
                    <Stack gap={2}>
                      {onDay.map((audit) => (
                        <AuditChip key={audit.id} audit={audit} />
                      ))}
                    </Stack>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {!calendar.isPending && audits.length === 0 && (
        <Text size="sm" c="dimmed">
          No audits in {title}
          {auditorId !== null || country !== null ? ' for these filters' : ''}. Plan one from the
          client’s programme.
        </Text>
      )}
    </Stack>
  );
}
