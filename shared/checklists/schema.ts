/**
 * Audit checklists (issue 6): vocabulary, the contract's inputs and the shapes it returns.
 * Generation and coverage rules live beside this file (generate.ts, coverage.ts).
 */
import { z } from 'zod';

/** readiness: Stage 1; full: Stage 2, recertification, transfer; selection: surveillance, special. */
export const checklistKinds = ['readiness', 'full', 'selection'] as const;
export type ChecklistKind = (typeof checklistKinds)[number];

export const checklistSections = [
  'readiness',
  'clause',
  'control',
  'exclusion',
  'concern',
  'cb',
  'surveillance',
] as const;
export type ChecklistSection = (typeof checklistSections)[number];

/** Stage 1 items are marked on the readiness scale; everything else on the result scale. */
export const readinessMarks = ['ready', 'concern', 'not_ready'] as const;
export type ReadinessMark = (typeof readinessMarks)[number];

export const itemResults = [
  'conforming',
  'nonconformity',
  'opportunity',
  'not_audited',
  'not_applicable',
] as const;
export type ItemResult = (typeof itemResults)[number];

export type ChecklistScale = 'readiness' | 'result';
export type AnswerValue = ReadinessMark | ItemResult;

export const readinessMarkLabels: Record<ReadinessMark, string> = {
  ready: 'Ready',
  concern: 'Concern',
  not_ready: 'Not ready',
};

export const itemResultLabels: Record<ItemResult, string> = {
  conforming: 'Conforming',
  nonconformity: 'Nonconformity',
  opportunity: 'Opportunity for improvement',
  not_audited: 'Not audited',
  not_applicable: 'Not applicable',
};

export const evidenceKinds = ['document', 'interview', 'observation', 'record'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  document: 'Document reviewed',
  interview: 'Person interviewed',
  observation: 'Observation',
  record: 'Record sampled',
};

/** What the `detail` field of an evidence entry holds, per kind ('' = no detail asked). */
export const evidenceDetailLabels: Record<EvidenceKind, string> = {
  document: 'Document version',
  interview: 'Role of the person',
  observation: '',
  record: 'Record identifier',
};

export const readinessConclusions = ['ready', 'not_ready'] as const;
export type ReadinessConclusionValue = (typeof readinessConclusions)[number];

/** Who may prepare a checklist, choose surveillance items and conclude Stage 1 (besides the lead auditor of the audit). */
export const checklistPlanners = ['lead_auditor', 'scheduler', 'admin'] as const;

const id = (what: string) => z.string().min(1, { message: `${what} is required.` });

export const auditChecklistQuerySchema = z.object({ auditId: id('An audit id') });

export const prepareChecklistSchema = z.object({
  auditId: id('An audit id'),
  /** The SoA version to audit; defaults to the client's newest. */
  soaVersionId: z.string().min(1).nullable().default(null),
});
export type PrepareChecklistInput = z.input<typeof prepareChecklistSchema>;

export const saveAnswerSchema = z.object({
  checklistItemId: id('A checklist item id'),
  /** Omitted: leave as it is; null: clear. */
  result: z
    .enum([...readinessMarks, ...itemResults], { message: 'Choose one of the listed results.' })
    .nullable()
    .optional(),
  notes: z.string().max(20000, { message: 'Notes are limited to 20,000 characters.' }).optional(),
});
export type SaveAnswerInput = z.input<typeof saveAnswerSchema>;

export const evidenceEntrySchema = z.object({
  checklistItemId: id('A checklist item id'),
  kind: z.enum(evidenceKinds, { message: 'Choose the kind of evidence.' }),
  description: z
    .string()
    .trim()
    .min(1, { message: 'Describe the evidence: what was reviewed, heard, seen or sampled.' })
    .max(4000),
  detail: z.string().trim().max(500).default(''),
});
export type EvidenceEntryInput = z.input<typeof evidenceEntrySchema>;

export const updateEvidenceEntrySchema = evidenceEntrySchema
  .omit({ checklistItemId: true })
  .extend({ id: id('An evidence id') });

