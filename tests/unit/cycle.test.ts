import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  computeCycle,
  cycleOutputSchema,
  expiryFor,
  nextCycleInput,
  parseCycleInput,
  type CycleInput,
  type CycleOutput,
} from '../../shared/cycle';

/** The worked examples of certification-cycle.md B5, copied verbatim (expected is partial). */
// prettier-ignore
const workedExamples: [string, { input: object; expected: object }][] = [
  ["1 standard initial programme, surveillance 1 in its window",
   {"input":{"decisionDate":"2025-06-30","today":"2026-04-15"},"expected":{"cycleStartDate":"2025-06-30",
 "expiryDate":"2028-06-29","restorationDeadline":"2028-12-29","certificateStatus":"active","nextCycle":null,
 "surveillance1":{"dueDate":"2026-06-30","windowStart":"2026-03-30","status":"due"},
 "surveillance2":{"dueDate":"2027-06-30","windowStart":"2027-03-30","status":"planned"},
 "recertification":{"auditDueDate":"2028-06-29","windowStart":"2027-12-29","status":"planned"}}}],
  ["2 end of month: S2 pulled in, window clamps to 28 Feb, restoration on a leap day",
   {"input":{"decisionDate":"2024-08-31","surveillance1Date":"2025-06-30","today":"2026-04-01"},
 "expected":{"expiryDate":"2027-08-30","restorationDeadline":"2028-02-29",
  "surveillance1":{"dueDate":"2025-08-31","windowStart":"2025-05-31","status":"done","timing":"inWindow"},
  "surveillance2":{"dueDate":"2026-06-30","windowStart":"2026-03-30","status":"due"},
  "recertification":{"auditDueDate":"2027-08-30","windowStart":"2027-02-28"},"certificateStatus":"active"}}],
  ["3 surveillance 1 missed by one day: suspension decision required",
   {"input":{"decisionDate":"2024-11-20","today":"2025-11-21"},"expected":{"expiryDate":"2027-11-19",
 "surveillance1":{"dueDate":"2025-11-20","status":"overdue"},"certificateStatus":"suspensionRequired"}}],
  ["4 recertified before expiry: the new cycle continues from the old expiry",
   {"input":{"decisionDate":"2023-09-01","surveillance1Date":"2024-08-20","surveillance2Date":"2025-08-12",
  "recertificationAuditDate":"2026-06-15","recertificationDecisionDate":"2026-07-10","today":"2026-07-15"},
 "expected":{"expiryDate":"2026-08-31","surveillance2":{"dueDate":"2025-08-20","timing":"inWindow"},
  "recertification":{"auditDueDate":"2026-08-12","windowStart":"2026-02-12","status":"done","auditTiming":"inWindow"},
  "certificateStatus":"renewed","nextCycle":{"type":"recertified","cycleStartDate":"2026-09-01",
  "expiryDate":"2029-08-31","certificateEffectiveDate":"2026-07-10"}}}],
  ["5 recertification finished 2 months after expiry: restored",
   {"input":{"decisionDate":"2023-09-01","surveillance1Date":"2024-08-20","surveillance2Date":"2025-08-12",
  "recertificationAuditDate":"2026-10-05","recertificationDecisionDate":"2026-11-02","today":"2026-11-10"},
 "expected":{"restorationDeadline":"2027-02-28","recertification":{"status":"done","auditTiming":"late"},
  "certificateStatus":"restored","nextCycle":{"type":"restored","cycleStartDate":"2026-09-01",
  "expiryDate":"2029-08-31","certificateEffectiveDate":"2026-11-02"}}}],
];

function exampleInput(number: number): object {
  const example = workedExamples[number - 1];
  if (example === undefined) throw new Error(`There is no worked example ${number}.`);
  return example[1].input;
}

function parse(raw: unknown): CycleInput {
  const parsed = parseCycleInput(raw);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return parsed.value;
}

