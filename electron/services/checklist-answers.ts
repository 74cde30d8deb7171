import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  audits,
  auditTeamMembers,
  checklistAnswers,
  checklistItems,
  checklists,
} from '../../db/schema';
import type { Db } from '../../db/open';
import {
  itemResults,
  readinessMarks,
  saveAnswerSchema,
  type SaveAnswerInput,
  type SavedAnswer,
} from '../../shared/checklists/schema';
import { AppError, validationError } from '../../shared/errors';
import type { AuditState, TeamRole } from '../../shared/programme/vocabulary';
import { logFieldChanges } from './change-log';
import { answeringRoles, refuseCancelled, requireAnswering } from './checklist-access';
import { toAnswer } from './checklist-read';
import { checklistEntity } from './checklists';
import { nowIso, requireActor, type ServiceContext } from './context';

/** One checklist item with its audit and the signed-in person's team role, in one query. */
export function itemForWork(db: Db, checklistItemId: string, personId: string | null) {
  const row = db
    .select({
      itemId: checklistItems.id,
      itemKey: checklistItems.itemKey,
      title: checklistItems.title,
      scale: checklistItems.scale,
      selected: checklistItems.selected,
      auditId: audits.id,
      clientId: audits.clientId,
      state: audits.state,
      teamRole: auditTeamMembers.role,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .innerJoin(audits, eq(audits.id, checklists.auditId))
    .leftJoin(
      auditTeamMembers,
      and(eq(auditTeamMembers.auditId, audits.id), eq(auditTeamMembers.personId, personId ?? '')),
    )
    .where(eq(checklistItems.id, checklistItemId))
    .get();
  if (!row) {
    throw new AppError('NOT_FOUND', 'That checklist item does not exist.', 'checklistItemId');
  }
  const teamRole = (row.teamRole as TeamRole | null) ?? null;
  return {
    ...row,
    teamRole,
    state: row.state as AuditState,
    access: {
      teamRole,
      canAnswer: teamRole !== null && answeringRoles.includes(teamRole),
    },
  };
}

export type WorkItem = ReturnType<typeof itemForWork>;

/** Refuses work on an item a surveillance audit has not selected. */
export function refuseUnselected(item: WorkItem): void {
  if (!item.selected) {
    throw new AppError(
      'CONFLICT',
      `${item.itemKey} ${item.title} is not selected for this audit; the lead auditor adds it to the selection first.`,
      'checklistItemId',
    );
  }
}

const allowed = {
  readiness: readinessMarks,
  result: itemResults,
} as const;

function checkScale(scale: string, result: string): void {
  const values: readonly string[] = scale === 'readiness' ? allowed.readiness : allowed.result;
  if (!values.includes(result)) {
    const what = scale === 'readiness' ? 'a Stage 1 readiness item' : 'this item';
    throw new AppError(
      'VALIDATION',
      `${result} is not a result for ${what}; choose one of: ${values.join(', ')}.`,
      'result',
    );
  }
}

/**
 * Autosave: upserts the signed-in auditor's own answer to one item (each auditor keeps a row of
 * their own, so two laptops' work merges per item and auditor). One short transaction.
 */
export function saveChecklistAnswer(ctx: ServiceContext, raw: SaveAnswerInput): SavedAnswer {
  const actor = requireActor(ctx);
  const parsed = saveAnswerSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const personId = actor.kind === 'person' ? actor.person.id : null;
  const at = nowIso(ctx);
  return ctx.db.transaction((tx) => {
    const item = itemForWork(tx, input.checklistItemId, personId);
    const person = requireAnswering(ctx, item.access, 'answer its checklist');
    refuseCancelled(item, 'change');
    refuseUnselected(item);
    if (input.result !== undefined && input.result !== null) checkScale(item.scale, input.result);
    const before = tx
      .select()
      .from(checklistAnswers)
      .where(
        and(
          eq(checklistAnswers.checklistItemId, item.itemId),
          eq(checklistAnswers.auditorId, person.id),
        ),
      )
      .get();
    const values = {
      result: input.result === undefined ? (before?.result ?? null) : input.result,
      notes: input.notes ?? before?.notes ?? '',
    };
    const target = (id: string) => checklistEntity('checklist_answer', id, item.auditId);
    if (!before) {
      const row = {
        id: uuidv7(),
        checklistItemId: item.itemId,
        auditorId: person.id,
        ...values,
        answeredAt: at,
        createdAt: at,
        updatedAt: at,
      };
      tx.insert(checklistAnswers).values(row).run();
      logFieldChanges(ctx, tx, target(row.id), { result: null, notes: '' }, values, at);
      return { answer: toAnswer(row, person.name), savedAt: at };
    }
    const changed = logFieldChanges(
      ctx,
      tx,
      target(before.id),
      { result: before.result, notes: before.notes },
      values,
      at,
    );
    // Nothing changed: keep the answer's time, so "newest" still means the last real change.
    if (changed === 0) return { answer: toAnswer(before, person.name), savedAt: at };
    const row = { ...before, ...values, answeredAt: at, updatedAt: at };
    tx.update(checklistAnswers)
      .set({ ...values, answeredAt: at, updatedAt: at })
      .where(eq(checklistAnswers.id, before.id))
      .run();
    return { answer: toAnswer(row, person.name), savedAt: at };
  });
}
