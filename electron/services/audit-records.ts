import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import {
  audits,
  auditSites,
  auditTeamMembers,
  clients,
  clientSites,
  people,
} from '../../db/schema';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import {
  auditListQuerySchema,
  type Audit,
  type AuditListQuery,
  type AuditSite,
  type AuditSummary,
  type AuditTeamMember,
} from '../../shared/programme/audit-schema';
import {
  teamRoles,
  type AuditState,
  type AuditType,
  type TeamRole,
} from '../../shared/programme/vocabulary';
import { requireActor, type ServiceContext } from './context';

export type AuditRow = typeof audits.$inferSelect;

/** The lead auditor first, then auditors, technical experts and observers, each by name. */
export function byRole(a: AuditTeamMember, b: AuditTeamMember): number {
  return teamRoles.indexOf(a.role) - teamRoles.indexOf(b.role) || a.name.localeCompare(b.name);
}

/** Every team member of the audits matching `where`, grouped by audit. */
function teamsOf(db: Db, where: SQL | undefined): Map<string, AuditTeamMember[]> {
  const rows = db
    .select({
      auditId: auditTeamMembers.auditId,
      personId: auditTeamMembers.personId,
      name: people.name,
      role: auditTeamMembers.role,
    })
    .from(auditTeamMembers)
    .innerJoin(audits, eq(audits.id, auditTeamMembers.auditId))
    .innerJoin(people, eq(people.id, auditTeamMembers.personId))
    .where(where)
    .all();
  const teams = new Map<string, AuditTeamMember[]>();
  for (const row of rows) {
    const team = teams.get(row.auditId) ?? [];
    team.push({ personId: row.personId, name: row.name, role: row.role as TeamRole });
    teams.set(row.auditId, team);
  }
  for (const team of teams.values()) team.sort(byRole);
  return teams;
}

function summaries(db: Db, where: SQL | undefined): AuditSummary[] {
  const rows = db
    .select({
      audit: audits,
      clientName: clients.legalName,
      clientReference: clients.reference,
    })
    .from(audits)
    .innerJoin(clients, eq(clients.id, audits.clientId))
    .where(where)
    .orderBy(desc(audits.plannedStart), desc(audits.id))
    .all();
  const teams = teamsOf(db, where);
  return rows.map(({ audit, clientName, clientReference }) => ({
    id: audit.id,
    clientId: audit.clientId,
    clientName,
    clientReference,
    type: audit.type as AuditType,
    cycleNumber: audit.cycleNumber,
    state: audit.state as AuditState,
    startDate: audit.plannedStart,
    endDate: audit.plannedEnd,
    onsiteDays: audit.onsiteDays,
    remoteDays: audit.remoteDays,
    completedOn: audit.completedOn,
    team: teams.get(audit.id) ?? [],
  }));
}

export function findAuditRow(db: Db, id: string): AuditRow {
  const row = db.select().from(audits).where(eq(audits.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That audit does not exist.', 'id');
  return row;
}

function sitesOf(db: Db, auditId: string): AuditSite[] {
  return db
    .select({
      siteId: clientSites.id,
      name: clientSites.name,
      country: clientSites.country,
      address: clientSites.address,
      isCentral: clientSites.isCentral,
    })
    .from(auditSites)
    .innerJoin(clientSites, eq(clientSites.id, auditSites.siteId))
    .where(eq(auditSites.auditId, auditId))
    .orderBy(desc(clientSites.isCentral), asc(clientSites.position))
    .all();
}

/** One audit with its sites and team, as the audit page and the plan PDF show it. */
export function readAudit(db: Db, id: string): Audit {
  const [summary] = summaries(db, eq(audits.id, id));
  if (!summary) throw new AppError('NOT_FOUND', 'That audit does not exist.', 'id');
  const row = findAuditRow(db, id);
  return {
    ...summary,
    auditTimeResultId: row.auditTimeResultId,
    calculatedDays: row.calculatedDays,
    daysDeviationReason: row.daysDeviationReason,
    sites: sitesOf(db, id),
    objectives: row.objectives,
    criteria: row.criteria,
    scope: row.scope,
    cancelledReason: row.cancelledReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function getAudit(ctx: ServiceContext, id: string): Audit {
  requireActor(ctx);
  return readAudit(ctx.db, id);
}

/** The audit register, newest start first, filtered by client, type and state. */
export function listAudits(ctx: ServiceContext, query: AuditListQuery): AuditSummary[] {
  requireActor(ctx);
  const q = auditListQuerySchema.parse(query);
  return clientAudits(ctx.db, q);
}

export function clientAudits(db: Db, q: AuditListQuery): AuditSummary[] {
  const where: SQL[] = [];
  if (q.clientId) where.push(eq(audits.clientId, q.clientId));
  if (q.type) where.push(eq(audits.type, q.type));
  if (q.state) where.push(eq(audits.state, q.state));
  return summaries(db, where.length > 0 ? and(...where) : undefined);
}
