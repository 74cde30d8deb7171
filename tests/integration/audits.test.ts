import { describe, expect, it } from 'vitest';
import { auditTestBed } from './audit-fixtures';
import { concludeStage1Ready } from './checklist-fixtures';
import { fail, succeed } from './helpers';

const { bed, central, lab, plan, person } = auditTestBed('audits');

async function saveSurveillanceTime() {
  return succeed(bed.app, 'saveAuditTime', {
    clientId: bed.client.id,
    auditType: 'surveillance',
    aiRole: 'developerProviderUser',
    personnel: { fullTime: 150 },
    sites: 2,
  });
}

describe('planning an audit', () => {
  it('prefills the days and the site sample from the saved audit time', async () => {
    const saved = await saveSurveillanceTime();
    const defaults = await succeed(bed.app, 'auditPlanDefaults', {
      clientId: bed.client.id,
      type: 'surveillance',
    });
    expect(defaults).toMatchObject({
      auditTimeResultId: saved.id,
      calculatedDays: saved.effectiveDays,
      onsiteDays: saved.effectiveDays,
      remoteDays: 0,
      sampleSize: saved.output.sampledSites.surveillance,
      criteria: "ISO/IEC 42001:2023 and the client's Statement of Applicability",
      scope: 'Credit-scoring models for retail lending.',
    });
    expect(defaults.siteIds[0]).toBe(central());
    expect(defaults.siteIds).toHaveLength(1 + saved.output.sampledSites.surveillance);
  });

  it('requires a reason at daysDeviationReason when the days differ from the calculation', async () => {
    const saved = await saveSurveillanceTime();
    const days = saved.effectiveDays;
    const error = await fail(bed.app, 'createAudit', plan({ onsiteDays: days + 1 }));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'daysDeviationReason' });
    expect(error.message).toContain(`gives ${days + 1} days`);

    // Moving days to remote keeps the total: no reason needed.
    const split = await succeed(
      bed.app,
      'createAudit',
      plan({ onsiteDays: days - 0.5, remoteDays: 0.5 }),
    );
    expect(split).toMatchObject({ calculatedDays: days, daysDeviationReason: null });

    const reason = 'The lab moved to a second building.';
    const audit = await succeed(
      bed.app,
      'createAudit',
      plan({ onsiteDays: days + 1, daysDeviationReason: reason }),
    );
    expect(audit).toMatchObject({
      state: 'planned',
      calculatedDays: days,
      auditTimeResultId: saved.id,
      daysDeviationReason: reason,
      onsiteDays: days + 1,
    });
    expect(audit.sites.map((s) => s.siteId)).toEqual([central(), lab()]);
  });

  it('refuses an end before the start, a foreign site, and leaving out the central function', async () => {
    expect(
      await fail(bed.app, 'createAudit', plan({ startDate: '2026-02-17', endDate: '2026-02-16' })),
    ).toMatchObject({ code: 'VALIDATION', field: 'endDate' });
    expect(
      await fail(bed.app, 'createAudit', plan({ siteIds: [central(), 'elsewhere'] })),
    ).toMatchObject({ code: 'VALIDATION', field: 'siteIds[1]' });
    expect(await fail(bed.app, 'createAudit', plan({ siteIds: [lab()] }))).toMatchObject({
      code: 'VALIDATION',
      field: 'siteIds',
    });
    expect(await fail(bed.app, 'createAudit', plan({ cycleNumber: 3 }))).toMatchObject({
      field: 'cycleNumber',
    });
  });

  it('lets schedulers, admins and lead auditors plan, not auditors; and logs every change', async () => {
    const auditor = await person('Abe Auditor', ['auditor']);
    await succeed(bed.app, 'signIn', { personId: auditor.id });
    expect((await fail(bed.app, 'createAudit', plan())).code).toBe('FORBIDDEN');
    const lead = await person('Lena Lead', ['lead_auditor']);
    await succeed(bed.app, 'signIn', { personId: lead.id });
    const audit = await succeed(bed.app, 'createAudit', plan());
    const updated = await succeed(bed.app, 'updateAudit', {
      id: audit.id,
      startDate: '2026-02-18',
      endDate: '2026-02-19',
      onsiteDays: 3,
      siteIds: [central()],
      criteria: 'ISO/IEC 42001:2023',
    });
    expect(updated.sites.map((s) => s.siteId)).toEqual([central()]);
    const history = await succeed(bed.app, 'clientHistory', { id: bed.client.id });
    const auditLog = history.filter((e) => e.entity === 'audit');
    expect(auditLog.map((e) => e.field)).toEqual(
      expect.arrayContaining(['created', 'plannedStart', 'plannedEnd', 'siteIds']),
    );
    expect(auditLog.find((e) => e.field === 'plannedStart')).toMatchObject({
      oldValue: '2026-02-16',
      newValue: '2026-02-18',
      actorName: 'Lena Lead',
    });
  });
});

