import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { audits, auditTeamMembers, clients, people, personUnavailability } from '../../db/schema';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import type {
  LeadRecord,
  TeamAudit,
  TeamMemberFacts,
  TeamPersonFacts,
} from '../../shared/programme/team-rules';
import type {
  AuditState,
  AuditType,
  CompetenceArea,
  TeamRole,
} from '../../shared/programme/vocabulary';
import { declarationsOf } from './impartiality';
import { competenceAreasOf, qualificationsOf } from './person-profile';

/**
 * Reads from the database exactly the facts the pure team rules need: the audit, and for each
 * proposed member their qualifications, competence, days away, declarations about this client and
 * other audits that overlap these dates.
 */
export interface AuditForTeam {
  audit: TeamAudit;
  type: AuditType;
  state: AuditState;
  applicationReviewedAt: string | null;
}

export function auditForTeam(db: Db, auditId: string): AuditForTeam {
  const row = db
    .select({
      id: audits.id,
      clientId: audits.clientId,
      clientName: clients.legalName,
      cycleNumber: audits.cycleNumber,
      startDate: audits.plannedStart,
      endDate: audits.plannedEnd,
      type: audits.type,
      state: audits.state,
      requiredAreas: clients.requiredCompetenceAreas,
      reviewedAt: clients.applicationReviewedAt,
    })
    .from(audits)
    .innerJoin(clients, eq(clients.id, audits.clientId))
    .where(eq(audits.id, auditId))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'That audit does not exist.', 'auditId');
  return {
    audit: {
      id: row.id,
      clientId: row.clientId,
      clientName: row.clientName,
      cycleNumber: row.cycleNumber,
      startDate: row.startDate,
      endDate: row.endDate,
      requiredAreas: row.requiredAreas as CompetenceArea[],
      applicationReviewed: row.reviewedAt !== null,
    },
    type: row.type as AuditType,
    state: row.state as AuditState,
    applicationReviewedAt: row.reviewedAt,
  };
}

function bookingsOf(db: Db, audit: TeamAudit, personIds: string[]) {
  return db
    .select({
      personId: auditTeamMembers.personId,
      auditId: audits.id,
      clientName: clients.legalName,
      auditType: audits.type,
      startDate: audits.plannedStart,
      endDate: audits.plannedEnd,
      role: auditTeamMembers.role,
    })
    .from(auditTeamMembers)
    .innerJoin(audits, eq(audits.id, auditTeamMembers.auditId))
    .innerJoin(clients, eq(clients.id, audits.clientId))
    .where(
      and(
        inArray(auditTeamMembers.personId, personIds),
        ne(audits.id, audit.id),
        // A cancelled audit frees its team's days.
        ne(audits.state, 'cancelled'),
        lte(audits.plannedStart, audit.endDate),
        gte(audits.plannedEnd, audit.startDate),
      ),
    )
    .all()
    .map((b) => ({ ...b, auditType: b.auditType as AuditType, role: b.role as TeamRole }));
}

function awayDuring(db: Db, audit: TeamAudit, personIds: string[]) {
  return db
    .select()
    .from(personUnavailability)
    .where(
      and(
        inArray(personUnavailability.personId, personIds),
        lte(personUnavailability.fromDate, audit.endDate),
        gte(personUnavailability.toDate, audit.startDate),
      ),
    )
    .all();
}

/** The facts of each proposed member, in the team's order; an unknown person is NOT_FOUND. */
export function memberFacts(
  db: Db,
  audit: TeamAudit,
  members: readonly { personId: string; role: TeamRole }[],
): TeamMemberFacts[] {
  const ids = [...new Set(members.map((m) => m.personId))];
  if (ids.length === 0) return [];
  const rows = db.select().from(people).where(inArray(people.id, ids)).all();
  const areas = competenceAreasOf(db, ids);
  const qualifications = qualificationsOf(db, ids);
  const away = awayDuring(db, audit, ids);
  const declarations = declarationsOf(db, { personIds: ids, clientId: audit.clientId });
  const bookings = bookingsOf(db, audit, ids);
  return members.map((m, i) => {
    const row = rows.find((r) => r.id === m.personId);
    if (!row) {
      throw new AppError('NOT_FOUND', 'That person does not exist.', `members[${i}].personId`);
    }
    const person: TeamPersonFacts = {
      id: row.id,
      name: row.name,
      active: row.active,
      competenceAreas: areas.get(row.id) ?? [],
      qualifications: qualifications.filter((q) => q.personId === row.id),
      unavailability: away.filter((u) => u.personId === row.id),
      declarations: declarations.filter((d) => d.personId === row.id),
      bookings: bookings.filter((b) => b.personId === row.id),
    };
    return { person, role: m.role };
  });
}

/** Who led each of the client's other audits that are not cancelled, for the rotation rule. */
export function leadHistory(db: Db, audit: TeamAudit): LeadRecord[] {
  return db
    .select({ cycleNumber: audits.cycleNumber, personId: auditTeamMembers.personId })
    .from(auditTeamMembers)
    .innerJoin(audits, eq(audits.id, auditTeamMembers.auditId))
    .where(
      and(
        eq(audits.clientId, audit.clientId),
        ne(audits.id, audit.id),
        ne(audits.state, 'cancelled'),
        eq(auditTeamMembers.role, 'lead_auditor'),
      ),
    )
    .all();
}
