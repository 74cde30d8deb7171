import { and, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/open';
import { audits, auditTeamMembers, findingEvents, findings } from '../../db/schema';
import { addCalendarDays } from '../../shared/cycle';
import { isCalendarDay } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { FindingActor } from '../../shared/findings/lifecycle';
import { hasAnyRole } from '../../shared/people/schema';
import type { AuditRow } from './audit-records';
import type { Actor } from './context';

/** The stored row of a finding and of one of its events. */
export type FindingRecord = typeof findings.$inferSelect;
export type FindingEventRow = typeof findingEvents.$inferSelect;

/** Under the client, so the client's history shows its findings' changes too. */
export const findingEntity = (id: string, clientId: string) => ({
  entity: 'finding',
  entityId: id,
  rootId: clientId,
});

export function findFindingRow(db: Db, id: string): FindingRecord {
  const row = db.select().from(findings).where(eq(findings.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That finding does not exist.', 'id');
  return row;
}

export function auditOfFinding(db: Db, finding: Pick<FindingRecord, 'auditId'>): AuditRow {
  const row = db.select().from(audits).where(eq(audits.id, finding.auditId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'The finding’s audit does not exist.', 'auditId');
  return row;
}

/** D0 of every deadline: the audit's last day as held, or as planned until it is completed. */
export function auditLastDayOf(audit: Pick<AuditRow, 'completedOn' | 'plannedEnd'>): string {
  return audit.completedOn ?? audit.plannedEnd;
}

export interface FindingEventValues {
  findingId: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  byPerson: string | null;
  onDate: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/** Appends one row to the finding's timeline (finding_events is append-only). */
export function insertFindingEvent(tx: Db, values: FindingEventValues, at: string): string {
  const id = uuidv7();
  tx.insert(findingEvents)
    .values({
      id,
      findingId: values.findingId,
      event: values.event,
      fromState: values.fromState,
      toState: values.toState,
      byPerson: values.byPerson,
      onDate: values.onDate,
      reason: values.reason ?? '',
      details: values.details ?? {},
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return id;
}

/**
 * The audit that follows up a finding: the latest completed or in-progress audit of the client
 * that started after the finding's audit (Stage 1 aside), else the finding's own audit. A minor
 * found ineffective there is escalated, and its major is raised there.
 */
export function followUpAuditFor(db: Db, original: AuditRow): AuditRow {
  const later = db
    .select()
    .from(audits)
    .where(
      and(
        eq(audits.clientId, original.clientId),
        inArray(audits.state, ['completed', 'in_progress']),
        ne(audits.type, 'stage1'),
        ne(audits.id, original.id),
        gt(audits.plannedStart, original.plannedStart),
      ),
    )
    .orderBy(desc(audits.plannedStart), desc(audits.id))
    .get();
  return later ?? original;
}

/**
 * What the acting person is to the finding. The audit team (Audit Desk rule) is the team of the
 * audit that raised it or of the audit that follows it up (see followUpAuditFor), since the next
 * audit's team verifies the corrective actions; observers are not part of it (they do not take
 * part in the audit's conclusions). A CB reviewer is a decision maker or administrator. The
 * command line's system actor (only when nobody exists yet) acts as a CB reviewer off the team.
 */
export function findingActorFor(db: Db, actor: Actor, audit: AuditRow): FindingActor {
  if (actor.kind === 'system') {
    return { onAuditTeam: false, isLeadAuditor: false, isCbReviewer: true };
  }
  const auditIds = [...new Set([audit.id, followUpAuditFor(db, audit).id])];
  const roles = db
    .select({ role: auditTeamMembers.role })
    .from(auditTeamMembers)
    .where(
      and(
        inArray(auditTeamMembers.auditId, auditIds),
        eq(auditTeamMembers.personId, actor.person.id),
      ),
    )
    .all()
    .map((m) => m.role);
  return {
    onAuditTeam: roles.some((r) => r !== 'observer'),
    isLeadAuditor: roles.includes('lead_auditor'),
    isCbReviewer: hasAnyRole(actor.person, ['decision_maker', 'admin']),
  };
}

/** Whether the person is the lead auditor of this very audit (who grades its findings). */
export function leadsAudit(db: Db, actor: Actor, auditId: string): boolean {
  if (actor.kind === 'system') return true;
  const member = db
    .select({ role: auditTeamMembers.role })
    .from(auditTeamMembers)
    .where(
      and(eq(auditTeamMembers.auditId, auditId), eq(auditTeamMembers.personId, actor.person.id)),
    )
    .get();
  return member?.role === 'lead_auditor';
}

/**
 * A date a person enters for something that happened: a real day, not in the future (one day of
 * slack for a CB east of Greenwich, as audit completion allows), and not before `earliest`.
 */
export function checkEventDate(
  value: string,
  today: string,
  earliest: { day: string; what: string } | null,
  field = 'onDate',
  label = 'The date',
): void {
  if (!isCalendarDay(value)) {
    throw new AppError('VALIDATION', `${label} must be a real date written YYYY-MM-DD.`, field);
  }
  if (value > addCalendarDays(today, 1)) {
    throw new AppError(
      'VALIDATION',
      `${label} ${value} is in the future: record it once it has happened.`,
      field,
    );
  }
  if (earliest && value < earliest.day) {
    throw new AppError(
      'VALIDATION',
      `${label} ${value} is before ${earliest.what} on ${earliest.day}.`,
      field,
    );
  }
}
