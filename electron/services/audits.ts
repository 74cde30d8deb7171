import { and, eq, max } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { audits, auditSites, certificationCycles } from '../../db/schema';
import type { Db } from '../../db/open';
import type { Client } from '../../shared/clients/schema';
import { AppError, validationError } from '../../shared/errors';
import {
  auditPageQuerySchema,
  auditPlanners,
  type AuditPage,
  type AuditPageQuery,
  type AuditPlan,
  type AuditSummary,
  type AuditTeamMember,
} from '../../shared/programme/audit-schema';
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
  type TeamRole,
} from '../../shared/programme/vocabulary';
import { auditTimeFor } from './audit-plan-defaults';
import { byRole, findAuditRow, readAudit, type AuditRow } from './audit-records';
import { logEvent, logFieldChanges } from './change-log';
import { getClient } from './clients';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { prepared } from './prepared';
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

/** The audit list's filters once parsed (the page aside). */
type AuditPageFilters = Omit<ReturnType<typeof auditPageQuerySchema.parse>, 'offset' | 'limit'>;

interface PageSql {
  sql: string;
  params: unknown[];
}

/** `%text%` for LIKE on the lower-cased search text, with the wildcards typed taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * FROM and WHERE of the audit list. A search starts from the clients (their search text is in
 * clients_list_idx, so matching reads that index, not the client rows) and reaches each matching
 * client's audits through audits_client_idx; CROSS JOIN keeps SQLite to that order. A client
 * filter reads audits_client_idx, a state filter audits_state_start_idx.
 */
function auditPageFrom(q: AuditPageFilters): PageSql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const search = q.search ?? '';
  if (search !== '') {
    clauses.push("c.search_text LIKE ? ESCAPE '\\'");
    params.push(containing(search));
  }
  if (q.clientId) {
    // With a search the client is reached first: by its key, not by reading every client.
    clauses.push(search !== '' ? 'c.id = ?' : 'a.client_id = ?');
    params.push(q.clientId);
  }
  if (q.type) {
    clauses.push('a.type = ?');
    params.push(q.type);
  }
  if (q.state) {
    // Narrowed to a client (or the clients found), audits_client_idx reads that client's few
    // audits; `+` keeps SQLite from reading every audit in the state for each client instead.
    clauses.push(search !== '' || q.clientId ? '+a.state = ?' : 'a.state = ?');
    params.push(q.state);
  }
  const from = search !== '' ? 'clients c CROSS JOIN audits a ON a.client_id = c.id' : 'audits a';
  const where = clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '';
  return { sql: `${from}${where}`, params };
}

/** Newest planned start first, then the id (uuidv7, so the later planned first on a tie). */
const auditListOrder = 'a.planned_start DESC, a.id DESC';

/**
 * The page's audits with their client. The page is chosen on the audits (and, for a search, the
 * clients' index) alone; only its rows are then read in full and joined to their client.
 */
export function auditPageQuery(
  q: AuditPageFilters,
  page: { offset: number; limit: number },
): PageSql {
  const from = auditPageFrom(q);
  const sql = `SELECT a.id AS id, a.client_id AS clientId, c.legal_name AS clientName,
    c.reference AS clientReference, a.type AS type, a.cycle_number AS cycleNumber,
    a.state AS state, a.planned_start AS startDate, a.planned_end AS endDate,
    a.onsite_days AS onsiteDays, a.remote_days AS remoteDays, a.completed_on AS completedOn
  FROM (SELECT a.id AS id FROM ${from.sql} ORDER BY ${auditListOrder} LIMIT ? OFFSET ?) page
  CROSS JOIN audits a ON a.id = page.id
  JOIN clients c ON c.id = a.client_id
  ORDER BY ${auditListOrder}`;
  return { sql, params: [...from.params, page.limit, page.offset] };
}

export function auditCountQuery(q: AuditPageFilters): PageSql {
  const from = auditPageFrom(q);
  return { sql: `SELECT count(*) AS n FROM ${from.sql}`, params: from.params };
}

/** The team of each of the given audits, in one query on the team's (audit, person) index. */
export const auditTeamsQuery = `SELECT m.audit_id AS auditId, m.person_id AS personId,
    p.name AS name, m.role AS role
  FROM json_each(?) ids
  CROSS JOIN audit_team_members m ON m.audit_id = ids.value
  JOIN people p ON p.id = m.person_id`;

type AuditPageRow = Omit<AuditSummary, 'team'>;

function teamsOfPage(ctx: ServiceContext, auditIds: string[]): Map<string, AuditTeamMember[]> {
  const teams = new Map<string, AuditTeamMember[]>();
  if (auditIds.length === 0) return teams;
  const rows = prepared(ctx.sqlite, auditTeamsQuery).all(JSON.stringify(auditIds)) as {
    auditId: string;
    personId: string;
    name: string;
    role: string;
  }[];
  for (const row of rows) {
    const team = teams.get(row.auditId) ?? [];
    team.push({ personId: row.personId, name: row.name, role: row.role as TeamRole });
    teams.set(row.auditId, team);
  }
  for (const team of teams.values()) team.sort(byRole);
  return teams;
}

/**
 * One page of the audit list, newest planned start first, filtered by client, type and state and
 * searched by the client's name or reference, with how many audits match in all. Only the page's
 * audits are read with their team (anyone signed in may read the list).
 */
export function listAuditPage(ctx: ServiceContext, raw: AuditPageQuery): AuditPage {
  requireActor(ctx);
  const parsed = auditPageQuerySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { offset, limit, ...filters } = parsed.data;
  const count = auditCountQuery(filters);
  const total = (prepared(ctx.sqlite, count.sql).get(...count.params) as { n: number }).n;
  const main = auditPageQuery(filters, { offset, limit });
  const rows = prepared(ctx.sqlite, main.sql).all(...main.params) as AuditPageRow[];
  const teams = teamsOfPage(
    ctx,
    rows.map((r) => r.id),
  );
  return { total, rows: rows.map((r) => ({ ...r, team: teams.get(r.id) ?? [] })) };
}
