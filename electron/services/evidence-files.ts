import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { checklistItems, checklists, evidenceFiles, findings, people } from '../../db/schema';
import { AppError } from '../../shared/errors';
import {
  evidenceChunkBytes,
  type EvidenceCheck,
  type EvidenceChunk,
  type EvidenceFile,
} from '../../shared/evidence/schema';
import type { Person } from '../../shared/people/schema';
import { logFieldChanges } from './change-log';
import {
  checklistAccess,
  checklistAudit,
  requireAnswering,
  teamRoleOf,
  type ChecklistAudit,
} from './checklist-access';
import { nowIso, requireActor, type ServiceContext } from './context';
import { auditOfFinding, findingActorFor } from './finding-records';
import { hashStoredFile, readStoredChunk, storedPath, storedSize } from './evidence-store';

/**
 * Evidence files (attachments) of an audit: who may attach and remove them, where they belong,
 * and checking the stored bytes against the SHA-256 recorded at capture (issue 6). Uploads are in
 * evidence-uploads.ts, the bytes on disk in evidence-store.ts.
 */

/** Under the audit's client, like the audit itself, so the client's history shows attachments. */
export const evidenceEntity = (id: string, clientId: string) => ({
  entity: 'evidence_file',
  entityId: id,
  rootId: clientId,
});

export interface EvidencePlacement {
  auditId: string;
  checklistItemId: string | null;
  findingId: string | null;
}

/**
 * The person a file is recorded under. An auditing member of the audit's team attaches anywhere;
 * a file for a finding alone (e.g. the client's response documents, received back at the office)
 * may also be attached by whoever may record that response: the team of the audit that follows
 * the finding up, or a CB reviewer (shared/findings/lifecycle.ts, submitResponse).
 */
function attachingPerson(
  ctx: ServiceContext,
  audit: ChecklistAudit,
  placement: EvidencePlacement,
): Person {
  const access = checklistAccess(ctx, ctx.db, audit.id);
  const actor = requireActor(ctx);
  if (
    !access.canAnswer &&
    actor.kind === 'person' &&
    placement.findingId !== null &&
    placement.checklistItemId === null
  ) {
    const who = findingActorFor(ctx.db, actor, auditOfFinding(ctx.db, { auditId: audit.id }));
    if (who.onAuditTeam || who.isCbReviewer) return actor.person;
  }
  return requireAnswering(ctx, access, 'attach files');
}

/**
 * Who may attach a file, and where: an auditing member of the audit's team (lead auditor, auditor,
 * technical expert; the same rule as checklist answers), to an item of this audit's checklist or
 * a finding of this audit (see attachingPerson for a finding's response documents). Returns the
 * audit and the person the file is recorded under.
 */
export function checkPlacement(
  ctx: ServiceContext,
  placement: EvidencePlacement,
): { audit: ChecklistAudit; person: Person } {
  const audit = checklistAudit(ctx.db, placement.auditId);
  const person = attachingPerson(ctx, audit, placement);
  if (audit.state === 'cancelled') {
    throw new AppError('CONFLICT', 'This audit is cancelled: no files can be attached to it.');
  }
  if (placement.checklistItemId !== null) {
    const item = ctx.db
      .select({
        id: checklistItems.id,
        itemKey: checklistItems.itemKey,
        title: checklistItems.title,
        selected: checklistItems.selected,
      })
      .from(checklistItems)
      .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
      .where(
        and(eq(checklistItems.id, placement.checklistItemId), eq(checklists.auditId, audit.id)),
      )
      .get();
    if (!item) {
      throw new AppError(
        'VALIDATION',
        "That checklist item is not on this audit's checklist.",
        'checklistItemId',
      );
    }
    // As for answers and evidence entries: an item the audit has not selected is not worked on.
    if (!item.selected) {
      throw new AppError(
        'CONFLICT',
        `${item.itemKey} ${item.title} is not selected for this audit; the lead auditor adds it to the selection first.`,
        'checklistItemId',
      );
    }
  }
  if (placement.findingId !== null) {
    const finding = ctx.db
      .select({ id: findings.id })
      .from(findings)
      .where(and(eq(findings.id, placement.findingId), eq(findings.auditId, audit.id)))
      .get();
    if (!finding) {
      throw new AppError('VALIDATION', 'That finding was not raised in this audit.', 'findingId');
    }
  }
  return { audit, person };
}

const fileColumns = {
  id: evidenceFiles.id,
  auditId: evidenceFiles.auditId,
  checklistItemId: evidenceFiles.checklistItemId,
  findingId: evidenceFiles.findingId,
  sha256: evidenceFiles.sha256,
  fileName: evidenceFiles.fileName,
  mediaType: evidenceFiles.mediaType,
  sizeBytes: evidenceFiles.sizeBytes,
  capturedById: evidenceFiles.capturedBy,
  capturedByName: people.name,
  capturedAt: evidenceFiles.capturedAt,
};

export function readEvidenceFile(db: Db, id: string): EvidenceFile | null {
  return (
    db
      .select(fileColumns)
      .from(evidenceFiles)
      .leftJoin(people, eq(people.id, evidenceFiles.capturedBy))
      .where(eq(evidenceFiles.id, id))
      .get() ?? null
  );
}

