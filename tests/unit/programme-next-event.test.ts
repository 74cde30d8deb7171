import { describe, expect, it } from 'vitest';
import type { TeamRecord } from '../../shared/programme/programme-records';
import { audit, client, cycle, only } from './programme-fixtures';

describe('a certified client’s next event', () => {
  it('is surveillance 1, due in its window (worked example 1)', () => {
    const c = client('certified');
    const event = only({ today: '2026-04-15', clients: [c], cycles: [cycle(c, '2025-06-30')] });
    expect(event).toMatchObject({
      event: 'surveillance1',
      dueDate: '2026-06-30',
      windowStart: '2026-03-30',
      windowEnd: '2026-06-30',
      state: 'due',
      consequence: null,
      cycleNumber: 1,
      certificateStatus: 'active',
      expiryDate: '2028-06-29',
      plannedAudit: null,
    });
  });

  it('says suspension is to be considered once surveillance 1 is missed by a day (example 3)', () => {
    const c = client('certified');
    const event = only({ today: '2025-11-21', clients: [c], cycles: [cycle(c, '2024-11-20')] });
    expect(event).toMatchObject({ event: 'surveillance1', state: 'overdue' });
    expect(event.certificateStatus).toBe('suspensionRequired');
    expect(event.consequence).toMatch(/was due by 2025-11-20: suspension to be considered/);
  });

  it('tells a suspended client’s scheduler what reinstatement needs', () => {
    const c = client('suspended');
    const event = only({ today: '2025-11-21', clients: [c], cycles: [cycle(c, '2024-11-20')] });
    expect(event.consequence).toMatch(/certification is suspended: hold the audit/);
  });

  it('moves to surveillance 2, pulled in to 12 months after surveillance 1 (example 2)', () => {
    const c = client('certified');
    const event = only({
      today: '2026-04-01',
      clients: [c],
      cycles: [cycle(c, '2024-08-31')],
      audits: [audit(c, 'surveillance', '2025-06-29', '2025-06-30')],
    });
    expect(event).toMatchObject({
      event: 'surveillance2',
      dueDate: '2026-06-30',
      windowStart: '2026-03-30',
      state: 'due',
    });
  });

  it('leaves out cancelled audits and audits held after the as-of day', () => {
    const c = client('certified');
    const records = {
      clients: [c],
      cycles: [cycle(c, '2024-08-31')],
      audits: [
        audit(c, 'surveillance', '2025-06-29', '2025-06-30', 'cancelled'),
        audit(c, 'surveillance', '2025-08-01', '2025-08-02'),
      ],
    };
    expect(only({ today: '2025-07-15', ...records }).event).toBe('surveillance1');
    expect(only({ today: '2025-08-02', ...records }).event).toBe('surveillance2');
  });

  it('shows the surveillance booked for it, lead auditor first', () => {
    const c = client('certified');
    const booked = audit(c, 'surveillance', '2026-05-04', '2026-05-05', 'confirmed');
    const team: TeamRecord[] = [
      { auditId: booked.id, personId: 'p2', name: 'Ana Auditor', role: 'auditor' },
      { auditId: booked.id, personId: 'p1', name: 'Lee Lead', role: 'lead_auditor' },
    ];
    const event = only({
      today: '2026-04-15',
      clients: [c],
      cycles: [cycle(c, '2025-06-30')],
      audits: [booked],
      team,
    });
    expect(event.state).toBe('due');
    expect(event.plannedAudit).toEqual({
      id: booked.id,
      type: 'surveillance',
      state: 'confirmed',
      start: '2026-05-04',
      end: '2026-05-05',
      team: [
        { personId: 'p1', name: 'Lee Lead', role: 'lead_auditor' },
        { personId: 'p2', name: 'Ana Auditor', role: 'auditor' },
      ],
    });
  });

  it('after both surveillances, is the recertification audit, due within 12 months of the last', () => {
    const c = client('certified');
    const event = only({
      today: '2026-03-01',
      clients: [c],
      cycles: [cycle(c, '2023-09-01')],
      audits: [
        audit(c, 'surveillance', '2024-08-19', '2024-08-20'),
        audit(c, 'surveillance', '2025-08-11', '2025-08-12'),
      ],
    });
    expect(event).toMatchObject({
      event: 'recertification',
      dueDate: '2026-08-12',
      windowStart: '2026-02-12',
      state: 'due',
    });
  });

  it('once the recertification audit is held, is the decision due before expiry', () => {
    const c = client('certified');
    const event = only({
      today: '2026-07-01',
      clients: [c],
      cycles: [cycle(c, '2023-09-01')],
      audits: [
        audit(c, 'surveillance', '2024-08-19', '2024-08-20'),
        audit(c, 'surveillance', '2025-08-11', '2025-08-12'),
        audit(c, 'recertification', '2026-06-13', '2026-06-15'),
      ],
    });
    expect(event).toMatchObject({
      event: 'expiry',
      dueDate: '2026-08-31',
      windowStart: '2026-06-15',
      state: 'due',
    });
    expect(event.consequence).toMatch(/before the certificate expires on 2026-08-31/);
  });

  it('after expiry without a decision, is restoration until 6 months after expiry, then lapsed', () => {
    const c = client('certified');
    const records = { clients: [c], cycles: [cycle(c, '2023-09-01')] };
    const restorable = only({ today: '2026-10-01', ...records });
    expect(restorable).toMatchObject({
      event: 'restoration',
      dueDate: '2027-02-28',
      windowStart: '2026-09-01',
      state: 'overdue',
      certificateStatus: 'expiredRestorable',
    });
    expect(restorable.consequence).toMatch(/can be restored until 2027-02-28/);
    const lapsed = only({ today: '2027-03-01', ...records });
    expect(lapsed.certificateStatus).toBe('lapsed');
    expect(lapsed.consequence).toMatch(/at least a Stage 2/);
  });

  it('follows a recorded recertification decision into the next cycle, row or not (example 4)', () => {
    const c = client('certified');
    const audits = [
      audit(c, 'surveillance', '2024-08-19', '2024-08-20'),
      audit(c, 'surveillance', '2025-08-11', '2025-08-12'),
      audit(c, 'recertification', '2026-06-13', '2026-06-15'),
    ];
    const first = cycle(c, '2023-09-01', { recertificationDecisionDate: '2026-07-10' });
    const second = cycle(c, '2026-07-10', {
      cycleNumber: 2,
      previousExpiryDate: '2026-08-31',
      previousAuditDate: '2026-06-15',
    });
    const derived = only({ today: '2026-07-15', clients: [c], cycles: [first], audits });
    const stored = only({ today: '2026-07-15', clients: [c], cycles: [first, second], audits });
    expect(stored).toEqual(derived);
    // Within 12 months of the recertification audit (9.1.3), not 12 months after the new start.
    expect(stored).toMatchObject({
      event: 'surveillance1',
      cycleNumber: 2,
      dueDate: '2027-06-15',
      expiryDate: '2029-08-31',
      state: 'planned',
    });
  });

  it('asks for the cycle records when none is recorded or they contradict each other', () => {
    const missing = client('certified');
    expect(only({ today: '2026-01-01', clients: [missing] })).toMatchObject({
      event: 'cycleRecords',
      state: 'due',
      consequence: expect.stringMatching(/No certification decision is recorded/),
    });
    const contradictory = client('certified');
    const event = only({
      today: '2026-01-01',
      clients: [contradictory],
      cycles: [cycle(contradictory, '2024-01-10', { previousAuditDate: '2024-02-01' })],
    });
    expect(event).toMatchObject({ event: 'cycleRecords', cycleNumber: 1 });
    expect(event.consequence).toMatch(/^Cycle 1 cannot be worked out from its records: /);
  });
});
