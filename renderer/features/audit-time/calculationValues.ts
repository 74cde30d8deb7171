import {
  calculateAuditTime,
  iso27001,
  parseAuditTimeInput,
  type AiRoleColumn,
  type AuditTimeInput,
  type AuditTimePrefill,
  type AuditTimeResult,
  type AuditTimeTable,
  type AuditType,
} from '../../../shared/audit-time';
import type { AppErrorInfo } from '../../../shared/errors';
import { formPath, numberOrUndefined } from '../../forms';

/** NumberInput gives '' while empty. */
type Num = number | '';

export interface FactorValues {
  code: string;
  percent: Num;
  reason: string;
}

/** The calculation screen's form; its paths match the calculator's JSON paths. */
export interface CalculationValues {
  auditType: AuditType;
  aiRole: AiRoleColumn;
  personnel: {
    fullTime: Num;
    partTimeHours: Num;
    fullTimeWeeklyHours: Num;
    repetitiveGroups: { label: string; count: Num }[];
  };
  sites: Num;
  additionalSampledSites: Num;
  factors: FactorValues[];
  combinedWith27001: boolean;
  integrationReductionPercent: Num;
}

export function initialCalculationValues(prefill: AuditTimePrefill): CalculationValues {
  return {
    auditType: 'initial',
    aiRole: prefill.role.aiRole,
    personnel: {
      fullTime: prefill.personnel.fullTime,
      partTimeHours: prefill.personnel.partTimeHours,
      fullTimeWeeklyHours: prefill.personnel.fullTimeWeeklyHours,
      repetitiveGroups: [],
    },
    sites: prefill.sites,
    additionalSampledSites: 0,
    factors: [],
    combinedWith27001: false,
    integrationReductionPercent: 0,
  };
}

/** What the calculator is asked; empty fields go as missing so it says what is needed. */
export function toRequest(values: CalculationValues, table: AuditTimeTable) {
  const n = numberOrUndefined;
  const p = values.personnel;
  return {
    tableVersion: table.version,
    auditType: values.auditType,
    aiRole: values.aiRole,
    personnel: {
      fullTime: n(p.fullTime),
      partTimeHours: n(p.partTimeHours),
      fullTimeWeeklyHours: n(p.fullTimeWeeklyHours),
      repetitiveGroups: p.repetitiveGroups.map((g) => ({
        ...(g.label.trim() === '' ? {} : { label: g.label.trim() }),
        count: n(g.count),
      })),
    },
    sites: n(values.sites),
    additionalSampledSites: n(values.additionalSampledSites),
    factors: values.factors.map((f) => ({ code: f.code, percent: n(f.percent) })),
    combinedWith: values.combinedWith27001 ? [iso27001] : [],
    integrationReductionPercent: values.combinedWith27001
      ? n(values.integrationReductionPercent)
      : 0,
  };
}

export type Evaluation =
  | { ok: true; input: AuditTimeInput; result: AuditTimeResult }
  | { ok: false; error: AppErrorInfo; fieldErrors: Record<string, string> };

/** The same calculator the main process stores with, run on every change. */
export function evaluate(values: CalculationValues, table: AuditTimeTable): Evaluation {
  const parsed = parseAuditTimeInput(toRequest(values, table), table);
  if (parsed.ok) {
    return { ok: true, input: parsed.value, result: calculateAuditTime(parsed.value, table) };
  }
  const { field } = parsed.error;
  // "The counts add up to 0 persons" belongs to the personnel as a whole; show it at full-time.
  const path = field === 'personnel' ? 'personnel.fullTime' : field && formPath(field);
  return {
    ok: false,
    error: parsed.error,
    fieldErrors: path ? { [path]: parsed.error.message } : {},
  };
}

/** ISO/IEC 17021-1 9.1.4: every adjustment is justified; a factor without a reason is not saved. */
export function missingReasons(values: CalculationValues): Record<string, string> {
  const errors: Record<string, string> = {};
  values.factors.forEach((f, i) => {
    if (f.reason.trim() === '') {
      errors[`factors.${i}.reason`] = 'Say why this factor applies to this client.';
    }
  });
  return errors;
}

/** The entry to save: the checked calculator input with each factor's reason. */
export function toEntry(values: CalculationValues, input: AuditTimeInput) {
  return {
    ...input,
    factors: input.factors.map((f, i) => ({
      ...f,
      reason: values.factors[i]?.reason.trim() ?? '',
    })),
  };
}
