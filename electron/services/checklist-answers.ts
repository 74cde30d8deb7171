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
import { logFieldChangesOnConnection } from './change-log';
import { answeringRoles, refuseCancelled, requireAnswering } from './checklist-access';
import { toAnswer } from './checklist-read';
import { checklistEntity } from './checklists';
import { nowIso, requireActor, type ServiceContext } from './context';
import { prepared } from './prepared';

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
  return workItem(row);
}

type WorkRow = {
  itemId: string;
  itemKey: string;
  title: string;
  scale: string;
  selected: boolean;
  auditId: string;
  clientId: string;
  state: string;
  teamRole: string | null;
};

/** The same lookup as itemForWork, as one prepared statement on the connection (autosave). */
const workItemSql = `SELECT i.id AS itemId, i.item_key AS itemKey, i.title AS title, i.scale AS scale,
    i.selected AS selected, a.id AS auditId, a.client_id AS clientId, a.state AS state,
    m.role AS teamRole
  FROM checklist_items i
  JOIN checklists c ON c.id = i.checklist_id
  JOIN audits a ON a.id = c.audit_id
  LEFT JOIN audit_team_members m ON m.audit_id = a.id AND m.person_id = ?
  WHERE i.id = ?`;

function preparedItemForWork(
  ctx: ServiceContext,
  checklistItemId: string,
  personId: string | null,
) {
  const raw = prepared(ctx.sqlite, workItemSql).get(personId ?? '', checklistItemId) as
    (Omit<WorkRow, 'selected'> & { selected: number }) | undefined;
  return workItem(raw && { ...raw, selected: raw.selected === 1 });
}

function workItem(row: WorkRow | undefined) {
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

type AnswerRow = typeof checklistAnswers.$inferSelect;

const answerSql = `SELECT id, checklist_item_id AS checklistItemId, auditor_id AS auditorId, result,
    notes, answered_at AS answeredAt, created_at AS createdAt, updated_at AS updatedAt
  FROM checklist_answers WHERE checklist_item_id = ? AND auditor_id = ?`;

const insertAnswerSql = `INSERT INTO checklist_answers
    (id, checklist_item_id, auditor_id, result, notes, answered_at, created_at, updated_at)
  VALUES (@id, @checklistItemId, @auditorId, @result, @notes, @answeredAt, @createdAt, @updatedAt)`;

const updateAnswerSql = `UPDATE checklist_answers
  SET result = @result, notes = @notes, answered_at = @answeredAt, updated_at = @answeredAt
  WHERE id = @id`;

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
  // The hot path of on-site work: prepared statements in a transaction on ctx's own connection
  // (better-sqlite3's, which the query builder's transactions also run on).
  const save = ctx.sqlite.transaction((): SavedAnswer => {
    const item = preparedItemForWork(ctx, input.checklistItemId, personId);
    const person = requireAnswering(ctx, item.access, 'answer its checklist');
    refuseCancelled(item, 'change');
    refuseUnselected(item);
    if (input.result !== undefined && input.result !== null) checkScale(item.scale, input.result);
    const before = prepared(ctx.sqlite, answerSql).get(item.itemId, person.id) as
      AnswerRow | undefined;
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
      prepared(ctx.sqlite, insertAnswerSql).run(row);
      logFieldChangesOnConnection(ctx, target(row.id), { result: null, notes: '' }, values, at);
      return { answer: toAnswer(row, person.name), savedAt: at };
    }
    const changed = logFieldChangesOnConnection(
      ctx,
      target(before.id),
      { result: before.result, notes: before.notes },
      values,
      at,
    );
    // Nothing changed: keep the answer's time, so "newest" still means the last real change.
    if (changed === 0) return { answer: toAnswer(before, person.name), savedAt: at };
    const row = { ...before, ...values, answeredAt: at, updatedAt: at };
    prepared(ctx.sqlite, updateAnswerSql).run({ ...values, answeredAt: at, id: before.id });
    return { answer: toAnswer(row, person.name), savedAt: at };
  });
  return save();
}
