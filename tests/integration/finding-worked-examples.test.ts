import { describe, expect, it } from 'vitest';
import type { FindingTransitionInput } from '../../shared/findings/schema';
import type { Person } from '../../shared/people/schema';
import { findingTestBed } from './finding-fixtures';
import { fail, movableClock, succeed } from './helpers';

/**
 * The worked examples of reference/nonconformities.md section 6, replayed through the services
 * with the clock on the day each event happens: raising, the life cycle, the deadlines and flags
 * the finding page and the register show that day, and the certification decision.
 */
const clock = movableClock('2025-02-10T09:00:00.000Z');
const t = findingTestBed('finding-worked-examples', clock.now);
const { bed } = t;

/** Runs a step of the life cycle on its day, dated that day. */
async function on(day: string, person: Person, input: Omit<FindingTransitionInput, 'onDate'>) {
  clock.to(day);
  return t.step(person, { ...input, onDate: day });
}

async function raiseOn(
  day: string,
  auditId: string,
  over: { grade: 'major' | 'minor'; requirementRef: string; statement: string },
) {
  clock.to(day);
  await t.as(bed.lead);
  return succeed(bed.app, 'raiseFinding', {
    auditId,
    gradeRationale:
      over.grade === 'major' ? 'A required element is missing for in-scope AI systems.' : '',
    objectiveEvidence: 'AI system register v3; interview with the AI governance lead.',
    ...over,
  });
}

/** The finding page's deadlines as seen on `day`. */
async function deadlinesOn(day: string, id: string) {
  clock.to(day);
  return (await succeed(bed.app, 'getFinding', { id })).deadlines;
}

/** The finding's register row as seen on `day`. */
async function rowOn(day: string, id: string) {
  clock.to(day);
  const list = await succeed(bed.app, 'listFindings', { state: 'all', limit: 1000 });
  const row = list.rows.find((r) => r.id === id);
  if (!row) throw new Error(`finding ${id} is not in the register`);
  return row;
}

async function decisionBlockersOn(day: string, decisionDate: string, decision?: 'extendScope') {
  clock.to(day);
  await t.as(bed.decider);
  return succeed(bed.app, 'decisionBlockers', {
    clientId: bed.client.id,
    decisionDate,
    ...(decision ? { decision } : {}),
  });
}

const decide = (day: string) => ({ clientId: bed.client.id, decisionDate: day, today: day });

const impactMajor = {
  grade: 'major' as const,
  requirementRef: 'ISO/IEC 42001:2023 6.1.4',
  statement: 'No AI system impact assessment was performed for 2 in-scope AI systems.',
};

const submit = { event: 'submitResponse' as const, ...t.response };

