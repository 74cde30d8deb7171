/** Method names of contract-data.ts, for the preload (which must not import zod). */
export const dataMethodNames = ['updateBackupSettings', 'verifyEvidenceFiles'] as const;
