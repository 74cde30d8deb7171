import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  computeCycle,
  cycleOutputSchema,
  nextCycleInput,
  parseCycleInput,
  type AuditStatus,
  type CertificateStatus,
  type CycleInput,
  type CycleOutput,
  type CycleRequest,
} from '../../shared/cycle';

// An independent calendar (days since 1970-01-01, proleptic Gregorian; H. Hinnant's civil-date
// algorithms) to check the date-fns arithmetic against and to generate days from.
function epochDay(day: string): number {
  const [y0, m, d] = day.split('-').map(Number) as [number, number, number];
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  return era * 146097 + dayOfEra + dayOfYear - 719468;
}

function dayOf(epoch: number): string {
  const z = epoch + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;

/** B2's addMonths, by the definition: move year and month, keep the day, clamp to month end. */
function plusMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const date = Math.min(d, monthLength(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

const plusDays = (day: string, days: number) => dayOf(epochDay(day) + days);
/** 3 years from the start of a cycle to the day after its expiry (9.1.3, B2 expiryFor). */
const threeYearsOn = (start: string) => plusDays(plusMonths(start, 36), -1);

const FIRST = epochDay('1995-01-01');
const LAST = epochDay('2080-12-31');

/** A number of days, or null for "not recorded". */
const recorded = (likelyMin: number, likelyMax: number, min: number, max: number) =>
  fc.option(fc.oneof(fc.integer({ min: likelyMin, max: likelyMax }), fc.integer({ min, max })), {
    freq: 2,
  });

/** Valid inputs built forwards from the decision, so that few fail B3 step 1. */
const requestArb = fc
  .record({
    decision: fc.integer({ min: FIRST, max: LAST }),
    continued: fc.option(
      fc.record({
        expiryAfterDecision: fc.integer({ min: -183, max: 700 }),
        auditBeforeDecision: fc.option(fc.integer({ min: 0, max: 500 }), { freq: 3 }),
      }),
      { freq: 2 },
    ),
    // Days after the decision (or after surveillance 1): mostly near the plan, sometimes anywhere.
    surveillance1: recorded(250, 380, 0, 800),
    surveillance2: recorded(250, 420, 1, 800),
    recertificationAudit: recorded(900, 1100, 0, 1500),
    recertificationDecision: recorded(0, 60, 0, 500),
    todayAfterLast: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1800 })),
    options: fc.option(
      fc.record({
        windowMonthsBefore: fc.integer({ min: 0, max: 6 }),
        recertificationLeadMonths: fc.integer({ min: 1, max: 12 }),
      }),
    ),
  })
  .map((draft): CycleRequest => {
    const { decision } = draft;
    const s1 = draft.surveillance1 === null ? null : decision + draft.surveillance1;
    const s2 = draft.surveillance2 === null ? null : (s1 ?? decision) + draft.surveillance2;
    const audit =
      draft.recertificationAudit === null ? null : decision + draft.recertificationAudit;
    const recertified =
      audit === null || draft.recertificationDecision === null
        ? null
        : audit + draft.recertificationDecision;
    const last = Math.max(decision, s1 ?? 0, s2 ?? 0, audit ?? 0, recertified ?? 0);
    const request: CycleRequest = {
      decisionDate: dayOf(decision),
      today: dayOf(last + draft.todayAfterLast),
    };
    if (draft.continued) {
      request.previousExpiryDate = dayOf(decision + draft.continued.expiryAfterDecision);
      const before = draft.continued.auditBeforeDecision;
      if (before !== null) request.previousAuditDate = dayOf(decision - before);
    }
    if (s1 !== null) request.surveillance1Date = dayOf(s1);
    if (s2 !== null) request.surveillance2Date = dayOf(s2);
    if (audit !== null) request.recertificationAuditDate = dayOf(audit);
    if (recertified !== null) request.recertificationDecisionDate = dayOf(recertified);
    if (draft.options) request.options = draft.options;
    return request;
  })
  .filter((request) => parseCycleInput(request).ok);

