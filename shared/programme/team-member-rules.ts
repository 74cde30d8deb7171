/**
 * The checks on one proposed team member: active, qualified for their role on every audit day,
 * impartial towards the client, available and not booked elsewhere. Pure: every fact is passed in.
 */
import { addCalendarDays, addCalendarMonths, type CalendarDay } from '../cycle/dates';
import type { TeamCheckResult } from './team-checks';
import type { TeamAudit, TeamMemberFacts, TeamQualification } from './team-rules';
import {
  auditTypeLabels,
  qualificationKindLabels,
  teamRoleLabels,
  type AuditType,
  type QualificationKind,
  type TeamRole,
} from './vocabulary';

/** Months after a consultancy or employment ends before the person may audit that client. */
export const impartialityCoolingOffMonths = 24;

/** Which qualification each role needs; observers audit nothing, so need none. */
export const qualificationsForRole: Record<TeamRole, readonly QualificationKind[]> = {
  lead_auditor: ['iso42001LeadAuditor'],
  // A lead auditor qualification includes what an auditor needs.
  auditor: ['iso42001Auditor', 'iso42001LeadAuditor'],
  technical_expert: ['technicalExpert'],
  observer: [],
};

const roleQualificationLabel: Record<TeamRole, string> = {
  lead_auditor: qualificationKindLabels.iso42001LeadAuditor,
  auditor: `${qualificationKindLabels.iso42001Auditor} (or lead auditor)`,
  technical_expert: qualificationKindLabels.technicalExpert,
  observer: '',
};

// "Surveillance audit", but "Special audit" rather than "Special audit audit".
function auditPhrase(type: AuditType): string {
  const label = auditTypeLabels[type];
  return label.endsWith(' audit') ? label : `${label} audit`;
}

export function overlaps(
  a: { start: CalendarDay; end: CalendarDay },
  b: { start: CalendarDay; end: CalendarDay },
): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * The first day in [start, end] that no qualification covers, or null when every day is covered
 * (a renewal that starts the day after the old one ends leaves no gap).
 */
export function firstUnqualifiedDay(
  qualifications: readonly Pick<TeamQualification, 'validFrom' | 'validUntil'>[],
  start: CalendarDay,
  end: CalendarDay,
): CalendarDay | null {
  let cursor = start;
  for (let progressed = true; progressed;) {
    progressed = false;
    for (const q of qualifications) {
      if (q.validFrom > cursor || (q.validUntil !== null && q.validUntil < cursor)) continue;
      if (q.validUntil === null || q.validUntil >= end) return null;
      cursor = addCalendarDays(q.validUntil, 1);
      progressed = true;
    }
  }
  return cursor;
}

function qualificationCheck(audit: TeamAudit, m: TeamMemberFacts): TeamCheckResult[] {
  const kinds = qualificationsForRole[m.role];
  if (kinds.length === 0) return [];
  const held = m.person.qualifications.filter((q) => kinds.includes(q.kind));
  const gap = firstUnqualifiedDay(held, audit.startDate, audit.endDate);
  if (gap === null) return [];
  const name = m.person.name;
  const needed = roleQualificationLabel[m.role];
  const role = teamRoleLabels[m.role].toLowerCase();
  const expired = held
    .filter((q) => q.validUntil !== null && q.validUntil < gap)
    .sort((a, b) => (b.validUntil ?? '').localeCompare(a.validUntil ?? ''))[0];
  const future = held
    .filter((q) => q.validFrom > gap)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
  const when =
    gap === audit.startDate
      ? `the audit starts on ${audit.startDate}`
      : `the audit ends on ${audit.endDate}`;
  let message: string;
  if (held.length === 0) {
    message = `${name} holds no ${needed} qualification, which ${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role} needs.`;
  } else if (expired) {
    message = `${name}'s ${needed} qualification “${expired.title}” expired on ${expired.validUntil}, before ${when}.`;
  } else if (future) {
    message = `${name}'s ${needed} qualification “${future.title}” is valid only from ${future.validFrom}, after ${when}.`;
  } else {
    message = `${name} has no valid ${needed} qualification on ${gap}.`;
  }
  // Technical experts bring knowledge to the team, not audit authority (17021-1 9.2.2): the CB
  // may accept evidenced expertise without a recorded qualification, with a reason. Auditors not.
  const overridable = m.role === 'technical_expert';
  return [
    { check: 'qualification', severity: 'block', personId: m.person.id, message, overridable },
  ];
}

