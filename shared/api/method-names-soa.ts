/** Method names of contract-soa.ts, for the preload (which must not import zod). */
export const soaMethodNames = [
  'requirementCatalogue',
  'currentSoa',
  'listSoaVersions',
  'getSoaVersion',
  'saveSoaVersion',
  'auditedSoaVersion',
  'recordAuditedSoaVersion',
] as const;
