/**
 * Findings raised during an audit (issue 6 raises them from checklist items; the nonconformity
 * issue adds responses, reviews, verification and the register). Fields follow
 * reference/nonconformities.md section 2.
 */
import { z } from 'zod';
import { decisionKinds } from './decisions';

export const findingGrades = ['major', 'minor', 'ofi'] as const;
export type FindingGrade = (typeof findingGrades)[number];

export const findingGradeLabels: Record<FindingGrade, string> = {
  major: 'Major nonconformity',
  minor: 'Minor nonconformity',
  ofi: 'Opportunity for improvement',
};

export const findingStates = [
  'open',
  'responseSubmitted',
  'responseAccepted',
  'verified',
  'closed',
  'escalated',
  'cancelled',
] as const;
export type FindingState = (typeof findingStates)[number];

/** The text fields of a finding, shared by the raise and edit schemas. */
const requirementRefField = z
  .string()
  .trim()
  .min(1, { message: 'Name the requirement that is not met, e.g. ISO/IEC 42001:2023 6.1.4.' })
  .max(300);
const statementField = z
  .string()
  .trim()
  .min(1, { message: 'State what is not fulfilled, in one or two sentences.' })
  .max(4000);
const objectiveEvidenceField = z
  .string()
  .trim()
  .min(1, { message: 'Record the objective evidence the finding rests on.' })
  .max(8000);

/** A major needs a rationale (nonconformities.md section 2). */
function majorNeedsRationale(
  f: { grade: FindingGrade | null; gradeRationale: string },
  ctx: z.RefinementCtx,
): void {
  if (f.grade === 'major' && f.gradeRationale === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['gradeRationale'],
      message: 'A major nonconformity needs a rationale: why is the capability affected?',
    });
  }
}

export const raiseFindingSchema = z
  .object({
    auditId: z.string().min(1, { message: 'An audit id is required.' }),
    checklistItemId: z.string().min(1).nullable().default(null),
    siteId: z.string().min(1).nullable().default(null),
    requirementRef: requirementRefField,
    /** Null until the lead auditor grades it. */
    grade: z
      .enum(findingGrades, { message: 'Choose major, minor or OFI.' })
      .nullable()
      .default(null),
    gradeRationale: z.string().trim().max(4000).default(''),
    statement: statementField,
    objectiveEvidence: objectiveEvidenceField,
  })
  .superRefine(majorNeedsRationale);
export type RaiseFindingInput = z.input<typeof raiseFindingSchema>;

export interface Finding {
  id: string;
  auditId: string;
  checklistItemId: string | null;
  /** The checklist item's catalogue key, e.g. 6.1.4, when raised from an item. */
  itemKey: string | null;
  siteId: string | null;
  requirementRef: string;
  grade: FindingGrade | null;
  gradeRationale: string;
  statement: string;
  objectiveEvidence: string;
  raisedById: string | null;
  raisedByName: string | null;
  raisedOn: string;
  state: FindingState;
  createdAt: string;
  updatedAt: string;
}

// ---- Issue 7: the life cycle, the register and decision blockers -----------------------------

