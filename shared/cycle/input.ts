/**
 * The cycle's input JSON (reference B1, `CycleInput`) and the shape checks (a) and (b) of B3 step 1.
 * The checks between dates, (c) to (h), are in `checks.ts`.
 */
import { z } from 'zod';
import { jsonPath, type AppErrorInfo } from '../errors';
import { isCalendarDay } from '../dates';
import { LATEST_SUPPORTED_DAY, isSupportedCalendarDay } from './dates';

/** How each date is named in messages, in CycleInput order (the order errors are reported in). */
export const cycleDateLabels = {
  decisionDate: 'The certification decision date',
  today: 'Today',
  previousExpiryDate: 'The previous cycle’s expiry date',
  previousAuditDate: 'The previous recertification audit date',
  surveillance1Date: 'The date of surveillance 1',
  surveillance2Date: 'The date of surveillance 2',
  recertificationAuditDate: 'The recertification audit date',
  recertificationDecisionDate: 'The recertification decision date',
} as const;

const calendarDay = (label: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `${label} is required (YYYY-MM-DD).`
          : `${label} must be a date written YYYY-MM-DD.`,
    })
    .superRefine((value, context) => {
      if (!isCalendarDay(value)) {
        context.addIssue({
          code: 'custom',
          message: `${label} must be a real calendar date written YYYY-MM-DD; “${value}” is not.`,
        });
      } else if (!isSupportedCalendarDay(value)) {
        context.addIssue({
          code: 'custom',
          message: `${label} (${value}) is after ${LATEST_SUPPORTED_DAY}, the last date Audit Desk supports.`,
        });
      }
    });

/** Absent and null both mean "not recorded" (B1: absent = null). */
const optionalCalendarDay = (label: string) =>
  calendarDay(label)
    .nullish()
    .transform((value) => value ?? null);

const wholeMonths = (rule: string, min: number, max: number, fallback: number) => {
  const error = (issue: { input?: unknown }) => `${rule}; ${JSON.stringify(issue.input)} is not.`;
  return z
    .int({ error })
    .min(min, { error })
    .max(max, { error })
    .nullish()
    .transform((value) => value ?? fallback);
};

export const defaultCycleOptions = { windowMonthsBefore: 3, recertificationLeadMonths: 6 } as const;

export const cycleOptionsSchema = z.strictObject(
  {
    /** How many months before its due date a surveillance window opens. */
    windowMonthsBefore: wholeMonths(
      'The surveillance window opens a whole number of months, 0 to 6, before the due date',
      0,
      6,
      defaultCycleOptions.windowMonthsBefore,
    ),
    /** How many months before its due date the recertification window opens (9.6.3.1: in time). */
    recertificationLeadMonths: wholeMonths(
      'The recertification window opens a whole number of months, 1 to 12, before the audit is due',
      1,
      12,
      defaultCycleOptions.recertificationLeadMonths,
    ),
  },
  { error: 'options must be an object with windowMonthsBefore and recertificationLeadMonths.' },
);

/** Field order is CycleInput order: zod reports the first failing field in this order. */
export const cycleInputSchema = z.strictObject(
  {
    /** The decision that started this cycle: initial certification or recertification. */
    decisionDate: calendarDay(cycleDateLabels.decisionDate),
    today: calendarDay(cycleDateLabels.today),
    /** Set when this cycle continues a prior one (recertified or restored). */
    previousExpiryDate: optionalCalendarDay(cycleDateLabels.previousExpiryDate),
    /** The last day of the previous cycle's recertification audit. */
    previousAuditDate: optionalCalendarDay(cycleDateLabels.previousAuditDate),
    /** The last day of each audit, once done. */
    surveillance1Date: optionalCalendarDay(cycleDateLabels.surveillance1Date),
    surveillance2Date: optionalCalendarDay(cycleDateLabels.surveillance2Date),
    recertificationAuditDate: optionalCalendarDay(cycleDateLabels.recertificationAuditDate),
    recertificationDecisionDate: optionalCalendarDay(cycleDateLabels.recertificationDecisionDate),
    options: cycleOptionsSchema.nullish().transform((value) => value ?? defaultCycleOptions),
  },
  { error: 'The cycle input must be a JSON object.' },
);

/** The JSON a caller sends: optional fields may be absent or null. */
export type CycleRequest = z.input<typeof cycleInputSchema>;
/** A parsed request: every date present or null, options filled with their defaults. */
export type CycleInput = z.output<typeof cycleInputSchema>;
export type CycleOptions = CycleInput['options'];
export type CycleDateField = keyof typeof cycleDateLabels;

/** The first zod issue as a VALIDATION error naming its field (`options.windowMonthsBefore`). */
export function shapeError(issue: z.core.$ZodIssue | undefined): AppErrorInfo {
  if (issue === undefined) {
    return { code: 'VALIDATION', message: 'The cycle input is not valid.', field: 'input' };
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      code: 'VALIDATION',
      field: jsonPath([...issue.path, key]),
      message: `“${key}” is not a field of the cycle input; check its spelling.`,
    };
  }
  const field = jsonPath(issue.path);
  return { code: 'VALIDATION', field: field === '' ? 'input' : field, message: issue.message };
}
