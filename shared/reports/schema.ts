/**
 * The audit report (issue 8 section 1): its revisions, the parts the lead auditor writes, the data
 * assembled from the audit's own records, and the contract's inputs. What a report must contain
 * follows ISO/IEC 17021-1 9.4.8; which recommendation suits which audit type is an Audit Desk rule.
 */
import { z } from 'zod';
import { decisionKinds, type DecisionKind } from '../findings/decisions';
import type { AnswerValue, ChecklistKind, ReadinessMark } from '../checklists/schema';
import type { ExportedFile, FindingGrade, FindingState } from '../findings/schema';
import type { AuditState, AuditType, TeamRole } from '../programme/vocabulary';

export const reportStates = ['draft', 'issued'] as const;
export type ReportState = (typeof reportStates)[number];

export const reportFormats = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const recommendationLabels: Record<DecisionKind, string> = {
  grant: 'Grant certification',
  refuse: 'Refuse certification',
  maintain: 'Maintain certification',
  renew: 'Renew certification',
  suspend: 'Suspend certification',
  withdraw: 'Withdraw certification',
  reduceScope: 'Reduce the scope of certification',
  extendScope: 'Extend the scope of certification',
  restore: 'Restore certification',
  reinstate: 'Reinstate certification',
};

/**
 * The recommendations an audit team may make after each audit type (an Audit Desk rule). A Stage 1
 * makes none: its outcome is the readiness conclusion for Stage 2 (ISO/IEC 17021-1 9.3.1.2).
 */
export const recommendationsFor: Record<AuditType, readonly DecisionKind[]> = {
  stage1: [],
  stage2: ['grant', 'refuse'],
  transfer: ['grant', 'refuse'],
  surveillance: ['maintain', 'suspend', 'reduceScope', 'extendScope', 'withdraw'],
  recertification: ['renew', 'refuse', 'reduceScope', 'extendScope'],
  special: [
    'maintain',
    'extendScope',
    'reduceScope',
    'suspend',
    'withdraw',
    'restore',
    'reinstate',
  ],
};

/** Recommendations that keep or give certification (a warning if a major nonconformity is open). */
export const favourableRecommendations: readonly DecisionKind[] = [
  'grant',
  'maintain',
  'renew',
  'extendScope',
  'restore',
  'reinstate',
];

/** The confidentiality statement every report carries (ISO/IEC 17021-1 8.4 and 9.4.8). */
export function confidentialityStatement(clientName: string, cbName: string): string {
  const named = cbName.trim() !== '';
  const cb = named ? cbName : 'the certification body';
  const Cb = named ? cbName : 'The certification body';
  return `This report is confidential to ${clientName} and ${cb}. ${Cb} does not disclose its content to any third party without ${clientName}'s written consent, except where the law requires it or to the accreditation body assessing ${cb}, which is bound by the same confidentiality. The audit was based on a sample of the information available: nonconformities may exist that were not found.`;
}

const text = (max: number) =>
  z.string().max(max, { message: `Keep this under ${max.toLocaleString('en')} characters.` });

const auditIdField = z.string().min(1, { message: 'An audit id is required.' });

