import { Button, Table, Text } from '@mantine/core';
import { format, parseISO } from 'date-fns';
import type { BackupInfo } from '../../../shared/data/schema';
import { formatBytes } from '../../format';

// With seconds: several backups made by hand in one minute are told apart.
const made = (iso: string) => format(parseISO(iso), 'd MMM yyyy, HH:mm:ss');

const reasonLabels: Record<string, string> = {
  automatic: 'automatic',
  start: 'at start',
  manual: 'manual',
  'before-migration': 'before migration',
  'before-restore': 'before restore',
};

function EvidenceCount({ backup }: { backup: BackupInfo }) {
  if (backup.evidenceFiles === null) {
    return (
      <Text size="sm" c="dimmed">
        not recorded
      </Text>
    );
  }
  return (
    <Text size="sm">
      {backup.evidenceFiles}
      {backup.evidenceNotCopied > 0 && (
        <Text span size="sm" c="red">
          {' '}
          ({backup.evidenceNotCopied} missing or altered when backed up)
        </Text>
      )}
    </Text>
  );
}

/** The backups beside the database, newest first, each restorable by an administrator. */
export default function BackupsTable({
  backups,
  onRestore,
}: {
  backups: BackupInfo[];
  /** Absent for people who may not restore (only an administrator replaces every record). */
  onRestore?: (backup: BackupInfo) => void;
}) {
  return (
    <Table striped aria-label="Backups">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Made</Table.Th>
          <Table.Th>Why</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>Evidence files</Table.Th>
          {onRestore && <Table.Th>Actions</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.file}>
            <Table.Td>{made(b.createdAt)}</Table.Td>
            <Table.Td>{reasonLabels[b.reason] ?? b.reason.replace(/-/g, ' ')}</Table.Td>
            <Table.Td>{formatBytes(b.bytes)}</Table.Td>
            <Table.Td>
              <EvidenceCount backup={b} />
            </Table.Td>
            {onRestore && (
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => onRestore(b)}>
                  Restore from backup…
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
