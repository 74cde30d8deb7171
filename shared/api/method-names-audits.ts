/** Method names of contract-audits.ts, for the preload (which must not import zod). */
export const auditsMethodNames = [] as const;