/** The parts of a draft the lead auditor writes; every field optional, so autosave sends what changed. */
export const reportDraftFieldsSchema = z.object({
  effectivenessConclusion: text(20000).optional(),
  recommendation: z
    .enum(decisionKinds, { message: 'Choose a recommendation from the list.' })
    .nullable()
    .optional(),
  recommendationNotes: text(8000).optional(),
  divergingOpinions: text(8000).optional(),
  samplingBasis: text(8000).optional(),
  daysSpent: z
    .number({ message: 'Enter the audit days spent, e.g. 3 or 3.5.' })
    .min(0, { message: 'The days spent cannot be negative.' })
    .max(1000, { message: 'The days spent are more than 1000.' })
    .refine((d) => Number.isInteger(d * 2), {
      message: 'Enter the days spent in half days, e.g. 3 or 3.5.',
    })
    .nullable()
    .optional(),
  daysSpentReason: text(4000).optional(),
  /** Lint warning codes the lead auditor has read and accepts. */
  acknowledgedWarnings: z.array(z.string().min(1).max(100)).max(100).optional(),
});
export type ReportDraftFields = z.output<typeof reportDraftFieldsSchema>;
export const reportDraftFieldNames = [
  'effectivenessConclusion',
  'recommendation',
  'recommendationNotes',
  'divergingOpinions',
  'samplingBasis',
  'daysSpent',
  'daysSpentReason',
  'acknowledgedWarnings',
] as const satisfies readonly (keyof ReportDraftFields)[];
export type ReportDraftFieldName = (typeof reportDraftFieldNames)[number];

export const updateReportDraftSchema = reportDraftFieldsSchema.extend({
  auditId: auditIdField,
  /** The revision being edited; a save for an older revision is refused rather than lost in a newer one. */
  revision: z.number().int().min(1).optional(),
});
export type UpdateReportDraftInput = z.input<typeof updateReportDraftSchema>;

export const auditReportQuerySchema = z.object({ auditId: auditIdField });

export const issueReportSchema = z.object({
  auditId: auditIdField,
  /** The draft revision the lead auditor reviewed and signs. */
  revision: z.number().int().min(1, { message: 'Name the revision to issue.' }),
});
export type IssueReportInput = z.input<typeof issueReportSchema>;

export const newReportRevisionSchema = z.object({
  auditId: auditIdField,
  changeNote: z
    .string()
    .trim()
    .min(1, { message: 'Say what changes in the new revision and why.' })
    .max(4000, { message: 'Keep the change note under 4,000 characters.' }),
});
export type NewReportRevisionInput = z.input<typeof newReportRevisionSchema>;

export const reportFileSchema = z.object({
  auditId: auditIdField,
  format: z.enum(reportFormats, { message: 'Choose PDF or DOCX.' }),
  /** Defaults to the latest revision. */
  revision: z.number().int().min(1).optional(),
});
export type ReportFileInput = z.input<typeof reportFileSchema>;

