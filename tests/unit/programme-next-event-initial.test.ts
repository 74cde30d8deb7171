import { describe, expect, it } from 'vitest';
import { nextEvents, programmeCounts } from '../../shared/programme/next-event';
import type { ProgrammeRecords } from '../../shared/programme/programme-records';
import { audit, client, cycle, only } from './programme-fixtures';

describe('an applicant’s next event', () => {
  it('is Stage 1 to plan, undated, when nothing is planned', () => {
    const c = client('applicant');
    expect(only({ today: '2026-01-01', clients: [c] })).toMatchObject({
      event: 'stage1',
      dueDate: null,
      state: 'due',
      plannedAudit: null,
    });
  });

  it('is the planned Stage 1, overdue once its dates pass unrecorded', () => {
    const c = client('applicant');
    const records = {
      clients: [c],
      audits: [audit(c, 'stage1', '2026-02-02', '2026-02-03', 'confirmed')],
    };
    expect(only({ today: '2026-01-01', ...records }).state).toBe('planned');
    expect(only({ today: '2026-02-03', ...records }).state).toBe('due');
    const late = only({ today: '2026-02-04', ...records });
    expect(late.state).toBe('overdue');
    expect(late.consequence).toMatch(/record Stage 1 as held, or plan it again/);
  });

  it('is Stage 2 within 6 months of Stage 1, warned when planned later', () => {
    const c = client('applicant');
    const stage1 = audit(c, 'stage1', '2026-01-15', '2026-01-15');
    const stage2 = audit(c, 'stage2', '2026-08-03', '2026-08-05', 'planned');
    const event = only({ today: '2026-03-01', clients: [c], audits: [stage1, stage2] });
    expect(event).toMatchObject({
      event: 'stage2',
      dueDate: '2026-07-15',
      windowStart: '2026-01-15',
      state: 'due',
    });
    expect(event.consequence).toMatch(/more than 6 months after Stage 1/);
    expect(only({ today: '2026-07-16', clients: [c], audits: [stage1] }).state).toBe('overdue');
  });

  it('is the certification decision after Stage 2', () => {
    const c = client('applicant');
    const event = only({
      today: '2026-04-01',
      clients: [c],
      audits: [
        audit(c, 'stage1', '2026-01-15', '2026-01-15'),
        audit(c, 'stage2', '2026-03-02', '2026-03-04'),
      ],
    });
    expect(event).toMatchObject({ event: 'certificationDecision', dueDate: '2026-09-04' });
  });

  it('follows the cycle once the certification decision is recorded, status not yet changed', () => {
    const c = client('applicant');
    const records = {
      clients: [c],
      cycles: [cycle(c, '2026-04-10')],
      audits: [
        audit(c, 'stage1', '2026-01-15', '2026-01-15'),
        audit(c, 'stage2', '2026-03-02', '2026-03-04'),
      ],
    };
    expect(only({ today: '2026-05-01', ...records })).toMatchObject({
      event: 'surveillance1',
      cycleNumber: 1,
      dueDate: '2027-04-10',
      state: 'planned',
    });
    // As of a day before the decision, the decision was still to come.
    expect(only({ today: '2026-04-01', ...records }).event).toBe('certificationDecision');
  });
});

describe('the whole programme', () => {
  it('leaves out prospects and withdrawn clients and puts the most urgent first', () => {
    const prospect = client('prospect', 'C-P');
    const withdrawn = client('withdrawn', 'C-W');
    const applicant = client('applicant', 'C-A');
    const onTime = client('certified', 'C-1');
    const late = client('certified', 'C-2');
    const ahead = client('certified', 'C-3');
    const records: ProgrammeRecords = {
      today: '2026-04-15',
      clients: [prospect, withdrawn, applicant, onTime, late, ahead],
      cycles: [cycle(onTime, '2025-06-30'), cycle(late, '2025-03-01'), cycle(ahead, '2025-12-01')],
      audits: [],
      team: [],
    };
    const events = nextEvents(records);
    expect(events.map((e) => [e.reference, e.state])).toEqual([
      ['C-2', 'overdue'],
      ['C-1', 'due'],
      ['C-A', 'due'],
      ['C-3', 'planned'],
    ]);
    expect(programmeCounts(events, [], records.today)).toEqual({
      overdue: 1,
      due: 2,
      planned: 1,
      doneThisMonth: 0,
    });
  });

  it('counts the audits held this month up to the as-of day', () => {
    const c = client('certified');
    const audits = [
      audit(c, 'surveillance', '2026-04-01', '2026-04-02'),
      audit(c, 'stage2', '2026-04-20', '2026-04-21'),
      audit(c, 'stage1', '2026-03-30', '2026-03-31'),
    ];
    expect(programmeCounts([], audits, '2026-04-15').doneThisMonth).toBe(1);
  });
});
