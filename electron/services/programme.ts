import { and, asc, eq, gte, isNull, lte, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { audits, auditTeamMembers, certificationCycles, clients, people } from '../../db/schema';
import { clientStatusSchema } from '../../shared/clients/schema';
import { AppError } from '../../shared/errors';
import { bookedDays, monthBounds, monthsFrom } from '../../shared/programme/booked-days';
import { nextEvents, programmeCounts } from '../../shared/programme/next-event';
import {
  bookedAudit,
  groupBy,
  type ClientRecord,
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

function activeClients(db: Db): ClientRecord[] {
  const rows = db
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
  const out: ClientRecord[] = [];
  for (const row of rows) {
    const status = clientStatusSchema.safeParse(row.status);
    if (status.success) out.push({ ...row, status: status.data });
  }
  return out;
}

/** Everything the programme rules need, one query per table; cancelled audits play no part. */
export function programmeRecords(db: Db, today: string): ProgrammeRecords {
  const notCancelled = ne(audits.state, 'cancelled');
  return {
    today,
    clients: activeClients(db),
    cycles: db
      .select({
        clientId: certificationCycles.clientId,
        cycleNumber: certificationCycles.cycleNumber,
        decisionDate: certificationCycles.decisionDate,
        previousExpiryDate: certificationCycles.previousExpiryDate,
        previousAuditDate: certificationCycles.previousAuditDate,
        recertificationDecisionDate: certificationCycles.recertificationDecisionDate,
      })
      .from(certificationCycles)
      .all(),
    audits: db.select(auditColumns).from(audits).where(notCancelled).all(),
    team: teamWhere(db, notCancelled),
  };
}

/** Every client's next event as of `today`, most urgent first, with the counts by state. */
export function programmeOverview(ctx: ServiceContext, query: ProgrammeQuery): ProgrammeOverview {
  requireSomeoneWorking(ctx);
  const records = programmeRecords(ctx.db, query.today);
  const events = nextEvents(records);
  return {
    today: query.today,
    counts: programmeCounts(events, records.audits, query.today),
    events,
  };
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
