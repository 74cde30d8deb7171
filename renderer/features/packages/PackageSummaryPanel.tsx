import { Alert, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { PackageSummary } from '../../../shared/packages/schema';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { formatInstant } from '../../format';

function typeLabel(type: string): string {
  return type in auditTypeLabels ? auditTypeLabels[type as keyof typeof auditTypeLabels] : type;
}

/** Who signed the package (with the warnings that matter before trusting it), and its audits. */
export default function PackageSummaryPanel({ summary }: { summary: PackageSummary }) {
  const { signer } = summary;
  return (
    <Stack gap="sm">
      <Group gap="xl" align="start">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Signed by
          </Text>
          <Text data-testid="package-signer">{signer.name}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Key fingerprint
          </Text>
          <Code data-testid="package-fingerprint">{signer.fingerprint}</Code>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Exported
          </Text>
          <Text>
            {formatInstant(summary.createdAt)}
            {summary.createdBy ? ` by ${summary.createdBy}` : ''}
          </Text>
        </Stack>
      </Group>
      <Text size="sm" c="dimmed">
        The signature and every file’s hash were checked: the package is exactly as that
        installation signed it.
      </Text>
      {signer.nameSeenWithOtherKey && (
        <Alert color="red" title="This name came before with a different key" role="alert">
          Packages signed as “{signer.name}” were imported here before, with another key. This one
          may not come from the installation you know: compare the fingerprint above with its sender
          before importing.
        </Alert>
      )}
      {signer.firstSeen && !signer.nameSeenWithOtherKey && (
        <Alert color="yellow" title="First package from this key" data-testid="first-seen">
          Nothing signed with this key has been imported here before. Compare the fingerprint above
          with the sender (by phone, for instance) before importing.
        </Alert>
      )}
      <Table aria-label="Audits in the package" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Client</Table.Th>
            <Table.Th>Audit</Table.Th>
            <Table.Th>Starts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.audits.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                {a.clientName} ({a.clientReference})
              </Table.Td>
              <Table.Td>{typeLabel(a.type)}</Table.Td>
              <Table.Td>{a.plannedStart}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        {summary.evidenceFiles} evidence {summary.evidenceFiles === 1 ? 'file' : 'files'} included.
      </Text>
    </Stack>
  );
}
