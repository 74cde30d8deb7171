import { describe, expect, it } from 'vitest';
import { findingTestBed } from './finding-fixtures';
import { fail, succeed } from './helpers';

const t = findingTestBed('decision-gates');
const { bed } = t;

/** Takes a major through response, acceptance and effective verification on the given days. */
async function verified(id: string, days: { respond: string; accept: string; verify: string }) {
  await t.step(bed.auditor, { id, event: 'submitResponse', onDate: days.respond, ...t.response });
  await t.step(bed.lead, { id, event: 'accept', onDate: days.accept });
  await t.step(bed.lead, {
    id,
    event: 'verify',
    onDate: days.verify,
    method: 'documentReview',
    effective: true,
  });
}

const decide = (decisionDate: string) => ({
  clientId: bed.client.id,
  decisionDate,
  today: '2026-10-01',
});

describe('decision gates G1–G5 (nonconformities.md 5)', () => {
  it('worked example 1: refused while the Stage 2 major is open, allowed to a non-team decision maker after verification', async () => {
    const stage1 = t.audit('stage1', '2025-02-10', '2025-02-10');
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = t.raise({ auditId: stage2 });

    await t.as(bed.decider);
    const blocked = await fail(bed.app, 'recordCertificationDecision', decide('2025-05-28'));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('G1');
    expect(blocked.message).toContain(`finding ${major.id} on ISO/IEC 42001:2023 6.1.4`);

    const blockers = await succeed(bed.app, 'decisionBlockers', {
      clientId: bed.client.id,
      decisionDate: '2025-05-28',
    });
    expect(blockers).toMatchObject({
      decision: 'grant',
      auditIds: [stage1, stage2],
      unmet: [{ gate: 'G1', findingIds: [major.id] }],
    });
    expect(blockers.openFindings.map((f) => f.id)).toEqual([major.id]);

    await verified(major.id, { respond: '2025-04-02', accept: '2025-04-04', verify: '2025-05-20' });
    await t.step(bed.lead, { id: major.id, event: 'close', onDate: '2025-05-21' });
    await t.as(bed.decider);
    const cleared = await succeed(bed.app, 'decisionBlockers', {
      clientId: bed.client.id,
      decisionDate: '2025-05-28',
    });
    expect(cleared).toMatchObject({ unmet: [], openFindings: [] });
    const programme = await succeed(bed.app, 'recordCertificationDecision', decide('2025-05-28'));
    expect(programme.cycles.map((c) => c.decisionDate)).toEqual(['2025-05-28']);
  });

  it('G5: a decision maker who was on the audit team is refused with FORBIDDEN', async () => {
    await t.as(bed.admin);
    const member = await succeed(bed.app, 'createPerson', {
      name: 'Tariq Teamdecider',
      email: 'tariq@cb.example',
      roles: ['decision_maker', 'auditor'],
    });
    t.audit('stage1', '2025-02-10', '2025-02-10');
    t.audit('stage2', '2025-03-12', '2025-03-14', {
      team: [
        [bed.lead, 'lead_auditor'],
        [member, 'auditor'],
      ],
    });
    await t.as(member);
    const refused = await fail(bed.app, 'recordCertificationDecision', decide('2025-05-28'));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('G5');
    expect(
      (await succeed(bed.app, 'decisionBlockers', { clientId: bed.client.id })).unmet.map(
        (g) => g.gate,
      ),
    ).toEqual(['G5']);
    // An auditor looking at the page is not the decision maker: G5 is not assessed for them.
    await t.as(bed.auditor);
    expect((await succeed(bed.app, 'decisionBlockers', { clientId: bed.client.id })).unmet).toEqual(
      [],
    );
    await t.as(bed.decider);
    await succeed(bed.app, 'recordCertificationDecision', decide('2025-05-28'));
  });

  it('G2: a minor blocks until its plan is accepted, not until it is verified; OFIs never block', async () => {
    t.audit('stage1', '2025-02-10', '2025-02-10');
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const minor = t.raise({ auditId: stage2, grade: 'minor', gradeRationale: '' });
    t.raise({ auditId: stage2, grade: 'ofi', gradeRationale: '' });
    await t.as(bed.decider);
    const refused = await fail(bed.app, 'recordCertificationDecision', decide('2025-04-20'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('G2');
    expect(refused.message).toContain(minor.id);
    expect(refused.message).not.toContain('G1');
    await t.step(bed.auditor, {
      id: minor.id,
      event: 'submitResponse',
      onDate: '2025-04-02',
      ...t.response,
    });
    await t.step(bed.auditor, { id: minor.id, event: 'accept', onDate: '2025-04-04' });
    await t.as(bed.decider);
    await succeed(bed.app, 'recordCertificationDecision', decide('2025-04-20'));
  });

  it('G3 (worked example 2): a Stage 2 major verified after 6 months needs a new Stage 2', async () => {
    t.audit('stage1', '2025-02-10', '2025-02-10');
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = t.raise({ auditId: stage2 });
    await verified(major.id, { respond: '2025-04-02', accept: '2025-04-04', verify: '2025-09-20' });
    const detail = await succeed(bed.app, 'getFinding', { id: major.id });
    expect(detail.deadlines).toMatchObject({
      hardLimit: '2025-09-14',
      flags: ['newStage2Required'],
    });
    await t.as(bed.decider);
    const refused = await fail(bed.app, 'recordCertificationDecision', decide('2025-09-25'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(
      /^The certification decision \(grant\) cannot be recorded: G3: /,
    );
    expect(refused.message).toContain('a new Stage 2 audit is needed');
    expect(refused.message).toContain(major.id);
  });

  it('worked example 4: a recertification major verified after expiry blocks renewal; restoration follows the cycle', async () => {
    await t.as(bed.decider);
    await succeed(bed.app, 'recordCertificationDecision', decide('2023-09-01'));
    const recert = t.audit('recertification', '2026-07-18', '2026-07-20');
    const major = t.raise({ auditId: recert, raisedOn: '2026-07-20' });
    expect(t.row(major.id)).toMatchObject({
      responseDue: '2026-08-19',
      verificationDue: '2026-08-31',
      hardLimit: '2026-08-31',
    });
    await verified(major.id, { respond: '2026-08-10', accept: '2026-08-12', verify: '2026-09-10' });
    await t.as(bed.decider);
    const blockers = await succeed(bed.app, 'decisionBlockers', {
      clientId: bed.client.id,
      decisionDate: '2026-08-28',
    });
    expect(blockers).toMatchObject({ decision: 'renew', auditIds: [recert] });
    expect(blockers.unmet.map((g) => [g.gate, g.findingIds])).toEqual([['G4', [major.id]]]);
    const refused = await fail(bed.app, 'recordCertificationDecision', decide('2026-08-28'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('G4');
    // After expiry the decision restores certification (cycle rules); G1 is met by then.
    const later = await succeed(bed.app, 'decisionBlockers', {
      clientId: bed.client.id,
      decisionDate: '2026-09-15',
    });
    expect(later).toMatchObject({ decision: 'restore', unmet: [] });
    const programme = await succeed(bed.app, 'recordCertificationDecision', decide('2026-09-15'));
    expect(programme.cycles).toHaveLength(2);
  });

  it('a surveillance leads to a maintain decision, which a major does not block; a positive one it does', async () => {
    await t.as(bed.decider);
    await succeed(bed.app, 'recordCertificationDecision', decide('2025-05-28'));
    const surveillance = t.audit('surveillance', '2026-04-20', '2026-04-21');
    const major = t.raise({ auditId: surveillance, raisedOn: '2026-04-21' });
    await t.as(bed.decider);
    const maintain = await succeed(bed.app, 'decisionBlockers', { clientId: bed.client.id });
    expect(maintain).toMatchObject({ decision: 'maintain', auditIds: [surveillance], unmet: [] });
    expect(maintain.openFindings.map((f) => [f.id, f.overdue])).toEqual([[major.id, true]]);
    const extend = await succeed(bed.app, 'decisionBlockers', {
      clientId: bed.client.id,
      decision: 'extendScope',
    });
    expect(extend.unmet.map((g) => g.gate)).toEqual(['G1']);
  });
});
