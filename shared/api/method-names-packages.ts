/** Method names of contract-packages.ts, for the preload (which must not import zod). */
export const packagesMethodNames = [] as const;
