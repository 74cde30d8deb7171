/** Method names of contract-evidence.ts, for the preload (which must not import zod). */
export const evidenceMethodNames = [
  'beginEvidenceUpload',
  'appendEvidenceUpload',
  'finishEvidenceUpload',
  'cancelEvidenceUpload',
  'listEvidenceFiles',
  'verifyEvidenceFile',
  'readEvidenceChunk',
  'removeEvidenceFile',
] as const;
