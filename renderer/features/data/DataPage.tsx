import { Alert, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HardDriveDownload } from 'lucide-react';
import { useState } from 'react';
import type { BackupInfo, DataStatus } from '../../../shared/data/schema';
import { call, errorMessage } from '../../api';
import { formatBytes, formatInstant } from '../../format';
import { useSession } from '../../session/useSession';
import AppModal from '../../ui/AppModal';
import BackupSettingsCard from './BackupSettingsCard';
import BackupsTable from './BackupsTable';
import EvidenceCheckCard from './EvidenceCheckCard';

const dataKey = ['data-status'] as const;

const evidenceFiles = (n: number) => `${n} evidence ${n === 1 ? 'file' : 'files'}`;

function restoredMessage(status: DataStatus): string {
  const put = status.evidenceRestored;
  const base = 'Backup restored. The previous state was backed up first.';
  if (!put || (put.putBack === 0 && put.unavailable === 0)) return base;
  const back =
    put.putBack > 0
      ? ` ${evidenceFiles(put.putBack)} ${put.putBack === 1 ? 'was' : 'were'} put back from the backup.`
      : '';
  const lost =
    put.unavailable > 0
      ? ` ${evidenceFiles(put.unavailable)} could not be put back (not in the backup either): “Verify evidence files” shows which.`
      : '';
  return base + back + lost;
}

function AutomaticBackups({ status }: { status: DataStatus }) {
  const { automatic } = status;
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="automatic-backups">
        {automatic.enabled
          ? `Automatic backups: every ${automatic.intervalMinutes} minutes while there are changes, and at every start.`
          : 'Automatic backups are not running here (the command line never backs up on a timer).'}
      </Text>
      {automatic.lastFailure && (
        <Alert color="red" role="alert" title="The last automatic backup failed">
          {formatInstant(automatic.lastFailure.at)}: {automatic.lastFailure.message}
        </Alert>
      )}
    </Stack>
  );
}

/** Where the data lives, its backups, retention, "Back up now", restore and evidence checks. */
export default function DataPage() {
  const queryClient = useQueryClient();
  const session = useSession();
  const isAdmin = session.data?.current?.roles.includes('admin') ?? false;
  const status = useQuery({ queryKey: dataKey, queryFn: () => call('dataStatus') });
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const backup = useMutation({
    mutationFn: () => call('backupNow'),
    onSuccess: async (b) => {
      await queryClient.invalidateQueries({ queryKey: dataKey });
      const evidence = b.evidenceFiles ? ` with ${evidenceFiles(b.evidenceFiles)}` : '';
      notifications.show({
        color: 'green',
        message: `Backed up (${formatBytes(b.bytes)})${evidence}.`,
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const restore = useMutation({
    mutationFn: (file: string) => call('restoreBackup', { file }),
    onSuccess: async (result) => {
      setRestoring(null);
      await queryClient.invalidateQueries();
      notifications.show({ color: 'green', message: restoredMessage(result) });
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
          Backup folder (evidence copies in its “evidence” folder)
        </Text>
        <Code>{s.backupDirectory}</Code>
        <Text size="sm" mt="sm">
          Last backup:{' '}
          <b data-testid="last-backup">
            {s.lastBackupAt ? formatInstant(s.lastBackupAt) : 'none yet'}
          </b>
        </Text>
        <AutomaticBackups status={s} />
      </Stack>
      <Group>
        <Button
          leftSection={<HardDriveDownload size={16} aria-hidden />}
          onClick={() => backup.mutate()}
          loading={backup.isPending}
        >
          Back up now
        </Button>
        {backup.isPending && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Backing up the database and copying new evidence files…</Text>
          </Group>
        )}
      </Group>
      {s.backups.length === 0 ? (
        <Alert color="indigo">
          No backups yet. Audit Desk makes one at every start and every{' '}
          {s.automatic.intervalMinutes} minutes while there are changes; “Back up now” makes one at
          once.
        </Alert>
      ) : (
        <>
          <BackupsTable backups={s.backups} {...(isAdmin ? { onRestore: setRestoring } : {})} />
          {!isAdmin && (
            <Text size="sm" c="dimmed">
              Only an administrator restores a backup: it replaces every record with the backup’s.
            </Text>
          )}
        </>
      )}
      <BackupSettingsCard
        key={JSON.stringify(s.settings)}
        settings={s.settings}
        isAdmin={isAdmin}
        dataKey={dataKey}
      />
      <EvidenceCheckCard />
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
              restored in turn. Evidence files the backup refers to and this computer lacks are put
              back from the backup’s own copies.
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
