/**
 * Finding deadlines (reference/nonconformities.md section 4): computed from the last day of the
 * audit that raised the finding, never typed in, and never restarted by a rejected response.
 * `D0` = auditLastDay. Calendar days only; a deadline day itself is still on time.
 */
import { z } from 'zod';
import { jsonPath, type Result } from '../errors';
import { isCalendarDay } from '../dates';
import { addCalendarDays, addCalendarMonths, type CalendarDay } from '../cycle/dates';
import { findingGrades, type FindingGrade } from './schema';

/** Audit types a finding can be raised in (a Stage 1 raises areas of concern, not findings). */
export const findingAuditTypes = [
  'stage2',
  'surveillance',
  'recertification',
  'special',
  'transfer',
] as const;
export type FindingAuditType = (typeof findingAuditTypes)[number];

/** Response due for majors and minors: D0 + 30 days (ours; practice varies from 7 to 30). */
export const RESPONSE_DAYS = 30;
/** Major verification, common practice: D0 + 90 days (ours). */
export const VERIFICATION_DAYS = 90;
/** Stage 2 of an initial certification: majors verified within 6 months (normative, 9.5.3 area). */
export const STAGE2_HARD_LIMIT_MONTHS = 6;

export const deadlineFlags = [
  'newStage2Required',
  'responseOverdue',
  'verificationOverdue',
] as const;
export type DeadlineFlag = (typeof deadlineFlags)[number];

export interface DeadlineInput {
  grade: FindingGrade;
  auditType: FindingAuditType;
  auditLastDay: CalendarDay;
  today: CalendarDay;
  /** The certificate's expiry; required for a recertification. */
  expiryDate: CalendarDay | null;
  /** The latest such event, when it happened. */
  responseSubmittedOn: CalendarDay | null;
  responseAcceptedOn: CalendarDay | null;
  verifiedOn: CalendarDay | null;
}

export interface Deadlines {
  responseDue: CalendarDay | null;
  verificationDue: CalendarDay | null;
  hardLimit: CalendarDay | null;
  flags: DeadlineFlag[];
}

const labels = {
  grade: 'The grade',
  auditType: 'The audit type',
  auditLastDay: 'The last day of the audit',
  today: 'Today',
  expiryDate: 'The certificate expiry date',
  responseSubmittedOn: 'The response date',
  responseAcceptedOn: 'The response acceptance date',
  verifiedOn: 'The verification date',
} as const;

const day = (label: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `${label} is required (YYYY-MM-DD).`
          : `${label} must be a date written YYYY-MM-DD.`,
    })
    .refine(isCalendarDay, {
      error: (issue) =>
        `${label} must be a real calendar date written YYYY-MM-DD; “${String(issue.input)}” is not.`,
    });

const optionalDay = (label: string) =>
  day(label)
    .nullish()
    .transform((v) => v ?? null);

export const deadlineInputSchema = z
  .object({
    grade: z.enum(findingGrades, {
      error: (issue) =>
        `${labels.grade} must be one of ${findingGrades.join(', ')}; ${JSON.stringify(issue.input)} is not.`,
    }),
    auditType: z.enum(findingAuditTypes, {
      error: (issue) =>
        `${labels.auditType} must be one of ${findingAuditTypes.join(', ')}; ${JSON.stringify(issue.input)} is not.`,
    }),
    auditLastDay: day(labels.auditLastDay),
    today: day(labels.today),
    expiryDate: optionalDay(labels.expiryDate),
    responseSubmittedOn: optionalDay(labels.responseSubmittedOn),
    responseAcceptedOn: optionalDay(labels.responseAcceptedOn),
    verifiedOn: optionalDay(labels.verifiedOn),
  })
  .superRefine((input, ctx) => {
    if (input.auditType === 'recertification' && input.expiryDate === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiryDate'],
        message:
          'A recertification finding needs the certificate expiry date (expiryDate): a major must be verified by then.',
      });
    }
  });

/** Reads and checks the input; the first problem names its field. */
export function parseDeadlineInput(raw: unknown): Result<DeadlineInput> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      error: { code: 'VALIDATION', field: '', message: 'The input must be a JSON object.' },
    };
  }
  const parsed = deadlineInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        field: issue ? jsonPath(issue.path) : '',
        message: issue?.message ?? 'Invalid input.',
      },
    };
  }
  return { ok: true, value: parsed.data };
}

/** The normative latest verification date of a major, or null where none applies. */
export function hardLimitFor(
  input: Pick<DeadlineInput, 'grade' | 'auditType' | 'auditLastDay' | 'expiryDate'>,
): CalendarDay | null {
  if (input.grade !== 'major') return null;
  if (input.auditType === 'stage2') {
    return addCalendarMonths(input.auditLastDay, STAGE2_HARD_LIMIT_MONTHS);
  }
  if (input.auditType === 'recertification') return input.expiryDate;
  return null;
}

/** Happened on or before `today` (an event dated later has not happened yet). */
const happenedBy = (event: CalendarDay | null, today: CalendarDay) =>
  event !== null && event <= today;

export function computeDeadlines(input: DeadlineInput): Deadlines {
  const { grade, auditLastDay: d0, today } = input;
  const responseDue = grade === 'ofi' ? null : addCalendarDays(d0, RESPONSE_DAYS);
  const hardLimit = hardLimitFor(input);
  let verificationDue: CalendarDay | null = null;
  if (grade === 'major') {
    const common = addCalendarDays(d0, VERIFICATION_DAYS);
    verificationDue = hardLimit !== null && hardLimit < common ? hardLimit : common;
  }
  const flags: DeadlineFlag[] = [];
  if (responseDue !== null && today > responseDue && !happenedBy(input.responseAcceptedOn, today)) {
    flags.push('responseOverdue');
  }
  if (verificationDue !== null && today > verificationDue && !happenedBy(input.verifiedOn, today)) {
    flags.push('verificationOverdue');
  }
  if (
    grade === 'major' &&
    input.auditType === 'stage2' &&
    hardLimit !== null &&
    today > hardLimit &&
    !(happenedBy(input.verifiedOn, today) && (input.verifiedOn as CalendarDay) <= hardLimit)
  ) {
    flags.push('newStage2Required');
  }
  flags.sort();
  return { responseDue, verificationDue, hardLimit, flags };
}