function parse(request: unknown): CycleInput {
  const parsed = parseCycleInput(request);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return parsed.value;
}

const cycleArb = requestArb.map((request) => {
  const input = parse(request);
  return { input, output: computeCycle(input) };
});

const runs = { numRuns: 1000 };

describe('the audit programme (B3 steps 2-4)', () => {
  it('never lets windows overlap while no audit is early, if the windows fit in a year', () => {
    // With recertificationLeadMonths 12, or 6 months each side, the binding rules themselves give
    // overlapping windows (see cycle.test.ts); an early audit pulls the next window in (step 3).
    const fitting = cycleArb.filter(
      ({ input: { options }, output }) =>
        options.windowMonthsBefore <= 5 &&
        options.windowMonthsBefore + options.recertificationLeadMonths <= 11 &&
        output.surveillance1.timing !== 'early' &&
        output.surveillance2.timing !== 'early',
    );
    fc.assert(
      fc.property(fitting, ({ output }) => {
        const { surveillance1: s1, surveillance2: s2, recertification: r } = output;
        expect(s1.windowStart <= s1.windowEnd).toBe(true);
        expect(s1.windowEnd < s2.windowStart).toBe(true);
        expect(s2.windowEnd < r.windowStart).toBe(true);
        expect(r.windowStart <= r.windowEnd).toBe(true);
      }),
      runs,
    );
  });

  it('never lets the first surveillance be later than 12 months after its reference date', () => {
    fc.assert(
      fc.property(cycleArb, ({ input, output }) => {
        const { surveillance1 } = output;
        expect(surveillance1.windowEnd).toBe(surveillance1.dueDate);
        if (output.cycleType === 'initial') {
          // 9.1.3: no later than 12 months after the initial certification decision.
          expect(surveillance1.dueDate).toBe(plusMonths(input.decisionDate, 12));
        } else {
          expect(surveillance1.dueDate <= plusMonths(output.cycleStartDate, 12)).toBe(true);
        }
        if (input.previousAuditDate !== null) {
          expect(surveillance1.dueDate <= plusMonths(input.previousAuditDate, 12)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('never plans an audit more than 12 months after the one before it', () => {
    fc.assert(
      fc.property(cycleArb, ({ input, output }) => {
        const { surveillance2, recertification } = output;
        expect(surveillance2.dueDate <= plusMonths(output.cycleStartDate, 24)).toBe(true);
        if (input.surveillance1Date !== null) {
          expect(surveillance2.dueDate <= plusMonths(input.surveillance1Date, 12)).toBe(true);
        }
        expect(recertification.auditDueDate <= output.expiryDate).toBe(true);
        if (input.surveillance2Date !== null) {
          expect(recertification.auditDueDate <= plusMonths(input.surveillance2Date, 12)).toBe(
            true,
          );
        }
      }),
      runs,
    );
  });

  it('opens each window the configured months before a due date it closes on', () => {
    fc.assert(
      fc.property(cycleArb, ({ input: { options }, output }) => {
        for (const audit of [output.surveillance1, output.surveillance2]) {
          expect(audit.windowEnd).toBe(audit.dueDate);
          expect(audit.windowStart).toBe(plusMonths(audit.dueDate, -options.windowMonthsBefore));
        }
        const { recertification: r } = output;
        expect(r.windowEnd).toBe(r.auditDueDate);
        expect(r.windowStart).toBe(plusMonths(r.auditDueDate, -options.recertificationLeadMonths));
        expect(r.decisionDeadline).toBe(output.expiryDate);
      }),
      runs,
    );
  });
});

describe('expiry (B2, B3 steps 2 and 7)', () => {
  it('is always 3 years after the start of the cycle, or carried over from the previous expiry', () => {
    fc.assert(
      fc.property(cycleArb, ({ input, output }) => {
        if (input.previousExpiryDate === null) {
          expect(output.cycleType).toBe('initial');
          expect(output.cycleStartDate).toBe(input.decisionDate);
        } else {
          expect(output.cycleType).toBe('continued');
          expect(output.cycleStartDate).toBe(plusDays(input.previousExpiryDate, 1));
        }
        expect(output.expiryDate).toBe(threeYearsOn(output.cycleStartDate));
        expect(output.restorationDeadline).toBe(plusMonths(output.expiryDate, 6));
      }),
      runs,
    );
  });

  it('carries the expiry over on recertification and restoration, and restarts it after', () => {
    fc.assert(
      fc.property(cycleArb, ({ input, output }) => {
        const next = output.nextCycle;
        const decision = input.recertificationDecisionDate;
        expect(next === null).toBe(decision === null);
        if (next === null || decision === null) return;
        expect(next.certificateEffectiveDate).toBe(decision);
        if (next.type === 'newCycle') {
          expect(decision > output.restorationDeadline).toBe(true);
          expect(next.cycleStartDate).toBe(decision);
        } else {
          expect(next.type).toBe(decision <= output.expiryDate ? 'recertified' : 'restored');
          expect(next.cycleStartDate).toBe(plusDays(output.expiryDate, 1));
        }
        expect(next.expiryDate).toBe(threeYearsOn(next.cycleStartDate));
      }),
      runs,
    );
  });

  it('opens the next cycle on the dates it announced (step 8)', () => {
    fc.assert(
      fc.property(cycleArb, ({ input, output }) => {
        const nextInput = nextCycleInput(input, output);
        if (nextInput === null || output.nextCycle === null) return;
        const reparsed = parseCycleInput(nextInput);
        expect(reparsed.ok).toBe(true);
        const next = computeCycle(nextInput);
        expect(next.cycleStartDate).toBe(output.nextCycle.cycleStartDate);
        expect(next.expiryDate).toBe(output.nextCycle.expiryDate);
      }),
      runs,
    );
  });
});

const statusRank: Record<AuditStatus, number> = { planned: 0, due: 1, overdue: 2, done: 3 };
const standingRank: Partial<Record<CertificateStatus, number>> = {
  active: 0,
  suspensionRequired: 1,
  expiredRestorable: 2,
  lapsed: 3,
};

describe('states given today (B3 steps 5-7)', () => {
  it('derives each surveillance state from the recorded date and today', () => {
    fc.assert(
      fc.property(cycleArb, ({ input, output }) => {
        for (const audit of [output.surveillance1, output.surveillance2]) {
          expect(audit.status === 'done').toBe(audit.doneDate !== null);
          expect(audit.timing === null).toBe(audit.doneDate === null);
          if (audit.doneDate === null) {
            const expected =
              input.today < audit.windowStart
                ? 'planned'
                : input.today <= audit.windowEnd
                  ? 'due'
                  : 'overdue';
            expect(audit.status).toBe(expected);
          }
        }
        expect(output.surveillance1.doneDate).toBe(input.surveillance1Date);
        expect(output.surveillance2.doneDate).toBe(input.surveillance2Date);
      }),
      runs,
    );
  });

  it('requires a suspension decision exactly when an audit is overdue before expiry', () => {
    fc.assert(
      fc.property(cycleArb, ({ input, output }) => {
        const overdue = [output.surveillance1, output.surveillance2, output.recertification].some(
          (audit) => audit.status === 'overdue',
        );
        const undecidedBeforeExpiry =
          input.recertificationDecisionDate === null && input.today <= output.expiryDate;
        expect(output.certificateStatus === 'suspensionRequired').toBe(
          undecidedBeforeExpiry && overdue,
        );
        expect(output.certificateStatus === 'active').toBe(undecidedBeforeExpiry && !overdue);
      }),
      runs,
    );
  });

  it('never moves a state backwards as today moves on', () => {
    const laterArb = fc.tuple(cycleArb, fc.integer({ min: 0, max: 1500 }));
    fc.assert(
      fc.property(laterArb, ([{ input, output }, days]) => {
        const later = computeCycle({ ...input, today: addCalendarDays(input.today, days) });
        const audits = (cycle: CycleOutput) => [
          cycle.surveillance1,
          cycle.surveillance2,
          cycle.recertification,
        ];
        audits(output).forEach((audit, i) => {
          const laterAudit = audits(later)[i];
          if (laterAudit === undefined) throw new Error('three audits a cycle');
          expect(statusRank[laterAudit.status]).toBeGreaterThanOrEqual(statusRank[audit.status]);
        });
        const before = standingRank[output.certificateStatus];
        const after = standingRank[later.certificateStatus];
        if (before === undefined) expect(later.certificateStatus).toBe(output.certificateStatus);
        else expect(after ?? -1).toBeGreaterThanOrEqual(before);
      }),
      runs,
    );
  });

  it('gives output that matches the B1 schema', () => {
    fc.assert(
      fc.property(cycleArb, ({ output }) => {
        expect(cycleOutputSchema.parse(output)).toEqual(output);
      }),
      { numRuns: 200 },
    );
  });
});

describe('calendar arithmetic (B2)', () => {
  const dayArb = fc
    .integer({ min: epochDay('1900-01-01'), max: epochDay('2200-12-31') })
    .map(dayOf);

  it('adds months by the calendar rule, clamping to the end of the month', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -120, max: 120 }), (day, months) => {
        expect(addCalendarMonths(day, months)).toBe(plusMonths(day, months));
      }),
      { numRuns: 3000 },
    );
  });

  it('adds days as a count of calendar days', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -4000, max: 4000 }), (day, days) => {
        expect(addCalendarDays(day, days)).toBe(plusDays(day, days));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same cycle in every time zone', () => {
    const zoneArb = fc.constantFrom(
      'America/New_York',
      'Europe/London',
      'America/Sao_Paulo',
      'Australia/Lord_Howe',
      'Pacific/Apia',
      'Pacific/Kiritimati',
      'Asia/Kathmandu',
    );
    const originalZone = process.env.TZ;
    try {
      fc.assert(
        fc.property(cycleArb, zoneArb, ({ input, output }, zone) => {
          process.env.TZ = zone;
          expect(computeCycle(input)).toEqual(output);
        }),
        { numRuns: 300 },
      );
    } finally {
      if (originalZone === undefined) delete process.env.TZ;
      else process.env.TZ = originalZone;
    }
  });
});

describe('validation never throws (B3 step 1)', () => {
  const dateLike = fc.oneof(
    fc.integer({ min: FIRST, max: LAST }).map(dayOf),
    fc.string(),
    fc.constant('2025-02-29'),
    fc.constant(null),
    fc.integer(),
  );
  const fields = [
    'decisionDate',
    'today',
    'previousExpiryDate',
    'previousAuditDate',
    'surveillance1Date',
    'surveillance2Date',
    'recertificationAuditDate',
    'recertificationDecisionDate',
  ] as const;
  const messyArb = fc.oneof(
    fc.anything(),
    fc.record(Object.fromEntries(fields.map((field) => [field, dateLike])), {
      requiredKeys: [],
    }),
  );

  it('answers any JSON with a cycle or a VALIDATION error naming a field', () => {
    fc.assert(
      fc.property(messyArb, (raw) => {
        const parsed = parseCycleInput(raw);
        if (parsed.ok) {
          expect(cycleOutputSchema.safeParse(computeCycle(parsed.value)).success).toBe(true);
        } else {
          expect(parsed.error.code).toBe('VALIDATION');
          expect(parsed.error.field).toMatch(/^[A-Za-z][\w.[\]]*$/);
          expect(parsed.error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
