/** Method names of contract-findings.ts, for the preload (which must not import zod). */
export const findingsMethodNames = [
  'getFinding',
  'gradeFinding',
  'updateFinding',
  'acknowledgeFinding',
  'findingTransition',
  'listFindings',
  'exportFindings',
  'decisionBlockers',
] as const;
