import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  checklistAnswers,
  checklistEvidence,
  checklistItems,
  checklists,
  evidenceFiles,
  findings,
  readinessConclusions,
} from '../../db/schema';
import type { Db } from '../../db/open';
import { itemName } from '../../shared/checklists/item-label';
import { currentAnswer } from '../../shared/checklists/progress';
import {
  readinessConclusionSchema,
  surveillanceSelectionSchema,
  type Checklist,
  type ReadinessConclusion,
  type ReadinessConclusionInput,
  type SurveillanceSelectionInput,
} from '../../shared/checklists/schema';
import { AppError, validationError } from '../../shared/errors';
import { logEvent, logFieldChanges } from './change-log';
import {
  checklistAccess,
  checklistAudit,
  refuseCancelled,
  requirePlanning,
} from './checklist-access';
import { readChecklist, readReadinessConclusion } from './checklist-read';
import { checklistEntity } from './checklists';
import { actorId, nowIso, type ServiceContext } from './context';

/** How many item names a refusal lists before "and N more". */
const listed = 10;

function names(items: readonly { itemKey: string; title: string }[]): string {
  const shown = items.slice(0, listed).map(itemName);
  const more = items.length > listed ? ` and ${items.length - listed} more` : '';
  return `${shown.join('; ')}${more}`;
}

function checklistRow(tx: Db, auditId: string) {
  const row = tx.select().from(checklists).where(eq(checklists.auditId, auditId)).get();
  if (!row) {
    throw new AppError('CONFLICT', 'Prepare the checklist of this audit first.', 'auditId');
  }
  return row;
}

/**
 * The lead auditor's choice of items for a surveillance or special audit. Mandatory items stay
 * selected whatever is sent; an item already answered (or with evidence) cannot be dropped.
 */
export function setSurveillanceSelection(
  ctx: ServiceContext,
  raw: SurveillanceSelectionInput,
): Checklist {
  const parsed = surveillanceSelectionSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const audit = checklistAudit(tx, input.auditId);
    requirePlanning(ctx, checklistAccess(ctx, tx, audit.id), 'choose the items of this audit');
    refuseCancelled(audit, 'change');
    const checklist = checklistRow(tx, audit.id);
    if (checklist.kind !== 'selection') {
      throw new AppError(
        'CONFLICT',
        'Only a surveillance or special audit chooses its items; this checklist includes every item.',
      );
    }
    const items = tx
      .select()
      .from(checklistItems)
      .where(eq(checklistItems.checklistId, checklist.id))
      .all();
    const known = new Set(items.map((i) => i.id));
    const unknown = input.itemIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION',
        `${unknown.length === 1 ? 'One chosen item is' : `${unknown.length} chosen items are`} not on this checklist (${unknown.slice(0, 3).join(', ')}); reload the checklist and choose again.`,
        'itemIds',
      );
    }
    const wanted = new Set(input.itemIds);
    const changes = items
      .map((item) => ({ item, selected: item.mandatory || wanted.has(item.id) }))
      .filter(({ item, selected }) => item.selected !== selected);
    const dropped = changes.filter((c) => !c.selected).map((c) => c.item);
    if (dropped.length > 0) {
      const ids = dropped.map((i) => i.id);
      const worked = new Set([
        ...tx
          .select({ id: checklistAnswers.checklistItemId })
          .from(checklistAnswers)
          .where(inArray(checklistAnswers.checklistItemId, ids))
          .all()
          .map((r) => r.id),
        ...tx
          .select({ id: checklistEvidence.checklistItemId })
          .from(checklistEvidence)
          .where(
            and(
              inArray(checklistEvidence.checklistItemId, ids),
              isNull(checklistEvidence.removedAt),
            ),
          )
          .all()
          .map((r) => r.id),
        // Attached files and findings raised from an item would drop out of sight with it.
        ...tx
          .select({ id: evidenceFiles.checklistItemId })
          .from(evidenceFiles)
          .where(and(inArray(evidenceFiles.checklistItemId, ids), isNull(evidenceFiles.removedAt)))
          .all()
          .map((r) => r.id),
        ...tx
          .select({ id: findings.checklistItemId })
          .from(findings)
          .where(inArray(findings.checklistItemId, ids))
          .all()
          .map((r) => r.id),
      ]);
      const refused = dropped.filter((i) => worked.has(i.id));
      if (refused.length > 0) {
        throw new AppError(
          'CONFLICT',
          `These items already have answers or evidence (entries, attached files or findings) and stay selected: ${names(refused)}.`,
          'itemIds',
        );
      }
    }
    for (const { item, selected } of changes) {
      tx.update(checklistItems)
        .set({ selected, updatedAt: at })
        .where(eq(checklistItems.id, item.id))
        .run();
      const target = checklistEntity('checklist_item', item.id, audit.id);
      logFieldChanges(ctx, tx, target, { selected: item.selected }, { selected }, at);
    }
  });
  const access = checklistAccess(ctx, ctx.db, input.auditId);
  const checklist = readChecklist(ctx.db, input.auditId, access);
  if (!checklist) throw new AppError('INTERNAL', 'The checklist was not stored.');
  return checklist;
}

