import { describe, expect, it } from 'vitest';
import { issueReadiness, lintReport, type ReportLintInput } from '../../shared/reports/lint';
import type { ReportData, ReportFinding } from '../../shared/reports/schema';
import { auditId, completeReportData } from './report-fixtures';

const leadQualified = {
  personId: 'lena',
  name: 'Lena Lead',
  role: 'lead_auditor' as const,
  qualifications: [
    {
      kind: 'iso42001LeadAuditor' as const,
      title: 'LA',
      validFrom: '2024-01-01',
      validUntil: null,
    },
  ],
  overriddenChecks: [],
};

function input(
  change: (data: ReportData) => void = () => {},
  over: Partial<ReportLintInput> = {},
): ReportLintInput {
  const data = completeReportData();
  change(data);
  return { data, unansweredItems: [], team: [leadQualified], acknowledgedWarnings: [], ...over };
}

function finding(over: Partial<ReportFinding> = {}): ReportFinding {
  return {
    id: 'f1',
    number: 'NC-01',
    grade: 'minor',
    requirementRef: 'ISO/IEC 42001:2023 6.1.4',
    itemKey: '6.1.4',
    statement: 'No impact assessment.',
    objectiveEvidence: 'Register IA-01 is empty.',
    gradeRationale: '',
    siteName: null,
    state: 'open',
    raisedOn: '2026-02-17',
    raisedByName: 'Lena Lead',
    ...over,
  };
}

const codes = (i: ReportLintInput) => lintReport(i).map((p) => `${p.severity}:${p.code}`);

describe('report lint', () => {
  it('finds nothing in a complete report (whitespace and case aside, the scopes are the same)', () => {
    expect(lintReport(input())).toEqual([]);
  });

  it('errors on each unanswered applicable item, linking to it', () => {
    const problems = lintReport(
      input(undefined, { unansweredItems: [{ itemKey: '7.2', title: 'Competence' }] }),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'checklistItemUnanswered',
        message: 'Checklist item 7.2 “Competence” has no result.',
        ref: { kind: 'checklistItem', auditId, itemKey: '7.2' },
      },
    ]);
  });

  it('errors when no checklist was prepared, and when a Stage 1 has no readiness conclusion', () => {
    expect(codes(input((d) => (d.checklist = null)))).toEqual(['error:checklistMissing']);
    const stage1 = input((d) => {
      d.audit.type = 'stage1';
      d.recommendation = null;
      if (d.checklist) d.checklist.kind = 'readiness';
    });
    expect(codes(stage1)).toEqual(['error:readinessConclusionMissing']);
  });

  it('errors on a finding without objective evidence, without requirement, or not graded', () => {
    const problems = lintReport(
      input((d) => {
        d.nonconformities = [finding({ objectiveEvidence: ' ', requirementRef: '', grade: null })];
      }),
    );
    expect(problems.map((p) => [p.code, p.ref])).toEqual([
      ['findingWithoutRequirement', { kind: 'finding', id: 'f1' }],
      ['findingWithoutEvidence', { kind: 'finding', id: 'f1' }],
      ['findingUngraded', { kind: 'finding', id: 'f1' }],
    ]);
  });

  it('warns when the audit scope differs from the scope applied for', () => {
    const problems = lintReport(
      input((d) => (d.audit.scope = 'Credit scoring and fraud detection.')),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'scopeDiffersFromApplication',
        ref: { kind: 'audit', auditId, field: 'scope' },
      }),
    ]);
  });

  it('errors on a team member without a valid qualification on the audit dates', () => {
    const expired = {
      personId: 'abe',
      name: 'Abe Auditor',
      role: 'auditor' as const,
      qualifications: [
        {
          kind: 'iso42001Auditor' as const,
          title: 'A',
          validFrom: '2023-01-01',
          validUntil: '2026-02-16',
        },
      ],
      overriddenChecks: [],
    };
    const problems = lintReport(input(undefined, { team: [leadQualified, expired] }));
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'teamMemberUnqualified',
        message:
          'Abe Auditor (auditor) held no valid qualification for that role on 2026-02-17, during the audit (2026-02-16 to 2026-02-17).',
        ref: { kind: 'team', auditId, personId: 'abe' },
      },
    ]);
    const expert = {
      ...expired,
      role: 'technical_expert' as const,
      qualifications: [],
      overriddenChecks: ['qualification'],
    };
    expect(lintReport(input(undefined, { team: [leadQualified, expert] }))).toEqual([]);
    const observer = { ...expired, role: 'observer' as const, qualifications: [] };
    expect(lintReport(input(undefined, { team: [leadQualified, observer] }))).toEqual([]);
    expect(codes(input(undefined, { team: [] }))).toEqual(['error:teamWithoutLeadAuditor']);
  });

  it('errors on days spent below the calculated time without a reason; warns on any other difference from the plan', () => {
    expect(codes(input((d) => (d.daysSpent = null)))).toEqual(['error:daysSpentMissing']);
    expect(codes(input((d) => (d.daysSpent = 2.5)))).toEqual(['error:daysSpentBelowCalculated']);
    expect(codes(input((d) => ((d.daysSpent = 2.5), (d.daysSpentReason = 'Lab closed.'))))).toEqual(
      [],
    );
    expect(codes(input((d) => (d.daysSpent = 3.5)))).toEqual(['warning:daysSpentDifferFromPlan']);
    expect(codes(input((d) => ((d.daysSpent = 2), (d.time.calculatedDays = null))))).toEqual([
      'warning:daysSpentDifferFromPlan',
    ]);
  });

  it('errors when the conclusion or the recommendation is missing, or the recommendation does not suit the audit type', () => {
    expect(codes(input((d) => (d.effectivenessConclusion = '  ')))).toEqual([
      'error:conclusionMissing',
    ]);
    expect(codes(input((d) => (d.recommendation = null)))).toEqual(['error:recommendationMissing']);
    expect(codes(input((d) => (d.recommendation = 'renew')))).toEqual([
      'error:recommendationNotForAuditType',
    ]);
  });

  it('warns on a favourable recommendation while a major is open, on a missing sampling basis, and on a CB without a name', () => {
    expect(codes(input((d) => (d.nonconformities = [finding({ grade: 'major' })])))).toEqual([
      'warning:favourableRecommendationWithOpenMajor',
    ]);
    expect(
      codes(input((d) => (d.nonconformities = [finding({ grade: 'major', state: 'closed' })]))),
    ).toEqual([]);
    expect(codes(input((d) => (d.clientSiteCount = 3)))).toEqual(['warning:samplingBasisMissing']);
    expect(codes(input((d) => (d.certificationBodyName = '')))).toEqual([
      'error:certificationBodyNameMissing',
    ]);
    expect(codes(input((d) => (d.audit.state = 'in_progress')))).toEqual([
      'error:auditNotCompleted',
    ]);
  });
});

describe('issue readiness', () => {
  it('needs no errors and every warning acknowledged by its code', () => {
    const problems = lintReport(input((d) => (d.audit.scope = 'Something else.')));
    expect(issueReadiness(problems, []).ready).toBe(false);
    expect(issueReadiness(problems, ['scopeDiffersFromApplication'])).toEqual({
      errors: [],
      unacknowledged: [],
      ready: true,
    });
    const withError = lintReport(input((d) => (d.recommendation = null)));
    expect(issueReadiness(withError, ['recommendationMissing']).ready).toBe(false);
  });
});
