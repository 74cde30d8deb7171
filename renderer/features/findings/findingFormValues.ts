import {
  evidenceDetailLabels,
  evidenceKindLabels,
  type ChecklistItem,
} from '../../../shared/checklists/schema';
import type { FindingGrade, RaiseFindingInput } from '../../../shared/findings/schema';

export type FindingKind = 'nonconformity' | 'opportunity';

export interface FindingFormValues {
  requirementRef: string;
  statement: string;
  objectiveEvidence: string;
  /** '' = not tied to one site. */
  siteId: string;
  /** '' = left for the lead auditor to grade. */
  grade: FindingGrade | '';
  gradeRationale: string;
}

/** The item's evidence entries as one text, one entry a line. */
export function evidenceAsText(item: ChecklistItem): string {
  return item.evidence
    .map((e) => {
      const detailLabel = evidenceDetailLabels[e.kind];
      const detail = detailLabel && e.detail ? ` (${detailLabel.toLowerCase()}: ${e.detail})` : '';
      return `${evidenceKindLabels[e.kind]}: ${e.description}${detail}`;
    })
    .join('\n');
}

/** A new finding from an item: its requirement and evidence filled in, the statement left to write. */
export function prefilledFinding(
  item: ChecklistItem | null,
  kind: FindingKind,
  isLead: boolean,
): FindingFormValues {
  return {
    requirementRef: item ? item.requirementRef || `ISO/IEC 42001:2023 ${item.itemKey}` : '',
    statement: '',
    objectiveEvidence: item ? evidenceAsText(item) : '',
    siteId: '',
    grade: kind === 'opportunity' && isLead ? 'ofi' : '',
    gradeRationale: '',
  };
}

export function findingInput(
  auditId: string,
  checklistItemId: string | null,
  v: FindingFormValues,
): RaiseFindingInput {
  return {
    auditId,
    checklistItemId,
    siteId: v.siteId === '' ? null : v.siteId,
    requirementRef: v.requirementRef,
    grade: v.grade === '' ? null : v.grade,
    gradeRationale: v.grade === 'major' ? v.gradeRationale : '',
    statement: v.statement,
    objectiveEvidence: v.objectiveEvidence,
  };
}
