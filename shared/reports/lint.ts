/**
 * Report lint: what still stands between a draft audit report and its issue. Pure: the service
 * passes in the assembled report data and the few facts only the lint needs. Errors block the
 * issue; warnings need the lead auditor's acknowledgement first. Which problem is an error and
 * which a warning is an Audit Desk rule, following what ISO/IEC 17021-1 9.4.8 says a report holds.
 */
import { firstUnqualifiedDay, qualificationsForRole } from '../programme/team-member-rules';
import type { TeamQualification } from '../programme/team-rules';
import { auditTypeLabels, teamRoleLabels, type TeamRole } from '../programme/vocabulary';
import {
  favourableRecommendations,
  recommendationLabels,
  recommendationsFor,
  type ReportData,
  type ReportProblem,
} from './schema';

export interface LintTeamMember {
  personId: string;
  name: string;
  role: TeamRole;
  qualifications: readonly Pick<TeamQualification, 'kind' | 'title' | 'validFrom' | 'validUntil'>[];
  /** Team checks the CB overrode for this member with a recorded reason. */
  overriddenChecks: readonly string[];
}

export interface ReportLintInput {
  data: ReportData;
  /** Selected checklist items with no result yet, in checklist order. */
  unansweredItems: readonly { itemKey: string; title: string }[];
  team: readonly LintTeamMember[];
  acknowledgedWarnings: readonly string[];
}

const error = (p: Omit<ReportProblem, 'severity'>): ReportProblem => ({ severity: 'error', ...p });
const warning = (p: Omit<ReportProblem, 'severity'>): ReportProblem => ({
  severity: 'warning',
  ...p,
});

const sameText = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

function auditHeld({ data }: ReportLintInput): ReportProblem[] {
  const { audit } = data;
  if (audit.state === 'completed') return [];
  const message =
    audit.state === 'cancelled'
      ? 'This audit was cancelled: there is nothing to report.'
      : `The audit is ${audit.state.replace('_', ' ')}: record it as completed (with the last day it was held) before issuing its report.`;
  return [
    error({
      code: 'auditNotCompleted',
      message,
      ref: { kind: 'audit', auditId: audit.id, field: 'state' },
    }),
  ];
}

function certificationBody({ data }: ReportLintInput): ReportProblem[] {
  if (data.certificationBodyName.trim() !== '') return [];
  return [
    error({
      code: 'certificationBodyNameMissing',
      message:
        "The certification body's name is not set, so the report cannot say who issues it. An administrator sets it under Certification body.",
      ref: { kind: 'settings', field: 'certificationBodyName' },
    }),
  ];
}

function checklist(input: ReportLintInput): ReportProblem[] {
  const { data } = input;
  const auditId = data.audit.id;
  if (!data.checklist) {
    return [
      error({
        code: 'checklistMissing',
        message:
          'No checklist was prepared for this audit, so the report has no results per clause and control.',
        ref: { kind: 'checklist', auditId },
      }),
    ];
  }
  const out = input.unansweredItems.map((item) =>
    error({
      code: 'checklistItemUnanswered',
      message: `Checklist item ${item.itemKey} “${item.title}” has no result.`,
      ref: { kind: 'checklistItem', auditId, itemKey: item.itemKey },
    }),
  );
  if (data.audit.type === 'stage1' && !data.checklist.readinessConclusion) {
    out.push(
      error({
        code: 'readinessConclusionMissing',
        message:
          'The Stage 1 readiness conclusion (ready or not ready for Stage 2) is not recorded yet.',
        ref: { kind: 'checklist', auditId },
      }),
    );
  }
  return out;
}

function findings({ data }: ReportLintInput): ReportProblem[] {
  const out: ReportProblem[] = [];
  for (const f of [...data.nonconformities, ...data.opportunities]) {
    const ref = { kind: 'finding', id: f.id } as const;
    if (f.requirementRef.trim() === '') {
      out.push(
        error({
          code: 'findingWithoutRequirement',
          message: `Finding ${f.number} names no requirement.`,
          ref,
        }),
      );
    }
    if (f.objectiveEvidence.trim() === '') {
      out.push(
        error({
          code: 'findingWithoutEvidence',
          message: `Finding ${f.number} records no objective evidence.`,
          ref,
        }),
      );
    }
    if (f.grade === null) {
      out.push(
        error({
          code: 'findingUngraded',
          message: `Finding ${f.number} is not graded: the lead auditor grades it major, minor or opportunity for improvement.`,
          ref,
        }),
      );
    }
  }
  return out;
}

function scope({ data }: ReportLintInput): ReportProblem[] {
  const audited = data.audit.scope.trim();
  const applied = data.client.scope.trim();
  if (audited === '' || applied === '' || sameText(audited, applied)) return [];
  return [
    warning({
      code: 'scopeDiffersFromApplication',
      message: `The audit scope differs from the scope in ${data.client.legalName}'s record (its application): “${audited}” audited, “${applied}” applied for. Confirm the difference is intended (e.g. a scope change) or correct the audit plan.`,
      ref: { kind: 'audit', auditId: data.audit.id, field: 'scope' },
    }),
  ];
}

