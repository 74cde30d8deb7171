/**
 * Findings raised during an audit (issue 6 raises them from checklist items; the nonconformity
 * issue adds responses, reviews, verification and the register). Fields follow
 * reference/nonconformities.md section 2.
 */
import { z } from 'zod';

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

export const raiseFindingSchema = z
  .object({
    auditId: z.string().min(1, { message: 'An audit id is required.' }),
    checklistItemId: z.string().min(1).nullable().default(null),
    siteId: z.string().min(1).nullable().default(null),
    requirementRef: z
      .string()
      .trim()
      .min(1, { message: 'Name the requirement that is not met, e.g. ISO/IEC 42001:2023 6.1.4.' })
      .max(300),
    /** Null until the lead auditor grades it. */
    grade: z.enum(findingGrades, { message: 'Choose major, minor or OFI.' }).nullable().default(null),
    gradeRationale: z.string().trim().max(4000).default(''),
    statement: z
      .string()
      .trim()
      .min(1, { message: 'State what is not fulfilled, in one or two sentences.' })
      .max(4000),
    objectiveEvidence: z
      .string()
      .trim()
      .min(1, { message: 'Record the objective evidence the finding rests on.' })
      .max(8000),
  })
  .superRefine((f, ctx) => {
    if (f.grade === 'major' && f.gradeRationale === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['gradeRationale'],
        message: 'A major nonconformity needs a rationale: why is the capability affected?',
      });
    }
  });
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
