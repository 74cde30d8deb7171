import { describe, expect, it } from 'vitest';
import { runCliProcess } from './helpers';

describe('`cli finding-deadlines`, run as a process', () => {
  it('prints worked example 2 (a Stage 2 major past the 6-month limit) and exits 0', () => {
    const input = {
      grade: 'major',
      auditType: 'stage2',
      auditLastDay: '2025-03-14',
      today: '2025-09-21',
      responseSubmittedOn: '2025-04-02',
      responseAcceptedOn: '2025-04-04',
      verifiedOn: '2025-09-20',
    };
    const run = runCliProcess(['finding-deadlines', '-'], JSON.stringify(input));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.json).toEqual({
      responseDue: '2025-04-13',
      verificationDue: '2025-06-12',
      hardLimit: '2025-09-14',
      flags: ['newStage2Required'],
    });
  });

  it('a recertification without expiryDate exits 2 with the field named', () => {
    const input = {
      grade: 'major',
      auditType: 'recertification',
      auditLastDay: '2026-07-20',
      today: '2026-07-21',
    };
    const run = runCliProcess(['finding-deadlines'], JSON.stringify(input));
    expect(run.status).toBe(2);
    expect(run.json).toMatchObject({ error: { code: 'VALIDATION', field: 'expiryDate' } });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