function team(input: ReportLintInput): ReportProblem[] {
  const { data } = input;
  const auditId = data.audit.id;
  const out: ReportProblem[] = [];
  if (!input.team.some((m) => m.role === 'lead_auditor')) {
    out.push(
      error({
        code: 'teamWithoutLeadAuditor',
        message: 'The audit team has no lead auditor, and only the lead auditor issues the report.',
        ref: { kind: 'team', auditId, personId: null },
      }),
    );
  }
  for (const m of input.team) {
    const kinds = qualificationsForRole[m.role];
    if (kinds.length === 0) continue;
    // A technical expert the CB accepted without a recorded qualification (with a reason) was
    // overridden at assignment: that decision stands (shared/programme/team-rules.ts).
    if (m.overriddenChecks.includes('qualification')) continue;
    const held = m.qualifications.filter((q) => kinds.includes(q.kind));
    const gap = firstUnqualifiedDay(held, data.audit.startDate, data.audit.endDate);
    if (gap === null) continue;
    out.push(
      error({
        code: 'teamMemberUnqualified',
        message: `${m.name} (${teamRoleLabels[m.role].toLowerCase()}) held no valid qualification for that role on ${gap}, during the audit (${data.audit.startDate} to ${data.audit.endDate}).`,
        ref: { kind: 'team', auditId, personId: m.personId },
      }),
    );
  }
  return out;
}

function auditTime({ data }: ReportLintInput): ReportProblem[] {
  const { time, daysSpent } = data;
  if (daysSpent === null) {
    return [
      error({
        code: 'daysSpentMissing',
        message: 'Enter the audit days actually spent, so the report compares them with the plan.',
        ref: { kind: 'report', field: 'daysSpent' },
      }),
    ];
  }
  const noReason = data.daysSpentReason.trim() === '';
  if (!noReason) return [];
  const planned = time.onsiteDays + time.remoteDays;
  if (time.calculatedDays !== null && daysSpent < time.calculatedDays) {
    return [
      error({
        code: 'daysSpentBelowCalculated',
        message: `${daysSpent} days were spent, fewer than the ${time.calculatedDays} the audit-time calculation gave: give the reason (ISO/IEC 17021-1 9.1.4).`,
        ref: { kind: 'report', field: 'daysSpentReason' },
      }),
    ];
  }
  if (daysSpent !== planned) {
    return [
      warning({
        code: 'daysSpentDifferFromPlan',
        message: `${daysSpent} days were spent where ${planned} were planned, and no reason is given.`,
        ref: { kind: 'report', field: 'daysSpentReason' },
      }),
    ];
  }
  return [];
}

function sampling({ data }: ReportLintInput): ReportProblem[] {
  if (data.clientSiteCount <= 1 || data.samplingBasis.trim() !== '') return [];
  return [
    warning({
      code: 'samplingBasisMissing',
      message: `${data.client.legalName} has ${data.clientSiteCount} sites and the audit visited ${data.sites.length}: state the basis of the site sample (IAF MD 1).`,
      ref: { kind: 'report', field: 'samplingBasis' },
    }),
  ];
}

function conclusion({ data }: ReportLintInput): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (data.effectivenessConclusion.trim() === '') {
    out.push(
      error({
        code: 'conclusionMissing',
        message:
          data.audit.type === 'stage1'
            ? 'Write the conclusion of the Stage 1 review.'
            : "Write the conclusion on the management system's effectiveness.",
        ref: { kind: 'report', field: 'effectivenessConclusion' },
      }),
    );
  }
  const allowed = recommendationsFor[data.audit.type];
  const recommendation = data.recommendation;
  if (allowed.length > 0 && recommendation === null) {
    out.push(
      error({
        code: 'recommendationMissing',
        message: "Choose the audit team's recommendation to the certification decision maker.",
        ref: { kind: 'report', field: 'recommendation' },
      }),
    );
  }
  if (recommendation !== null && !allowed.includes(recommendation)) {
    const type = auditTypeLabels[data.audit.type];
    out.push(
      error({
        code: 'recommendationNotForAuditType',
        message:
          allowed.length === 0
            ? `A ${type} makes no certification recommendation (its outcome is the readiness conclusion): clear “${recommendationLabels[recommendation]}”.`
            : `“${recommendationLabels[recommendation]}” does not follow a ${type}; choose one of: ${allowed.map((k) => recommendationLabels[k]).join(', ')} (Audit Desk rule).`,
        ref: { kind: 'report', field: 'recommendation' },
      }),
    );
  }
  const openMajors = data.nonconformities.filter(
    (f) => f.grade === 'major' && !['closed', 'cancelled', 'verified'].includes(f.state),
  );
  if (
    recommendation !== null &&
    favourableRecommendations.includes(recommendation) &&
    openMajors.length > 0
  ) {
    out.push(
      warning({
        code: 'favourableRecommendationWithOpenMajor',
        message: `The recommendation is “${recommendationLabels[recommendation]}” while ${openMajors.length === 1 ? `major nonconformity ${openMajors[0]?.number ?? ''} is` : `${openMajors.length} major nonconformities are`} still open: say in the notes what the recommendation depends on (no decision is taken until majors are corrected).`,
        ref: { kind: 'report', field: 'recommendationNotes' },
      }),
    );
  }
  return out;
}

/** Every problem of the draft, errors and warnings, in the order the report presents them. */
export function lintReport(input: ReportLintInput): ReportProblem[] {
  return [
    ...auditHeld(input),
    ...certificationBody(input),
    ...checklist(input),
    ...findings(input),
    ...team(input),
    ...scope(input),
    ...sampling(input),
    ...auditTime(input),
    ...conclusion(input),
  ];
}

export interface IssueReadiness {
  errors: ReportProblem[];
  /** Warnings whose code the lead auditor has not acknowledged. */
  unacknowledged: ReportProblem[];
  ready: boolean;
}

/** Whether a draft may be issued: no errors, and every warning acknowledged. */
export function issueReadiness(
  problems: readonly ReportProblem[],
  acknowledged: readonly string[],
): IssueReadiness {
  const errors = problems.filter((p) => p.severity === 'error');
  const unacknowledged = problems.filter(
    (p) => p.severity === 'warning' && !acknowledged.includes(p.code),
  );
  return { errors, unacknowledged, ready: errors.length === 0 && unacknowledged.length === 0 };
}
