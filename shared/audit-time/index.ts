export { calculateAuditTime } from './calculate';
export {
  auditTimeInputSchema,
  auditTypes,
  auditTypeSchema,
  parseAuditTimeInput,
  personnelBreakdown,
  personnelSchema,
  type AuditTimeInput,
  type AuditTimeRequest,
  type AuditType,
  type Personnel,
  type PersonnelBreakdown,
} from './input';
export { sourceText } from './justification';
export {
  auditTimeResultSchema,
  justificationCodes,
  justificationCodeSchema,
  justificationEntrySchema,
  type AuditTimeResult,
  type JustificationCode,
  type JustificationEntry,
} from './result';
export {
  aiRoleColumnLabels,
  aiRoleColumns,
  aiRoleColumnSchema,
  auditTimeTableSchema,
  defaultAuditTimeTable,
  defaultAuditTimeTableVersion,
  tableSourceLabels,
  tableSources,
  tableSourceSchema,
  validateAuditTimeTable,
  type AiRoleColumn,
  type AuditTimeBand,
  type AuditTimeFactor,
  type AuditTimeShare,
  type AuditTimeTable,
  type AuditTimeTableValidation,
  type TableSource,
} from './table';
