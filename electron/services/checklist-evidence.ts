import { and, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { checklistEvidence, people } from '../../db/schema';
import {
  evidenceEntrySchema,
  updateEvidenceEntrySchema,
  type EvidenceEntry,
  type EvidenceEntryInput,
} from '../../shared/checklists/schema';
import { AppError, validationError } from '../../shared/errors';
import type { z } from 'zod';
import { logEvent, logFieldChanges } from './change-log';
import { refuseCancelled, requireAnswering } from './checklist-access';
import { itemForWork, refuseUnselected } from './checklist-answers';
import { toEvidence } from './checklist-read';
import { checklistEntity } from './checklists';
import { nowIso, requireActor, type ServiceContext } from './context';
import type { Db } from '../../db/open';

function nameOf(db: Db, personId: string): string {
  return (
    db.select({ name: people.name }).from(people).where(eq(people.id, personId)).get()?.name ?? ''
  );
}

function personIdOf(ctx: ServiceContext): string | null {
  const actor = requireActor(ctx);
  return actor.kind === 'person' ? actor.person.id : null;
}

/** Records one piece of objective evidence against an item, under the signed-in auditor. */
export function addChecklistEvidence(ctx: ServiceContext, raw: EvidenceEntryInput): EvidenceEntry {
  const personId = personIdOf(ctx);
  const parsed = evidenceEntrySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  return ctx.db.transaction((tx) => {
    const item = itemForWork(tx, input.checklistItemId, personId);
    const person = requireAnswering(ctx, item.access, 'record evidence on its checklist');
    refuseCancelled(item, 'change');
    refuseUnselected(item);
    const row = {
      id: uuidv7(),
      checklistItemId: item.itemId,
      auditorId: person.id,
      kind: input.kind,
      description: input.description,
      detail: input.detail,
      removedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(checklistEvidence).values(row).run();
    logEvent(
      ctx,
      tx,
      checklistEntity('checklist_evidence', row.id, item.auditId),
      'created',
      row,
      at,
    );
    return toEvidence(row, person.name);
  });
}

/**
 * A live evidence entry the signed-in person may change: the auditor who recorded it, or the
 * audit's lead auditor.
 */
function editableEntry(ctx: ServiceContext, tx: Db, id: string, doing: string) {
  const personId = personIdOf(ctx);
  const entry = tx
    .select()
    .from(checklistEvidence)
    .where(and(eq(checklistEvidence.id, id), isNull(checklistEvidence.removedAt)))
    .get();
  if (!entry) throw new AppError('NOT_FOUND', 'That evidence entry does not exist.', 'id');
  const item = itemForWork(tx, entry.checklistItemId, personId);
  const person = requireAnswering(ctx, item.access, doing);
  refuseCancelled(item, 'change');
  if (entry.auditorId !== person.id && item.teamRole !== 'lead_auditor') {
    throw new AppError(
      'FORBIDDEN',
      `${person.name} cannot ${doing}: only the auditor who recorded this evidence, or the lead auditor, may.`,
    );
  }
  return { entry, item, person };
}

export function updateChecklistEvidence(
  ctx: ServiceContext,
  raw: z.input<typeof updateEvidenceEntrySchema>,
): EvidenceEntry {
  const parsed = updateEvidenceEntrySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  return ctx.db.transaction((tx) => {
    const { entry, item } = editableEntry(ctx, tx, input.id, 'change this evidence');
    const values = { kind: input.kind, description: input.description, detail: input.detail };
    const target = checklistEntity('checklist_evidence', entry.id, item.auditId);
    const row = { ...entry, ...values, updatedAt: at };
    if (logFieldChanges(ctx, tx, target, entry, values, at) > 0) {
      tx.update(checklistEvidence)
        .set({ ...values, updatedAt: at })
        .where(eq(checklistEvidence.id, entry.id))
        .run();
    }
    // The name shown is the recorder's, even when the lead auditor corrected the entry.
    return toEvidence(row, nameOf(tx, entry.auditorId));
  });
}

/** Removal is a mark (removedAt), so a later merge sees it rather than a missing row. */
export function removeChecklistEvidence(ctx: ServiceContext, id: string): null {
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const { entry, item } = editableEntry(ctx, tx, id, 'remove this evidence');
    tx.update(checklistEvidence)
      .set({ removedAt: at, updatedAt: at })
      .where(eq(checklistEvidence.id, entry.id))
      .run();
    const target = checklistEntity('checklist_evidence', entry.id, item.auditId);
    logFieldChanges(ctx, tx, target, { removedAt: null }, { removedAt: at }, at);
  });
  return null;
}