export const surveillanceSelectionSchema = z.object({
  auditId: id('An audit id'),
  /** Items to include; mandatory items are always included whatever is sent. */
  itemIds: z.array(z.string().min(1)),
});
export type SurveillanceSelectionInput = z.input<typeof surveillanceSelectionSchema>;

export const readinessConclusionSchema = z.object({
  auditId: id('An audit id'),
  conclusion: z.enum(readinessConclusions, { message: 'Choose ready or not ready.' }),
  summary: z
    .string()
    .trim()
    .min(1, { message: 'Summarise the readiness review (what is ready, what is of concern).' })
    .max(8000),
});
export type ReadinessConclusionInput = z.input<typeof readinessConclusionSchema>;

export interface ChecklistAnswer {
  id: string;
  checklistItemId: string;
  auditorId: string;
  auditorName: string;
  result: AnswerValue | null;
  notes: string;
  answeredAt: string;
}

export interface EvidenceEntry {
  id: string;
  checklistItemId: string;
  auditorId: string;
  auditorName: string;
  kind: EvidenceKind;
  description: string;
  detail: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChecklistItem {
  id: string;
  itemKey: string;
  section: ChecklistSection;
  groupKey: string;
  parentKey: string | null;
  position: number;
  title: string;
  prompt: string;
  requirementRef: string;
  scale: ChecklistScale;
  mandatory: boolean;
  selected: boolean;
  carriedFromItemId: string | null;
  carriedNote: string;
  /**
   * Every auditor's answer: those with a result newest first, then notes-only ones newest first.
   * The first is the item's current answer (shared/checklists/progress.ts currentAnswer).
   */
  answers: ChecklistAnswer[];
  evidence: EvidenceEntry[];
  /** Live evidence files attached to this item. */
  fileCount: number;
  findingIds: string[];
}

export interface ChecklistGroup {
  key: string;
  title: string;
  answered: number;
  total: number;
}

export interface ReadinessConclusion {
  auditId: string;
  conclusion: ReadinessConclusionValue;
  summary: string;
  concludedById: string | null;
  concludedByName: string | null;
  concludedAt: string;
}

export interface Checklist {
  id: string;
  auditId: string;
  kind: ChecklistKind;
  catalogueVersion: string;
  soaVersionId: string | null;
  soaVersionNumber: number | null;
  createdAt: string;
  /** In catalogue order; only `selected` items are answered in a surveillance. */
  items: ChecklistItem[];
  groups: ChecklistGroup[];
  progress: { answered: number; total: number };
  readinessConclusion: ReadinessConclusion | null;
  /** True when the signed-in person may answer (on the audit team). */
  canAnswer: boolean;
  /** True when they may choose surveillance items and conclude Stage 1. */
  canPlan: boolean;
}

export interface SavedAnswer {
  answer: ChecklistAnswer;
  savedAt: string;
}

/** One audit of the cycle in the coverage matrix. */
export interface CoverageAudit {
  auditId: string;
  type: string;
  label: string;
  plannedStart: string;
  state: string;
  /**
   * The audit has a checklist of requirement items: false for a Stage 1 (a readiness review, not
   * item by item) and while no checklist has been prepared, so its cells say nothing either way.
   */
  itemsAudited: boolean;
}

export interface CoverageRow {
  itemKey: string;
  title: string;
  groupKey: string;
  /** Per audit id: covered (answered, not "not audited"), planned (selected, not yet answered), or absent. */
  cells: Record<string, 'covered' | 'planned' | 'absent'>;
  /** Covered or planned by at least one surveillance audit of the cycle. */
  coveredInCycle: boolean;
}

export interface CycleCoverage {
  clientId: string;
  cycleNumber: number;
  audits: CoverageAudit[];
  rows: CoverageRow[];
  /** Items no surveillance audit of the cycle covers or plans. */
  uncovered: string[];
  /** A message when the plan, as it stands, would reach recertification with items uncovered. */
  warning: string | null;
}
