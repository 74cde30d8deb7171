import { describe, expect, it } from 'vitest';
import { computeCycle, parseCycleInput } from '../../shared/cycle';
import type { AuditSummary } from '../../shared/programme/audit-schema';
import { cycleRequestFor, type CertificationCycle } from '../../shared/programme/programme';
import { programmeTimeline } from '../../shared/programme/timeline';

const cycle: CertificationCycle = {
  id: 'c1',
  clientId: 'client',
  cycleNumber: 1,
  decisionDate: '2025-06-30',
  previousExpiryDate: null,
  previousAuditDate: null,
  recertificationDecisionDate: null,
  notes: '',
  createdAt: '2025-06-30T00:00:00.000Z',
  updatedAt: '2025-06-30T00:00:00.000Z',
};

function audit(overrides: Partial<AuditSummary>): AuditSummary {
  return {
    id: overrides.id ?? 'a',
    clientId: 'client',
    clientName: 'Lumen',
    clientReference: 'C-2025-0001',
    type: 'surveillance',
    cycleNumber: 1,
    state: 'planned',
    startDate: '2026-05-04',
    endDate: '2026-05-05',
    onsiteDays: 2,
    remoteDays: 0,
    completedOn: null,
    team: [],
    ...overrides,
  };
}

function computed(audits: AuditSummary[], today: string) {
  const parsed = parseCycleInput(cycleRequestFor(cycle, audits, today));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return computeCycle(parsed.value);
}

describe('the cycle input from recorded audits', () => {
  it('takes the first and second completed surveillance of the cycle in date order', () => {
    const audits = [
      audit({ id: 's2', state: 'completed', completedOn: '2027-05-20' }),
      audit({ id: 's1', state: 'completed', completedOn: '2026-05-05' }),
      audit({ id: 'other', cycleNumber: 2, state: 'completed', completedOn: '2026-01-05' }),
      audit({ id: 'open', state: 'confirmed' }),
    ];
    expect(cycleRequestFor(cycle, audits, '2027-06-01')).toMatchObject({
      decisionDate: '2025-06-30',
      surveillance1Date: '2026-05-05',
      surveillance2Date: '2027-05-20',
      recertificationAuditDate: null,
    });
  });

  it('leaves out audits recorded before the decision or after today', () => {
    const audits = [
      audit({ state: 'completed', completedOn: '2025-06-01' }),
      audit({ type: 'recertification', state: 'completed', completedOn: '2028-04-01' }),
    ];
    expect(cycleRequestFor(cycle, audits, '2026-01-01')).toMatchObject({
      surveillance1Date: null,
      recertificationAuditDate: null,
    });
  });
});

describe('the programme timeline', () => {
  it('lists the initial audits and the decision to come while there is no cycle', () => {
    const timeline = programmeTimeline({
      today: '2026-01-01',
      cycle: null,
      output: null,
      audits: [],
    });
    expect(timeline.map((i) => [i.key, i.status, i.canPlan])).toEqual([
      ['stage1', 'due', true],
      ['stage2', 'planned', true],
      ['decision', 'planned', false],
    ]);
  });

  it('shows every event of the cycle with due date, window and state (worked example 1)', () => {
    const output = computed([], '2026-04-15');
    const timeline = programmeTimeline({ today: '2026-04-15', cycle, output, audits: [] });
    expect(timeline.map((i) => i.key)).toEqual([
      'stage1',
      'stage2',
      'decision',
      'surveillance1',
      'surveillance2',
      'recertification',
      'expiry',
    ]);
    expect(timeline.find((i) => i.key === 'surveillance1')).toMatchObject({
      dueDate: '2026-06-30',
      windowStart: '2026-03-30',
      windowEnd: '2026-06-30',
      status: 'due',
      canPlan: true,
    });
    expect(timeline.find((i) => i.key === 'expiry')).toMatchObject({
      dueDate: '2028-06-29',
      status: 'planned',
    });
    // Certified before Audit Desk: the stages count as done.
    expect(timeline[0]).toMatchObject({ status: 'done', canPlan: false });
  });

  it('links planned audits to their event and stops offering to plan it', () => {
    const planned = audit({ id: 'p1' });
    const output = computed([planned], '2026-04-15');
    const s1 = programmeTimeline({ today: '2026-04-15', cycle, output, audits: [planned] }).find(
      (i) => i.key === 'surveillance1',
    );
    expect(s1?.audits.map((a) => a.id)).toEqual(['p1']);
    expect(s1?.canPlan).toBe(false);
  });

  it('says what an overdue surveillance means (worked example 3)', () => {
    const late = { ...cycle, decisionDate: '2024-11-20' };
    const parsed = parseCycleInput(cycleRequestFor(late, [], '2025-11-21'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const output = computeCycle(parsed.value);
    const s1 = programmeTimeline({ today: '2025-11-21', cycle: late, output, audits: [] }).find(
      (i) => i.key === 'surveillance1',
    );
    expect(s1).toMatchObject({ status: 'overdue', canPlan: true });
    expect(s1?.consequence).toBe(
      'Overdue since 2025-11-20: surveillance was not carried out at the required frequency. Suspension is to be considered by a certification decision maker (ISO/IEC 17021-1 9.6.5.2).',
    );
  });

  it('warns when Stage 2 starts more than 6 months after Stage 1 ended', () => {
    const audits = [
      audit({ id: 's1', type: 'stage1', state: 'completed', completedOn: '2025-01-10' }),
      audit({ id: 's2', type: 'stage2', startDate: '2025-07-11', endDate: '2025-07-12' }),
    ];
    const [, stage2] = programmeTimeline({
      today: '2025-07-01',
      cycle: null,
      output: null,
      audits,
    });
    expect(stage2).toMatchObject({ status: 'due', canPlan: false });
    expect(stage2?.consequence).toContain('more than 6 months after Stage 1 ended (2025-01-10)');
  });
});

describe('the timeline before the certification decision', () => {
  const timeline = (audits: AuditSummary[], today: string) =>
    programmeTimeline({ today, cycle: null, output: null, audits });
  const byKey = (items: ReturnType<typeof timeline>, key: string) =>
    items.find((i) => i.key === key);

  it('gives Stage 2 the state and due date the programme dashboard gives it', () => {
    const stage1 = audit({
      id: 's1',
      type: 'stage1',
      state: 'completed',
      startDate: '2026-01-15',
      endDate: '2026-01-15',
      completedOn: '2026-01-15',
    });
    expect(byKey(timeline([stage1], '2026-03-01'), 'stage2')).toMatchObject({
      status: 'due',
      dueDate: '2026-07-15',
    });
    const late = byKey(timeline([stage1], '2026-07-16'), 'stage2');
    expect(late).toMatchObject({ status: 'overdue', dueDate: '2026-07-15' });
    expect(late?.consequence).toMatch(/more than 6 months ago/);
  });

  it('shows a Stage 1 booked ahead as planned, and overdue once its dates pass unrecorded', () => {
    const stage1 = audit({
      id: 's1',
      type: 'stage1',
      startDate: '2026-02-02',
      endDate: '2026-02-03',
    });
    expect(byKey(timeline([stage1], '2026-01-10'), 'stage1')?.status).toBe('planned');
    expect(byKey(timeline([stage1], '2026-02-04'), 'stage1')?.status).toBe('overdue');
  });
});
