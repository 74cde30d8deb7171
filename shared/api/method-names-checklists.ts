/** Method names of contract-checklists.ts, for the preload (which must not import zod). */
export const checklistsMethodNames = [
  'getChecklist',
  'prepareChecklist',
  'saveChecklistAnswer',
  'addChecklistEvidence',
  'updateChecklistEvidence',
  'removeChecklistEvidence',
  'setSurveillanceSelection',
  'cycleCoverage',
  'recordReadinessConclusion',
  'raiseFinding',
  'listAuditFindings',
] as const;
