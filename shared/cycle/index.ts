export { parseCycleInput } from './checks';
export { computeCycle } from './compute';
export {
  addCalendarDays,
  addCalendarMonths,
  expiryFor,
  isSupportedCalendarDay,
  LATEST_SUPPORTED_DAY,
  type CalendarDay,
} from './dates';
export {
  cycleDateLabels,
  cycleInputSchema,
  cycleOptionsSchema,
  defaultCycleOptions,
  type CycleDateField,
  type CycleInput,
  type CycleOptions,
  type CycleRequest,
} from './input';
export { nextCycleInput } from './next-cycle';
export {
  auditStatuses,
  auditStatusSchema,
  auditTimings,
  auditTimingSchema,
  certificateStatuses,
  certificateStatusSchema,
  cycleOutputSchema,
  cycleTypes,
  nextCycleSchema,
  nextCycleTypes,
  nextCycleTypeSchema,
  recertificationAuditSchema,
  surveillanceAuditSchema,
  type AuditStatus,
  type AuditTiming,
  type CertificateStatus,
  type CycleOutput,
  type CycleType,
  type NextCycle,
  type NextCycleType,
  type RecertificationAudit,
  type SurveillanceAudit,
} from './output';
