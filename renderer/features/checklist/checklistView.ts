import { itemKeyLabel } from '../../../shared/checklists/item-label';
import {
  itemResultLabels,
  itemResults,
  readinessMarkLabels,
  readinessMarks,
  type AnswerValue,
  type Checklist,
  type ChecklistAnswer,
  type ChecklistItem,
  type EvidenceEntry,
} from '../../../shared/checklists/schema';

/**
 * What the checklist screens show, computed from the loaded checklist alone: the items worked,
 * each item's result, progress, filters and search. After an autosave the cached checklist is
 * patched here rather than read again whole.
 */

/** A surveillance works only the items chosen for it; every other checklist works all items. */
export function workedItems(checklist: Checklist): ChecklistItem[] {
  return checklist.kind === 'selection'
    ? checklist.items.filter((i) => i.selected)
    : checklist.items;
}

/**
 * The item's result: that of its current answer, the newest of any auditor's answers that has a
 * result (answers come in that order, see `byCurrentFirst`). Notes alone do not answer an item,
 * and a colleague's notes never hide another auditor's result; this is how the service counts
 * progress too (shared/checklists/progress.ts currentAnswer).
 */
export function currentResult(item: ChecklistItem): AnswerValue | null {
  return item.answers[0]?.result ?? null;
}

export function answerOf(item: ChecklistItem, personId: string | null): ChecklistAnswer | null {
  return item.answers.find((a) => a.auditorId === personId) ?? null;
}

export function scaleValues(item: Pick<ChecklistItem, 'scale'>): readonly AnswerValue[] {
  return item.scale === 'readiness' ? readinessMarks : itemResults;
}

export function answerLabel(value: AnswerValue): string {
  return value in readinessMarkLabels
    ? readinessMarkLabels[value as keyof typeof readinessMarkLabels]
    : itemResultLabels[value as keyof typeof itemResultLabels];
}

export const answerColors: Record<AnswerValue, string> = {
  ready: 'green',
  concern: 'orange',
  not_ready: 'red',
  conforming: 'green',
  nonconformity: 'red',
  opportunity: 'blue',
  not_audited: 'gray',
  not_applicable: 'gray',
};

/** The results that call for attention: nonconformities, or concerns on a readiness review. */
export function isIssue(value: AnswerValue | null): boolean {
  return value === 'nonconformity' || value === 'concern' || value === 'not_ready';
}

/** Groups and overall progress counted again from the items, as the service counts them. */
export function recount(checklist: Checklist): Checklist {
  const worked = workedItems(checklist);
  const counts = new Map<string, { answered: number; total: number }>();
  for (const item of worked) {
    const c = counts.get(item.groupKey) ?? { answered: 0, total: 0 };
    c.total += 1;
    if (currentResult(item) !== null) c.answered += 1;
    counts.set(item.groupKey, c);
  }
  const groups = checklist.groups.map((g) => ({
    ...g,
    ...(counts.get(g.key) ?? { answered: 0, total: 0 }),
  }));
  const answered = worked.filter((i) => currentResult(i) !== null).length;
  return { ...checklist, groups, progress: { answered, total: worked.length } };
}

function patchItem(
  checklist: Checklist,
  itemId: string,
  patch: (item: ChecklistItem) => ChecklistItem,
): Checklist {
  if (!checklist.items.some((i) => i.id === itemId)) return checklist;
  return {
    ...checklist,
    items: checklist.items.map((i) => (i.id === itemId ? patch(i) : i)),
  };
}

/**
 * The order the service lists an item's answers in: those with a result first, each part newest
 * first (on the same instant, the higher id), so the first answer is the current one.
 */
export function byCurrentFirst(a: ChecklistAnswer, b: ChecklistAnswer): number {
  const resultFirst = Number(a.result === null) - Number(b.result === null);
  if (resultFirst !== 0) return resultFirst;
  return b.answeredAt.localeCompare(a.answeredAt) || b.id.localeCompare(a.id);
}

