export { calculateAuditTime } from './calculate';
export {
  auditTimeEntrySchema,
  checkAuditTimeEntry,
  entryToRequest,
  factorReasonSchema,
  type AuditTimeEntry,
  type AuditTimeEntryInput,
} from './entry';
export {
  iso27001,
  partTimeHours,
  prefillFromClient,
  suggestAiRoleColumn,
  type AuditTimePrefill,
  type RoleSuggestion,
} from './prefill';
export {
  approvalStateLabels,
  approvalStates,
  clientAuditTimeSchema,
  decideOverrideSchema,
  newAuditTimeTableSchema,
  overrideAuditTimeSchema,
  saveAuditTimeSchema,
  type ApprovalState,
  type AuditTimeRecomputation,
  type AuditTimeRecord,
  type AuditTimeTableSummary,
  type AuditTimeTableVersion,
  type NewAuditTimeTable,
} from './records';
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
