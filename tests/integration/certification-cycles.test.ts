import { describe, expect, it } from 'vitest';
import { auditTestBed } from './audit-fixtures';
import { fail, succeed } from './helpers';

const { bed, person, completed } = auditTestBed('certification-cycles');

describe('certification cycles and the programme', () => {
  it('starts cycle 1 from a recorded decision and computes the cycle on today', async () => {
    const empty = await succeed(bed.app, 'clientProgramme', {
      clientId: bed.client.id,
      today: '2026-03-02',
    });
    expect(empty.current).toBeNull();
    expect(empty.timeline.map((i) => i.key)).toEqual(['stage1', 'stage2', 'decision']);

    const programme = await succeed(bed.app, 'recordCertificationDecision', {
      clientId: bed.client.id,
      decisionDate: '2025-03-31',
      today: '2026-03-02',
    });
    expect(programme.cycles).toHaveLength(1);
    expect(programme.current?.output).toMatchObject({
      expiryDate: '2028-03-30',
      surveillance1: { dueDate: '2026-03-31', windowStart: '2025-12-31', status: 'due' },
      certificateStatus: 'active',
    });
    const s1 = programme.timeline.find((i) => i.key === 'surveillance1');
    expect(s1).toMatchObject({ status: 'due', auditType: 'surveillance', canPlan: true });
    const history = await succeed(bed.app, 'clientHistory', { id: bed.client.id });
    expect(history.some((e) => e.entity === 'certification_cycle' && e.field === 'created')).toBe(
      true,
    );
  });

  it('refuses a decision before Stage 2 ended, in the future, or by an auditor', async () => {
    const auditor = await person('Abe Auditor', ['auditor']);
    await succeed(bed.app, 'signIn', { personId: auditor.id });
    const input = { clientId: bed.client.id, decisionDate: '2026-02-20', today: '2026-03-02' };
    expect((await fail(bed.app, 'recordCertificationDecision', input)).code).toBe('FORBIDDEN');
    await succeed(bed.app, 'signIn', { personId: bed.admin.id });
    await completed(
      { type: 'stage1', startDate: '2026-01-12', endDate: '2026-01-12' },
      '2026-01-12',
    );
    await completed(
      { type: 'stage2', startDate: '2026-02-23', endDate: '2026-02-24' },
      '2026-02-24',
    );
    expect(await fail(bed.app, 'recordCertificationDecision', input)).toMatchObject({
      code: 'VALIDATION',
      field: 'decisionDate',
    });
    expect(
      await fail(bed.app, 'recordCertificationDecision', { ...input, decisionDate: '2026-03-05' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'decisionDate' });
    const programme = await succeed(bed.app, 'recordCertificationDecision', {
      ...input,
      decisionDate: '2026-02-27',
    });
    expect(programme.timeline.slice(0, 3).map((i) => [i.key, i.status])).toEqual([
      ['stage1', 'done'],
      ['stage2', 'done'],
      ['decision', 'done'],
    ]);
  });

  it('counts completed surveillance: surveillance 2 falls due 12 months after surveillance 1', async () => {
    await succeed(bed.app, 'recordCertificationDecision', {
      clientId: bed.client.id,
      decisionDate: '2025-03-31',
      today: '2026-03-02',
    });
    await completed({ startDate: '2026-02-16', endDate: '2026-02-17' }, '2026-02-17');
    const programme = await succeed(bed.app, 'clientProgramme', {
      clientId: bed.client.id,
      today: '2026-03-02',
    });
    expect(programme.current?.input.surveillance1Date).toBe('2026-02-17');
    expect(programme.current?.output.surveillance1).toMatchObject({
      status: 'done',
      timing: 'inWindow',
    });
    expect(programme.current?.output.surveillance2.dueDate).toBe('2027-02-17');
    const s1 = programme.timeline.find((i) => i.key === 'surveillance1');
    expect(s1).toMatchObject({ status: 'done', canPlan: false, doneDate: '2026-02-17' });
    expect(s1?.audits).toHaveLength(1);
    // Seen a year later with surveillance 2 not held: overdue, suspension to be considered.
    const later = await succeed(bed.app, 'clientProgramme', {
      clientId: bed.client.id,
      today: '2027-02-18',
    });
    expect(later.current?.output.certificateStatus).toBe('suspensionRequired');
    expect(later.timeline.find((i) => i.key === 'surveillance2')?.consequence).toContain(
      'Suspension is to be considered',
    );
  });

  it('records a recertification decision: the cycle closes and cycle 2 continues from its expiry', async () => {
    await succeed(bed.app, 'recordCertificationDecision', {
      clientId: bed.client.id,
      decisionDate: '2023-03-10',
      today: '2023-03-10',
    });
    await completed({ startDate: '2024-02-01', endDate: '2024-02-01' }, '2024-02-01');
    await completed({ startDate: '2025-02-03', endDate: '2025-02-03' }, '2025-02-03');
    await completed(
      { type: 'recertification', startDate: '2026-01-14', endDate: '2026-01-15' },
      '2026-01-15',
    );
    const programme = await succeed(bed.app, 'recordCertificationDecision', {
      clientId: bed.client.id,
      decisionDate: '2026-02-10',
      today: '2026-03-02',
    });
    expect(programme.cycles.map((c) => [c.cycleNumber, c.recertificationDecisionDate])).toEqual([
      [1, '2026-02-10'],
      [2, null],
    ]);
    expect(programme.cycles[1]).toMatchObject({
      decisionDate: '2026-02-10',
      previousExpiryDate: '2026-03-09',
      previousAuditDate: '2026-01-15',
    });
    expect(programme.current?.output).toMatchObject({
      cycleType: 'continued',
      cycleStartDate: '2026-03-10',
      expiryDate: '2029-03-09',
      surveillance1: { dueDate: '2027-01-15' },
    });
  });
});
