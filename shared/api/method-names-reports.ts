/** Method names of contract-reports.ts, for the preload (which must not import zod). */
export const reportsMethodNames = [] as const;
