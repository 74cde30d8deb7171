/** Method names of contract-team.ts, for the preload (which must not import zod). */
export const teamMethodNames = [] as const;
