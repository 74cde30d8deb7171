import { Table, Text } from '@mantine/core';
import type { ChangeLogEntry } from '../../../shared/data/schema';
import {
  issuedCertificateStatusLabels,
  type IssuedCertificateStatus,
} from '../../../shared/certificates/status';
import { formatInstant } from '../../format';

function describe(entry: ChangeLogEntry): { what: string; from: string; to: string } {
  if (entry.field === 'created') {
    const snapshot = JSON.parse(entry.newValue ?? '{}') as { number?: string };
    return { what: 'Issued', from: '', to: snapshot.number ?? '' };
  }
  if (entry.field === 'status') {
    const label = (s: string | null) =>
      s ? (issuedCertificateStatusLabels[s as IssuedCertificateStatus] ?? s) : '—';
    return { what: 'Status', from: label(entry.oldValue), to: label(entry.newValue) };
  }
  if (entry.field === 'replacedBy') {
    return { what: 'Replaced by', from: '', to: entry.newValue ?? '—' };
  }
  return { what: entry.field, from: entry.oldValue ?? '—', to: entry.newValue ?? '—' };
}

/** The certificate's change log: issue, status changes, replacement; who and when. */
export default function CertificateHistory({ entries }: { entries: ChangeLogEntry[] }) {
  if (entries.length === 0) return <Text c="dimmed">No changes recorded yet.</Text>;
  return (
    <Table aria-label="Certificate history" striped>
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
        {entries.map((e) => {
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
