import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { auditTimeTables, people } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  defaultAuditTimeTable,
  validateAuditTimeTable,
  type AuditTimeTable,
  type AuditTimeTableSummary,
  type AuditTimeTableVersion,
} from '../../shared/audit-time';
import { isCalendarDay } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { logEvent, logFieldChanges } from './change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';

/** The shipped table takes effect from the start of the year its version is named after. */
const defaultEffectiveDate = '2025-01-01';

const tableEntity = (id: string) => ({ entity: 'audit_time_table', entityId: id, rootId: id });

/**
 * The shipped table is written on first use rather than in a migration, so that its JSON has one
 * source (shared/audit-time/default-table.ts). It becomes current only when no version is current,
 * and is inserted at most once (unique version name).
 */
export function ensureDefaultTable(ctx: ServiceContext): void {
  const exists = ctx.db
    .select({ id: auditTimeTables.id })
    .from(auditTimeTables)
    .where(eq(auditTimeTables.version, defaultAuditTimeTable.version))
    .get();
  if (exists) return;
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const anyCurrent = tx
      .select({ id: auditTimeTables.id })
      .from(auditTimeTables)
      .where(eq(auditTimeTables.isCurrent, true))
      .get();
    const id = uuidv7();
    const row = {
      id,
      version: defaultAuditTimeTable.version,
      effectiveDate: defaultEffectiveDate,
      table: defaultAuditTimeTable,
      isCurrent: !anyCurrent,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(auditTimeTables).values(row).onConflictDoNothing().run();
    // Shipped with the app, not made by whoever happened to be working.
    logEvent({ ...ctx, actor: null }, tx, tableEntity(id), 'created', row, at);
  });
}

const summaryColumns = {
  id: auditTimeTables.id,
  version: auditTimeTables.version,
  effectiveDate: auditTimeTables.effectiveDate,
  isCurrent: auditTimeTables.isCurrent,
  createdByName: people.name,
  createdAt: auditTimeTables.createdAt,
  // Every query selecting these joins people, so drizzle qualifies the column with its table.
  resultCount: sql<number>`(SELECT COUNT(*) FROM audit_time_results r WHERE r.table_id = ${auditTimeTables.id})`,
};

export function listAuditTimeTables(ctx: ServiceContext): AuditTimeTableSummary[] {
  requireActor(ctx);
  ensureDefaultTable(ctx);
  return ctx.db
    .select(summaryColumns)
    .from(auditTimeTables)
    .leftJoin(people, eq(people.id, auditTimeTables.createdBy))
    .orderBy(desc(auditTimeTables.effectiveDate), desc(auditTimeTables.createdAt))
    .all();
}

function tableVersion(db: Db, where: SQL): AuditTimeTableVersion | null {
  const row = db
    .select({ ...summaryColumns, table: auditTimeTables.table })
    .from(auditTimeTables)
    .leftJoin(people, eq(people.id, auditTimeTables.createdBy))
    .where(where)
    .get();
  if (!row) return null;
  // Stored tables were validated when written; parsing again guards against a hand-edited file.
  const checked = validateAuditTimeTable(row.table);
  if (!checked.ok) {
    throw new AppError('INTERNAL', `The stored audit-time table ${row.version} is not valid.`);
  }
  return { ...row, table: checked.value };
}

export function getAuditTimeTable(ctx: ServiceContext, id: string): AuditTimeTableVersion {
  requireActor(ctx);
  ensureDefaultTable(ctx);
  const found = tableVersion(ctx.db, eq(auditTimeTables.id, id));
  if (!found) throw new AppError('NOT_FOUND', 'That audit-time table does not exist.', 'id');
  return found;
}

/** The version new calculations use. */
export function currentAuditTimeTable(ctx: ServiceContext): AuditTimeTableVersion {
  ensureDefaultTable(ctx);
  const found = tableVersion(ctx.db, eq(auditTimeTables.isCurrent, true));
  if (!found) throw new AppError('CONFLICT', 'No audit-time table is current; make one current.');
  return found;
}

/**
 * A CB administrator's new version: a copy of a table with edits, a new name and an effective date.
 * It does not become current until an administrator says so.
 */
export function createAuditTimeTable(
  ctx: ServiceContext,
  input: { effectiveDate: string } & Record<string, unknown>,
): AuditTimeTableVersion {
  requireRole(ctx, ['admin'], 'create audit-time tables');
  ensureDefaultTable(ctx);
  const { effectiveDate, ...raw } = input;
  if (!isCalendarDay(effectiveDate)) {
    throw new AppError(
      'VALIDATION',
      'Enter a date as YYYY-MM-DD, e.g. 2026-04-01.',
      'effectiveDate',
    );
  }
  const checked = validateAuditTimeTable(raw);
  if (!checked.ok) {
    const [first] = checked.errors;
    throw new AppError(
      'VALIDATION',
      first?.message ?? 'The table is not valid.',
      first?.field ?? 'version',
    );
  }
  const table: AuditTimeTable = checked.value;
  const at = nowIso(ctx);
  const id = uuidv7();
  ctx.db.transaction((tx) => {
    const taken = tx
      .select({ id: auditTimeTables.id })
      .from(auditTimeTables)
      .where(eq(auditTimeTables.version, table.version))
      .get();
    if (taken) {
      throw new AppError(
        'CONFLICT',
        `A table named ${table.version} already exists; give the new version its own name.`,
        'version',
      );
    }
    const actor = ctx.actor?.kind === 'person' ? ctx.actor.person.id : null;
    const row = {
      id,
      version: table.version,
      effectiveDate,
      table,
      isCurrent: false,
      createdBy: actor,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(auditTimeTables).values(row).run();
    logEvent(ctx, tx, tableEntity(id), 'created', row, at);
  });
  return getAuditTimeTable(ctx, id);
}

/** From now on new calculations use this version; saved results keep the one they were made with. */
export function makeAuditTimeTableCurrent(ctx: ServiceContext, id: string): AuditTimeTableVersion {
  requireRole(ctx, ['admin'], 'change which audit-time table is current');
  ensureDefaultTable(ctx);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const next = tx.select().from(auditTimeTables).where(eq(auditTimeTables.id, id)).get();
    if (!next) throw new AppError('NOT_FOUND', 'That audit-time table does not exist.', 'id');
    if (next.isCurrent) return;
    const previous = tx
      .select()
      .from(auditTimeTables)
      .where(eq(auditTimeTables.isCurrent, true))
      .get();
    if (previous) {
      tx.update(auditTimeTables)
        .set({ isCurrent: false, updatedAt: at })
        .where(eq(auditTimeTables.id, previous.id))
        .run();
      logFieldChanges(
        ctx,
        tx,
        tableEntity(previous.id),
        { isCurrent: true },
        { isCurrent: false },
        at,
      );
    }
    tx.update(auditTimeTables)
      .set({ isCurrent: true, updatedAt: at })
      .where(eq(auditTimeTables.id, id))
      .run();
    logFieldChanges(ctx, tx, tableEntity(id), { isCurrent: false }, { isCurrent: true }, at);
  });
  return getAuditTimeTable(ctx, id);
}