/** A file that is still attached (not removed), or NOT_FOUND. */
function liveFile(db: Db, id: string): EvidenceFile {
  const row = db
    .select({ ...fileColumns, removedAt: evidenceFiles.removedAt })
    .from(evidenceFiles)
    .leftJoin(people, eq(people.id, evidenceFiles.capturedBy))
    .where(eq(evidenceFiles.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'That evidence file does not exist.', 'id');
  const { removedAt, ...file } = row;
  if (removedAt !== null) {
    throw new AppError('NOT_FOUND', `"${file.fileName}" was removed from this audit.`, 'id');
  }
  return file;
}

/** The audit's attached files, newest first, with who captured them. */
export function listEvidenceFiles(ctx: ServiceContext, auditId: string): EvidenceFile[] {
  requireActor(ctx);
  checklistAudit(ctx.db, auditId);
  return ctx.db
    .select(fileColumns)
    .from(evidenceFiles)
    .leftJoin(people, eq(people.id, evidenceFiles.capturedBy))
    .where(and(eq(evidenceFiles.auditId, auditId), isNull(evidenceFiles.removedAt)))
    .orderBy(desc(evidenceFiles.capturedAt), desc(evidenceFiles.id))
    .all();
}

function record(file: EvidenceFile): string {
  const who = file.capturedByName ?? 'an unknown person';
  return `"${file.fileName}" (evidence record ${file.id}, attached by ${who} on ${file.capturedAt.slice(0, 10)})`;
}

/** Re-hashes the stored bytes, streamed, against the SHA-256 recorded when they were captured. */
function checkFile(ctx: ServiceContext, file: EvidenceFile): EvidenceCheck {
  const stored = storedPath(ctx.evidenceDirectory, file.sha256);
  const actual = hashStoredFile(stored);
  const base = { id: file.id, expectedSha256: file.sha256, actualSha256: actual };
  if (actual === null) {
    return {
      ...base,
      status: 'missing',
      message: `The stored copy of ${record(file)} is missing: there is no file ${stored}. Restore the evidence folder from a backup, or attach the file again.`,
    };
  }
  if (actual !== file.sha256) {
    return {
      ...base,
      status: 'altered',
      message: `The stored copy of ${record(file)} has been altered since it was captured: its SHA-256 is now ${actual.slice(0, 12)}… where the record says ${file.sha256.slice(0, 12)}…, so it cannot be relied on as evidence. Restore the evidence folder from a backup, or attach the original again.`,
    };
  }
  return {
    ...base,
    status: 'ok',
    message: `${record(file)} matches the SHA-256 recorded at capture (${file.sha256.slice(0, 12)}…).`,
  };
}

export function verifyEvidenceFile(ctx: ServiceContext, id: string): EvidenceCheck {
  requireActor(ctx);
  return checkFile(ctx, liveFile(ctx.db, id));
}

/**
 * One chunk of a stored file for opening it. The whole file is verified when the first chunk is
 * asked for, and a file that fails is refused: what is shown as evidence must be what was captured.
 */
export function readEvidenceChunk(
  ctx: ServiceContext,
  input: { id: string; offset: number },
): EvidenceChunk {
  requireActor(ctx);
  const file = liveFile(ctx.db, input.id);
  if (input.offset > file.sizeBytes) {
    throw new AppError(
      'VALIDATION',
      `"${file.fileName}" has ${file.sizeBytes} bytes; there is nothing at offset ${input.offset}.`,
      'offset',
    );
  }
  const stored = storedPath(ctx.evidenceDirectory, file.sha256);
  if (input.offset === 0) {
    const check = checkFile(ctx, file);
    if (check.status !== 'ok') throw new AppError('CONFLICT', check.message);
  } else if (storedSize(stored) !== file.sizeBytes) {
    // Changed while being read: a cheap check here, the full one happens at offset 0.
    throw new AppError('CONFLICT', checkFile(ctx, file).message);
  }
  const bytes = readStoredChunk(
    stored,
    input.offset,
    Math.min(evidenceChunkBytes, file.sizeBytes - input.offset),
  );
  const end = input.offset + bytes.length;
  return {
    data: bytes.toString('base64'),
    nextOffset: end < file.sizeBytes ? end : null,
    sizeBytes: file.sizeBytes,
  };
}

/**
 * Detaches a file. The row is marked removed and the bytes stay: they are content-addressed and
 * may be shared by another record, and backups and the later merge of laptops need them. Only
 * the person who attached the file or the audit's lead auditor may do it (an Audit Desk rule).
 */
export function removeEvidenceFile(ctx: ServiceContext, id: string): null {
  const actor = requireActor(ctx);
  const file = liveFile(ctx.db, id);
  const audit = checklistAudit(ctx.db, file.auditId);
  if (actor.kind !== 'person') {
    throw new AppError(
      'FORBIDDEN',
      'Choose who is working to remove a file: removals are recorded under a person.',
    );
  }
  const isLead = teamRoleOf(ctx.db, audit.id, actor.person.id) === 'lead_auditor';
  if (file.capturedById !== actor.person.id && !isLead) {
    throw new AppError(
      'FORBIDDEN',
      `${actor.person.name} cannot remove "${file.fileName}": only the person who attached it (${file.capturedByName ?? 'unknown'}) or the audit's lead auditor can (an Audit Desk rule).`,
    );
  }
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    tx.update(evidenceFiles)
      .set({ removedAt: at, updatedAt: at })
      .where(eq(evidenceFiles.id, id))
      .run();
    logFieldChanges(
      ctx,
      tx,
      evidenceEntity(id, audit.clientId),
      { removedAt: null },
      { removedAt: at },
      at,
    );
  });
  return null;
}