function impartialityChecks(audit: TeamAudit, m: TeamMemberFacts): TeamCheckResult[] {
  const out: TeamCheckResult[] = [];
  const { name, id: personId } = m.person;
  const client = audit.clientName;
  for (const d of m.person.declarations) {
    if (d.clientId !== audit.clientId || d.fromDate > audit.endDate) continue;
    const note = d.notes.trim() === '' ? '' : ` (${d.notes.trim()})`;
    if (d.kind === 'consultancy' || d.kind === 'employment') {
      // 17021-1 5.2.10: personnel who gave the client management system consultancy are not used
      // on its audits for at least two years after it ended. Employment is the same familiarity
      // and self-interest threat (5.2.3). The CB has no discretion here, so no override.
      const clearFrom =
        d.toDate === null ? null : addCalendarMonths(d.toDate, impartialityCoolingOffMonths);
      if (clearFrom !== null && clearFrom <= audit.startDate) continue;
      const what =
        d.kind === 'consultancy'
          ? `provided consultancy to ${client}`
          : `was employed by ${client}`;
      const ongoing =
        d.kind === 'consultancy' ? `provides consultancy to ${client}` : `is employed by ${client}`;
      const message =
        d.toDate === null
          ? `${name} ${ongoing} (declared since ${d.fromDate})${note}. Nobody may audit a client they worked for or advised until 2 years after it ended (ISO/IEC 17021-1 5.2.10); this cannot be overridden.`
          : `${name} ${what} until ${d.toDate}${note}, less than 2 years before the audit starts on ${audit.startDate}. They may audit this client from ${clearFrom} (ISO/IEC 17021-1 5.2.10); this cannot be overridden.`;
      out.push({
        check: 'consultancyOrEmployment',
        severity: 'block',
        personId,
        message,
        overridable: false,
      });
      continue;
    }
    const current = d.toDate === null || d.toDate >= audit.startDate;
    if (!current) continue;
    if (d.kind === 'family' || d.kind === 'financial') {
      // A relative at the client or money in it is a threat no safeguard removes (5.2.3).
      const what =
        d.kind === 'family'
          ? `has a family member at ${client}`
          : `has a financial interest in ${client}`;
      const message = `${name} ${what}${note}, current during the audit (ISO/IEC 17021-1 5.2); this cannot be overridden.`;
      out.push({
        check: 'familyOrFinancial',
        severity: 'block',
        personId,
        message,
        overridable: false,
      });
    } else {
      // Anything else declared is for the CB's impartiality analysis (5.2.3) to weigh: it may
      // accept the threat as managed, and must say why.
      const message = `${name} declared another relationship with ${client}${note}, current during the audit. Assign them only if the CB's impartiality review accepts it, and give the reason.`;
      out.push({
        check: 'otherRelationship',
        severity: 'block',
        personId,
        message,
        overridable: true,
      });
    }
  }
  return out;
}

function availabilityChecks(audit: TeamAudit, m: TeamMemberFacts): TeamCheckResult[] {
  const out: TeamCheckResult[] = [];
  const { name, id: personId } = m.person;
  const dates = { start: audit.startDate, end: audit.endDate };
  for (const u of m.person.unavailability) {
    if (!overlaps(dates, { start: u.fromDate, end: u.toDate })) continue;
    const why = u.reason.trim() === '' ? '' : ` (${u.reason.trim()})`;
    // Someone who is away cannot be on the audit; there is nothing to override.
    const message = `${name} is unavailable from ${u.fromDate} to ${u.toDate}${why}, during the audit (${audit.startDate} to ${audit.endDate}).`;
    out.push({ check: 'unavailable', severity: 'block', personId, message, overridable: false });
  }
  for (const b of m.person.bookings) {
    if (b.auditId === audit.id || !overlaps(dates, { start: b.startDate, end: b.endDate }))
      continue;
    // Overlapping days may still work (a remote half day, an audit about to move): the
    // scheduler decides, with a reason.
    const message = `${name} is already on the ${auditPhrase(b.auditType)} of ${b.clientName} from ${b.startDate} to ${b.endDate} as ${teamRoleLabels[b.role].toLowerCase()}.`;
    out.push({ check: 'doubleBooked', severity: 'block', personId, message, overridable: true });
  }
  return out;
}

/** Every failed check of one member, in a stable order. */
export function memberChecks(audit: TeamAudit, m: TeamMemberFacts): TeamCheckResult[] {
  const inactive: TeamCheckResult[] = m.person.active
    ? []
    : [
        {
          check: 'inactive',
          severity: 'block',
          personId: m.person.id,
          message: `${m.person.name} is no longer active in Audit Desk.`,
          overridable: false,
        },
      ];
  return [
    ...inactive,
    ...qualificationCheck(audit, m),
    ...impartialityChecks(audit, m),
    ...availabilityChecks(audit, m),
  ];
}
