import {
  certificateNumberingSchema,
  type CertificateNumbering,
} from '../certificates/number-format';
import {
  certificateListQuerySchema,
  clientDecisionsQuerySchema,
  decisionContextQuerySchema,
  exportCertificatesSchema,
  takeCertificationDecisionSchema,
  type CertificateDetail,
  type CertificateList,
  type CertificationDecisionContext,
  type CertificationDecisionRecord,
  type TakeCertificationDecisionResult,
} from '../certificates/schema';
import type { ExportedFile } from '../findings/schema';
import { byId, method, noInput } from './method';

/** Contract methods of the certificates area (issue 8); names also go in method-names-certificates.ts. */
export const certificatesContract = {
  /** What a decision maker reviews before deciding for a client, and which decisions are possible. */
  certificationDecisionContext: method<CertificationDecisionContext>()(decisionContextQuerySchema),
  /** Records a certification decision; grants, renewals and scope changes issue a certificate. */
  takeCertificationDecision: method<TakeCertificationDecisionResult>()(
    takeCertificationDecisionSchema,
  ),
  /** A client's certification decisions, newest first. */
  listCertificationDecisions: method<CertificationDecisionRecord[]>()(clientDecisionsQuerySchema),
  /** The certificate register: search and filters, statuses derived on `today`. */
  listCertificates: method<CertificateList>()(certificateListQuerySchema),
  getCertificate: method<CertificateDetail>()(byId),
  /** The certificate as PDF (base64). */
  certificatePdf: method<ExportedFile>()(byId),
  /** The register as CSV or XLSX in the shape of a public register of certifications. */
  exportCertificates: method<ExportedFile>()(exportCertificatesSchema),
  certificateNumbering: method<CertificateNumbering>()(noInput),
  updateCertificateNumbering: method<CertificateNumbering>()(certificateNumberingSchema),
};
