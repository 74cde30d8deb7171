import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { beginEvidenceUploadSchema } from '../../../shared/evidence/schema';
import { errorMessage } from '../../api';
import { evidenceFilesKey } from './useEvidenceFiles';
import { UploadCancelled, uploadEvidence, type EvidenceTarget } from './transferEvidence';

export interface UploadItem {
  key: number;
  file: File;
  /** Where it goes: kept with the file, so leaving the item meanwhile changes nothing. */
  target: EvidenceTarget;
  sentBytes: number;
  status: 'waiting' | 'uploading' | 'failed';
  error: string | null;
  /** False when the file itself is refused (too large, a folder): trying again cannot help. */
  retryable: boolean;
}

let nextKey = 1;

/**
 * Files being attached, one after another, each with its progress, a cancel, and its error kept
 * on screen (with "Try again") until dismissed. Uploads keep going if the item is left meanwhile.
 */
export function useEvidenceUploads(target: EvidenceTarget) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<number, AbortController>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const { auditId, checklistItemId, findingId } = target;

  const patch = useCallback((key: number, change: Partial<UploadItem>) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }, []);
  const drop = useCallback((key: number) => {
    controllers.current.delete(key);
    setItems((list) => list.filter((i) => i.key !== key));
  }, []);

  const run = useCallback(
    async (item: UploadItem) => {
      const controller = controllers.current.get(item.key);
      if (!controller || controller.signal.aborted) return drop(item.key);
      patch(item.key, { status: 'uploading', sentBytes: 0, error: null });
      try {
        const stored = await uploadEvidence(
          item.file,
          item.target,
          (sentBytes) => patch(item.key, { sentBytes }),
          controller.signal,
        );
        drop(item.key);
        notifications.show({ color: 'green', message: `"${stored.fileName}" attached.` });
      } catch (error) {
        if (error instanceof UploadCancelled) drop(item.key);
        else patch(item.key, { status: 'failed', error: errorMessage(error) });
      } finally {
        await queryClient.invalidateQueries({ queryKey: evidenceFilesKey(item.target.auditId) });
      }
    },
    [drop, patch, queryClient],
  );

  const enqueue = useCallback(
    (item: UploadItem) => {
      controllers.current.set(item.key, new AbortController());
      queue.current = queue.current.then(() => run(item));
    },
    [run],
  );

  /** Checks each file the way the main process will (name, size), then queues it. */
  const add = useCallback(
    (files: File[]) => {
      const fresh = files.map<UploadItem>((file) => {
        const checked = beginEvidenceUploadSchema.safeParse({
          auditId,
          fileName: file.name,
          mediaType: file.type,
          sizeBytes: file.size,
        });
        return {
          key: nextKey++,
          file,
          target: { auditId, checklistItemId, findingId },
          sentBytes: 0,
          status: checked.success ? 'waiting' : 'failed',
          error: checked.success ? null : (checked.error.issues[0]?.message ?? 'Not a valid file.'),
          retryable: checked.success,
        };
      });
      setItems((list) => [...list, ...fresh]);
      for (const item of fresh) if (item.status === 'waiting') enqueue(item);
    },
    [auditId, checklistItemId, findingId, enqueue],
  );

  const cancel = useCallback(
    (key: number) => {
      const controller = controllers.current.get(key);
      if (controller) controller.abort();
      else drop(key);
    },
    [drop],
  );

  const retry = useCallback(
    (key: number) => {
      const item = items.find((i) => i.key === key);
      if (!item) return;
      patch(key, { status: 'waiting', error: null, sentBytes: 0 });
      enqueue(item);
    },
    [items, enqueue, patch],
  );

  /** Files that were refused before any byte was sent, with why (e.g. folders). */
  const refuse = useCallback(
    (file: File, error: string) => {
      const target = { auditId, checklistItemId, findingId };
      setItems((list) => [
        ...list,
        { key: nextKey++, file, target, sentBytes: 0, status: 'failed', error, retryable: false },
      ]);
    },
    [auditId, checklistItemId, findingId],
  );

  // Only this item's (or finding's) files: the list survives moving to another item meanwhile.
  const here = items.filter(
    (i) =>
      i.target.auditId === auditId &&
      i.target.checklistItemId === checklistItemId &&
      i.target.findingId === findingId,
  );
  return { items: here, add, cancel, retry, dismiss: drop, refuse };
}
