import { describe, expect, it } from 'vitest';
import {
  computeDeadlines,
  parseDeadlineInput,
  type DeadlineInput,
} from '../../shared/findings/deadlines';

const base: DeadlineInput = {
  grade: 'major',
  auditType: 'stage2',
  auditLastDay: '2025-03-14',
  today: '2025-03-14',
  expiryDate: null,
  responseSubmittedOn: null,
  responseAcceptedOn: null,
  verifiedOn: null,
};
const at = (over: Partial<DeadlineInput>) => computeDeadlines({ ...base, ...over });

describe('finding deadlines: the worked examples of nonconformities.md section 6', () => {
  it('1: Stage 2 major, verified in time: no flags on the decision day', () => {
    expect(
      at({
        today: '2025-05-28',
        responseSubmittedOn: '2025-04-02',
        responseAcceptedOn: '2025-04-04',
        verifiedOn: '2025-05-20',
      }),
    ).toEqual({
      responseDue: '2025-04-13',
      verificationDue: '2025-06-12',
      hardLimit: '2025-09-14',
      flags: [],
    });
  });

  it('2: verified only after the 6-month limit: a new Stage 2 is required from the day after', () => {
    const accepted = { responseSubmittedOn: '2025-04-02', responseAcceptedOn: '2025-04-04' };
    expect(at({ ...accepted, today: '2025-09-14' }).flags).toEqual(['verificationOverdue']);
    expect(at({ ...accepted, today: '2025-09-15' }).flags).toEqual([
      'newStage2Required',
      'verificationOverdue',
    ]);
    // The 90-day date had already raised a warning.
    expect(at({ ...accepted, today: '2025-06-13' }).flags).toEqual(['verificationOverdue']);
    expect(at({ ...accepted, today: '2025-09-21', verifiedOn: '2025-09-20' }).flags).toEqual([
      'newStage2Required',
    ]);
  });

  it('3: surveillance minor and the major raised when it escalated', () => {
    expect(
      at({
        grade: 'minor',
        auditType: 'surveillance',
        auditLastDay: '2025-10-08',
        today: '2025-10-30',
        responseAcceptedOn: '2025-10-30',
      }),
    ).toEqual({ responseDue: '2025-11-07', verificationDue: null, hardLimit: null, flags: [] });
    expect(
      at({
        grade: 'major',
        auditType: 'surveillance',
        auditLastDay: '2026-09-17',
        today: '2026-09-17',
      }),
    ).toEqual({
      responseDue: '2026-10-17',
      verificationDue: '2026-12-16',
      hardLimit: null,
      flags: [],
    });
  });

  it('4: recertification major: verification due is the expiry date', () => {
    const recert = {
      auditType: 'recertification' as const,
      auditLastDay: '2026-07-20',
      expiryDate: '2026-08-31',
      responseAcceptedOn: '2026-08-10',
    };
    expect(at({ ...recert, today: '2026-08-28', verifiedOn: '2026-08-25' })).toEqual({
      responseDue: '2026-08-19',
      verificationDue: '2026-08-31',
      hardLimit: '2026-08-31',
      flags: [],
    });
    expect(at({ ...recert, today: '2026-09-10', verifiedOn: '2026-09-10' }).flags).toEqual([]);
    expect(at({ ...recert, today: '2026-09-09' }).flags).toEqual(['verificationOverdue']);
  });

  it('5: a rejection does not restart the response deadline', () => {
    const minor = { grade: 'minor' as const, responseSubmittedOn: '2025-04-10' };
    expect(at({ ...minor, today: '2025-04-11', responseAcceptedOn: '2025-04-11' })).toMatchObject({
      responseDue: '2025-04-13',
      flags: [],
    });
    // Resubmitted 2025-04-14 instead: overdue until accepted.
    expect(at({ ...minor, responseSubmittedOn: '2025-04-14', today: '2025-04-15' }).flags).toEqual([
      'responseOverdue',
    ]);
    expect(
      at({
        ...minor,
        responseSubmittedOn: '2025-04-14',
        today: '2025-04-16',
        responseAcceptedOn: '2025-04-16',
      }).flags,
    ).toEqual([]);
  });
});

describe('finding deadlines: rules', () => {
  it('an OFI has no deadlines and never a flag', () => {
    expect(at({ grade: 'ofi', today: '2030-01-01' })).toEqual({
      responseDue: null,
      verificationDue: null,
      hardLimit: null,
      flags: [],
    });
  });

  it('the deadline day itself is on time; the day after is overdue', () => {
    expect(at({ grade: 'minor', today: '2025-04-13' }).flags).toEqual([]);
    expect(at({ grade: 'minor', today: '2025-04-14' }).flags).toEqual(['responseOverdue']);
  });

  it('an event dated after today has not happened yet', () => {
    expect(
      at({ grade: 'minor', today: '2025-04-20', responseAcceptedOn: '2025-04-21' }).flags,
    ).toEqual(['responseOverdue']);
  });

  it('end of month and leap days: months clamp to the last day', () => {
    expect(at({ auditLastDay: '2023-08-31' }).hardLimit).toBe('2024-02-29');
    expect(at({ auditLastDay: '2024-08-31' }).hardLimit).toBe('2025-02-28');
    expect(at({ auditLastDay: '2024-01-30', grade: 'minor' }).responseDue).toBe('2024-02-29');
    expect(at({ auditLastDay: '2024-02-29', auditType: 'transfer' }).verificationDue).toBe(
      '2024-05-29',
    );
  });

  it('surveillance, special and transfer majors have no hard limit', () => {
    for (const auditType of ['surveillance', 'special', 'transfer'] as const) {
      expect(at({ auditType }).hardLimit).toBeNull();
    }
  });
});

describe('finding deadlines: input', () => {
  const valid = {
    grade: 'minor',
    auditType: 'stage2',
    auditLastDay: '2025-03-14',
    today: '2025-04-01',
  };
  const fieldOf = (raw: unknown) => {
    const r = parseDeadlineInput(raw);
    return r.ok ? null : r.error.field;
  };

  it('accepts absent and null optional dates alike', () => {
    expect(parseDeadlineInput({ ...valid, verifiedOn: null }).ok).toBe(true);
    expect(parseDeadlineInput(valid).ok).toBe(true);
  });

  it('names the field of the first problem', () => {
    expect(fieldOf({ ...valid, grade: 'critical' })).toBe('grade');
    expect(fieldOf({ ...valid, auditType: 'stage1' })).toBe('auditType');
    expect(fieldOf({ ...valid, auditLastDay: '2025-02-29' })).toBe('auditLastDay');
    expect(fieldOf({ ...valid, today: undefined })).toBe('today');
    expect(fieldOf({ ...valid, verifiedOn: '2025-13-01' })).toBe('verifiedOn');
    expect(fieldOf({ ...valid, auditType: 'recertification' })).toBe('expiryDate');
    expect(fieldOf([])).toBe('');
  });
});