/** One stored revision of an audit's report. */
export interface ReportRevision {
  id: string;
  auditId: string;
  revision: number;
  state: ReportState;
  changeNote: string;
  effectivenessConclusion: string;
  recommendation: DecisionKind | null;
  recommendationNotes: string;
  divergingOpinions: string;
  samplingBasis: string;
  daysSpent: number | null;
  daysSpentReason: string;
  acknowledgedWarnings: string[];
  issuedById: string | null;
  issuedByName: string | null;
  issuedAt: string | null;
  pdfSha256: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A summary line per clause 4 to 10 (or per checklist group): how its items were found. */
export interface ReportGroupSummary {
  key: string;
  title: string;
  total: number;
  conforming: number;
  nonconformity: number;
  opportunity: number;
  notAudited: number;
  notApplicable: number;
  /** Readiness marks (Stage 1). */
  ready: number;
  concern: number;
  notReady: number;
  unanswered: number;
}

/** One checklist item in the report (an Annex A control, an exclusion, a CB or Stage 1 item). */
export interface ReportItemRow {
  key: string;
  title: string;
  result: AnswerValue | null;
  /** The report numbers of the findings raised against it, e.g. NC-01. */
  findingNumbers: string[];
}

export interface ReportFinding {
  id: string;
  /** NC-01… for nonconformities (and ungraded findings), OFI-01… for opportunities. */
  number: string;
  grade: FindingGrade | null;
  requirementRef: string;
  itemKey: string | null;
  statement: string;
  objectiveEvidence: string;
  gradeRationale: string;
  siteName: string | null;
  state: FindingState;
  raisedOn: string;
  raisedByName: string | null;
}

/** A Stage 1 area of concern (or a Stage 1 concern followed up at Stage 2). */
export interface ReportConcern {
  key: string;
  title: string;
  /** The Stage 1 mark. */
  mark: ReadinessMark;
  notes: string;
  /** At Stage 2: how the follow-up was found (null when not yet answered, or at Stage 1). */
  followUp: AnswerValue | null;
}

/** Everything a rendered report shows, assembled from the audit's own records. */
export interface ReportData {
  reportId: string | null;
  revision: number;
  state: ReportState;
  changeNote: string;
  issuedByName: string | null;
  issuedAt: string | null;
  /** When this data was assembled (ISO instant). */
  preparedAt: string;
  certificationBodyName: string;
  client: {
    id: string;
    legalName: string;
    tradingName: string;
    reference: string;
    country: string;
    /** The scope in the client's record (from the application). */
    scope: string;
    primaryContact: string;
  };
  audit: {
    id: string;
    type: AuditType;
    cycleNumber: number;
    state: AuditState;
    startDate: string;
    endDate: string;
    completedOn: string | null;
    objectives: string;
    scope: string;
    criteria: string;
  };
  standard: string;
  soa: { versionNumber: number; documentReference: string; excludedCount: number } | null;
  sites: { siteId: string; name: string; address: string; country: string; isCentral: boolean }[];
  clientSiteCount: number;
  team: { personId: string; name: string; role: TeamRole }[];
  time: {
    onsiteDays: number;
    remoteDays: number;
    calculatedDays: number | null;
    planDeviationReason: string;
  };
  checklist: {
    kind: ChecklistKind;
    answered: number;
    total: number;
    readinessConclusion: { conclusion: 'ready' | 'not_ready'; summary: string } | null;
  } | null;
  clauseSummary: ReportGroupSummary[];
  controls: ReportItemRow[];
  exclusions: ReportItemRow[];
  /** Stage 1 readiness topics, surveillance topics and the CB's own items. */
  otherItems: ReportItemRow[];
  /** Nonconformities (major, minor) and findings not graded yet. */
  nonconformities: ReportFinding[];
  opportunities: ReportFinding[];
  concerns: ReportConcern[];
  effectivenessConclusion: string;
  recommendation: DecisionKind | null;
  recommendationNotes: string;
  divergingOpinions: string;
  samplingBasis: string;
  daysSpent: number | null;
  daysSpentReason: string;
  confidentiality: string;
}

/** Where a person fixes a lint problem. */
export type ReportProblemRef =
  | { kind: 'checklistItem'; auditId: string; itemKey: string }
  | { kind: 'checklist'; auditId: string }
  | { kind: 'finding'; id: string }
  | { kind: 'audit'; auditId: string; field: string }
  | { kind: 'team'; auditId: string; personId: string | null }
  | { kind: 'report'; field: ReportDraftFieldName }
  | { kind: 'settings'; field: 'certificationBodyName' };

export interface ReportProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  ref: ReportProblemRef;
}

/** The report screen's view of an audit's report. */
export interface AuditReportView {
  auditId: string;
  auditType: AuditType;
  /** Newest first; empty until the first save. */
  revisions: ReportRevision[];
  /** The latest revision, or null before the first save (then a draft of revision 1 is shown). */
  latest: ReportRevision | null;
  /** What the documents of the latest revision show (for an issued one: what was issued). */
  data: ReportData;
  /** The lint of the latest draft; empty for an issued revision. */
  problems: ReportProblem[];
  /** Null when the signed-in person may edit and issue the draft; otherwise why not. */
  cannotEdit: string | null;
  /** Whether the signed-in person is the audit's lead auditor (who starts new revisions). */
  isLeadAuditor: boolean;
}

/** A rendered report to save: the bytes as base64, with the revision it shows and their SHA-256. */
export interface ReportFile extends ExportedFile {
  revision: number;
  state: ReportState;
  sha256: string;
}
