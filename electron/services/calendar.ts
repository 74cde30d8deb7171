import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
  audits,
  auditSites,
  auditTeamMembers,
  clients,
  clientSites,
  people,
} from '../../db/schema';
import { countryName } from '../../shared/countries';
import { AppError } from '../../shared/errors';
import type { CalendarFile } from '../../shared/programme/programme-schema';
import { groupBy, teamOf } from '../../shared/programme/programme-records';
import {
  auditStateLabels,
  auditTypeLabels,
  auditTypeSchema,
  teamRoleLabels,
  type AuditState,
} from '../../shared/programme/vocabulary';
import { calendarText, type CalendarEntry } from './calendar-ics';
import type { ServiceContext } from './context';

/**
 * Calendar files for audit teams (issue 5 §5): one audit, or every audit of one person. An audit
 * is one event with the same UID in both files, so whichever a person imports, and however often,
 * their calendar holds it once and shows its latest dates.
 */

export function auditUid(auditId: string): string {
  return `audit-${auditId}@audit-desk`;
}

function requireSomeoneWorking(ctx: ServiceContext): void {
  if (!ctx.actor) throw new AppError('FORBIDDEN', 'Choose who is working first.');
}

/** Audits a condition selects, with their clients, teams and sites: three queries in all. */
/** Lower-case ASCII words for a file name (Chloé Martin → chloe-martin). */
function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface LoadedEntry {
  entry: CalendarEntry;
  /** e.g. c-2024-0003-surveillance-2026-05-04 */
  fileStem: string;
}

function loadEntries(db: Db, where: SQL | undefined): LoadedEntry[] {
  const rows = db
    .select({
      audit: audits,
      legalName: clients.legalName,
      reference: clients.reference,
      clientAddress: clients.address,
      clientCountry: clients.country,
    })
    .from(audits)
    .innerJoin(clients, eq(clients.id, audits.clientId))
    .where(where)
    .orderBy(audits.plannedStart)
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.audit.id);
  const team = db
    .select({
      auditId: auditTeamMembers.auditId,
      personId: auditTeamMembers.personId,
      role: auditTeamMembers.role,
      name: people.name,
      updatedAt: auditTeamMembers.updatedAt,
    })
    .from(auditTeamMembers)
    .innerJoin(people, eq(people.id, auditTeamMembers.personId))
    .where(inArray(auditTeamMembers.auditId, ids))
    .all();
  const sites = db
    .select({
      auditId: auditSites.auditId,
      name: clientSites.name,
      address: clientSites.address,
      country: clientSites.country,
      position: clientSites.position,
      updatedAt: auditSites.updatedAt,
    })
    .from(auditSites)
    .innerJoin(clientSites, eq(clientSites.id, auditSites.siteId))
    .where(inArray(auditSites.auditId, ids))
    .all();
  const teamByAudit = groupBy(team, (m) => m.auditId);
  const sitesByAudit = groupBy(sites, (s) => s.auditId);

  return rows.map(({ audit, legalName, reference, clientAddress, clientCountry }) => {
    const members = teamByAudit.get(audit.id) ?? [];
    const visited = (sitesByAudit.get(audit.id) ?? []).sort((a, b) => a.position - b.position);
    const parsedType = auditTypeSchema.safeParse(audit.type);
    const typeLabel = parsedType.success ? auditTypeLabels[parsedType.data] : audit.type;
    const state = audit.state as AuditState;
    const addresses = visited.map((s) =>
      [s.address, countryName(s.country)].filter((part) => part !== '').join(', '),
    );
    const location =
      addresses.length > 0
        ? addresses.join('; ')
        : [clientAddress, countryName(clientCountry)].filter((p) => p !== '').join(', ');
    const teamLine = teamOf(members)
      .map((m) => `${m.name} (${teamRoleLabels[m.role] ?? m.role})`)
      .join(', ');
    const days = `${audit.onsiteDays} on site, ${audit.remoteDays} remote`;
    const description = [
      `Client: ${legalName} (${reference})`,
      `Audit: ${typeLabel}, cycle ${audit.cycleNumber} (${auditStateLabels[state] ?? audit.state})`,
      `Dates: ${audit.plannedStart} to ${audit.plannedEnd}; audit days: ${days}`,
      `Team: ${teamLine === '' ? 'not assigned yet' : teamLine}`,
      ...(visited.length > 0 ? [`Sites: ${visited.map((s) => s.name).join(', ')}`] : []),
      ...(audit.scope !== '' ? [`Scope: ${audit.scope}`] : []),
    ].join('\n');
    const changes = [audit.updatedAt, ...members.map((m) => m.updatedAt)];
    changes.push(...visited.map((s) => s.updatedAt));
    const entry: CalendarEntry = {
      uid: auditUid(audit.id),
      title: `${typeLabel}: ${legalName}`,
      firstDay: audit.plannedStart,
      lastDay: audit.plannedEnd < audit.plannedStart ? audit.plannedStart : audit.plannedEnd,
      description,
      location,
      status: state === 'cancelled' ? 'CANCELLED' : state === 'planned' ? 'TENTATIVE' : 'CONFIRMED',
      lastModified: changes.reduce((a, b) => (a > b ? a : b)),
    };
    return { entry, fileStem: fileSlug(`${reference} ${audit.type} ${audit.plannedStart}`) };
  });
}

/** One audit, all its days. A cancelled audit is exported as cancelled, so a re-import clears it. */
export function auditCalendarFile(ctx: ServiceContext, auditId: string): CalendarFile {
  requireSomeoneWorking(ctx);
  const [loaded] = loadEntries(ctx.db, eq(audits.id, auditId));
  if (!loaded) throw new AppError('NOT_FOUND', 'That audit does not exist.', 'id');
  return {
    fileName: `${loaded.fileStem}.ics`,
    text: calendarText(`Audit Desk: ${loaded.entry.title}`, [loaded.entry], ctx.now()),
  };
}

/** Every audit a person is on, except cancelled ones, past and planned. */
export function personCalendarFile(ctx: ServiceContext, personId: string): CalendarFile {
  requireSomeoneWorking(ctx);
  const person = ctx.db.select().from(people).where(eq(people.id, personId)).get();
  if (!person) throw new AppError('NOT_FOUND', 'That person does not exist.', 'id');
  const onTeam = ctx.db
    .select({ auditId: auditTeamMembers.auditId })
    .from(auditTeamMembers)
    .where(eq(auditTeamMembers.personId, personId));
  const entries = loadEntries(
    ctx.db,
    and(inArray(audits.id, onTeam), ne(audits.state, 'cancelled')),
  ).map((loaded) => loaded.entry);
  if (entries.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `${person.name} is on no audit team yet, so there is nothing to put in a calendar.`,
      'id',
    );
  }
  return {
    fileName: `audits-${fileSlug(person.name)}.ics`,
    text: calendarText(`Audit Desk: audits of ${person.name}`, entries, ctx.now()),
  };
}
