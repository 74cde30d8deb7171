import { Alert, Loader, Stack, Text } from '@mantine/core';
import type { ClipboardEvent } from 'react';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import { useAuditTeam } from '../team/useTeam';
import EvidenceDropZone from './EvidenceDropZone';
import EvidenceFileRow from './EvidenceFileRow';
import EvidenceUploadRow from './EvidenceUploadRow';
import { pastedFileName } from './evidenceFormat';
import { useEvidenceFiles } from './useEvidenceFiles';
import { useEvidenceUploads } from './useEvidenceUploads';

export interface EvidenceFilesProps {
  auditId: string;
  /** Only the files of this checklist item (and attach to it). */
  checklistItemId?: string | null;
  /** Only the files of this finding (and attach to it). */
  findingId?: string | null;
  /** Whether the person may attach files here (an auditing member of the team). */
  canAdd: boolean;
}

/**
 * The files and photos attached to a checklist item or finding (issue 6): stored content-addressed
 * by SHA-256 beside the database, listed with name, type, size, who and when and a short hash,
 * verified when opened. Files are added by drop, paste or the picker and sent in chunks.
 */
export default function EvidenceFiles({
  auditId,
  checklistItemId = null,
  findingId = null,
  canAdd,
}: EvidenceFilesProps) {
  const me = useSession().data?.current ?? null;
  const files = useEvidenceFiles(auditId);
  const team = useAuditTeam(auditId);
  const isLead =
    me !== null &&
    (team.data?.members.some((m) => m.personId === me.id && m.role === 'lead_auditor') ?? false);
  const uploads = useEvidenceUploads({ auditId, checklistItemId, findingId });

  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    if (!canAdd) return;
    const pasted = Array.from(event.clipboardData.files);
    if (pasted.length === 0) return;
    event.preventDefault();
    const now = new Date();
    uploads.add(
      pasted.map((f) => {
        const name = pastedFileName(f.name, f.type, now);
        return name === f.name ? f : new File([f], name, { type: f.type });
      }),
    );
  }

  const mine =
    files.data?.filter(
      (f) =>
        (checklistItemId === null || f.checklistItemId === checklistItemId) &&
        (findingId === null || f.findingId === findingId),
    ) ?? [];

  return (
    <Stack gap="xs" onPaste={onPaste} data-testid="evidence-files">
      {files.isPending && <Loader size="sm" aria-label="Loading attached files" />}
      {files.isError && <Alert color="red">{errorMessage(files.error)}</Alert>}
      {files.isSuccess && mine.length === 0 && uploads.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {canAdd
            ? 'No files attached yet: attach documents, records or photos seen as evidence.'
            : 'No files attached.'}
        </Text>
      )}
      {mine.map((file) => (
        <EvidenceFileRow
          key={file.id}
          file={file}
          // The person who attached it or the lead auditor (an Audit Desk rule, checked again in main).
          canRemove={isLead || (me !== null && file.capturedById === me.id)}
        />
      ))}
      {uploads.items.map((item) => (
        <EvidenceUploadRow
          key={item.key}
          item={item}
          onCancel={() => uploads.cancel(item.key)}
          onRetry={() => uploads.retry(item.key)}
          onDismiss={() => uploads.dismiss(item.key)}
        />
      ))}
      {canAdd && <EvidenceDropZone onFiles={uploads.add} onRefused={uploads.refuse} />}
    </Stack>
  );
}
