import { Alert, Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HardDriveDownload } from 'lucide-react';
import { useState } from 'react';
import type { BackupInfo } from '../../../shared/data/schema';
import { call, errorMessage } from '../../api';
import AppModal from '../../ui/AppModal';
import { formatBytes, formatInstant } from '../../format';

const dataKey = ['data-status'] as const;

/** Where the data lives, its backups, "Back up now" and "Restore from backup…". */
export default function DataPage() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: dataKey, queryFn: () => call('dataStatus') });
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const backup = useMutation({
    mutationFn: () => call('backupNow'),
    onSuccess: async (b) => {
      await queryClient.invalidateQueries({ queryKey: dataKey });
      notifications.show({ color: 'green', message: `Backed up (${formatBytes(b.bytes)}).` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const restore = useMutation({
    mutationFn: (file: string) => call('restoreBackup', { file }),
    onSuccess: async () => {
      setRestoring(null);
      await queryClient.invalidateQueries();
      notifications.show({
        color: 'green',
        message: 'Backup restored. The previous state was backed up first.',
      });
    },
  });

  if (status.isPending) return <Loader aria-label="Loading" />;
  if (status.isError) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const s = status.data;

  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        Data and backups
      </Title>
      <Text>
        Everything is stored in one database file on this computer; nothing waits on a network.
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Database file
        </Text>
        <Code data-testid="database-path">{s.databasePath}</Code>
        <Text size="sm" fw={600} mt="sm">
          Backup folder
        </Text>
        <Code>{s.backupDirectory}</Code>
        <Text size="sm" mt="sm">
          Last backup:{' '}
          <b data-testid="last-backup">
            {s.lastBackupAt ? formatInstant(s.lastBackupAt) : 'none yet'}
          </b>
        </Text>
      </Stack>
      <Group>
        <Button
          leftSection={<HardDriveDownload size={16} aria-hidden />}
          onClick={() => backup.mutate()}
          loading={backup.isPending}
        >
          Back up now
        </Button>
      </Group>
      {s.backups.length === 0 ? (
        <Alert color="indigo">
          No backups yet. Audit Desk makes one at every start; “Back up now” makes one at once.
        </Alert>
      ) : (
        <Table striped aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Made</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.backups.map((b) => (
              <Table.Tr key={b.file}>
                <Table.Td>{formatInstant(b.createdAt)}</Table.Td>
                <Table.Td>{b.reason.replace(/-/g, ' ')}</Table.Td>
                <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setRestoring(b)}>
                    Restore from backup…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AppModal
        opened={restoring !== null}
        onClose={() => setRestoring(null)}
        title="Restore from backup?"
      >
        {restoring && (
          <Stack>
            <Text>
              The database goes back to how it was on <b>{formatInstant(restoring.createdAt)}</b>.
              Changes made since then are not lost: the current state is backed up first and can be
              restored in turn.
            </Text>
            {restore.isError && <Alert color="red">{errorMessage(restore.error)}</Alert>}
            <Group justify="end">
              <Button variant="default" onClick={() => setRestoring(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={restore.isPending}
                onClick={() => restore.mutate(restoring.file)}
              >
                Restore
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </Stack>
  );
}
