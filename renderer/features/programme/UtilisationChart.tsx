import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BookedDays } from '../../../shared/programme/programme-schema';
import { errorMessage } from '../../api';
import { useProgrammeUtilisation } from './useProgramme';

interface Props {
  from: string;
  months: number;
  auditorId: string | null;
}

// Colour-blind-safe and dark enough against white (Okabe–Ito, darkened).
const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8F6A00', '#56B4E9', '#000000'];

interface Person {
  personId: string;
  name: string;
}

function peopleOf(rows: readonly BookedDays[]): Person[] {
  const seen = new Map<string, string>();
  for (const row of rows) seen.set(row.personId, row.name);
  return [...seen].map(([personId, name]) => ({ personId, name }));
}

function monthsOf(rows: readonly BookedDays[]): string[] {
  return [...new Set(rows.map((row) => row.month))];
}

/**
 * Calendar days booked per auditor per month, as a bar chart and, for screen readers and exact
 * figures, the same numbers as a table.
 */
export default function UtilisationChart({ from, months, auditorId }: Props) {
  const utilisation = useProgrammeUtilisation(from, months);
  const rows = (utilisation.data ?? []).filter(
    (row) => auditorId === null || row.personId === auditorId,
  );
  const people = peopleOf(rows);
  const monthList = monthsOf(rows);
  const daysOf = (personId: string, month: string) =>
    rows.find((r) => r.personId === personId && r.month === month)?.days ?? 0;
  const chartData = monthList.map((month) => ({
    month,
    ...Object.fromEntries(people.map((p) => [p.personId, daysOf(p.personId, month)])),
  }));

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Booked days per auditor
      </Title>
      <Text size="sm" c="dimmed">
        Calendar days on audit teams, from {from}, for {months} months.
      </Text>
      {utilisation.isError && <Alert color="red">{errorMessage(utilisation.error)}</Alert>}
      {!utilisation.isPending && people.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is booked on an audit in these months yet. Assign audit teams to see utilisation.
        </Text>
      ) : (
        <>
          <figure style={{ margin: 0 }} aria-labelledby="utilisation-caption">
            <div style={{ width: '100%', height: 280 }} aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={chartData} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} width={32} />
                  <Tooltip />
                  <Legend />
                  {people.map((person, i) => (
                    <Bar
                      key={person.personId}
                      dataKey={person.personId}
                      name={person.name}
                      fill={palette[i % palette.length]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <figcaption id="utilisation-caption">
              <Text size="xs" c="dimmed">
                Bar chart of the booked days given in the table below.
              </Text>
            </figcaption>
          </figure>
          <Table striped withTableBorder aria-label="Booked days per auditor and month">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Auditor</Table.Th>
                {monthList.map((month) => (
                  <Table.Th key={month} scope="col">
                    {month}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((person) => (
                <Table.Tr key={person.personId}>
                  <Table.Th scope="row">{person.name}</Table.Th>
                  {monthList.map((month) => (
                    <Table.Td key={month}>{daysOf(person.personId, month)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
