/** Method names of contract-certificates.ts, for the preload (which must not import zod). */
export const certificatesMethodNames = [
  'certificationDecisionContext',
  'takeCertificationDecision',
  'listCertificationDecisions',
  'listCertificates',
  'getCertificate',
  'certificatePdf',
  'exportCertificates',
  'certificateNumbering',
  'updateCertificateNumbering',
] as const;
