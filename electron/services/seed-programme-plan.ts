import { addCalendarDays, addCalendarMonths, expiryFor } from '../../shared/cycle';
import type { AuditState, AuditType } from '../../shared/programme/vocabulary';

/**
 * The demo programme as dates relative to `today`: which cycles and audits each demo client has,
 * chosen so that on the seeding day the dashboard shows every state of the rules (surveillance
 * planned, due and overdue; recertification planned, due and overdue; a decision pending before
 * expiry; an expired certificate still restorable; a continued second cycle) and every step of
 * initial certification. Offsets keep a few days' margin from window edges, so month-end
 * clamping never moves a client into another state.
 */

export interface CycleSpec {
  cycleNumber: number;
  decisionDate: string;
  previousExpiryDate: string | null;
  previousAuditDate: string | null;
  recertificationDecisionDate: string | null;
}

export interface AuditSpec {
  type: AuditType;
  cycleNumber: number;
  state: AuditState;
  firstDay: string;
  lastDay: string;
  onsiteDays: number;
  remoteDays: number;
}

export interface ProgrammeSpec {
  cycles: CycleSpec[];
  audits: AuditSpec[];
}

export const certifiedScenarios = [
  'surveillance1Due',
  'surveillance1Planned',
  'surveillance1Overdue',
  'surveillance2Due',
  'recertificationDue',
  'expiredRestorable',
  'surveillance2Planned',
  'recertificationPlanned',
  'decisionPendingBeforeExpiry',
  'secondCycle',
  'recertificationOverdue',
  'surveillance1DueUnplanned',
] as const;
export type CertifiedScenario = (typeof certifiedScenarios)[number];

export const suspendedScenarios = ['surveillance1Missed', 'surveillance2Missed'] as const;
export type SuspendedScenario = (typeof suspendedScenarios)[number];

export const applicantScenarios = [
  'stage1ToPlan',
  'stage1Planned',
  'stage2ToPlan',
  'stage2Planned',
  'decisionAfterStage2',
  'stage1Lapsing',
  'stage1Confirmed',
  'stage2InProgress',
] as const;
export type ApplicantScenario = (typeof applicantScenarios)[number];

const spans: Record<AuditType, { days: number; onsite: number; remote: number }> = {
  stage1: { days: 1, onsite: 1, remote: 0 },
  stage2: { days: 3, onsite: 2.5, remote: 0.5 },
  surveillance: { days: 2, onsite: 1.5, remote: 0.5 },
  recertification: { days: 3, onsite: 2, remote: 0.5 },
  special: { days: 1, onsite: 1, remote: 0 },
  transfer: { days: 1, onsite: 1, remote: 0 },
};

/** An audit held, ending on `lastDay`. */
function held(type: AuditType, cycleNumber: number, lastDay: string): AuditSpec {
  const span = spans[type];
  return {
    type,
    cycleNumber,
    state: 'completed',
    firstDay: addCalendarDays(lastDay, -(span.days - 1)),
    lastDay,
    onsiteDays: span.onsite,
    remoteDays: span.remote,
  };
}

/** An audit booked to start on `firstDay`. */
function booked(
  type: AuditType,
  cycleNumber: number,
  firstDay: string,
  state: AuditState,
): AuditSpec {
  const span = spans[type];
  return {
    type,
    cycleNumber,
    state,
    firstDay,
    lastDay: addCalendarDays(firstDay, span.days - 1),
    onsiteDays: span.onsite,
    remoteDays: span.remote,
  };
}

/** Relative dates: months and days from today. */
function clock(today: string) {
  return {
    months: (n: number, days = 0) => addCalendarDays(addCalendarMonths(today, n), days),
    days: (n: number) => addCalendarDays(today, n),
  };
}

/** Stage 1 and Stage 2 before an initial decision, and the first cycle it started. */
function initialCertification(decisionDate: string): ProgrammeSpec {
  return {
    cycles: [
      {
        cycleNumber: 1,
        decisionDate,
        previousExpiryDate: null,
        previousAuditDate: null,
        recertificationDecisionDate: null,
      },
    ],
    audits: [
      held('stage1', 1, addCalendarMonths(decisionDate, -3)),
      held('stage2', 1, addCalendarDays(decisionDate, -21)),
    ],
  };
}

/** A first cycle from `decisionMonthsAgo`, with surveillances held 11 months apart. */
function certifiedSince(
  today: string,
  decisionMonthsAgo: number,
  surveillancesHeld: 0 | 1 | 2,
): ProgrammeSpec {
  const at = clock(today);
  const decisionDate = at.months(-decisionMonthsAgo);
  const spec = initialCertification(decisionDate);
  // Each surveillance 11 months after the previous audit: inside its window, never late.
  if (surveillancesHeld >= 1)
    spec.audits.push(held('surveillance', 1, at.months(11 - decisionMonthsAgo)));
  if (surveillancesHeld >= 2)
    spec.audits.push(held('surveillance', 1, at.months(22 - decisionMonthsAgo)));
  return spec;
}

