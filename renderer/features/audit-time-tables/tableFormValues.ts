import type { UseFormReturnType } from '@mantine/form';
import {
  tableSourceLabels,
  tableSources,
  validateAuditTimeTable,
  type AuditTimeTable,
} from '../../../shared/audit-time';
import { isCalendarDay } from '../../../shared/dates';
import { formPath } from '../../forms';

/** Every number of the table as a NumberInput holds it: '' while empty. */
type Editable<T> = T extends number
  ? number | ''
  : T extends readonly (infer U)[]
    ? Editable<U>[]
    : T extends object
      ? { [K in keyof T]: Editable<T[K]> }
      : T;

export type TableFormValues = Editable<AuditTimeTable> & { effectiveDate: string };
export type TableForm = UseFormReturnType<TableFormValues>;

/** A copy of a version to edit; the new version needs its own name and effective date. */
export function copyOf(table: AuditTimeTable): TableFormValues {
  return { ...structuredClone(table), version: '', effectiveDate: '' };
}

// The table's number fields; no text field (version, code, meaning, source) has these names.
const numberKeys = new Set([
  'min',
  'max',
  'developerProviderUser',
  'producer',
  'multipleRoles',
  'everyPersons',
  'percent',
  'numerator',
  'denominator',
  'stage1',
  'stage2',
  'surveillance',
  'recertification',
  'days',
]);

/** An emptied number goes as missing, so the validation says it is required. */
function blanksToMissing(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => blanksToMissing(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blanksToMissing(v, k)]));
  }
  return value === '' && key !== undefined && numberKeys.has(key) ? undefined : value;
}

export type CheckedTable =
  | { ok: true; table: AuditTimeTable; effectiveDate: string }
  | { ok: false; errors: Record<string, string> };

/** The same validation the main process runs, with every message keyed by its form path. */
export function checkTable(values: TableFormValues): CheckedTable {
  const { effectiveDate, ...table } = values;
  const checked = validateAuditTimeTable(blanksToMissing(table));
  const errors: Record<string, string> = {};
  if (!isCalendarDay(effectiveDate)) {
    errors.effectiveDate = 'Enter the date the version takes effect, e.g. 2026-04-01.';
  }
  if (!checked.ok) {
    for (const error of checked.errors) {
      const path = formPath(error.field ?? 'version');
      errors[path] ??= error.message;
    }
  }
  if (checked.ok && Object.keys(errors).length === 0) {
    return { ok: true, table: checked.value, effectiveDate };
  }
  return { ok: false, errors };
}

export const sourceOptions = tableSources.map((s) => ({
  value: s,
  label: s === 'ourChoice' ? 'CB’s own choice' : `Published: ${tableSourceLabels[s]}`,
}));
