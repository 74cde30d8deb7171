import { Alert, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { usePackageHistory } from './usePackages';

/** Packages exported from and imported into this database: when, by whom, what. */
export default function PackageHistory() {
  const history = usePackageHistory();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="history-heading">
          History
        </Title>
        {history.isPending && <Loader size="sm" aria-label="Loading package history" />}
        {history.isError && <Alert color="red">{errorMessage(history.error)}</Alert>}
        {history.isSuccess && history.data.length === 0 && (
          <Text size="sm" c="dimmed">
            No package has been exported or imported here yet.
          </Text>
        )}
        {history.isSuccess && history.data.length > 0 && (
          <Table aria-label="Package history" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>What</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={h.kind === 'imported' ? 'indigo' : 'gray'}
                      style={{ overflow: 'visible' }}
                    >
                      {h.kind === 'imported' ? 'Imported' : 'Exported'}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(h.at)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{h.byName ?? 'Command line'}</Table.Td>
                  <Table.Td>{h.detail}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
