import { z } from 'zod';
import { auditTypeSchema } from './input';

/** One code per calculation step, in step order (reference §h). */
export const justificationCodes = [
  'EFFECTIVE_PERSONNEL',
  'BASE_TABLE',
  'BASE_EXTRAPOLATED',
  'FACTOR',
  'REDUCTION_CAP',
  'INTEGRATION',
  'ROUNDING',
  'STAGE_SPLIT',
  'MINIMUM_APPLIED',
  'SITE_SAMPLING',
  'SURVEILLANCE',
  'RECERTIFICATION',
  'ONSITE_FLOOR',
] as const;
export const justificationCodeSchema = z.enum(justificationCodes);
export type JustificationCode = z.infer<typeof justificationCodeSchema>;

export const justificationEntrySchema = z.object({
  code: justificationCodeSchema,
  message: z.string(),
});
export type JustificationEntry = z.infer<typeof justificationEntrySchema>;

const days = z.number().nonnegative();
const siteCount = z.number().int().nonnegative();

/** What a calculation returns; every `…Days` value is a whole number of half days. */
export const auditTimeResultSchema = z.object({
  tableVersion: z.string(),
  effectivePersonnel: z.number().int().positive(),
  /** The table band used, e.g. "46-65", or ">10700" when extrapolated beyond the last band. */
  band: z.string(),
  baseDays: days,
  netAdjustmentPercent: z.number().int(),
  reductionCapped: z.boolean(),
  integrationReductionPercent: z.number().int(),
  adjustedDays: days,
  stage1Days: days,
  stage2Days: days,
  initialTotalDays: days,
  surveillanceDays: days,
  recertificationDays: days,
  sampledSites: z.object({
    initial: siteCount,
    surveillance: siteCount,
    recertification: siteCount,
  }),
  minOnSiteDays: z.object({ stage2: days, surveillance: days, recertification: days }),
  requested: z.object({ auditType: auditTypeSchema, days, sampledSites: siteCount }),
  justification: z.array(justificationEntrySchema),
});
export type AuditTimeResult = z.infer<typeof auditTimeResultSchema>;