const cycle = (raw: unknown): CycleOutput => computeCycle(parse(raw));

function rejection(raw: unknown) {
  const parsed = parseCycleInput(raw);
  if (parsed.ok) throw new Error('expected a validation error');
  return parsed.error;
}

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

describe('worked examples of the certification-cycle reference (B5)', () => {
  it.each(workedExamples)('reproduces example %s', (_name, { input, expected }) => {
    const output = cycle(input);
    for (const [field, value] of Object.entries(expected)) {
      const actual = output[field as keyof CycleOutput];
      if (isPlainObject(value)) expect({ field, actual }).toMatchObject({ field, actual: value });
      else expect({ field, actual }).toEqual({ field, actual: value });
    }
    expect(cycleOutputSchema.parse(output)).toEqual(output);
  });

  it('gives the complete output of example 1, every absent value as null', () => {
    expect(cycle(exampleInput(1))).toEqual({
      cycleType: 'initial',
      cycleStartDate: '2025-06-30',
      expiryDate: '2028-06-29',
      surveillance1: {
        dueDate: '2026-06-30',
        windowStart: '2026-03-30',
        windowEnd: '2026-06-30',
        status: 'due',
        doneDate: null,
        timing: null,
      },
      surveillance2: {
        dueDate: '2027-06-30',
        windowStart: '2027-03-30',
        windowEnd: '2027-06-30',
        status: 'planned',
        doneDate: null,
        timing: null,
      },
      restorationDeadline: '2028-12-29',
      certificateStatus: 'active',
      recertification: {
        auditDueDate: '2028-06-29',
        windowStart: '2027-12-29',
        windowEnd: '2028-06-29',
        decisionDeadline: '2028-06-29',
        status: 'planned',
        auditDate: null,
        decisionDate: null,
        auditTiming: null,
      },
      nextCycle: null,
    });
  });

  it('records in example 5 that the recertification decision came after expiry', () => {
    const output = cycle(exampleInput(5));
    expect(output.recertification).toMatchObject({
      auditDueDate: '2026-08-12',
      decisionDeadline: '2026-08-31',
      auditDate: '2026-10-05',
      decisionDate: '2026-11-02',
    });
  });
});

