/** Method names of contract-reports.ts, for the preload (which must not import zod). */
export const reportsMethodNames = [
  'auditReport',
  'updateAuditReportDraft',
  'auditReportLint',
  'issueAuditReport',
  'newAuditReportRevision',
  'auditReportFile',
] as const;
