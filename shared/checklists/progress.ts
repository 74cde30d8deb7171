/**
 * Progress through a checklist: per navigation group and overall, over the items included in the
 * audit (a surveillance counts only its selected items). An item counts as answered when its
 * current answer (the newest of any auditor's that has a result, see currentAnswer) has a result;
 * notes alone do not answer it.
 */
import type { AnswerValue, ChecklistGroup } from './schema';

export interface ProgressItem {
  groupKey: string;
  selected: boolean;
  /** The result of the item's newest answer, null when unanswered or only notes were written. */
  currentResult: AnswerValue | null;
}

export interface ChecklistProgress {
  groups: ChecklistGroup[];
  progress: { answered: number; total: number };
}

/**
 * The current answer of an item: the newest of its auditors' answers (on the same instant, the
 * higher id, as the checklist lists them).
 */
export function newestAnswer<A extends { id: string; answeredAt: string }>(
  answers: readonly A[],
): A | null {
  let newest: A | null = null;
  for (const a of answers) {
    const later =
      !newest ||
      a.answeredAt > newest.answeredAt ||
      (a.answeredAt === newest.answeredAt && a.id > newest.id);
    if (later) newest = a;
  }
  return newest;
}

/**
 * The answer that decides an item's result: the newest answer that has a result, so a colleague's
 * notes written without a result never undo another auditor's mark; with no result at all, the
 * newest answer.
 */
export function currentAnswer<A extends { id: string; answeredAt: string; result: string | null }>(
  answers: readonly A[],
): A | null {
  return newestAnswer(answers.filter((a) => a.result !== null)) ?? newestAnswer(answers);
}

/** Groups in the order their first item appears; unknown group titles fall back to the key. */
export function checklistProgress(
  items: readonly ProgressItem[],
  groupTitle: (key: string) => string,
): ChecklistProgress {
  const groups = new Map<string, ChecklistGroup>();
  let answered = 0;
  let total = 0;
  for (const item of items) {
    let group = groups.get(item.groupKey);
    if (!group) {
      group = { key: item.groupKey, title: groupTitle(item.groupKey), answered: 0, total: 0 };
      groups.set(item.groupKey, group);
    }
    if (!item.selected) continue;
    group.total++;
    total++;
    if (item.currentResult !== null) {
      group.answered++;
      answered++;
    }
  }
  return { groups: [...groups.values()], progress: { answered, total } };
}
