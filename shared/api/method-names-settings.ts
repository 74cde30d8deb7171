/** Method names of contract-settings.ts, for the preload (which must not import zod). */
export const settingsMethodNames = [
  'certificationBody',
  'updateCertificationBody',
  'certificationBodyLogo',
  'setCertificationBodyLogo',
  'removeCertificationBodyLogo',
] as const;