describe('date arithmetic (B2)', () => {
  it('keeps the day of the month, clamped to the end of the target month', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2025-02-28', -3)).toBe('2024-11-28');
    expect(addCalendarMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addCalendarMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('differs when months are added in two steps, so the rules add them once', () => {
    expect(addCalendarMonths(addCalendarMonths('2024-01-31', 1), 1)).toBe('2024-03-29');
    expect(addCalendarMonths('2024-01-31', 2)).toBe('2024-03-31');
  });

  it('adds days across month ends and leap days, century rule included', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addCalendarDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('ends a cycle the day before its third anniversary', () => {
    expect(expiryFor('2024-03-15')).toBe('2027-03-14');
    expect(expiryFor('2024-02-29')).toBe('2027-02-27');
    expect(expiryFor('2025-03-01')).toBe('2028-02-29');
  });
});

describe('the same calendar days in every time zone', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  // Daylight-saving changes (New York, London, Lord Howe's half hour), a change at midnight (São
  // Paulo 2018-11-04) and a day that never happened locally (Samoa skipped 2011-12-30).
  const zones = [
    'UTC',
    'America/New_York',
    'Europe/London',
    'America/Sao_Paulo',
    'Australia/Lord_Howe',
    'Pacific/Apia',
    'Pacific/Kiritimati',
    'America/St_Johns',
  ];

  it('uses the zone the test sets, in which local dates would drift', () => {
    process.env.TZ = 'Pacific/Apia';
    expect(new Date(2011, 11, 30).getDate()).toBe(31);
  });

  it.each(zones)('computes the same dates in %s', (zone) => {
    process.env.TZ = zone;
    expect(addCalendarDays('2025-03-08', 1)).toBe('2025-03-09');
    expect(addCalendarDays('2025-03-09', 1)).toBe('2025-03-10');
    expect(addCalendarDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addCalendarDays('2025-11-01', 2)).toBe('2025-11-03');
    expect(addCalendarDays('2018-11-03', 1)).toBe('2018-11-04');
    expect(addCalendarDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(addCalendarMonths('2011-11-30', 1)).toBe('2011-12-30');
    expect(addCalendarMonths('2025-10-31', -7)).toBe('2025-03-31');
    expect(addCalendarMonths('2018-10-04', 1)).toBe('2018-11-04');
    expect(expiryFor('2008-12-31')).toBe('2011-12-30');
    for (const [, { input }] of workedExamples) {
      process.env.TZ = 'UTC';
      const inUtc = cycle(input);
      process.env.TZ = zone;
      expect(cycle(input)).toEqual(inUtc);
    }
  });
});

describe('surveillance due dates, windows and states (B3 steps 3-5)', () => {
  const decided = { decisionDate: '2025-06-30' };

  it.each([
    ['2026-03-29', 'planned', 'active'],
    ['2026-03-30', 'due', 'active'],
    ['2026-06-30', 'due', 'active'],
    ['2026-07-01', 'overdue', 'suspensionRequired'],
  ] as const)('on %s surveillance 1 is %s and the certificate %s', (today, status, certificate) => {
    const output = cycle({ ...decided, today });
    expect(output.surveillance1.status).toBe(status);
    expect(output.certificateStatus).toBe(certificate);
  });

  it.each([
    ['2026-03-29', 'early'],
    ['2026-03-30', 'inWindow'],
    ['2026-06-30', 'inWindow'],
    ['2026-07-01', 'late'],
  ] as const)('calls surveillance 1 on %s %s', (surveillance1Date, timing) => {
    const output = cycle({ ...decided, surveillance1Date, today: '2026-07-01' });
    expect(output.surveillance1).toMatchObject({ status: 'done', doneDate: surveillance1Date });
    expect(output.surveillance1.timing).toBe(timing);
  });

  it('pulls surveillance 2 to 12 months after an early surveillance 1', () => {
    const output = cycle({ ...decided, surveillance1Date: '2026-01-15', today: '2026-02-01' });
    expect(output.surveillance2).toMatchObject({
      dueDate: '2027-01-15',
      windowStart: '2026-10-15',
      windowEnd: '2027-01-15',
    });
  });

  it('never pushes surveillance 2 out after a late surveillance 1', () => {
    const output = cycle({ ...decided, surveillance1Date: '2026-08-10', today: '2026-09-01' });
    expect(output.surveillance2.dueDate).toBe('2027-06-30');
  });

  it('opens the windows the configured number of months before the due date', () => {
    const output = cycle({
      ...decided,
      today: '2025-07-01',
      options: { windowMonthsBefore: 0, recertificationLeadMonths: 12 },
    });
    expect(output.surveillance1).toMatchObject({
      windowStart: '2026-06-30',
      windowEnd: '2026-06-30',
    });
    expect(output.recertification.windowStart).toBe('2027-06-29');
  });

  it('reproduces the rules literally where a 12-month lead overlaps surveillance 2', () => {
    // The invariant "windows never overlap" needs recertificationLeadMonths ≤ 11: with 12 the
    // recertification window opens the day before surveillance 2 is due.
    const output = cycle({
      ...decided,
      today: '2025-07-01',
      options: { recertificationLeadMonths: 12 },
    });
    expect(output.recertification.windowStart).toBe('2027-06-29');
    expect(output.surveillance2.windowEnd).toBe('2027-06-30');
  });

  it('reproduces the rules literally where 6-month windows touch after an in-window audit', () => {
    // …and windowMonthsBefore ≤ 5: surveillance 1 on the first day of a 6-month window pulls
    // surveillance 2's window open on the day surveillance 1's closes.
    const output = cycle({
      ...decided,
      surveillance1Date: '2025-12-30',
      today: '2026-01-05',
      options: { windowMonthsBefore: 6 },
    });
    expect(output.surveillance1).toMatchObject({ windowEnd: '2026-06-30', timing: 'inWindow' });
    expect(output.surveillance2.windowStart).toBe('2026-06-30');
  });
});

describe('recertification (B3 steps 3, 4 and 6)', () => {
  // Expiry 2028-06-29; surveillance 2 on 2027-05-20 brings the audit forward to 2028-05-20.
  const programme = {
    decisionDate: '2025-06-30',
    surveillance1Date: '2026-06-01',
    surveillance2Date: '2027-05-20',
  };

  it('is due 12 months after surveillance 2 when that comes before expiry', () => {
    const output = cycle({ ...programme, today: '2027-06-01' });
    expect(output.recertification).toMatchObject({
      auditDueDate: '2028-05-20',
      windowStart: '2027-11-20',
      windowEnd: '2028-05-20',
      decisionDeadline: '2028-06-29',
      status: 'planned',
    });
  });

  it('is overdue the day after its due date while no audit is recorded', () => {
    expect(cycle({ ...programme, today: '2028-05-20' })).toMatchObject({
      recertification: { status: 'due' },
      certificateStatus: 'active',
    });
    expect(cycle({ ...programme, today: '2028-05-21' })).toMatchObject({
      recertification: { status: 'overdue' },
      certificateStatus: 'suspensionRequired',
    });
  });

  it('stays due up to expiry while the decision on a recorded audit is pending', () => {
    const audited = { ...programme, recertificationAuditDate: '2028-05-10' };
    expect(cycle({ ...audited, today: '2028-06-29' })).toMatchObject({
      recertification: { status: 'due', auditDate: '2028-05-10', auditTiming: 'inWindow' },
      certificateStatus: 'active',
    });
    expect(cycle({ ...audited, today: '2028-06-30' })).toMatchObject({
      recertification: { status: 'overdue' },
      certificateStatus: 'expiredRestorable',
    });
  });

  it('is planned before its window even when the audit was held early (step 6 order)', () => {
    const output = cycle({
      decisionDate: '2025-06-30',
      recertificationAuditDate: '2027-10-01',
      today: '2027-11-01',
    });
    expect(output.recertification).toMatchObject({
      windowStart: '2027-12-29',
      status: 'planned',
      auditTiming: 'early',
    });
  });
});

describe('certificate status and the next cycle (B3 step 7)', () => {
  // Expiry 2028-06-29, restoration possible until 2028-12-29.
  const audited = {
    decisionDate: '2025-06-30',
    surveillance1Date: '2026-06-01',
    surveillance2Date: '2027-06-01',
    recertificationAuditDate: '2028-05-10',
  };

  it.each([
    ['2028-12-29', 'expiredRestorable'],
    ['2028-12-30', 'lapsed'],
  ] as const)('without a decision, on %s the certificate is %s', (today, status) => {
    expect(cycle({ ...audited, today })).toMatchObject({
      certificateStatus: status,
      nextCycle: null,
    });
  });

  it('renews on a decision taken on the expiry day; the new cycle starts the day after', () => {
    const output = cycle({
      ...audited,
      recertificationDecisionDate: '2028-06-29',
      today: '2028-07-01',
    });
    expect(output.certificateStatus).toBe('renewed');
    expect(output.nextCycle).toEqual({
      type: 'recertified',
      cycleStartDate: '2028-06-30',
      expiryDate: '2031-06-29',
      certificateEffectiveDate: '2028-06-29',
    });
  });

  it.each(['2028-06-30', '2028-12-29'])(
    'restores on a decision of %s, keeping the prior cycle’s dates',
    (decision) => {
      const output = cycle({ ...audited, recertificationDecisionDate: decision, today: decision });
      expect(output.certificateStatus).toBe('restored');
      expect(output.nextCycle).toEqual({
        type: 'restored',
        cycleStartDate: '2028-06-30',
        expiryDate: '2031-06-29',
        certificateEffectiveDate: decision,
      });
    },
  );

  it('starts a new cycle from a decision after the restoration deadline', () => {
    const output = cycle({
      ...audited,
      recertificationAuditDate: '2028-12-01',
      recertificationDecisionDate: '2028-12-30',
      today: '2029-01-05',
    });
    expect(output.certificateStatus).toBe('newCycle');
    expect(output.nextCycle).toEqual({
      type: 'newCycle',
      cycleStartDate: '2028-12-30',
      expiryDate: '2031-12-29',
      certificateEffectiveDate: '2028-12-30',
    });
  });

  it('puts expiry before overdue audits: an expired certificate is not suspended', () => {
    expect(cycle({ decisionDate: '2025-06-30', today: '2028-06-30' })).toMatchObject({
      surveillance1: { status: 'overdue' },
      certificateStatus: 'expiredRestorable',
    });
  });
});

describe('a continued cycle (B3 steps 2, 3 and 8)', () => {
  it('continues example 4 from the old expiry, surveillance 1 within 12 months of its audit', () => {
    const example4 = parse(exampleInput(4));
    const next = nextCycleInput(example4, computeCycle(example4));
    expect(next).toMatchObject({
      decisionDate: '2026-07-10',
      previousExpiryDate: '2026-08-31',
      previousAuditDate: '2026-06-15',
    });
    if (next === null) throw new Error('example 4 opens a next cycle');
    const output = computeCycle(next);
    expect(output).toMatchObject({
      cycleType: 'continued',
      cycleStartDate: '2026-09-01',
      expiryDate: '2029-08-31',
      restorationDeadline: '2030-02-28',
      certificateStatus: 'active',
      surveillance1: { dueDate: '2027-06-15', windowStart: '2027-03-15', status: 'planned' },
      surveillance2: { dueDate: '2028-09-01' },
      recertification: { auditDueDate: '2029-08-31', windowStart: '2029-02-28' },
    });
  });

  it('keeps surveillance 1 at 12 months after the start when the audit was after expiry', () => {
    const example5 = parse(exampleInput(5));
    const next = nextCycleInput(example5, computeCycle(example5));
    if (next === null) throw new Error('example 5 opens a next cycle');
    expect(computeCycle(next)).toMatchObject({
      cycleStartDate: '2026-09-01',
      expiryDate: '2029-08-31',
      surveillance1: { dueDate: '2027-09-01' },
    });
  });

  it('treats a new cycle as an initial certification', () => {
    const input = parse({
      decisionDate: '2025-06-30',
      recertificationAuditDate: '2028-12-01',
      recertificationDecisionDate: '2028-12-30',
      today: '2029-01-05',
    });
    const next = nextCycleInput(input, computeCycle(input));
    expect(next).toMatchObject({
      decisionDate: '2028-12-30',
      previousExpiryDate: null,
      previousAuditDate: null,
    });
    if (next === null) throw new Error('a new cycle follows');
    expect(computeCycle(next)).toMatchObject({
      cycleType: 'initial',
      cycleStartDate: '2028-12-30',
      expiryDate: '2031-12-29',
    });
  });

  it('has no next cycle before a recertification decision', () => {
    const input = parse(exampleInput(1));
    expect(nextCycleInput(input, computeCycle(input))).toBeNull();
  });
});

describe('validation (B3 step 1)', () => {
  const valid = { decisionDate: '2025-06-30', today: '2026-04-15' };

  it('fills absent and null fields: dates as null, options with their defaults', () => {
    const expected = {
      decisionDate: '2025-06-30',
      today: '2026-04-15',
      previousExpiryDate: null,
      previousAuditDate: null,
      surveillance1Date: null,
      surveillance2Date: null,
      recertificationAuditDate: null,
      recertificationDecisionDate: null,
      options: { windowMonthsBefore: 3, recertificationLeadMonths: 6 },
    };
    expect(parse(valid)).toEqual(expected);
    expect(parse({ ...valid, surveillance1Date: null, options: null })).toEqual(expected);
    expect(parse({ ...valid, options: { windowMonthsBefore: null } })).toEqual(expected);
    expect(parse({ ...valid, options: { recertificationLeadMonths: 9 } }).options).toEqual({
      windowMonthsBefore: 3,
      recertificationLeadMonths: 9,
    });
  });

  // prettier-ignore
  it.each([
    [{ today: '2026-04-15' }, 'decisionDate', 'The certification decision date is required (YYYY-MM-DD).'],
    [{ ...valid, today: null }, 'today', 'Today is required (YYYY-MM-DD).'],
    [{ ...valid, decisionDate: 20250630 }, 'decisionDate', 'The certification decision date must be a date written YYYY-MM-DD.'],
    [{ ...valid, decisionDate: '2025-02-29' }, 'decisionDate', 'The certification decision date must be a real calendar date written YYYY-MM-DD; “2025-02-29” is not.'],
    [{ ...valid, today: '2026-4-15' }, 'today', 'Today must be a real calendar date written YYYY-MM-DD; “2026-4-15” is not.'],
    [{ ...valid, surveillance2Date: '2026-04-31' }, 'surveillance2Date', 'The date of surveillance 2 must be a real calendar date written YYYY-MM-DD; “2026-04-31” is not.'],
    [{ ...valid, today: '9991-01-01' }, 'today', 'Today (9991-01-01) is after 9990-12-31, the last date Audit Desk supports.'],
    [{ ...valid, options: { windowMonthsBefore: 7 } }, 'options.windowMonthsBefore', 'The surveillance window opens a whole number of months, 0 to 6, before the due date; 7 is not.'],
    [{ ...valid, options: { windowMonthsBefore: 2.5 } }, 'options.windowMonthsBefore', 'The surveillance window opens a whole number of months, 0 to 6, before the due date; 2.5 is not.'],
    [{ ...valid, options: { recertificationLeadMonths: 0 } }, 'options.recertificationLeadMonths', 'The recertification window opens a whole number of months, 1 to 12, before the audit is due; 0 is not.'],
    [{ ...valid, options: { recertificationLeadMonths: '6' } }, 'options.recertificationLeadMonths', 'The recertification window opens a whole number of months, 1 to 12, before the audit is due; "6" is not.'],
    [{ ...valid, options: 3 }, 'options', 'options must be an object with windowMonthsBefore and recertificationLeadMonths.'],
    [{ ...valid, surveilance1Date: '2026-01-10' }, 'surveilance1Date', '“surveilance1Date” is not a field of the cycle input; check its spelling.'],
    [{ ...valid, options: { leadMonths: 3 } }, 'options.leadMonths', '“leadMonths” is not a field of the cycle input; check its spelling.'],
    [[valid], 'input', 'The cycle input must be a JSON object.'],
  ] as const)('rejects a malformed input: %j → %s', (raw, field, message) => {
    expect(rejection(raw)).toEqual({ code: 'VALIDATION', field, message });
  });

  // prettier-ignore
  it.each([
    [{ decisionDate: '2026-04-16', today: '2026-04-15' }, 'decisionDate', 'The certification decision (2026-04-16) is after today (2026-04-15).'],
    [{ decisionDate: '2027-03-01', previousExpiryDate: '2026-08-31', today: '2027-03-01' }, 'previousExpiryDate', 'The certification decision (2027-03-01) is more than 6 months after the previous expiry (2026-08-31); restoration was possible until 2027-02-28. Leave previousExpiryDate out to start a new cycle.'],
    [{ ...valid, previousExpiryDate: '2025-08-31', previousAuditDate: '2025-07-01' }, 'previousAuditDate', 'The previous recertification audit (2025-07-01) is after the certification decision (2025-06-30).'],
    [{ ...valid, surveillance1Date: '2025-06-29' }, 'surveillance1Date', 'Surveillance 1 (2025-06-29) is before the certification decision (2025-06-30) that started this cycle.'],
    [{ ...valid, recertificationAuditDate: '2026-04-16' }, 'recertificationAuditDate', 'The recertification audit (2026-04-16) is after today (2026-04-15); record it once it has taken place.'],
    [{ ...valid, surveillance1Date: '2026-01-10', surveillance2Date: '2026-01-10' }, 'surveillance2Date', 'Surveillance 2 (2026-01-10) must be after surveillance 1 (2026-01-10).'],
    [{ ...valid, recertificationDecisionDate: '2026-01-10' }, 'recertificationDecisionDate', 'A recertification decision needs the date of the recertification audit it rests on.'],
    [{ ...valid, recertificationAuditDate: '2026-01-10', recertificationDecisionDate: '2026-01-09' }, 'recertificationDecisionDate', 'The recertification decision (2026-01-09) is before the recertification audit (2026-01-10).'],
  ] as const)('rejects dates out of order: %j → %s', (raw, field, message) => {
    expect(rejection(raw)).toEqual({ code: 'VALIDATION', field, message });
  });

  it('accepts the boundaries: decision today, on the restoration deadline, audits on the day', () => {
    expect(parseCycleInput({ decisionDate: '2026-04-15', today: '2026-04-15' }).ok).toBe(true);
    const restoredOnTheLastDay = {
      decisionDate: '2027-02-28',
      previousExpiryDate: '2026-08-31',
      previousAuditDate: '2027-02-28',
      surveillance1Date: '2027-02-28',
      today: '2027-02-28',
    };
    expect(parseCycleInput(restoredOnTheLastDay).ok).toBe(true);
    const sameDayDecision = {
      ...valid,
      recertificationAuditDate: '2026-04-15',
      recertificationDecisionDate: '2026-04-15',
    };
    expect(parseCycleInput(sameDayDecision).ok).toBe(true);
  });

  // prettier-ignore
  it('reports the first failure in the reference’s order', () => {
    const field = (raw: object) => rejection(raw).field;
    // (a) in CycleInput order, then (b): a bad date before bad options, today before surveillance.
    expect(field({ surveillance1Date: 'x', today: 'y', options: { windowMonthsBefore: 9 } })).toBe('decisionDate');
    expect(field({ ...valid, surveillance1Date: 'x', today: 'y' })).toBe('today');
    expect(field({ ...valid, options: { recertificationLeadMonths: 0, windowMonthsBefore: 9 } })).toBe('options.windowMonthsBefore');
    // (c) before (d); (d) before (e); (e) before (f); (f) per date in CycleInput order.
    expect(field({ decisionDate: '2030-01-01', previousExpiryDate: '2020-01-01', today: '2029-01-01' })).toBe('decisionDate');
    expect(field({ decisionDate: '2030-01-01', previousExpiryDate: '2020-01-01', previousAuditDate: '2031-01-01', today: '2030-01-01' })).toBe('previousExpiryDate');
    expect(field({ ...valid, previousAuditDate: '2026-01-01', surveillance1Date: '2020-01-01' })).toBe('previousAuditDate');
    expect(field({ ...valid, surveillance1Date: '2027-01-01', surveillance2Date: '2020-01-01' })).toBe('surveillance1Date');
    // (f) before (g) before (h).
    expect(field({ ...valid, surveillance1Date: '2026-01-01', surveillance2Date: '2025-12-01', recertificationDecisionDate: '2027-01-01' })).toBe('recertificationDecisionDate');
    expect(field({ ...valid, surveillance1Date: '2026-01-01', surveillance2Date: '2025-12-01', recertificationDecisionDate: '2026-02-01' })).toBe('surveillance2Date');
  });
});