export function certifiedProgramme(today: string, scenario: CertifiedScenario): ProgrammeSpec {
  const at = clock(today);
  switch (scenario) {
    case 'surveillance1Planned': {
      const spec = certifiedSince(today, 6, 0);
      spec.audits.push(booked('surveillance', 1, at.months(4, 5), 'planned'));
      return spec;
    }
    case 'surveillance1Due': {
      const spec = certifiedSince(today, 11, 0);
      spec.audits.push(booked('surveillance', 1, at.days(14), 'confirmed'));
      return spec;
    }
    case 'surveillance1DueUnplanned':
      return certifiedSince(today, 10, 0);
    case 'surveillance1Overdue':
      // Surveillance 1 was due 20 days ago.
      return shiftDecision(certifiedSince(today, 12, 0), -20);
    case 'surveillance2Due': {
      const spec = certifiedSince(today, 22, 1);
      spec.audits.push(booked('surveillance', 1, at.days(18), 'confirmed'));
      return spec;
    }
    case 'surveillance2Planned':
      return certifiedSince(today, 17, 1);
    case 'recertificationDue': {
      const spec = certifiedSince(today, 32, 2);
      spec.audits.push(booked('recertification', 1, at.days(30), 'confirmed'));
      return spec;
    }
    case 'recertificationPlanned':
      return certifiedSince(today, 26, 2);
    case 'recertificationOverdue': {
      // Surveillance 2 held 12½ months ago: the recertification audit was due two weeks ago.
      const spec = certifiedSince(today, 34, 1);
      spec.audits.push(held('surveillance', 1, at.months(-12, -15)));
      return spec;
    }
    case 'expiredRestorable':
      return certifiedSince(today, 37, 2);
    case 'decisionPendingBeforeExpiry': {
      const spec = certifiedSince(today, 35, 2);
      spec.audits.push(held('recertification', 1, at.days(-40)));
      return spec;
    }
    case 'secondCycle':
      return secondCycle(today);
  }
}

/** Moves the initial decision and its audits by `days` (e.g. 20 days further into the past). */
function shiftDecision(spec: ProgrammeSpec, days: number): ProgrammeSpec {
  return {
    cycles: spec.cycles.map((c) => ({ ...c, decisionDate: addCalendarDays(c.decisionDate, days) })),
    audits: spec.audits.map((a) => ({
      ...a,
      firstDay: addCalendarDays(a.firstDay, days),
      lastDay: addCalendarDays(a.lastDay, days),
    })),
  };
}

/** Recertified six months ago, before expiry: the second cycle continues from the old expiry. */
function secondCycle(today: string): ProgrammeSpec {
  const at = clock(today);
  const first = certifiedSince(today, 40, 2);
  const recertificationAudit = at.months(-6, -20);
  const recertificationDecision = at.months(-6);
  const [cycle1] = first.cycles;
  if (!cycle1) return first;
  cycle1.recertificationDecisionDate = recertificationDecision;
  first.audits.push(held('recertification', 1, recertificationAudit));
  first.cycles.push({
    cycleNumber: 2,
    decisionDate: recertificationDecision,
    previousExpiryDate: expiryFor(cycle1.decisionDate),
    previousAuditDate: recertificationAudit,
    recertificationDecisionDate: null,
  });
  return first;
}

export function suspendedProgramme(today: string, scenario: SuspendedScenario): ProgrammeSpec {
  return scenario === 'surveillance1Missed'
    ? certifiedSince(today, 14, 0)
    : certifiedSince(today, 28, 1);
}

export function applicantProgramme(today: string, scenario: ApplicantScenario): ProgrammeSpec {
  const at = clock(today);
  const audits: AuditSpec[] = [];
  switch (scenario) {
    case 'stage1ToPlan':
      break;
    case 'stage1Planned':
      audits.push(booked('stage1', 1, at.days(45), 'planned'));
      break;
    case 'stage1Confirmed':
      audits.push(booked('stage1', 1, at.days(9), 'confirmed'));
      break;
    case 'stage2ToPlan':
      audits.push(held('stage1', 1, at.months(-1)));
      break;
    case 'stage2Planned':
      audits.push(held('stage1', 1, at.months(-2)));
      audits.push(booked('stage2', 1, at.days(40), 'confirmed'));
      break;
    case 'decisionAfterStage2':
      audits.push(held('stage1', 1, at.months(-3)));
      audits.push(held('stage2', 1, at.days(-10)));
      break;
    case 'stage2InProgress':
      // Stage 2 started yesterday and is on site today: the checklist the demo shows being worked.
      audits.push(held('stage1', 1, at.months(-1, -10)));
      audits.push(booked('stage2', 1, at.days(-1), 'in_progress'));
      break;
    case 'stage1Lapsing':
      audits.push(held('stage1', 1, at.months(-7)));
      break;
  }
  return { cycles: [], audits };
}
