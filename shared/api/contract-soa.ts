import type { Catalogue } from '../iso42001/catalogue';
import {
  auditSoaSchema,
  clientSoaSchema,
  recordAuditedSoaSchema,
  saveSoaSchema,
  type AuditedSoa,
  type SoaVersion,
  type SoaVersionSummary,
} from '../soa/schema';
import { byId, method, noInput } from './method';

/**
 * Contract methods of the ISO/IEC 42001 catalogue and the Statement of Applicability (issue 6);
 * names also go in method-names-soa.ts.
 */
export const soaContract = {
  requirementCatalogue: method<Catalogue>()(noInput),
  currentSoa: method<SoaVersion | null>()(clientSoaSchema),
  listSoaVersions: method<SoaVersionSummary[]>()(clientSoaSchema),
  getSoaVersion: method<SoaVersion>()(byId),
  saveSoaVersion: method<SoaVersion>()(saveSoaSchema),
  auditedSoaVersion: method<AuditedSoa | null>()(auditSoaSchema),
  recordAuditedSoaVersion: method<AuditedSoa>()(recordAuditedSoaSchema),
};
