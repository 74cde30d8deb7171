import { and, eq, max } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { audits, auditSites, certificationCycles } from '../../db/schema';
import type { Db } from '../../db/open';
import type { Client } from '../../shared/clients/schema';
import { AppError } from '../../shared/errors';
import { auditPlanners, type AuditPlan } from '../../shared/programme/audit-schema';
import { isPlanEditable } from '../../shared/programme/audit-states';
import {
  daysDeviationProblem,
  mustVisitCentralFunction,
} from '../../shared/programme/plan-defaults';
import {
  auditStateLabels,
  auditTypeLabels,
  type AuditState,
  type AuditType,
} from '../../shared/programme/vocabulary';
import { auditTimeFor } from './audit-plan-defaults';
import { findAuditRow, readAudit, type AuditRow } from './audit-records';
import { logEvent, logFieldChanges } from './change-log';
import { getClient } from './clients';
import { nowIso, requireRole, type ServiceContext } from './context';
import { recomputeAuditFindingDeadlines } from './finding-deadline-columns';

export const auditEntity = (row: Pick<AuditRow, 'id' | 'clientId'>) => ({
  entity: 'audit',
  entityId: row.id,
  // Under the client, so its history shows its audits too.
  rootId: row.clientId,
});

export function auditName(row: Pick<AuditRow, 'type' | 'plannedStart' | 'plannedEnd'>): string {
  const label = auditTypeLabels[row.type as AuditType] ?? row.type;
  return `${label}, ${row.plannedStart} to ${row.plannedEnd}`;
}

export function clientFor(db: Db, clientId: string): Client {
  try {
    return getClient(db, clientId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', 'That client does not exist.', 'clientId');
    }
    throw error;
  }
}

/** The sites must be the client's own, and the central function is visited (IAF MD 1). */
function checkSites(client: Client, type: AuditType, siteIds: readonly string[]): void {
  const own = new Set(client.sites.map((s) => s.id));
  const foreign = siteIds.findIndex((id) => !own.has(id));
  if (foreign >= 0) {
    throw new AppError(
      'VALIDATION',
      `That site is not one of ${client.legalName}’s sites.`,
      `siteIds[${foreign}]`,
    );
  }
  const central = client.sites.find((s) => s.isCentral);
  if (mustVisitCentralFunction(type) && central && !siteIds.includes(central.id)) {
    throw new AppError(
      'VALIDATION',
      `A ${auditTypeLabels[type].toLowerCase()} visits the central function (${central.name}); include it.`,
      'siteIds',
    );
  }
}

function checkDays(calculatedDays: number | null, plan: AuditPlan): void {
  const problem = daysDeviationProblem(
    calculatedDays,
    plan.onsiteDays,
    plan.remoteDays,
    plan.daysDeviationReason,
  );
  if (problem) throw new AppError('VALIDATION', problem, 'daysDeviationReason');
}

/** The plan's columns; a reason is kept only while the days differ from the calculation. */
function planColumns(plan: AuditPlan, calculatedDays: number | null) {
  const deviates = calculatedDays !== null && plan.onsiteDays + plan.remoteDays !== calculatedDays;
  return {
    plannedStart: plan.startDate,
    plannedEnd: plan.endDate,
    onsiteDays: plan.onsiteDays,
    remoteDays: plan.remoteDays,
    daysDeviationReason:
      deviates || calculatedDays === null ? plan.daysDeviationReason || null : null,
    objectives: plan.objectives,
    criteria: plan.criteria,
    scope: plan.scope,
  };
}

function insertSites(tx: Db, auditId: string, siteIds: readonly string[], at: string): void {
  for (const siteId of siteIds) {
    tx.insert(auditSites)
      .values({ id: uuidv7(), auditId, siteId, createdAt: at, updatedAt: at })
      .run();
  }
}

function siteIdsOf(tx: Db, auditId: string): string[] {
  return tx
    .select({ siteId: auditSites.siteId })
    .from(auditSites)
    .where(eq(auditSites.auditId, auditId))
    .all()
    .map((r) => r.siteId);
}

/** A cycle is planned into only once it exists, or as the next one. */
function checkCycleNumber(tx: Db, clientId: string, cycleNumber: number): void {
  const latest =
    tx
      .select({ n: max(certificationCycles.cycleNumber) })
      .from(certificationCycles)
      .where(eq(certificationCycles.clientId, clientId))
      .get()?.n ?? 0;
  if (cycleNumber > latest + 1) {
    throw new AppError(
      'VALIDATION',
      latest === 0
        ? 'The client has no certification cycle yet: its first audits belong to cycle 1.'
        : `The client is in cycle ${latest}: plan into cycle ${latest} or ${latest + 1}.`,
      'cycleNumber',
    );
  }
}