const day = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date (YYYY-MM-DD).` });

export const gradeFindingSchema = z
  .object({
    id: z.string().min(1, { message: 'A finding id is required.' }),
    grade: z.enum(findingGrades, { message: 'Choose major, minor or OFI.' }),
    gradeRationale: z.string().trim().max(4000).default(''),
  })
  .superRefine(majorNeedsRationale);
export type GradeFindingInput = z.input<typeof gradeFindingSchema>;

/** Edits of the finding's text while it is open (autosaved like the checklist). */
export const updateFindingSchema = z.object({
  id: z.string().min(1, { message: 'A finding id is required.' }),
  requirementRef: requirementRefField.optional(),
  statement: statementField.optional(),
  objectiveEvidence: objectiveEvidenceField.optional(),
  siteId: z.string().min(1).nullable().optional(),
});
export type UpdateFindingInput = z.input<typeof updateFindingSchema>;

export const acknowledgeFindingSchema = z.object({
  id: z.string().min(1, { message: 'A finding id is required.' }),
  acknowledgedBy: z
    .string()
    .trim()
    .min(1, { message: 'Name the client’s representative who acknowledged it.' })
    .max(200),
  acknowledgedOn: day('The acknowledgement date'),
  /** A disagreement is recorded here; it does not block anything. */
  note: z.string().trim().max(4000).default(''),
});
export type AcknowledgeFindingInput = z.input<typeof acknowledgeFindingSchema>;

export const findingTransitionSchema = z.object({
  id: z.string().min(1, { message: 'A finding id is required.' }),
  event: z.enum(
    ['submitResponse', 'reject', 'accept', 'verify', 'close', 'escalate', 'cancel'] as const,
    { message: 'Choose an action.' },
  ),
  /** When it happened (a response received by email last week is recorded with that date). */
  onDate: day('The date'),
  reason: z.string().trim().max(4000).default(''),
  correction: z.string().trim().max(8000).default(''),
  rootCause: z.string().trim().max(8000).default(''),
  correctiveAction: z.string().trim().max(8000).default(''),
  plannedCompletion: day('The planned completion date').nullable().default(null),
  method: z
    .enum(['documentReview', 'onSiteFollowUp', 'nextAudit', 'fullAudit'] as const, {
      message: 'Choose how effectiveness was verified.',
    })
    .nullable()
    .default(null),
  effective: z.boolean().nullable().default(null),
  evidence: z.string().trim().max(8000).default(''),
});
export type FindingTransitionInput = z.input<typeof findingTransitionSchema>;

export interface FindingDeadlines {
  auditLastDay: string | null;
  responseDue: string | null;
  verificationDue: string | null;
  hardLimit: string | null;
  /** The earliest deadline still pending in the current state (what the register sorts by). */
  nextDue: string | null;
  flags: ('newStage2Required' | 'responseOverdue' | 'verificationOverdue')[];
  /** Why a deadline could not be computed (e.g. the certificate's expiry is not known). */
  note: string | null;
  /**
   * Why a suspension should be proposed to a decision maker today (nonconformities.md 4.2 and 4.4,
   * Audit Desk rules; see shared/findings/suspension.ts), or null.
   */
  suspensionProposal: string | null;
}

export interface FindingEventRecord {
  id: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  byId: string | null;
  byName: string | null;
  onDate: string;
  recordedAt: string;
  reason: string;
  details: Record<string, unknown>;
}

export interface FindingAction {
  event: string;
  label: string;
  /** False with the reason when this person may not take it now. */
  allowed: boolean;
  reason: string | null;
}

export interface FindingDetail extends Finding {
  auditType: string;
  clientId: string;
  clientName: string;
  clientReference: string;
  siteName: string | null;
  deadlines: FindingDeadlines;
  clientAcknowledgedBy: string | null;
  acknowledgedOn: string | null;
  acknowledgementNote: string;
  /** The latest submitted response, if any. */
  response: {
    correction: string;
    rootCause: string;
    correctiveAction: string;
    plannedCompletion: string | null;
    submittedOn: string;
  } | null;
  reviews: {
    outcome: 'accepted' | 'rejected';
    byName: string | null;
    onDate: string;
    reason: string;
  }[];
  verification: {
    method: string;
    effective: boolean;
    byName: string | null;
    onDate: string;
    evidence: string;
  } | null;
  closedOn: string | null;
  escalatedFromId: string | null;
  escalatedToId: string | null;
  events: FindingEventRecord[];
  actions: FindingAction[];
  /** The grading aid of nonconformities.md 1 (ours): when and why "major" is suggested. */
  majorSuggestion: string[];
}

export const findingListQuerySchema = z.object({
  clientId: z.string().min(1).optional(),
  auditId: z.string().min(1).optional(),
  grade: z.enum(findingGrades).optional(),
  /** 'open' = every non-terminal state (default); 'all' = everything. */
  state: z.enum(['open', 'all', ...findingStates] as const).default('open'),
  overdueOnly: z.boolean().default(false),
  auditorId: z.string().min(1).optional(),
  search: z.string().trim().max(200).optional(),
  /** Defaults to the machine's date; the e2e tests and the CLI pass it. */
  today: day('Today').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type FindingListQuery = z.input<typeof findingListQuerySchema>;

export interface FindingRow {
  id: string;
  auditId: string;
  auditType: string;
  clientId: string;
  clientName: string;
  clientReference: string;
  requirementRef: string;
  grade: FindingGrade | null;
  state: FindingState;
  statement: string;
  raisedOn: string;
  raisedByName: string | null;
  responseDue: string | null;
  verificationDue: string | null;
  nextDue: string | null;
  overdue: boolean;
  /** A suspension proposal is due today (see FindingDeadlines.suspensionProposal). */
  suspensionProposed: boolean;
}

export interface FindingList {
  total: number;
  rows: FindingRow[];
}

export const exportFindingsSchema = findingListQuerySchema
  .omit({ offset: true, limit: true })
  .extend({ format: z.enum(['csv', 'xlsx'] as const, { message: 'Choose CSV or XLSX.' }) });

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  /** Base64 of the file's bytes. */
  data: string;
}

export const decisionBlockersSchema = z.object({
  clientId: z.string().min(1, { message: 'A client id is required.' }),
  decision: z.enum(decisionKinds).optional(),
  decisionDate: day('The decision date').optional(),
});

export interface DecisionBlockers {
  clientId: string;
  /** The decision assessed (the next one the cycle expects, unless given). */
  decision: string;
  auditIds: string[];
  unmet: { gate: string; message: string; findingIds: string[] }[];
  openFindings: FindingRow[];
}
