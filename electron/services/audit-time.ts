import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { auditTimeResults, auditTimeTables, clients } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  calculateAuditTime,
  checkAuditTimeEntry,
  entryToRequest,
  parseAuditTimeInput,
  validateAuditTimeTable,
  type AuditTimeRecomputation,
  type AuditTimeRecord,
  type AuditTimeResult,
  type AuditTimeTable,
  type AuditType,
} from '../../shared/audit-time';
import { AppError } from '../../shared/errors';
import { logEvent, logFieldChanges } from './change-log';
import { actorId, nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { currentAuditTimeTable } from './audit-time-tables';
import { approvalFields, recordsOf, type ResultRow } from './audit-time-records';

// Who may record a client's audit time (ISO/IEC 17021-1 9.1.4 makes it the CB's determination).
const savers = ['lead_auditor', 'admin'] as const;
// The second person who approves an override: not the audit team's own lead auditor.
const approvers = ['scheduler', 'decision_maker'] as const;

const resultEntity = (row: Pick<ResultRow, 'id' | 'clientId'>) => ({
  entity: 'audit_time_result',
  entityId: row.id,
  rootId: row.clientId,
});

function tableByVersion(ctx: ServiceContext, version: string | undefined): AuditTimeTable {
  const current = currentAuditTimeTable(ctx);
  if (version === undefined || version === current.version) return current.table;
  const row = ctx.db
    .select({ table: auditTimeTables.table })
    .from(auditTimeTables)
    .where(eq(auditTimeTables.version, version))
    .get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no audit-time table ${version}.`, 'tableVersion');
  }
  const checked = validateAuditTimeTable(row.table);
  if (!checked.ok) throw new AppError('INTERNAL', `The stored table ${version} is not valid.`);
  return checked.value;
}

/** A calculation without saving it: the current table, or the version the request names. */
export function previewAuditTime(ctx: ServiceContext, raw: unknown): AuditTimeResult {
  requireActor(ctx);
  const version =
    typeof raw === 'object' && raw !== null && 'tableVersion' in raw
      ? String(raw.tableVersion)
      : undefined;
  const table = tableByVersion(ctx, version);
  const parsed = parseAuditTimeInput(raw, table);
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.error.message, parsed.error.field);
  return calculateAuditTime(parsed.value, table);
}

function findRow(db: Db, id: string): ResultRow {
  const row = db.select().from(auditTimeResults).where(eq(auditTimeResults.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That audit-time result does not exist.', 'id');
  return row;
}

function recordOf(db: Db, id: string): AuditTimeRecord {
  const [record] = recordsOf(db, eq(auditTimeResults.id, id));
  if (!record) throw new AppError('NOT_FOUND', 'That audit-time result does not exist.', 'id');
  return record;
}

/** Calculates with the current table and records input, output, table version, who and when. */
export function saveAuditTime(
  ctx: ServiceContext,
  input: { clientId: string } & Record<string, unknown>,
): AuditTimeRecord {
  requireRole(ctx, savers, 'save audit time');
  const { clientId, ...raw } = input;
  const client = ctx.db
    .select({ id: clients.id, archivedAt: clients.archivedAt })
    .from(clients)
    .where(eq(clients.id, clientId))
    .get();
  if (!client) throw new AppError('NOT_FOUND', 'That client does not exist.', 'clientId');
  if (client.archivedAt) {
    throw new AppError('CONFLICT', 'The client is archived; restore it before saving audit time.');
  }
  const current = currentAuditTimeTable(ctx);
  const checked = checkAuditTimeEntry(raw, current.table);
  if (!checked.ok) throw new AppError('VALIDATION', checked.error.message, checked.error.field);
  const output = calculateAuditTime(entryToRequest(checked.value), current.table);
  const at = nowIso(ctx);
  const row: ResultRow = {
    id: uuidv7(),
    clientId,
    tableId: current.id,
    tableVersion: current.version,
    auditType: output.requested.auditType,
    input: checked.value,
    output,
    calculatedDays: output.requested.days,
    overrideDays: null,
    overrideReason: null,
    overriddenBy: null,
    overriddenAt: null,
    approvalState: 'notRequired',
    approvedBy: null,
    approvedAt: null,
    approvalNote: null,
    createdBy: actorId(ctx),
    createdAt: at,
    updatedAt: at,
  };
  ctx.db.transaction((tx) => {
    tx.insert(auditTimeResults).values(row).run();
    logEvent(
      ctx,
      tx,
      resultEntity(row),
      'created',
      {
        name: `${output.requested.auditType} audit: ${output.requested.days} days (table ${current.version})`,
        tableVersion: current.version,
        input: checked.value,
        output,
      },
      at,
    );
  });
  return recordOf(ctx.db, row.id);
}

export function listAuditTimeResults(ctx: ServiceContext, clientId: string): AuditTimeRecord[] {
  requireActor(ctx);
  return recordsOf(ctx.db, eq(auditTimeResults.clientId, clientId));
}

export function getAuditTimeResult(ctx: ServiceContext, id: string): AuditTimeRecord {
  requireActor(ctx);
  return recordOf(ctx.db, id);
}

/**
 * A lead auditor replaces the calculated days of the requested audit with a reason. It counts only
 * once a second person approves it; any earlier decision is cleared.
 */
export function overrideAuditTime(
  ctx: ServiceContext,
  input: { id: string; days: number; reason: string },
): AuditTimeRecord {
  requireRole(ctx, ['lead_auditor'], 'override audit time');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = findRow(tx, input.id);
    if (input.days === row.calculatedDays) {
      throw new AppError(
        'VALIDATION',
        `${input.days} days is what was calculated; an override gives a different figure.`,
        'days',
      );
    }
    const next = {
      overrideDays: input.days,
      overrideReason: input.reason,
      overriddenBy: actorId(ctx),
      overriddenAt: at,
      approvalState: 'pending',
      approvedBy: null,
      approvedAt: null,
      approvalNote: null,
    };
    tx.update(auditTimeResults)
      .set({ ...next, updatedAt: at })
      .where(eq(auditTimeResults.id, row.id))
      .run();
    logFieldChanges(ctx, tx, resultEntity(row), approvalFields(row), approvalFields(next), at);
  });
  return recordOf(ctx.db, input.id);
}

/**
 * A scheduler or certification decision maker approves or rejects a pending override. The person
 * who made the override never decides on it: the point is a second pair of eyes.
 */
export function decideAuditTimeOverride(
  ctx: ServiceContext,
  input: { id: string; decision: 'approved' | 'rejected'; note: string },
): AuditTimeRecord {
  const actor = requireRole(ctx, approvers, 'approve audit-time overrides');
  if (actor.kind !== 'person') {
    throw new AppError(
      'FORBIDDEN',
      'An approval is recorded under a person’s name; choose who is working first.',
    );
  }
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = findRow(tx, input.id);
    if (row.approvalState !== 'pending') {
      throw new AppError('CONFLICT', 'There is no pending override on this result to decide on.');
    }
    if (row.overriddenBy === actor.person.id) {
      throw new AppError(
        'FORBIDDEN',
        `${actor.person.name} made this override and cannot also approve or reject it; another scheduler or certification decision maker decides.`,
      );
    }
    const next = {
      ...row,
      approvalState: input.decision,
      approvedBy: actor.person.id,
      approvedAt: at,
      approvalNote: input.note,
    };
    tx.update(auditTimeResults)
      .set({
        approvalState: next.approvalState,
        approvedBy: next.approvedBy,
        approvedAt: at,
        approvalNote: next.approvalNote,
        updatedAt: at,
      })
      .where(eq(auditTimeResults.id, row.id))
      .run();
    logFieldChanges(ctx, tx, resultEntity(row), approvalFields(row), approvalFields(next), at);
  });
  return recordOf(ctx.db, input.id);
}

/** The saved input calculated again under today's current table, next to what was saved. */
export function recomputeAuditTime(ctx: ServiceContext, id: string): AuditTimeRecomputation {
  requireActor(ctx);
  const saved = recordOf(ctx.db, id);
  const current = currentAuditTimeTable(ctx);
  const request = { ...entryToRequest(saved.input), tableVersion: current.version };
  const parsed = parseAuditTimeInput(request, current.table);
  return {
    saved,
    currentTableVersion: current.version,
    tableChanged: current.id !== saved.tableId,
    recomputed: parsed.ok
      ? { ok: true, value: calculateAuditTime(parsed.value, current.table) }
      : parsed,
  };
}

/**
 * What the audit programme plans a client's audit days and site sample with: the newest saved result
 * that counts — one needing no approval, or one whose override was approved. Pending and rejected
 * overrides do not count.
 */
export function latestApprovedAuditTime(
  db: Db,
  clientId: string,
  auditType?: AuditType,
): AuditTimeRecord | null {
  const [latest] = recordsOf(
    db,
    and(
      eq(auditTimeResults.clientId, clientId),
      inArray(auditTimeResults.approvalState, ['notRequired', 'approved']),
      auditType === undefined ? undefined : eq(auditTimeResults.auditType, auditType),
    ),
    1,
  );
  return latest ?? null;
}
