import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvidenceFile } from '../../../shared/evidence/schema';
import { call, errorMessage } from '../../api';
import { formatBytes, formatInstant } from '../../format';
import AppModal from '../../ui/AppModal';
import EvidenceOpenModal from './EvidenceOpenModal';
import { evidenceTypeLabel, shortHash } from './evidenceFormat';
import { evidenceFilesKey } from './useEvidenceFiles';

function RemoveDialog({ file, onClose }: { file: EvidenceFile; onClose: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call('removeEvidenceFile', { id: file.id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: evidenceFilesKey(file.auditId) });
      onClose();
    },
  });
  return (
    <AppModal opened onClose={onClose} title={`Remove "${file.fileName}"?`}>
      <Stack gap="sm">
        <Text size="sm">
          The file is detached from this audit and the removal is recorded in the history. The
          stored copy stays in the evidence folder, because other records and backups may use the
          same bytes (an Audit Desk rule).
        </Text>
        {remove.isError && <Alert color="red">{errorMessage(remove.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            Remove
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** One attached file: what it is, who attached it and when, its hash; open and remove. */
export default function EvidenceFileRow({
  file,
  canRemove,
}: {
  file: EvidenceFile;
  canRemove: boolean;
}) {
  const [dialog, setDialog] = useState<'open' | 'remove' | null>(null);
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="evidence-file">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate="end" title={file.fileName}>
            {file.fileName}
          </Text>
          <Text size="xs" c="dimmed">
            {evidenceTypeLabel(file.mediaType, file.fileName)} · {formatBytes(file.sizeBytes)} ·{' '}
            {file.capturedByName ?? 'unknown'} · {formatInstant(file.capturedAt)} · SHA-256{' '}
            <span title={file.sha256}>{shortHash(file.sha256)}…</span>
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={`Open ${file.fileName}`}
            onClick={() => setDialog('open')}
          >
            Open
          </Button>
          {canRemove && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              aria-label={`Remove ${file.fileName}`}
              onClick={() => setDialog('remove')}
            >
              Remove
            </Button>
          )}
        </Group>
      </Group>
      {dialog === 'open' && <EvidenceOpenModal file={file} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && <RemoveDialog file={file} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