/** Items of the Stage 1 checklist with their current mark. */
function currentMarks(tx: Db, checklistId: string) {
  const items = tx
    .select({ id: checklistItems.id, itemKey: checklistItems.itemKey, title: checklistItems.title })
    .from(checklistItems)
    .where(eq(checklistItems.checklistId, checklistId))
    .orderBy(checklistItems.position)
    .all();
  const answers = tx
    .select({
      id: checklistAnswers.id,
      checklistItemId: checklistAnswers.checklistItemId,
      result: checklistAnswers.result,
      answeredAt: checklistAnswers.answeredAt,
    })
    .from(checklistAnswers)
    .innerJoin(checklistItems, eq(checklistItems.id, checklistAnswers.checklistItemId))
    .where(eq(checklistItems.checklistId, checklistId))
    .all();
  return items.map((item) => ({
    ...item,
    mark: currentAnswer(answers.filter((a) => a.checklistItemId === item.id))?.result ?? null,
  }));
}

/**
 * The Stage 1 readiness conclusion (ISO/IEC 17021-1 9.3.1.2): every item marked, and "ready" only
 * while no item is "not ready". Recording it again replaces it; the change log keeps the old one.
 */
export function recordReadinessConclusion(
  ctx: ServiceContext,
  raw: ReadinessConclusionInput,
): ReadinessConclusion {
  const parsed = readinessConclusionSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const audit = checklistAudit(tx, input.auditId);
    requirePlanning(ctx, checklistAccess(ctx, tx, audit.id), 'conclude the readiness review');
    refuseCancelled(audit, 'change');
    const checklist = checklistRow(tx, audit.id);
    if (checklist.kind !== 'readiness') {
      throw new AppError(
        'CONFLICT',
        'Only a Stage 1 checklist ends in a readiness conclusion.',
        'conclusion',
      );
    }
    const marks = currentMarks(tx, checklist.id);
    const unmarked = marks.filter((m) => m.mark === null);
    if (unmarked.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Mark every item before concluding; still unmarked: ${names(unmarked)}.`,
        'conclusion',
      );
    }
    const notReady = marks.filter((m) => m.mark === 'not_ready');
    if (input.conclusion === 'ready' && notReady.length > 0) {
      throw new AppError(
        'CONFLICT',
        `The client cannot be concluded ready while items are not ready: ${names(notReady)}.`,
        'conclusion',
      );
    }
    const values = {
      conclusion: input.conclusion,
      summary: input.summary,
      concludedBy: actorId(ctx),
      concludedAt: at,
    };
    const before = tx
      .select()
      .from(readinessConclusions)
      .where(eq(readinessConclusions.auditId, audit.id))
      .get();
    const target = checklistEntity('readiness_conclusion', audit.id, audit.id);
    if (before) {
      tx.update(readinessConclusions)
        .set({ ...values, updatedAt: at })
        .where(eq(readinessConclusions.auditId, audit.id))
        .run();
      logFieldChanges(ctx, tx, target, before, values, at);
    } else {
      const row = { auditId: audit.id, ...values, createdAt: at, updatedAt: at };
      tx.insert(readinessConclusions).values(row).run();
      logEvent(ctx, tx, target, 'created', row, at);
    }
  });
  const conclusion = readReadinessConclusion(ctx.db, input.auditId);
  if (!conclusion) throw new AppError('INTERNAL', 'The readiness conclusion was not stored.');
  return conclusion;
}
