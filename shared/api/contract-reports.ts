import {
  auditReportQuerySchema,
  issueReportSchema,
  newReportRevisionSchema,
  reportFileSchema,
  updateReportDraftSchema,
  type AuditReportView,
  type ReportFile,
  type ReportProblem,
  type ReportRevision,
} from '../reports/schema';
import { method } from './method';

/** Contract methods of the reports area (issue 8); names also go in method-names-reports.ts. */
export const reportsContract = {
  /** The audit's report: revisions, what its documents say, and the lint of the draft. */
  auditReport: method<AuditReportView>()(auditReportQuerySchema),
  /** Autosave of the lead auditor's parts of the draft (only the fields sent change). */
  updateAuditReportDraft: method<ReportRevision>()(updateReportDraftSchema),
  auditReportLint: method<ReportProblem[]>()(auditReportQuerySchema),
  /** The lead auditor signs: the PDF's SHA-256, the signer and the time are recorded. */
  issueAuditReport: method<ReportRevision>()(issueReportSchema),
  newAuditReportRevision: method<ReportRevision>()(newReportRevisionSchema),
  /** A revision's PDF or DOCX (the latest unless named), as base64 for the renderer to save. */
  auditReportFile: method<ReportFile>()(reportFileSchema),
};
