/**
 * B3 step 1: validation. Checks run in the reference's order and the first failure is returned,
 * so the same bad input always names the same field.
 */
import type { AppErrorInfo, Result } from '../errors';
import { addCalendarMonths } from './dates';
import { cycleInputSchema, shapeError, type CycleDateField, type CycleInput } from './input';

type Problem = { field: CycleDateField; message: string } | null;

/** How recorded audits and decisions are named in messages, in CycleInput order. */
const recordedEvents = [
  ['surveillance1Date', 'Surveillance 1'],
  ['surveillance2Date', 'Surveillance 2'],
  ['recertificationAuditDate', 'The recertification audit'],
  ['recertificationDecisionDate', 'The recertification decision'],
] as const;

/** (c) A decision cannot lie in the future. */
function decisionInThePast(input: CycleInput): Problem {
  if (input.decisionDate <= input.today) return null;
  return {
    field: 'decisionDate',
    message: `The certification decision (${input.decisionDate}) is after today (${input.today}).`,
  };
}

/**
 * (d) A decision more than 6 months after the previous expiry cannot continue that cycle: only
 * within 6 months can certification be restored (17021-1 9.6.3.2.5); later, a new cycle starts.
 */
function withinRestorationPeriod(input: CycleInput): Problem {
  if (input.previousExpiryDate === null) return null;
  const restorationDeadline = addCalendarMonths(input.previousExpiryDate, 6);
  if (input.decisionDate <= restorationDeadline) return null;
  return {
    field: 'previousExpiryDate',
    message:
      `The certification decision (${input.decisionDate}) is more than 6 months after the ` +
      `previous expiry (${input.previousExpiryDate}); restoration was possible until ` +
      `${restorationDeadline}. Leave previousExpiryDate out to start a new cycle.`,
  };
}

/** (e) The previous recertification audit came before the decision it led to. */
function previousAuditBeforeDecision(input: CycleInput): Problem {
  if (input.previousAuditDate === null || input.previousAuditDate <= input.decisionDate) {
    return null;
  }
  return {
    field: 'previousAuditDate',
    message: `The previous recertification audit (${input.previousAuditDate}) is after the certification decision (${input.decisionDate}).`,
  };
}

/** (f) Audits and decisions of this cycle are recorded once they happened, after its decision. */
function recordedWithinCycle(input: CycleInput): Problem {
  for (const [field, name] of recordedEvents) {
    const date = input[field];
    if (date === null) continue;
    if (date < input.decisionDate) {
      return {
        field,
        message: `${name} (${date}) is before the certification decision (${input.decisionDate}) that started this cycle.`,
      };
    }
    if (date > input.today) {
      return {
        field,
        message: `${name} (${date}) is after today (${input.today}); record it once it has taken place.`,
      };
    }
  }
  return null;
}

/** (g) Surveillance 2 follows surveillance 1. */
function surveillanceInOrder(input: CycleInput): Problem {
  const { surveillance1Date, surveillance2Date } = input;
  if (surveillance1Date === null || surveillance2Date === null) return null;
  if (surveillance2Date > surveillance1Date) return null;
  return {
    field: 'surveillance2Date',
    message: `Surveillance 2 (${surveillance2Date}) must be after surveillance 1 (${surveillance1Date}).`,
  };
}

/** (h) A recertification decision rests on a recertification audit (17021-1 9.5.2, 9.6.3). */
function recertificationDecisionAfterAudit(input: CycleInput): Problem {
  const { recertificationAuditDate, recertificationDecisionDate } = input;
  if (recertificationDecisionDate === null) return null;
  if (recertificationAuditDate === null) {
    return {
      field: 'recertificationDecisionDate',
      message:
        'A recertification decision needs the date of the recertification audit it rests on.',
    };
  }
  if (recertificationDecisionDate >= recertificationAuditDate) return null;
  return {
    field: 'recertificationDecisionDate',
    message: `The recertification decision (${recertificationDecisionDate}) is before the recertification audit (${recertificationAuditDate}).`,
  };
}

const checksInOrder = [
  decisionInThePast,
  withinRestorationPeriod,
  previousAuditBeforeDecision,
  recordedWithinCycle,
  surveillanceInOrder,
  recertificationDecisionAfterAudit,
] as const;

/** Reads the input JSON of B1; the first failing check of B3 step 1 names its field. */
export function parseCycleInput(raw: unknown): Result<CycleInput> {
  const parsed = cycleInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: shapeError(parsed.error.issues[0]) };
  for (const check of checksInOrder) {
    const problem = check(parsed.data);
    if (problem) {
      const error: AppErrorInfo = { code: 'VALIDATION', ...problem };
      return { ok: false, error };
    }
  }
  return { ok: true, value: parsed.data };
}
