/** The cycle's output JSON (reference B1, `CycleOutput`); absent values are null. */
import { z } from 'zod';
import { calendarDayPattern } from '../dates';

const calendarDay = z.string().regex(calendarDayPattern);

export const cycleTypes = ['initial', 'continued'] as const;
export type CycleType = (typeof cycleTypes)[number];

export const auditStatuses = ['planned', 'due', 'overdue', 'done'] as const;
export const auditStatusSchema = z.enum(auditStatuses);
export type AuditStatus = z.infer<typeof auditStatusSchema>;

/** Where a recorded audit fell against its window; null until it has taken place. */
export const auditTimings = ['early', 'inWindow', 'late'] as const;
export const auditTimingSchema = z.enum(auditTimings);
export type AuditTiming = z.infer<typeof auditTimingSchema>;

export const certificateStatuses = [
  'active',
  'suspensionRequired',
  'expiredRestorable',
  'lapsed',
  'renewed',
  'restored',
  'newCycle',
] as const;
export const certificateStatusSchema = z.enum(certificateStatuses);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

export const nextCycleTypes = ['recertified', 'restored', 'newCycle'] as const;
export const nextCycleTypeSchema = z.enum(nextCycleTypes);
export type NextCycleType = z.infer<typeof nextCycleTypeSchema>;

/** A surveillance audit of the programme (the reference's `Item`). */
export const surveillanceAuditSchema = z.object({
  dueDate: calendarDay,
  windowStart: calendarDay,
  /** Always the due date: there is no grace period after it (B3 step 4). */
  windowEnd: calendarDay,
  status: auditStatusSchema,
  /** The last day of the audit, once done. */
  doneDate: calendarDay.nullable(),
  timing: auditTimingSchema.nullable(),
});
export type SurveillanceAudit = z.infer<typeof surveillanceAuditSchema>;

export const recertificationAuditSchema = z.object({
  auditDueDate: calendarDay,
  windowStart: calendarDay,
  windowEnd: calendarDay,
  /** The certificate's expiry: audit and decision are both due before it (17021-1 9.6.3.2.4). */
  decisionDeadline: calendarDay,
  status: auditStatusSchema,
  auditDate: calendarDay.nullable(),
  decisionDate: calendarDay.nullable(),
  auditTiming: auditTimingSchema.nullable(),
});
export type RecertificationAudit = z.infer<typeof recertificationAuditSchema>;

/** The cycle a recertification decision opens (B3 step 7). */
export const nextCycleSchema = z.object({
  type: nextCycleTypeSchema,
  cycleStartDate: calendarDay,
  expiryDate: calendarDay,
  certificateEffectiveDate: calendarDay,
});
export type NextCycle = z.infer<typeof nextCycleSchema>;

export const cycleOutputSchema = z.object({
  cycleType: z.enum(cycleTypes),
  cycleStartDate: calendarDay,
  expiryDate: calendarDay,
  surveillance1: surveillanceAuditSchema,
  surveillance2: surveillanceAuditSchema,
  /** Last day on which certification can be restored after expiry (17021-1 9.6.3.2.5). */
  restorationDeadline: calendarDay,
  certificateStatus: certificateStatusSchema,
  recertification: recertificationAuditSchema,
  nextCycle: nextCycleSchema.nullable(),
});
export type CycleOutput = z.infer<typeof cycleOutputSchema>;