describe('the state of an audit', () => {
  it('moves planned → confirmed → in progress → completed, and refuses skipping a step', async () => {
    const audit = await succeed(bed.app, 'createAudit', plan());
    const skip = await fail(bed.app, 'changeAuditState', {
      id: audit.id,
      to: 'completed',
      completedOn: '2026-02-17',
    });
    expect(skip.code).toBe('CONFLICT');
    expect(skip.message).toContain('The audit is planned');
    expect(skip.message).toContain('confirmed or cancelled');
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'confirmed' });
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'in_progress' });
    expect(
      await fail(bed.app, 'changeAuditState', {
        id: audit.id,
        to: 'completed',
        completedOn: '2026-12-01',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'completedOn' });
    const done = await succeed(bed.app, 'changeAuditState', {
      id: audit.id,
      to: 'completed',
      completedOn: '2026-02-17',
    });
    expect(done).toMatchObject({ state: 'completed', completedOn: '2026-02-17' });
    const again = await fail(bed.app, 'changeAuditState', {
      id: audit.id,
      to: 'cancelled',
      reason: 'x',
    });
    expect(again.message).toContain('does not change state any more');
    expect(
      await fail(bed.app, 'updateAudit', { id: audit.id, ...plan(), clientId: undefined }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('cancels only with a reason', async () => {
    const audit = await succeed(bed.app, 'createAudit', plan());
    expect(
      await fail(bed.app, 'changeAuditState', { id: audit.id, to: 'cancelled', reason: ' ' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const cancelled = await succeed(bed.app, 'changeAuditState', {
      id: audit.id,
      to: 'cancelled',
      reason: 'The client postponed its AI launch.',
    });
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      cancelledReason: 'The client postponed its AI launch.',
    });
  });

  it('refuses to complete Stage 2 before its Stage 1 is completed', async () => {
    const stage1 = await succeed(
      bed.app,
      'createAudit',
      plan({
        type: 'stage1',
        startDate: '2026-01-12',
        endDate: '2026-01-12',
        onsiteDays: 1,
        siteIds: [central()],
      }),
    );
    const stage2 = await succeed(bed.app, 'createAudit', plan({ type: 'stage2' }));
    concludeStage1Ready(bed.app, stage1.id);
    for (const id of [stage1.id, stage2.id]) {
      await succeed(bed.app, 'changeAuditState', { id, to: 'confirmed' });
      await succeed(bed.app, 'changeAuditState', { id, to: 'in_progress' });
    }
    const early = await fail(bed.app, 'changeAuditState', {
      id: stage2.id,
      to: 'completed',
      completedOn: '2026-02-17',
    });
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toBe(
      'Stage 2 cannot be completed before its Stage 1: the Stage 1 audit is still in progress. Complete the Stage 1 first.',
    );
    await succeed(bed.app, 'changeAuditState', {
      id: stage1.id,
      to: 'completed',
      completedOn: '2026-01-12',
    });
    const done = await succeed(bed.app, 'changeAuditState', {
      id: stage2.id,
      to: 'completed',
      completedOn: '2026-02-17',
    });
    expect(done.state).toBe('completed');
  });
});
