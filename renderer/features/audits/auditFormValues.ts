import type {
  Audit,
  AuditPlanDefaults,
  AuditPlanInput,
} from '../../../shared/programme/audit-schema';
import { suggestAuditDates } from '../../../shared/programme/plan-defaults';
import type { AuditType } from '../../../shared/programme/vocabulary';
import { numberOrUndefined } from '../../forms';

/** What the plan form holds: numbers may be '' while being typed. */
export interface AuditFormValues {
  startDate: string;
  endDate: string;
  onsiteDays: number | '';
  remoteDays: number | '';
  daysDeviationReason: string;
  siteIds: string[];
  objectives: string;
  criteria: string;
  scope: string;
}

export interface PlanWindow {
  windowStart: string;
  windowEnd: string;
}

/** A new audit: the defaults from the audit time and the client, dates inside the window. */
export function valuesFromDefaults(
  defaults: AuditPlanDefaults,
  today: string,
  window: PlanWindow | null,
): AuditFormValues {
  const dates = suggestAuditDates(today, window, defaults.onsiteDays);
  return {
    ...dates,
    onsiteDays: defaults.onsiteDays,
    remoteDays: defaults.remoteDays,
    daysDeviationReason: '',
    siteIds: defaults.siteIds,
    objectives: defaults.objectives,
    criteria: defaults.criteria,
    scope: defaults.scope,
  };
}

export function valuesFromAudit(audit: Audit): AuditFormValues {
  return {
    startDate: audit.startDate,
    endDate: audit.endDate,
    onsiteDays: audit.onsiteDays,
    remoteDays: audit.remoteDays,
    daysDeviationReason: audit.daysDeviationReason ?? '',
    siteIds: audit.sites.map((s) => s.siteId),
    objectives: audit.objectives,
    criteria: audit.criteria,
    scope: audit.scope,
  };
}

/** The plan to check with the contract's schema; an empty number stays undefined so zod names it. */
export type PlanDraft = Omit<AuditPlanInput, 'onsiteDays'> & { onsiteDays: number | undefined };

export function valuesToPlan(values: AuditFormValues): PlanDraft {
  return {
    ...values,
    onsiteDays: numberOrUndefined(values.onsiteDays),
    remoteDays: numberOrUndefined(values.remoteDays) ?? 0,
  };
}

/** Where "Plan audit" came from: the programme event's type, cycle and window. */
export interface PlanOrigin {
  clientId: string;
  type: AuditType;
  cycleNumber: number;
  window: PlanWindow | null;
}

export function planSearch(origin: PlanOrigin): string {
  const params = new URLSearchParams({
    client: origin.clientId,
    type: origin.type,
    cycle: String(origin.cycleNumber),
  });
  if (origin.window) {
    params.set('windowStart', origin.window.windowStart);
    params.set('windowEnd', origin.window.windowEnd);
  }
  return `/audits/new?${params.toString()}`;
}
