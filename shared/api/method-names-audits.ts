/** Method names of contract-audits.ts, for the preload (which must not import zod). */
export const auditsMethodNames = [
  'recordCertificationDecision',
  'clientProgramme',
  'auditPlanDefaults',
  'createAudit',
  'updateAudit',
  'changeAuditState',
  'listAudits',
  'listAuditPage',
  'getAudit',
  'auditPlanPdf',
] as const;