export function createAudit(
  ctx: ServiceContext,
  input: AuditPlan & { clientId: string; type: AuditType; cycleNumber: number },
) {
  requireRole(ctx, auditPlanners, 'plan audits');
  const client = clientFor(ctx.db, input.clientId);
  if (client.archivedAt) {
    throw new AppError('CONFLICT', `${client.legalName} is archived; restore it to plan audits.`);
  }
  checkSites(client, input.type, input.siteIds);
  const source = auditTimeFor(ctx.db, client.id, input.type);
  const calculatedDays = source?.days.calculatedDays ?? null;
  checkDays(calculatedDays, input);
  const at = nowIso(ctx);
  const row: AuditRow = {
    id: uuidv7(),
    clientId: client.id,
    type: input.type,
    cycleNumber: input.cycleNumber,
    state: 'planned',
    ...planColumns(input, calculatedDays),
    auditTimeResultId: source?.record.id ?? null,
    calculatedDays,
    completedOn: null,
    cancelledReason: null,
    createdAt: at,
    updatedAt: at,
  };
  ctx.db.transaction((tx) => {
    checkCycleNumber(tx, client.id, input.cycleNumber);
    tx.insert(audits).values(row).run();
    insertSites(tx, row.id, input.siteIds, at);
    const { createdAt: _c, updatedAt: _u, ...snapshot } = row;
    logEvent(
      ctx,
      tx,
      auditEntity(row),
      'created',
      { name: auditName(row), ...snapshot, siteIds: input.siteIds },
      at,
    );
  });
  return readAudit(ctx.db, row.id);
}

export function updateAudit(ctx: ServiceContext, input: AuditPlan & { id: string }) {
  requireRole(ctx, auditPlanners, 'change audit plans');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = findAuditRow(tx, input.id);
    const state = row.state as AuditState;
    if (!isPlanEditable(state)) {
      throw new AppError(
        'CONFLICT',
        `The audit is ${auditStateLabels[state].toLowerCase()}; its plan is kept as it was and cannot change.`,
      );
    }
    const client = clientFor(tx, row.clientId);
    checkSites(client, row.type as AuditType, input.siteIds);
    checkDays(row.calculatedDays, input);
    const next = planColumns(input, row.calculatedDays);
    const beforeSites = siteIdsOf(tx, row.id);
    const sitesChanged =
      beforeSites.length !== input.siteIds.length ||
      beforeSites.some((id) => !input.siteIds.includes(id));
    const changed = logFieldChanges(
      ctx,
      tx,
      auditEntity(row),
      { ...storedPlan(row), siteIds: [...beforeSites].sort() },
      { ...next, siteIds: [...input.siteIds].sort() },
      at,
    );
    if (changed === 0) return;
    tx.update(audits)
      .set({ ...next, updatedAt: at })
      .where(eq(audits.id, row.id))
      .run();
    if (sitesChanged) {
      tx.delete(auditSites).where(eq(auditSites.auditId, row.id)).run();
      insertSites(tx, row.id, input.siteIds, at);
    }
    // Until the audit is completed its findings' deadlines run from its planned last day.
    if (next.plannedEnd !== row.plannedEnd) {
      recomputeAuditFindingDeadlines(tx, { ...row, ...next }, at.slice(0, 10), at);
    }
  });
  return readAudit(ctx.db, input.id);
}

/** The plan columns as stored, to compare field by field in the change log. */
function storedPlan(row: AuditRow): ReturnType<typeof planColumns> {
  return {
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    onsiteDays: row.onsiteDays,
    remoteDays: row.remoteDays,
    daysDeviationReason: row.daysDeviationReason,
    objectives: row.objectives,
    criteria: row.criteria,
    scope: row.scope,
  };
}

/** The audits of a type in a client's cycle (for Stage 1 before Stage 2). */
export function cycleAudits(tx: Db, clientId: string, cycleNumber: number, type: AuditType) {
  return tx
    .select({ type: audits.type, state: audits.state, completedOn: audits.completedOn })
    .from(audits)
    .where(
      and(
        eq(audits.clientId, clientId),
        eq(audits.cycleNumber, cycleNumber),
        eq(audits.type, type),
      ),
    )
    .all()
    .map((a) => ({ ...a, type: a.type as AuditType, state: a.state as AuditState }));
}