/** The checklist with one auditor's saved answer in place of their earlier one. */
export function withAnswer(checklist: Checklist, answer: ChecklistAnswer): Checklist {
  const patched = patchItem(checklist, answer.checklistItemId, (item) => ({
    ...item,
    answers: [
      answer,
      ...item.answers.filter((a) => a.auditorId !== answer.auditorId && a.id !== answer.id),
    ].sort(byCurrentFirst),
  }));
  return recount(patched);
}

export function withEvidence(checklist: Checklist, entry: EvidenceEntry): Checklist {
  return patchItem(checklist, entry.checklistItemId, (item) => ({
    ...item,
    evidence: item.evidence.some((e) => e.id === entry.id)
      ? item.evidence.map((e) => (e.id === entry.id ? entry : e))
      : [...item.evidence, entry],
  }));
}

export function withoutEvidence(checklist: Checklist, itemId: string, id: string): Checklist {
  return patchItem(checklist, itemId, (item) => ({
    ...item,
    evidence: item.evidence.filter((e) => e.id !== id),
  }));
}

export function withFinding(checklist: Checklist, itemId: string, findingId: string): Checklist {
  return patchItem(checklist, itemId, (item) => ({
    ...item,
    findingIds: item.findingIds.includes(findingId)
      ? item.findingIds
      : [...item.findingIds, findingId],
  }));
}

// ---- Filters and search ----------------------------------------------------------------------

export type StatusFilter = 'all' | 'unanswered' | 'issues';

/** Parts of a checklist, by where an item comes from. */
export type ChecklistPart =
  'readiness' | 'clause' | 'control' | 'exclusion' | 'concern' | 'surveillance' | 'cb';

export const partLabels: Record<ChecklistPart, string> = {
  readiness: 'Stage 1 readiness topics',
  clause: 'Clauses 4 to 10',
  control: 'Annex A controls',
  exclusion: 'SoA exclusions',
  concern: 'Stage 1 concerns',
  surveillance: 'Surveillance topics',
  cb: "CB's own items",
};

export function partOf(item: ChecklistItem): ChecklistPart {
  if (item.groupKey === 'SURV') return 'surveillance';
  return item.section;
}

export function partsIn(items: readonly ChecklistItem[]): ChecklistPart[] {
  const present = new Set(items.map(partOf));
  return (Object.keys(partLabels) as ChecklistPart[]).filter((p) => present.has(p));
}

export interface ItemFilter {
  status: StatusFilter;
  part: ChecklistPart | 'all';
  /** Lower-cased search text; '' for none. */
  search: string;
}

/** Everything a search looks in: key, title, prompt, reference, every auditor's notes, evidence. */
export function searchText(item: ChecklistItem, localNotes: string | undefined): string {
  return [
    item.itemKey,
    itemKeyLabel(item.itemKey) ?? '',
    item.title,
    item.prompt,
    item.requirementRef,
    item.carriedNote,
    localNotes ?? '',
    ...item.answers.map((a) => a.notes),
    ...item.evidence.flatMap((e) => [e.description, e.detail]),
  ]
    .join('\n')
    .toLowerCase();
}

export function matchesFilter(
  item: ChecklistItem,
  filter: ItemFilter,
  localNotes: string | undefined,
): boolean {
  const result = currentResult(item);
  if (filter.status === 'unanswered' && result !== null) return false;
  if (filter.status === 'issues' && !isIssue(result)) return false;
  if (filter.part !== 'all' && partOf(item) !== filter.part) return false;
  if (filter.search !== '' && !searchText(item, localNotes).includes(filter.search)) return false;
  return true;
}

/** Counts for the section on the audit page. */
export function issueCounts(checklist: Checklist) {
  const worked = workedItems(checklist);
  const count = (v: AnswerValue) => worked.filter((i) => currentResult(i) === v).length;
  return {
    nonconformities: count('nonconformity'),
    opportunities: count('opportunity'),
    concerns: count('concern'),
    notReady: count('not_ready'),
  };
}
