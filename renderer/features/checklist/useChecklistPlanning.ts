import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Checklist,
  ReadinessConclusionInput,
  ReadinessMark,
} from '../../../shared/checklists/schema';
import type { Audit } from '../../../shared/programme/audit-schema';
import { call } from '../../api';
import { currentResult } from './checklistView';
import { checklistKey } from './useChecklist';

export const cycleCoverageRoot = ['cycleCoverage'] as const;
export const cycleCoverageKey = (auditId: string) => [...cycleCoverageRoot, auditId] as const;
const stage1GateRoot = ['stage1Gate'] as const;

/**
 * Which audits of the cycle cover which items, and any warning about the plan. Read again whenever
 * this audit's answers or selection change (answering an item turns "planned" into "covered").
 */
export function useCycleCoverage(auditId: string, checklist: Checklist) {
  const state = checklist.items
    .map((i) => `${i.selected ? 's' : ''}${currentResult(i) ?? ''}`)
    .join(',');
  return useQuery({
    queryKey: [...cycleCoverageKey(auditId), state],
    queryFn: () => call('cycleCoverage', { auditId }),
    placeholderData: (previous) => previous,
  });
}

/** After planning changes: this checklist, every audit's coverage (they share the cycle) and the gate. */
function useRefreshPlanning(auditId: string) {
  const queryClient = useQueryClient();
  return (checklist?: Checklist) => {
    if (checklist) queryClient.setQueryData(checklistKey(auditId), checklist);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: checklistKey(auditId) }),
      queryClient.invalidateQueries({ queryKey: cycleCoverageRoot }),
      queryClient.invalidateQueries({ queryKey: stage1GateRoot }),
    ]);
  };
}

export function useSaveSurveillanceSelection(auditId: string) {
  const refresh = useRefreshPlanning(auditId);
  return async (itemIds: string[]) => {
    const saved = await call('setSurveillanceSelection', { auditId, itemIds });
    await refresh(saved);
    return saved;
  };
}

export function useRecordReadinessConclusion(auditId: string) {
  const refresh = useRefreshPlanning(auditId);
  return async (input: Omit<ReadinessConclusionInput, 'auditId'>) => {
    const saved = await call('recordReadinessConclusion', { auditId, ...input });
    await refresh();
    return saved;
  };
}

export type ItemOf = Checklist['items'][number];

/** The item's current mark on the readiness scale; null while unmarked. */
export function readinessMarkOf(item: ItemOf): ReadinessMark | null {
  const result = currentResult(item);
  return result === 'ready' || result === 'concern' || result === 'not_ready' ? result : null;
}

/** Anything recorded against the item: it has been audited, so it stays in the checklist. */
export function isAnswered(item: ItemOf): boolean {
  return (
    item.answers.length > 0 ||
    item.evidence.length > 0 ||
    item.fileCount > 0 ||
    item.findingIds.length > 0
  );
}

export const readinessDraftKey = (auditId: string) => `readiness-conclusion:${auditId}`;

/** A conclusion being typed (kept as a draft by useSavedForm) reopens its form after a reload. */
export function hasReadinessDraft(auditId: string): boolean {
  return localStorage.getItem(`audit-desk:draft:${readinessDraftKey(auditId)}`) !== null;
}

/** Where the work screen opens one item. */
export function itemLink(auditId: string, itemKey: string): string {
  return `/audits/${auditId}/checklist?item=${encodeURIComponent(itemKey)}`;
}

/** "4 Context of the organization", "A.2 Policies related to AI"; topic groups by title alone. */
export function groupLabels(checklist: Checklist): (key: string) => string {
  const titles = new Map(checklist.groups.map((g) => [g.key, g.title]));
  return (key) => {
    const title = titles.get(key) ?? key;
    return /^(\d+|A\.\d+)$/.test(key) && title !== key && !title.startsWith(key)
      ? `${key} ${title}`
      : title;
  };
}

export interface Stage1Gate {
  /** The Stage 1 audit the gate reads (null when the cycle has none). */
  stage1: { id: string; startDate: string; state: string } | null;
  checklist: Checklist | null;
}

/**
 * The Stage 1 of the same client and cycle and its readiness conclusion. With several Stage 1
 * audits (one cancelled and held again), the one concluded ready counts, else the newest.
 */
export function useStage1Gate(audit: Audit) {
  return useQuery({
    queryKey: [...stage1GateRoot, audit.id, audit.clientId, audit.cycleNumber],
    enabled: audit.type === 'stage2',
    queryFn: async (): Promise<Stage1Gate> => {
      const stage1s = (await call('listAudits', { clientId: audit.clientId, type: 'stage1' }))
        .filter((a) => a.cycleNumber === audit.cycleNumber && a.state !== 'cancelled')
        .sort((a, b) => b.startDate.localeCompare(a.startDate));
      const checklists = await Promise.all(
        stage1s.map((a) => call('getChecklist', { auditId: a.id })),
      );
      const readyIndex = checklists.findIndex(
        (c) => c?.readinessConclusion?.conclusion === 'ready',
      );
      const index = readyIndex >= 0 ? readyIndex : 0;
      const stage1 = stage1s[index];
      return {
        stage1: stage1 ? { id: stage1.id, startDate: stage1.startDate, state: stage1.state } : null,
        checklist: checklists[index] ?? null,
      };
    },
  });
}
