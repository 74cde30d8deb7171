/**
 * B3 steps 2-7: the 3-year cycle of the audit programme (ISO/IEC 17021-1 9.1.3) from the decision
 * that started it, and what follows from the audits and decisions recorded so far, given today.
 */
import {
  addCalendarDays,
  addCalendarMonths,
  earlierOf,
  expiryFor,
  type CalendarDay,
} from './dates';
import type { CycleInput } from './input';
import type {
  AuditStatus,
  AuditTiming,
  CertificateStatus,
  CycleOutput,
  NextCycle,
  RecertificationAudit,
  SurveillanceAudit,
} from './output';

/** Consecutive audits at most 12 months apart, so no calendar year passes without one (9.1.3). */
const MONTHS_BETWEEN_AUDITS = 12;
/** Restoration after expiry is possible for 6 months (9.6.3.2.5). */
const RESTORATION_MONTHS = 6;

interface Window {
  windowStart: CalendarDay;
  windowEnd: CalendarDay;
}

/** Step 4: the window closes on the due date, with no grace after it. */
function windowBefore(dueDate: CalendarDay, monthsBefore: number): Window {
  return { windowStart: addCalendarMonths(dueDate, -monthsBefore), windowEnd: dueDate };
}

/** Step 5: where a recorded audit fell against its window (all bounds inclusive). */
function timingOf(auditDate: CalendarDay | null, window: Window): AuditTiming | null {
  if (auditDate === null) return null;
  if (auditDate < window.windowStart) return 'early';
  return auditDate <= window.windowEnd ? 'inWindow' : 'late';
}

/** Steps 5 and 6: the state of an audit not yet done. */
function openStatus(today: CalendarDay, window: Window): AuditStatus {
  if (today < window.windowStart) return 'planned';
  return today <= window.windowEnd ? 'due' : 'overdue';
}

function surveillanceAudit(
  dueDate: CalendarDay,
  doneDate: CalendarDay | null,
  input: CycleInput,
): SurveillanceAudit {
  const window = windowBefore(dueDate, input.options.windowMonthsBefore);
  return {
    dueDate,
    ...window,
    status: doneDate === null ? openStatus(input.today, window) : 'done',
    doneDate,
    timing: timingOf(doneDate, window),
  };
}

/** 12 months after a recorded audit, or null when it has not taken place. */
function yearAfter(auditDate: CalendarDay | null): CalendarDay | null {
  return auditDate === null ? null : addCalendarMonths(auditDate, MONTHS_BETWEEN_AUDITS);
}

/**
 * Step 6. The audit and the decision are both due before expiry (9.6.3.2.4): once the audit is
 * recorded, the recertification stays due while the decision is pending, up to expiry.
 */
function recertificationAudit(input: CycleInput, expiryDate: CalendarDay): RecertificationAudit {
  const auditDueDate = earlierOf(expiryDate, yearAfter(input.surveillance2Date));
  const window = {
    windowStart: addCalendarMonths(auditDueDate, -input.options.recertificationLeadMonths),
    windowEnd: auditDueDate,
  };
  const auditDate = input.recertificationAuditDate;
  const decisionDate = input.recertificationDecisionDate;
  let status: AuditStatus;
  if (decisionDate !== null) status = 'done';
  else if (input.today < window.windowStart) status = 'planned';
  else if (input.today <= window.windowEnd) status = 'due';
  else if (auditDate !== null && input.today <= expiryDate) status = 'due';
  else status = 'overdue';
  return {
    auditDueDate,
    ...window,
    decisionDeadline: expiryDate,
    status,
    auditDate,
    decisionDate,
    auditTiming: timingOf(auditDate, window),
  };
}

interface Standing {
  certificateStatus: CertificateStatus;
  nextCycle: NextCycle | null;
}

/** Step 7, first match wins. */
function certificateStanding(
  input: CycleInput,
  expiryDate: CalendarDay,
  restorationDeadline: CalendarDay,
  audits: readonly { status: AuditStatus }[],
): Standing {
  const decisionDate = input.recertificationDecisionDate;
  if (decisionDate !== null) {
    // Renewed before expiry, or restored within 6 months after it: the new expiry is based on the
    // old one (9.6.3.2.4, 9.6.3.2.5), whenever the decision was taken.
    const continuedStart = addCalendarDays(expiryDate, 1);
    const continued = (type: 'recertified' | 'restored'): NextCycle => ({
      type,
      cycleStartDate: continuedStart,
      expiryDate: expiryFor(continuedStart),
      certificateEffectiveDate: decisionDate,
    });
    if (decisionDate <= expiryDate) {
      return { certificateStatus: 'renewed', nextCycle: continued('recertified') };
    }
    if (decisionDate <= restorationDeadline) {
      return { certificateStatus: 'restored', nextCycle: continued('restored') };
    }
    // Too late to restore: certification starts afresh (after at least a Stage 2, checked
    // elsewhere), with a cycle of its own from this decision.
    return {
      certificateStatus: 'newCycle',
      nextCycle: {
        type: 'newCycle',
        cycleStartDate: decisionDate,
        expiryDate: expiryFor(decisionDate),
        certificateEffectiveDate: decisionDate,
      },
    };
  }
  if (input.today > expiryDate) {
    // Between expiry and restoration the client is not certified (9.6.3.2.5).
    const restorable = input.today <= restorationDeadline;
    return { certificateStatus: restorable ? 'expiredRestorable' : 'lapsed', nextCycle: null };
  }
  if (audits.some((audit) => audit.status === 'overdue')) {
    // Surveillance or recertification not allowed at the required frequency is a ground for
    // suspension (9.6.5.2); a decision maker suspends or records why not, never the app itself.
    return { certificateStatus: 'suspensionRequired', nextCycle: null };
  }
  return { certificateStatus: 'active', nextCycle: null };
}

/** The whole cycle for a parsed input (see `parseCycleInput`), as the output JSON of B1. */
export function computeCycle(input: CycleInput): CycleOutput {
  // Step 2: a continued cycle keeps its anniversary from the old expiry, not from the decision.
  const cycleStartDate =
    input.previousExpiryDate === null
      ? input.decisionDate
      : addCalendarDays(input.previousExpiryDate, 1);
  const expiryDate = expiryFor(cycleStartDate);
  const restorationDeadline = addCalendarMonths(expiryDate, RESTORATION_MONTHS);

  // Step 3: each audit is due at the latest 12 months after the one before it (9.1.3), so an
  // early audit pulls the next one in.
  const surveillance1 = surveillanceAudit(
    earlierOf(addCalendarMonths(cycleStartDate, 12), yearAfter(input.previousAuditDate)),
    input.surveillance1Date,
    input,
  );
  const surveillance2 = surveillanceAudit(
    earlierOf(addCalendarMonths(cycleStartDate, 24), yearAfter(input.surveillance1Date)),
    input.surveillance2Date,
    input,
  );
  const recertification = recertificationAudit(input, expiryDate);

  const { certificateStatus, nextCycle } = certificateStanding(
    input,
    expiryDate,
    restorationDeadline,
    [surveillance1, surveillance2, recertification],
  );

  return {
    cycleType: input.previousExpiryDate === null ? 'initial' : 'continued',
    cycleStartDate,
    expiryDate,
    surveillance1,
    surveillance2,
    restorationDeadline,
    certificateStatus,
    recertification,
    nextCycle,
  };
}
