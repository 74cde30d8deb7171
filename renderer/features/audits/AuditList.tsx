import { Alert, Anchor, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Search } from 'lucide-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  auditStateLabels,
  auditStates,
  auditStateSchema,
  auditTypeLabels,
  auditTypes,
  auditTypeSchema,
  teamRoleLabels,
} from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import AuditStateBadge from './AuditStateBadge';
import { useAuditList } from './useAudits';

// A table this long is still quick to draw; past it, the filters narrow the list.
const shownRows = 300;

/** Every audit of every client, newest start first, filtered by type, state and client. */
export default function AuditList() {
  const [params, setParams] = useSearchParams();
  const type = auditTypeSchema.safeParse(params.get('type'));
  const state = auditStateSchema.safeParse(params.get('state'));
  const search = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(search.trim().toLowerCase(), 120);
  const list = useAuditList({
    ...(type.success ? { type: type.data } : {}),
    ...(state.success ? { state: state.data } : {}),
  });
  const rows = useMemo(
    () =>
      (list.data ?? []).filter(
        (a) =>
          debounced === '' ||
          `${a.clientName} ${a.clientReference}`.toLowerCase().includes(debounced),
      ),
    [list.data, debounced],
  );

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const filtered = type.success || state.success || search !== '';

  return (
    <Stack maw={1200}>
      <Title order={1} size="h2">
        Audits
      </Title>
      <Group align="end">
        <TextInput
          label="Client"
          placeholder="Name or reference"
          leftSection={<Search size={16} aria-hidden />}
          value={search}
          onChange={(e) => update('q', e.currentTarget.value)}
          w={260}
        />
        <Select
          label="Type"
          placeholder="Any type"
          clearable
          data={auditTypes.map((t) => ({ value: t, label: auditTypeLabels[t] }))}
          value={type.success ? type.data : null}
          onChange={(v) => update('type', v)}
          w={200}
        />
        <Select
          label="State"
          placeholder="Any state"
          clearable
          data={auditStates.map((s) => ({ value: s, label: auditStateLabels[s] }))}
          value={state.success ? state.data : null}
          onChange={(v) => update('state', v)}
          w={180}
        />
        <Text c="dimmed" size="sm" ml="auto" mb={8} aria-live="polite">
          {list.isPending ? 'Loading…' : `${rows.length.toLocaleString()} audits`}
        </Text>
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {!list.isPending && rows.length === 0 ? (
        <Alert color="indigo" title={filtered ? 'No audit matches' : 'No audits yet'}>
          {filtered
            ? 'Clear a filter to see more audits.'
            : 'Plan audits from a client’s Programme tab: open a client, then Programme, then “Plan audit” on the event that is due.'}
        </Alert>
      ) : (
        <Table striped highlightOnHover aria-label="Audits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Audit</Table.Th>
              <Table.Th>Cycle</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Team</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shownRows).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/audits/${a.id}`}>
                    {a.startDate} to {a.endDate}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/clients/${a.clientId}?tab=programme`}>
                    {a.clientName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{auditTypeLabels[a.type]}</Table.Td>
                <Table.Td>{a.cycleNumber}</Table.Td>
                <Table.Td>
                  <AuditStateBadge state={a.state} />
                </Table.Td>
                <Table.Td>
                  {a.team.map((m) => `${m.name} (${teamRoleLabels[m.role]})`).join(', ') || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows.length > shownRows && (
        <Text size="sm" c="dimmed">
          Showing the first {shownRows} of {rows.length.toLocaleString()}; filter to narrow the
          list.
        </Text>
      )}
    </Stack>
  );
}