describe('worked examples of nonconformities.md 6, replayed day by day', () => {
  it('example 1: a Stage 2 major verified and closed in time; a non-team decision maker certifies', async () => {
    const stage1 = t.audit('stage1', '2025-02-10', '2025-02-10');
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = await raiseOn('2025-03-14', stage2, impactMajor);
    expect(t.row(major.id)).toMatchObject({
      raisedOn: '2025-03-14',
      responseDue: '2025-04-13',
      verificationDue: '2025-06-12',
      hardLimit: '2025-09-14',
      nextDue: '2025-04-13',
    });
    await on('2025-04-02', bed.auditor, { id: major.id, ...submit });
    await on('2025-04-04', bed.lead, { id: major.id, event: 'accept' });
    expect(await rowOn('2025-04-14', major.id)).toMatchObject({
      state: 'responseAccepted',
      nextDue: '2025-06-12',
      overdue: false,
      suspensionProposed: false,
    });
    const before = await decisionBlockersOn('2025-05-19', '2025-05-28');
    expect(before.unmet.map((g) => [g.gate, g.findingIds])).toEqual([['G1', [major.id]]]);
    await on('2025-05-20', bed.lead, {
      id: major.id,
      event: 'verify',
      method: 'documentReview',
      effective: true,
      evidence: 'Impact assessments IA-07 and IA-08, signed off 2025-05-12.',
    });
    const closed = await on('2025-05-21', bed.lead, { id: major.id, event: 'close' });
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2025-05-21' });
    expect(closed.deadlines).toMatchObject({ nextDue: null, flags: [], suspensionProposal: null });

    const cleared = await decisionBlockersOn('2025-05-28', '2025-05-28');
    expect(cleared).toMatchObject({ decision: 'grant', auditIds: [stage1, stage2], unmet: [] });
    const programme = await succeed(bed.app, 'recordCertificationDecision', decide('2025-05-28'));
    expect(programme.cycles.map((c) => c.decisionDate)).toEqual(['2025-05-28']);

    // Every transition is in the change log with who, when (the day it was recorded), from and to.
    const states = t
      .changes(major.id)
      .filter((c) => c.field === 'state')
      .map((c) => [c.at.slice(0, 10), c.actorId, c.oldValue, c.newValue]);
    expect(states).toEqual([
      ['2025-04-02', bed.auditor.id, 'open', 'responseSubmitted'],
      ['2025-04-04', bed.lead.id, 'responseSubmitted', 'responseAccepted'],
      ['2025-05-20', bed.lead.id, 'responseAccepted', 'verified'],
      ['2025-05-21', bed.lead.id, 'verified', 'closed'],
    ]);
  });

  it('example 2: verified after the 6-month limit needs a new Stage 2, then certification follows it', async () => {
    const stage1 = t.audit('stage1', '2025-02-10', '2025-02-10');
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = await raiseOn('2025-03-14', stage2, impactMajor);
    await on('2025-04-02', bed.auditor, { id: major.id, ...submit });
    await on('2025-04-04', bed.lead, { id: major.id, event: 'accept' });

    expect((await deadlinesOn('2025-06-12', major.id)).flags).toEqual([]);
    // The 90-day date raises a warning; a Stage 2 precedes any certificate, so no suspension.
    expect(await deadlinesOn('2025-06-13', major.id)).toMatchObject({
      flags: ['verificationOverdue'],
      suspensionProposal: null,
    });
    expect((await deadlinesOn('2025-09-14', major.id)).flags).toEqual(['verificationOverdue']);
    expect((await deadlinesOn('2025-09-15', major.id)).flags).toEqual([
      'newStage2Required',
      'verificationOverdue',
    ]);
    await on('2025-09-20', bed.lead, {
      id: major.id,
      event: 'verify',
      method: 'documentReview',
      effective: true,
    });
    expect((await deadlinesOn('2025-09-21', major.id)).flags).toEqual(['newStage2Required']);

    clock.to('2025-09-25');
    await t.as(bed.decider);
    const refused = await fail(bed.app, 'recordCertificationDecision', decide('2025-09-25'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('G3');
    expect(refused.message).not.toContain('G1');

    // The new Stage 2 replaces the old one: the decision rests on it (and the Stage 1).
    const newStage2 = t.audit('stage2', '2025-11-10', '2025-11-12');
    const after = await decisionBlockersOn('2025-11-20', '2025-11-20');
    expect(after).toMatchObject({ decision: 'grant', auditIds: [stage1, newStage2], unmet: [] });
    await succeed(bed.app, 'recordCertificationDecision', decide('2025-11-20'));
  });

  it('example 3: a minor accepted blocks nothing; found ineffective a year later it escalates to a major', async () => {
    clock.to('2025-05-28');
    await t.as(bed.decider);
    await succeed(bed.app, 'recordCertificationDecision', decide('2025-05-28'));
    const first = t.audit('surveillance', '2025-10-07', '2025-10-08');
    const minor = await raiseOn('2025-10-08', first, {
      grade: 'minor',
      requirementRef: 'ISO/IEC 42001:2023 6.2',
      statement: 'The AI objectives lack measures.',
    });
    expect(t.row(minor.id)).toMatchObject({ responseDue: '2025-11-07', verificationDue: null });
    await on('2025-10-28', bed.auditor, { id: minor.id, ...submit });
    await on('2025-10-30', bed.auditor, { id: minor.id, event: 'accept' });
    expect(await rowOn('2025-10-30', minor.id)).toMatchObject({
      state: 'responseAccepted',
      nextDue: null,
    });
    // No decision is blocked by it, not even a positive one.
    expect((await decisionBlockersOn('2025-11-10', '2025-11-10', 'extendScope')).unmet).toEqual([]);

    clock.to('2026-09-15');
    await t.as(bed.admin);
    const nextLead = await succeed(bed.app, 'createPerson', {
      name: 'Noor Nextlead',
      email: 'noor@cb.example',
      roles: ['lead_auditor'],
    });
    const second = t.audit('surveillance', '2026-09-15', '2026-09-17', {
      team: [[nextLead, 'lead_auditor']],
    });
    const escalated = await on('2026-09-17', nextLead, {
      id: minor.id,
      event: 'verify',
      method: 'nextAudit',
      effective: false,
      evidence: 'No measures were defined for any AI objective.',
    });
    expect(escalated.state).toBe('escalated');
    const majorId = escalated.escalatedToId ?? '';
    const major = await succeed(bed.app, 'getFinding', { id: majorId });
    expect(major).toMatchObject({
      auditId: second,
      grade: 'major',
      raisedOn: '2026-09-17',
      escalatedFromId: minor.id,
      deadlines: { responseDue: '2026-10-17', verificationDue: '2026-12-16', hardLimit: null },
    });
    // G6: the escalated minor never blocks; the major it spawned does.
    const blockers = await decisionBlockersOn('2026-09-20', '2026-09-20', 'extendScope');
    expect(blockers.unmet.map((g) => [g.gate, g.findingIds])).toEqual([['G1', [majorId]]]);

    // 4.4: no accepted response more than 30 days after 2026-10-17 → a suspension proposal.
    expect(await deadlinesOn('2026-11-16', majorId)).toMatchObject({
      flags: ['responseOverdue'],
      suspensionProposal: null,
    });
    expect((await rowOn('2026-11-16', majorId)).suspensionProposed).toBe(false);
    const late = await deadlinesOn('2026-11-17', majorId);
    expect(late.suspensionProposal).toContain('more than 30 days after its response due date');
    expect(late.suspensionProposal).toContain('2026-10-17');
    expect((await rowOn('2026-11-17', majorId)).suspensionProposed).toBe(true);

    await on('2026-11-20', nextLead, { id: majorId, ...submit });
    await on('2026-11-25', nextLead, { id: majorId, event: 'accept' });
    expect((await deadlinesOn('2026-12-16', majorId)).suspensionProposal).toBeNull();
    // 4.2: a surveillance major past its 90-day verification date → a suspension proposal.
    const unverified = await deadlinesOn('2026-12-17', majorId);
    expect(unverified.flags).toEqual(['verificationOverdue']);
    expect(unverified.suspensionProposal).toContain('not verified by 2026-12-16');
    expect((await rowOn('2026-12-17', majorId)).suspensionProposed).toBe(true);
  });

  it('example 4: a recertification major verified before expiry renews; verified after it, only restoration', async () => {
    clock.to('2023-09-01');
    await t.as(bed.decider);
    await succeed(bed.app, 'recordCertificationDecision', decide('2023-09-01'));
    const recert = t.audit('recertification', '2026-07-18', '2026-07-20');
    const major = await raiseOn('2026-07-20', recert, impactMajor);
    expect(t.row(major.id)).toMatchObject({
      responseDue: '2026-08-19',
      verificationDue: '2026-08-31',
      hardLimit: '2026-08-31',
    });
    await on('2026-08-10', bed.auditor, { id: major.id, ...submit });
    await on('2026-08-12', bed.lead, { id: major.id, event: 'accept' });
    const blocked = await decisionBlockersOn('2026-08-20', '2026-08-28');
    expect(blocked.decision).toBe('renew');
    expect(blocked.unmet.map((g) => g.gate)).toEqual(['G1', 'G4']);
    await on('2026-08-25', bed.lead, {
      id: major.id,
      event: 'verify',
      method: 'onSiteFollowUp',
      effective: true,
    });
    expect(await decisionBlockersOn('2026-08-28', '2026-08-28')).toMatchObject({
      decision: 'renew',
      unmet: [],
    });
    const programme = await succeed(bed.app, 'recordCertificationDecision', decide('2026-08-28'));
    expect(programme.cycles).toHaveLength(2);
  });

  it('example 4, late: verified on 2026-09-10, the certificate is not renewed; it is restored after', async () => {
    clock.to('2023-09-01');
    await t.as(bed.decider);
    await succeed(bed.app, 'recordCertificationDecision', decide('2023-09-01'));
    const recert = t.audit('recertification', '2026-07-18', '2026-07-20');
    const major = await raiseOn('2026-07-20', recert, impactMajor);
    await on('2026-08-10', bed.auditor, { id: major.id, ...submit });
    await on('2026-08-12', bed.lead, { id: major.id, event: 'accept' });
    clock.to('2026-08-28');
    await t.as(bed.decider);
    const refused = await fail(bed.app, 'recordCertificationDecision', decide('2026-08-28'));
    expect(refused.message).toContain('G4');
    expect((await deadlinesOn('2026-09-01', major.id)).flags).toEqual(['verificationOverdue']);
    await on('2026-09-10', bed.lead, {
      id: major.id,
      event: 'verify',
      method: 'onSiteFollowUp',
      effective: true,
    });
    expect(await decisionBlockersOn('2026-09-15', '2026-09-15')).toMatchObject({
      decision: 'restore',
      unmet: [],
    });
    await succeed(bed.app, 'recordCertificationDecision', decide('2026-09-15'));
  });

  it('example 5: a rejected minor keeps its response due date; resubmitted late, it shows overdue until accepted', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const raise = () =>
      raiseOn('2025-03-14', stage2, {
        grade: 'minor',
        requirementRef: 'ISO/IEC 42001:2023 6.1.2',
        statement: 'The risk criteria are not approved.',
      });
    const inTime = await raise();
    const late = await raise();
    for (const minor of [inTime, late]) {
      await on('2025-04-01', bed.auditor, { id: minor.id, ...submit });
      await on('2025-04-03', bed.auditor, {
        id: minor.id,
        event: 'reject',
        reason: 'The root cause only restates the finding.',
      });
    }
    await on('2025-04-10', bed.auditor, { id: inTime.id, ...submit });
    await on('2025-04-11', bed.auditor, { id: inTime.id, event: 'accept' });
    expect(await deadlinesOn('2025-04-14', inTime.id)).toMatchObject({
      responseDue: '2025-04-13',
      flags: [],
    });

    expect(await deadlinesOn('2025-04-13', late.id)).toMatchObject({
      responseDue: '2025-04-13',
      nextDue: '2025-04-13',
      flags: [],
    });
    await on('2025-04-14', bed.auditor, { id: late.id, ...submit });
    expect((await deadlinesOn('2025-04-14', late.id)).flags).toEqual(['responseOverdue']);
    expect(await rowOn('2025-04-14', late.id)).toMatchObject({
      overdue: true,
      nextDue: '2025-04-13',
    });
    await on('2025-04-15', bed.auditor, { id: late.id, event: 'accept' });
    expect(await deadlinesOn('2025-04-15', late.id)).toMatchObject({
      responseDue: '2025-04-13',
      nextDue: null,
      flags: [],
    });
    const rejection = t
      .changes(late.id)
      .filter((c) => c.at.startsWith('2025-04-03'))
      .map((c) => [c.field, c.oldValue, c.newValue, c.actorId]);
    expect(rejection).toEqual([
      ['state', 'responseSubmitted', 'open', bed.auditor.id],
      ['reason', null, 'The root cause only restates the finding.', bed.auditor.id],
    ]);
  });
});
