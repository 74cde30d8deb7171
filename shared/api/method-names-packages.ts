/** Method names of contract-packages.ts, for the preload (which must not import zod). */
export const packagesMethodNames = [
  'packageIdentity',
  'renamePackageIdentity',
  'exportAuditPackage',
  'previewAuditPackage',
  'importAuditPackage',
  'packageHistory',
] as const;
