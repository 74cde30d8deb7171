import { and, eq, inArray } from 'drizzle-orm';
import { audits, checklistAnswers, checklistItems, checklists } from '../../db/schema';
import {
  cycleCoverage as coverageOf,
  type CoverageItemInput,
} from '../../shared/checklists/coverage';
import type {
  AnswerValue,
  ChecklistKind,
  ChecklistSection,
  CycleCoverage,
} from '../../shared/checklists/schema';
import type { AuditState, AuditType } from '../../shared/programme/vocabulary';
import { currentAnswer } from '../../shared/checklists/progress';
import { currentCatalogue } from './catalogue';
import { checklistAudit } from './checklist-access';
import { requireActor, type ServiceContext } from './context';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/**
 * The coverage matrix of the certification cycle the audit belongs to: one query per table for the
 * whole cycle; the rules are in shared/checklists/coverage.ts.
 */
export function cycleCoverage(ctx: ServiceContext, auditId: string): CycleCoverage {
  requireActor(ctx);
  const { db } = ctx;
  const audit = checklistAudit(db, auditId);
  const cycle = db
    .select({
      id: audits.id,
      type: audits.type,
      state: audits.state,
      plannedStart: audits.plannedStart,
    })
    .from(audits)
    .where(and(eq(audits.clientId, audit.clientId), eq(audits.cycleNumber, audit.cycleNumber)))
    .all();
  const lists = db
    .select({ id: checklists.id, auditId: checklists.auditId, kind: checklists.kind })
    .from(checklists)
    .where(
      inArray(
        checklists.auditId,
        cycle.map((a) => a.id),
      ),
    )
    .all();
  const listIds = lists.map((l) => l.id);
  const items =
    listIds.length === 0
      ? []
      : db
          .select({
            id: checklistItems.id,
            checklistId: checklistItems.checklistId,
            itemKey: checklistItems.itemKey,
            title: checklistItems.title,
            groupKey: checklistItems.groupKey,
            section: checklistItems.section,
            selected: checklistItems.selected,
          })
          .from(checklistItems)
          .where(inArray(checklistItems.checklistId, listIds))
          .orderBy(checklistItems.position)
          .all();
  const answers =
    listIds.length === 0
      ? []
      : db
          .select({
            id: checklistAnswers.id,
            itemId: checklistAnswers.checklistItemId,
            result: checklistAnswers.result,
            answeredAt: checklistAnswers.answeredAt,
          })
          .from(checklistAnswers)
          .innerJoin(checklistItems, eq(checklistItems.id, checklistAnswers.checklistItemId))
          .where(inArray(checklistItems.checklistId, listIds))
          .all();
  // The current (newest) answer of each item.
  const current = new Map<string, { result: string | null }>();
  for (const [itemId, list] of groupBy(answers, (a) => a.itemId)) {
    current.set(itemId, currentAnswer(list) ?? { result: null });
  }
  const itemsByList = new Map<string, CoverageItemInput[]>();
  for (const item of items) {
    const list = itemsByList.get(item.checklistId) ?? [];
    list.push({
      itemKey: item.itemKey,
      title: item.title,
      groupKey: item.groupKey,
      section: item.section as ChecklistSection,
      selected: item.selected,
      currentResult: (current.get(item.id)?.result ?? null) as AnswerValue | null,
    });
    itemsByList.set(item.checklistId, list);
  }
  return coverageOf({
    clientId: audit.clientId,
    cycleNumber: audit.cycleNumber,
    catalogueOrder: currentCatalogue(db).items.map((i) => i.id),
    audits: cycle.map((a) => {
      const list = lists.find((l) => l.auditId === a.id);
      return {
        auditId: a.id,
        type: a.type as AuditType,
        state: a.state as AuditState,
        plannedStart: a.plannedStart,
        checklist: list
          ? { kind: list.kind as ChecklistKind, items: itemsByList.get(list.id) ?? [] }
          : null,
      };
    }),
  });
}
