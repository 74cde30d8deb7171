import { Badge, Stack, Table, Text } from '@mantine/core';
import { implementationStatusLabels, type SoaVersion } from '../../../shared/soa/schema';
import { formatInstant } from '../../format';

/** A recorded SoA version, read-only: what an audit of that version looked at. */
export default function SoaVersionView({ version: v }: { version: SoaVersion }) {
  return (
    <Stack>
      <Text size="sm">
        Client document {v.documentReference}; recorded by {v.createdByName ?? 'the command line'}{' '}
        on {formatInstant(v.createdAt)}; catalogue {v.catalogueVersion}.
      </Text>
      <Table striped aria-label={`Annex A controls in SoA version ${v.versionNumber}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Annex A control</Table.Th>
            <Table.Th>Applicability</Table.Th>
            <Table.Th>Implementation status</Table.Th>
            <Table.Th>Justification</Table.Th>
            <Table.Th>Document reference</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.controls.map((c) => (
            <Table.Tr key={c.controlId}>
              <Table.Td>
                {c.controlId} {c.title}
              </Table.Td>
              <Table.Td>
                {c.applicable ? (
                  <Badge color="green">Applicable</Badge>
                ) : (
                  <Badge color="gray">Excluded</Badge>
                )}
              </Table.Td>
              <Table.Td>
                {c.implementationStatus ? implementationStatusLabels[c.implementationStatus] : '—'}
              </Table.Td>
              <Table.Td>{c.justification || '—'}</Table.Td>
              <Table.Td>{c.reference || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
