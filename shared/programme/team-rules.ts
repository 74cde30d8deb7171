/**
 * Team assignment rules (ISO/IEC 17021-1 9.2.2.1 selecting the audit team, 7.1 competence, 5.2
 * impartiality): given an audit, a proposed team and what the CB knows about each member, every
 * failed check, each explained in plain English. Pure: no I/O, no clock.
 *
 * What may be overridden, with a recorded reason:
 * - double-booking (the scheduler may know the overlap works), another declared relationship
 *   (the CB's impartiality review may accept it), a technical expert's missing qualification;
 * - never: consultancy or employment within 2 years (5.2.10), family or financial ties,
 *   unavailability, an auditor's or lead auditor's qualification, the lead auditor count, an
 *   uncovered competence area, an inactive person.
 * Lead auditor rotation and a missing application review are warnings only.
 */
import type { CalendarDay } from '../cycle/dates';
import { teamCheckLabels, type TeamCheck, type TeamCheckResult } from './team-checks';
import { memberChecks } from './team-member-rules';
import {
  competenceAreaLabels,
  type AuditType,
  type CompetenceArea,
  type QualificationKind,
  type RelationshipKind,
  type TeamRole,
} from './vocabulary';

export interface TeamAudit {
  id: string;
  clientId: string;
  clientName: string;
  cycleNumber: number;
  startDate: CalendarDay;
  endDate: CalendarDay;
  /** From the client's application review (17021-1 9.1.2). */
  requiredAreas: readonly CompetenceArea[];
  /** False until the application review has recorded the areas (even an empty list). */
  applicationReviewed: boolean;
}

export interface TeamQualification {
  kind: QualificationKind;
  title: string;
  validFrom: CalendarDay;
  /** null: does not expire. */
  validUntil: CalendarDay | null;
}

export interface TeamDeclaration {
  clientId: string;
  kind: RelationshipKind;
  fromDate: CalendarDay;
  /** null while the relationship continues. */
  toDate: CalendarDay | null;
  notes: string;
}

/** A place on another audit's team. */
export interface TeamBooking {
  auditId: string;
  clientName: string;
  auditType: AuditType;
  startDate: CalendarDay;
  endDate: CalendarDay;
  role: TeamRole;
}

export interface TeamPersonFacts {
  id: string;
  name: string;
  active: boolean;
  competenceAreas: readonly CompetenceArea[];
  qualifications: readonly TeamQualification[];
  unavailability: readonly { fromDate: CalendarDay; toDate: CalendarDay; reason: string }[];
  declarations: readonly TeamDeclaration[];
  /** Other audits the person is on that are not cancelled. */
  bookings: readonly TeamBooking[];
}

export interface TeamMemberFacts {
  person: TeamPersonFacts;
  role: TeamRole;
}

/** Who led each of the client's other (not cancelled) audits, by cycle. */
export interface LeadRecord {
  cycleNumber: number;
  personId: string;
}

export interface TeamRuleInput {
  audit: TeamAudit;
  members: readonly TeamMemberFacts[];
  leadHistory: readonly LeadRecord[];
  /** Warn when one person would lead the client for more than this many consecutive cycles. */
  rotationLimit: number;
}

export const defaultRotationLimit = 2;

// Observers watch; only the people who audit or advise bring competence (17021-1 9.2.2).
const contributesCompetence = (role: TeamRole) => role !== 'observer';

/** The required areas nobody on the team (observers aside) covers, in the required order. */
export function missingCompetenceAreas(
  required: readonly CompetenceArea[],
  members: readonly TeamMemberFacts[],
): CompetenceArea[] {
  const covered = new Set(
    members.filter((m) => contributesCompetence(m.role)).flatMap((m) => m.person.competenceAreas),
  );
  return [...new Set(required)].filter((a) => !covered.has(a));
}

/** How many consecutive cycles, around this audit's, the person would lead the client. */
export function consecutiveLeadCycles(
  personId: string,
  cycleNumber: number,
  history: readonly LeadRecord[],
): number {
  const led = new Set(history.filter((h) => h.personId === personId).map((h) => h.cycleNumber));
  let n = 1;
  for (let c = cycleNumber - 1; led.has(c); c--) n++;
  for (let c = cycleNumber + 1; led.has(c); c++) n++;
  return n;
}

