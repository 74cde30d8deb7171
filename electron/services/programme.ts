import { and, asc, eq, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { changeMark } from '../../db/change-mark';
import type { Db } from '../../db/open';
import { audits, auditTeamMembers, certificationCycles, clients, people } from '../../db/schema';
import { clientStatuses } from '../../shared/clients/schema';
import { AppError } from '../../shared/errors';
import { bookedDays, monthBounds, monthsFrom } from '../../shared/programme/booked-days';
import { nextEvents, programmeCounts } from '../../shared/programme/next-event';
import {
  bookedAudit,
  groupBy,
  isOpen,
  type AuditRecord,
  type ClientRecord,
  type CycleRecord,
  type ProgrammeRecords,
  type TeamRecord,
} from '../../shared/programme/programme-records';
import type {
  BookedDays,
  CalendarAudit,
  ProgrammeOverview,
  ProgrammeQuery,
  UtilisationQuery,
} from '../../shared/programme/programme-schema';
import type { ServiceContext } from './context';
import { prepared } from './prepared';

/**
 * The scheduler's view of the programme. Each read is one query per table and the rules run in
 * memory (shared/programme), so the dashboard stays quick with 10,000 clients.
 */

function requireSomeoneWorking(ctx: ServiceContext): void {
  if (!ctx.actor) throw new AppError('FORBIDDEN', 'Choose who is working first.');
}

const auditColumns = {
  id: audits.id,
  clientId: audits.clientId,
  type: audits.type,
  cycleNumber: audits.cycleNumber,
  state: audits.state,
  plannedStart: audits.plannedStart,
  plannedEnd: audits.plannedEnd,
  completedOn: audits.completedOn,
};

const teamColumns = {
  auditId: auditTeamMembers.auditId,
  personId: auditTeamMembers.personId,
  name: people.name,
  role: auditTeamMembers.role,
};

/** Team members of the audits a condition on `audits` selects, in one query. */
function teamWhere(db: Db, where: SQL | undefined): TeamRecord[] {
  return db
    .select(teamColumns)
    .from(auditTeamMembers)
    .innerJoin(people, eq(people.id, auditTeamMembers.personId))
    .innerJoin(audits, eq(audits.id, auditTeamMembers.auditId))
    .where(where)
    .all();
}

const knownStatuses: ReadonlySet<string> = new Set(clientStatuses);

/**
 * The dashboard's three whole-table reads as prepared statements on the connection, rows built
 * directly in the records' shape (the query builder's mapping of 30,000 audits costs more than
 * reading them); a transaction handle, which has no connection of its own, uses the builder.
 */
const programmeSql = {
  clients: `SELECT id, reference, legal_name AS legalName, country, status
    FROM clients WHERE archived_at IS NULL`,
  cycles: `SELECT client_id AS clientId, cycle_number AS cycleNumber, decision_date AS decisionDate,
      previous_expiry_date AS previousExpiryDate, previous_audit_date AS previousAuditDate,
      recertification_decision_date AS recertificationDecisionDate
    FROM certification_cycles`,
  audits: `SELECT id, client_id AS clientId, type, cycle_number AS cycleNumber, state,
      planned_start AS plannedStart, planned_end AS plannedEnd, completed_on AS completedOn
    FROM audits WHERE state <> 'cancelled'`,
} as const;

function clientOf(db: Db): Database.Database | undefined {
  return (db as { $client?: Database.Database }).$client;
}

function activeClients(db: Db): ClientRecord[] {
  const client = clientOf(db);
  const rows: (Omit<ClientRecord, 'status'> & { status: string })[] = client
    ? (prepared(client, programmeSql.clients).all() as (Omit<ClientRecord, 'status'> & {
        status: string;
      })[])
    : db
        .select({
          id: clients.id,
          reference: clients.reference,
          legalName: clients.legalName,
          country: clients.country,
          status: clients.status,
        })
        .from(clients)
        .where(isNull(clients.archivedAt))
        .all();
  // A status the app does not know plays no part (as clientStatusSchema would refuse it).
  return rows.filter((row): row is ClientRecord => knownStatuses.has(row.status));
}

function allCycles(db: Db): CycleRecord[] {
  const client = clientOf(db);
  if (client) return prepared(client, programmeSql.cycles).all() as CycleRecord[];
  return db
    .select({
      clientId: certificationCycles.clientId,
      cycleNumber: certificationCycles.cycleNumber,
      decisionDate: certificationCycles.decisionDate,
      previousExpiryDate: certificationCycles.previousExpiryDate,
      previousAuditDate: certificationCycles.previousAuditDate,
      recertificationDecisionDate: certificationCycles.recertificationDecisionDate,
    })
    .from(certificationCycles)
    .all();
}

function uncancelledAudits(db: Db): AuditRecord[] {
  const client = clientOf(db);
  if (client) return prepared(client, programmeSql.audits).all() as AuditRecord[];
  return db.select(auditColumns).from(audits).where(ne(audits.state, 'cancelled')).all();
}

/**
 * Team members of the given audits, through the team's unique (audit, person) index. The ids go in
 * as one JSON array, so any number of them is one statement.
 */
function teamOfAudits(db: Db, auditIds: readonly string[]): TeamRecord[] {
  if (auditIds.length === 0) return [];
  return db
    .select(teamColumns)
    .from(auditTeamMembers)
    .innerJoin(people, eq(people.id, auditTeamMembers.personId))
    .where(
      inArray(
        auditTeamMembers.auditId,
        sql`(SELECT value FROM json_each(${JSON.stringify(auditIds)}))`,
      ),
    )
    .all();
}

/** Everything the programme rules need, one query per table; cancelled audits play no part. */
export function programmeRecords(db: Db, today: string): ProgrammeRecords {
  const auditRows = uncancelledAudits(db);
  // Teams are shown only with an event's planned audit, which is always one still open on
  // `today` (firstOpen): the teams of the thousands of audits already held are not read.
  const openIds = auditRows.filter((a) => isOpen(a, today)).map((a) => a.id);
  return {
    today,
    clients: activeClients(db),
    cycles: allCycles(db),
    audits: auditRows,
    team: teamOfAudits(db, openIds),
  };
}

/**
 * The last overview computed on a connection, with the database state it was computed from: the
 * connection's total changes and SQLite's data_version (which moves when another connection, such
 * as the command line, writes the file). Any write at all computes the overview afresh.
 */
const lastOverview = new WeakMap<
  ServiceContext['sqlite'],
  { key: string; overview: ProgrammeOverview }
>();

function databaseState(sqlite: ServiceContext['sqlite']): string {
  const mark = changeMark(sqlite);
  return `${mark.dataVersion}:${mark.totalChanges}`;
}

/** Every client's next event as of `today`, most urgent first, with the counts by state. */
export function programmeOverview(ctx: ServiceContext, query: ProgrammeQuery): ProgrammeOverview {
  requireSomeoneWorking(ctx);
  const key = `${query.today}|${databaseState(ctx.sqlite)}`;
  const cached = lastOverview.get(ctx.sqlite);
  if (cached?.key === key) return cached.overview;
  const records = programmeRecords(ctx.db, query.today);
  const events = nextEvents(records);
  const overview = {
    today: query.today,
    counts: programmeCounts(events, records.audits, query.today),
    events,
  };
  lastOverview.set(ctx.sqlite, { key, overview });
  return overview;
}

/** The audits whose planned days touch a month (YYYY-MM), in date order, with client and team. */
export function programmeCalendar(ctx: ServiceContext, month: string): CalendarAudit[] {
  requireSomeoneWorking(ctx);
  const { first, last } = monthBounds(month);
  const inMonth = and(
    ne(audits.state, 'cancelled'),
    lte(audits.plannedStart, last),
    gte(audits.plannedEnd, first),
  );
  const rows = ctx.db
    .select({
      ...auditColumns,
      reference: clients.reference,
      legalName: clients.legalName,
      country: clients.country,
    })
    .from(audits)
    .innerJoin(clients, eq(clients.id, audits.clientId))
    .where(inMonth)
    .orderBy(asc(audits.plannedStart), asc(clients.reference))
    .all();
  const teamByAudit = groupBy(teamWhere(ctx.db, inMonth), (m) => m.auditId);
  return rows.map((row) => ({
    ...bookedAudit(row, teamByAudit),
    clientId: row.clientId,
    reference: row.reference,
    legalName: row.legalName,
    country: row.country,
  }));
}

/** Calendar days booked per person per month, for `months` months from `from`. */
export function programmeUtilisation(ctx: ServiceContext, query: UtilisationQuery): BookedDays[] {
  requireSomeoneWorking(ctx);
  const months = monthsFrom(query.from, query.months);
  const first = monthBounds(query.from).first;
  const last = monthBounds(months.at(-1) ?? query.from).last;
  const inRange = and(
    ne(audits.state, 'cancelled'),
    lte(audits.plannedStart, last),
    gte(audits.plannedEnd, first),
  );
  const auditRows = ctx.db.select(auditColumns).from(audits).where(inRange).all();
  return bookedDays(auditRows, teamWhere(ctx.db, inRange), months);
}
