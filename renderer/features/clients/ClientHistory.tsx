import { Alert, Loader, Table, Text } from '@mantine/core';
import type { ChangeLogEntry } from '../../../shared/data/schema';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useClientHistory } from './useClients';

const entityLabels: Record<string, string> = {
  client: 'Client',
  client_site: 'Site',
  client_contact: 'Contact',
  audit_time_result: 'Audit time',
};

function describe(entry: ChangeLogEntry): { what: string; from: string; to: string } {
  const entity = entityLabels[entry.entity] ?? entry.entity;
  if (['created', 'deleted'].includes(entry.field)) {
    const snapshot = JSON.parse(entry.newValue ?? entry.oldValue ?? '{}') as {
      name?: string;
      legalName?: string;
    };
    const name = snapshot.name ?? snapshot.legalName ?? '';
    return { what: `${entity} ${entry.field}`, from: '', to: name };
  }
  return {
    what: `${entity}: ${entry.field}`,
    from: entry.oldValue ?? '—',
    to: entry.newValue ?? '—',
  };
}

/** Who changed what, when, from what to what: the client's change log. */
export default function ClientHistory({ clientId }: { clientId: string }) {
  const history = useClientHistory(clientId);
  if (history.isPending) return <Loader aria-label="Loading history" />;
  if (history.isError) return <Alert color="red">{errorMessage(history.error)}</Alert>;
  if (history.data.length === 0) return <Text c="dimmed">No changes recorded yet.</Text>;
  return (
    <Table aria-label="History" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>What</Table.Th>
          <Table.Th>From</Table.Th>
          <Table.Th>To</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.data.map((e) => {
          const d = describe(e);
          return (
            <Table.Tr key={e.id}>
              <Table.Td>{formatInstant(e.at)}</Table.Td>
              <Table.Td>{e.actorName ?? 'Command line'}</Table.Td>
              <Table.Td>{d.what}</Table.Td>
              <Table.Td>{d.from}</Table.Td>
              <Table.Td>{d.to}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
