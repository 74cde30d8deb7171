import {
  auditChecklistQuerySchema,
  evidenceEntrySchema,
  prepareChecklistSchema,
  readinessConclusionSchema,
  saveAnswerSchema,
  surveillanceSelectionSchema,
  updateEvidenceEntrySchema,
  type Checklist,
  type CycleCoverage,
  type EvidenceEntry,
  type ReadinessConclusion,
  type SavedAnswer,
} from '../checklists/schema';
import { raiseFindingSchema, type Finding } from '../findings/schema';
import { byId, method } from './method';

/** Contract methods of audit checklists and findings raised from them (issue 6); names also go in method-names-checklists.ts. */
export const checklistsContract = {
  /** Null until the checklist has been prepared. */
  getChecklist: method<Checklist | null>()(auditChecklistQuerySchema),
  prepareChecklist: method<Checklist>()(prepareChecklistSchema),
  /** Upserts the signed-in auditor's answer to one item (autosave). */
  saveChecklistAnswer: method<SavedAnswer>()(saveAnswerSchema),
  addChecklistEvidence: method<EvidenceEntry>()(evidenceEntrySchema),
  updateChecklistEvidence: method<EvidenceEntry>()(updateEvidenceEntrySchema),
  removeChecklistEvidence: method<null>()(byId),
  setSurveillanceSelection: method<Checklist>()(surveillanceSelectionSchema),
  cycleCoverage: method<CycleCoverage>()(auditChecklistQuerySchema),
  recordReadinessConclusion: method<ReadinessConclusion>()(readinessConclusionSchema),
  raiseFinding: method<Finding>()(raiseFindingSchema),
  listAuditFindings: method<Finding[]>()(auditChecklistQuerySchema),
};
