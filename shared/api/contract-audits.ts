import {
  auditListQuerySchema,
  auditPageQuerySchema,
  auditPlanDefaultsQuerySchema,
  changeAuditStateSchema,
  createAuditSchema,
  updateAuditSchema,
  type Audit,
  type AuditPage,
  type AuditPlanDefaults,
  type AuditPlanDocument,
  type AuditSummary,
} from '../programme/audit-schema';
import {
  clientProgrammeQuerySchema,
  recordCertificationDecisionSchema,
  type ClientProgramme,
} from '../programme/programme';
import { byId, method } from './method';

/** Contract methods of the audits area (see contract.ts); names also go in method-names-audits.ts. */
export const auditsContract = {
  /** Starts cycle 1, or records the recertification decision that opens the next cycle. */
  recordCertificationDecision: method<ClientProgramme>()(recordCertificationDecisionSchema),
  /** The client's current cycle computed on `today`, its timeline and all its audits. */
  clientProgramme: method<ClientProgramme>()(clientProgrammeQuerySchema),
  auditPlanDefaults: method<AuditPlanDefaults>()(auditPlanDefaultsQuerySchema),
  createAudit: method<Audit>()(createAuditSchema),
  updateAudit: method<Audit>()(updateAuditSchema),
  changeAuditState: method<Audit>()(changeAuditStateSchema),
  listAudits: method<AuditSummary[]>()(auditListQuerySchema),
  /** One page of the audit list (newest start first) with the total, searched by client. */
  listAuditPage: method<AuditPage>()(auditPageQuerySchema),
  getAudit: method<Audit>()(byId),
  auditPlanPdf: method<AuditPlanDocument>()(byId),
};