function wholeTeamChecks(input: TeamRuleInput): TeamCheckResult[] {
  const { audit, members } = input;
  const out: TeamCheckResult[] = [];
  if (!audit.applicationReviewed) {
    out.push({
      check: 'applicationReview',
      severity: 'warning',
      message: `${audit.clientName}'s application review has not recorded the competence areas its scope needs, so the team's competence cannot be checked. Record them on the client's Application review tab.`,
      overridable: false,
    });
  }
  // 17021-1 9.2.2.1: one audit team leader, appointed by the CB.
  const leads = members.filter((m) => m.role === 'lead_auditor');
  if (leads.length !== 1) {
    const message =
      leads.length === 0
        ? 'The team has no lead auditor: choose exactly one.'
        : `The team has ${leads.length} lead auditors (${leads.map((m) => m.person.name).join(', ')}): choose exactly one.`;
    out.push({ check: 'leadAuditor', severity: 'block', message, overridable: false });
  }
  // The team as a whole must have the competence the client's scope needs (9.2.2.1); what is
  // missing is added by another member, e.g. a technical expert, never waived.
  const missing = missingCompetenceAreas(audit.requiredAreas, members);
  if (missing.length > 0) {
    const labels = missing.map((a) => competenceAreaLabels[a]).join('; ');
    out.push({
      check: 'competenceCoverage',
      severity: 'block',
      message: `Nobody on the team covers ${missing.length === 1 ? 'the competence area' : `${missing.length} competence areas`} ${audit.clientName} needs: ${labels}. Add a member, e.g. a technical expert, who does.`,
      overridable: false,
    });
  }
  return out;
}

function rotationWarnings(input: TeamRuleInput): TeamCheckResult[] {
  const { audit, members, leadHistory, rotationLimit } = input;
  return members
    .filter((m) => m.role === 'lead_auditor')
    .flatMap((m): TeamCheckResult[] => {
      const n = consecutiveLeadCycles(m.person.id, audit.cycleNumber, leadHistory);
      if (n <= rotationLimit) return [];
      // Leading one client for long builds familiarity, a threat to impartiality (17021-1 5.2):
      // the CB's limit prompts a rotation, but only the CB can judge, so this never blocks.
      return [
        {
          check: 'leadAuditorRotation',
          severity: 'warning',
          personId: m.person.id,
          message: `${m.person.name} would lead ${audit.clientName}'s audits for ${n} consecutive cycles, more than the CB's limit of ${rotationLimit}. Consider rotating the lead auditor.`,
          overridable: false,
        },
      ];
    });
}

/** Every failed check of the proposed team: team-wide first, then member by member. */
export function checkTeamRules(input: TeamRuleInput): TeamCheckResult[] {
  return [
    ...wholeTeamChecks(input),
    ...input.members.flatMap((m) => memberChecks(input.audit, m)),
    ...rotationWarnings(input),
  ];
}

export interface TeamOverride {
  personId: string;
  check: TeamCheck;
  reason: string;
}

export interface OverrideAssessment {
  /** Blocks that stop the assignment: not overridable, or overridable but without a reason. */
  refused: TeamCheckResult[];
  /** What each member's overrides come to, for the team record. */
  accepted: Map<string, { checks: TeamCheck[]; reason: string }>;
}

/**
 * Which blocks the given overrides lift. An override needs a reason; overrides of checks that did
 * not fail are dropped, so a stale override is never stored.
 */
export function assessOverrides(
  results: readonly TeamCheckResult[],
  overrides: readonly TeamOverride[],
): OverrideAssessment {
  const reasonFor = (personId: string | undefined, check: TeamCheck) =>
    overrides.find((o) => o.personId === personId && o.check === check)?.reason.trim() ?? '';
  const refused: TeamCheckResult[] = [];
  const lines = new Map<string, Map<TeamCheck, string>>();
  for (const r of results) {
    if (r.severity !== 'block') continue;
    const reason = reasonFor(r.personId, r.check);
    if (!r.overridable || r.personId === undefined || reason === '') {
      refused.push(r);
      continue;
    }
    const mine = lines.get(r.personId) ?? new Map<TeamCheck, string>();
    mine.set(r.check, reason);
    lines.set(r.personId, mine);
  }
  const accepted = new Map<string, { checks: TeamCheck[]; reason: string }>();
  for (const [personId, byCheck] of lines) {
    accepted.set(personId, {
      checks: [...byCheck.keys()],
      reason: [...byCheck].map(([check, why]) => `${teamCheckLabels[check]}: ${why}`).join('\n'),
    });
  }
  return { refused, accepted };
}

/** A stored override reason split back into one reason per check, for editing the team again. */
export function splitOverrideReason(
  reason: string | null,
  checks: readonly TeamCheck[],
): Partial<Record<TeamCheck, string>> {
  const out: Partial<Record<TeamCheck, string>> = {};
  for (const line of (reason ?? '').split('\n')) {
    const check = checks.find((c) => line.startsWith(`${teamCheckLabels[c]}: `));
    if (check) out[check] = line.slice(teamCheckLabels[check].length + 2);
  }
  return out;
}

/** The refusal message of an assignment: every block that stops it, one per line. */
export function refusalMessage(refused: readonly TeamCheckResult[]): string {
  const lines = refused.map((r) =>
    r.overridable ? `${r.message} To assign anyway, give a reason.` : r.message,
  );
  return `The team cannot be assigned:\n${lines.map((l) => `• ${l}`).join('\n')}`;
}
