import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Checklist } from '../../../shared/checklists/schema';
import { ApiError, call, errorMessage } from '../../api';
import { AnswerSaver, storagePrefix, type SaveStatus } from './answerSaver';
import { answerOf, withAnswer } from './checklistView';
import { checklistKey } from './useChecklist';

/**
 * The autosave of the signed-in auditor's answers on one audit's checklist. Saved answers patch
 * the cached checklist (no reload of the whole checklist per keystroke); pending saves are sent
 * when the page is hidden or left, and again on the next start from the copy kept on this computer.
 */
export function useAnswerSaver(auditId: string, personId: string, checklist: Checklist | null) {
  const queryClient = useQueryClient();
  const [saver] = useState(
    () =>
      new AnswerSaver({
        storage: window.localStorage,
        prefix: storagePrefix(auditId, personId),
        send: (input) => call('saveChecklistAnswer', input),
        onSaved: (saved) =>
          queryClient.setQueryData<Checklist | null>(checklistKey(auditId), (old) =>
            old ? withAnswer(old, saved.answer) : old,
          ),
        // A refusal (invalid, forbidden, gone) will not change by repeating it; anything else may.
        isRetryable: (error) =>
          !(error instanceof ApiError) || error.code === 'INTERNAL' || error.code === 'CONFLICT',
        describe: errorMessage,
      }),
  );

  useEffect(() => {
    if (!checklist) return;
    saver.restore(
      checklist.items.map((item) => {
        const mine = answerOf(item, personId);
        return {
          id: item.id,
          mine: mine ? { notes: mine.notes, answeredAt: mine.answeredAt } : null,
        };
      }),
    );
  }, [saver, checklist, personId]);

  useEffect(() => {
    const flush = () => saver.flushAll();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saver]);

  return saver;
}

export function useSaveStatus(saver: AnswerSaver): SaveStatus {
  return useSyncExternalStore(saver.subscribe, saver.getStatus);
}

/** The notes typed on this computer for an item (undefined: use the saved answer's). */
export function useLocalNotes(saver: AnswerSaver, itemId: string | null): string | undefined {
  const read = useCallback(
    () => (itemId === null ? undefined : saver.notesFor(itemId)),
    [saver, itemId],
  );
  return useSyncExternalStore(saver.subscribe, read);
}

export function useRefusal(saver: AnswerSaver, itemId: string | null): string | undefined {
  const read = useCallback(
    () => (itemId === null ? undefined : saver.refusalFor(itemId)),
    [saver, itemId],
  );
  return useSyncExternalStore(saver.subscribe, read);
}
