import { Alert, Button, Center, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionState } from '../../shared/api/contract';
import { call, errorMessage } from '../api';
import { formatBytes, formatInstant } from '../format';

/** The database failed its integrity check at start: it was not opened; offer the newest good backup. */
export default function Recovery({
  recovery,
}: {
  recovery: NonNullable<SessionState['recovery']>;
}) {
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: (file: string) => call('restoreBackup', { file }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const newest = recovery.backups[0];
  return (
    <Center component="main" mih="100%" p="xl">
      <Paper withBorder shadow="sm" p="xl" w={720}>
        <Stack>
          <Title order={1} size="h2">
            The database needs attention
          </Title>
          <Alert color="red" title="Audit Desk did not open the damaged file">
            {recovery.reason}
          </Alert>
          {restore.isError && <Alert color="red">{errorMessage(restore.error)}</Alert>}
          {newest ? (
            <>
              <Text>
                The newest backup that passes the integrity check is from{' '}
                <b>{formatInstant(newest.createdAt)}</b>. Restoring it keeps the damaged file beside
                it for inspection.
              </Text>
              <Button onClick={() => restore.mutate(newest.file)} loading={restore.isPending}>
                Restore the newest good backup
              </Button>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Backup</Table.Th>
                    <Table.Th>Size</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {recovery.backups.map((b) => (
                    <Table.Tr key={b.file}>
                      <Table.Td>{formatInstant(b.createdAt)}</Table.Td>
                      <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                      <Table.Td>
                        <Button variant="subtle" size="xs" onClick={() => restore.mutate(b.file)}>
                          Restore this one
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : (
            <Text>
              No good backup was found beside the database. Copy a backup file into the backup
              folder, or contact your administrator; the damaged file has not been changed.
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
