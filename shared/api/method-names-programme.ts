/** Method names of contract-programme.ts, for the preload (which must not import zod). */
export const programmeMethodNames = [
  'programmeOverview',
  'programmeCalendar',
  'programmeUtilisation',
  'auditCalendarFile',
  'personCalendarFile',
] as const;
