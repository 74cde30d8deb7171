/** Method names of contract-certificates.ts, for the preload (which must not import zod). */
export const certificatesMethodNames = [] as const;
