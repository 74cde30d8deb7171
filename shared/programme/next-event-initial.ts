import { addCalendarMonths } from '../cycle';
import type { NextEvent } from './programme-schema';
import { firstOpen, heldOn, type AuditRecord } from './programme-records';

/** An event before the client's details and the planned audit's team are added. */
export type EventDraft = Omit<
  NextEvent,
  'clientId' | 'reference' | 'legalName' | 'country' | 'clientStatus' | 'plannedAudit'
> & { plannedAudit: AuditRecord | null };

/**
 * Stage 2 starting more than 6 months after Stage 1's last day needs a recorded justification or
 * a new Stage 1 (our rule B4; EA FAQ 49.3 leaves the interval to the CB, 17021-1 9.3.1.2.4).
 */
const STAGE1_VALID_MONTHS = 6;
/**
 * A major nonconformity not verified within 6 months after Stage 2's last day means another
 * Stage 2 before certification can be recommended (17021-1 9.5.3 area).
 */
const DECISION_MONTHS_AFTER_STAGE2 = 6;

const notInCycle = { cycleNumber: null, certificateStatus: null, expiryDate: null } as const;

function lastHeld(audits: readonly AuditRecord[], type: string, today: string): string | null {
  let last: string | null = null;
  for (const audit of audits) {
    if (audit.type !== type) continue;
    const day = heldOn(audit, today);
    if (day !== null && (last === null || day > last)) last = day;
  }
  return last;
}

function afterStage2(stage2LastDay: string, today: string): EventDraft {
  const dueDate = addCalendarMonths(stage2LastDay, DECISION_MONTHS_AFTER_STAGE2);
  const late = today > dueDate;
  return {
    event: 'certificationDecision',
    dueDate,
    windowStart: stage2LastDay,
    windowEnd: dueDate,
    state: late ? 'overdue' : 'due',
    consequence: late
      ? `Stage 2 ended on ${stage2LastDay}, more than 6 months ago: unless every major nonconformity was verified, another Stage 2 is needed before certification (ISO/IEC 17021-1 9.5.3).`
      : null,
    ...notInCycle,
    plannedAudit: null,
  };
}

function afterStage1(
  stage1LastDay: string,
  audits: readonly AuditRecord[],
  today: string,
): EventDraft {
  const dueDate = addCalendarMonths(stage1LastDay, STAGE1_VALID_MONTHS);
  const plannedAudit = firstOpen(audits, today, (a) => a.type === 'stage2');
  const late = today > dueDate;
  let consequence: string | null = null;
  if (late) {
    consequence = `Stage 1 ended on ${stage1LastDay}, more than 6 months ago: record why its conclusions still hold, or hold a new Stage 1.`;
  } else if (plannedAudit && plannedAudit.plannedStart > dueDate) {
    consequence = `Stage 2 is planned to start after ${dueDate}, more than 6 months after Stage 1: record why its conclusions still hold, or hold a new Stage 1.`;
  }
  return {
    event: 'stage2',
    dueDate,
    windowStart: stage1LastDay,
    windowEnd: dueDate,
    state: late ? 'overdue' : 'due',
    consequence,
    ...notInCycle,
    plannedAudit,
  };
}

/**
 * An applicant's next step of the initial certification (17021-1 9.3): Stage 1 (planned, or to
 * plan), then Stage 2, then the certification decision.
 */
export function initialEvent(audits: readonly AuditRecord[], today: string): EventDraft {
  const stage2LastDay = lastHeld(audits, 'stage2', today);
  if (stage2LastDay !== null) return afterStage2(stage2LastDay, today);
  const stage1LastDay = lastHeld(audits, 'stage1', today);
  if (stage1LastDay !== null) return afterStage1(stage1LastDay, audits, today);

  const plannedAudit = firstOpen(audits, today, (a) => a.type === 'stage1');
  if (plannedAudit === null) {
    // No rule dates Stage 1: it is simply the next thing to plan.
    return {
      event: 'stage1',
      dueDate: null,
      windowStart: null,
      windowEnd: null,
      state: 'due',
      consequence: null,
      ...notInCycle,
      plannedAudit: null,
    };
  }
  const { plannedStart, plannedEnd } = plannedAudit;
  const state = today < plannedStart ? 'planned' : today <= plannedEnd ? 'due' : 'overdue';
  return {
    event: 'stage1',
    dueDate: plannedStart,
    windowStart: plannedStart,
    windowEnd: plannedEnd,
    state,
    consequence:
      state === 'overdue'
        ? `The planned dates (${plannedStart} to ${plannedEnd}) have passed: record Stage 1 as held, or plan it again.`
        : null,
    ...notInCycle,
    plannedAudit,
  };
}
