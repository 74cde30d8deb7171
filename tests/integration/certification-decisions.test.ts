import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import {
  auditReports,
  certificates,
  certificationCycles,
  certificationDecisions,
  settings,
} from '../../db/schema';
import type { TakeCertificationDecisionInput } from '../../shared/certificates/schema';
import { findingTestBed } from './finding-fixtures';
import { fail, succeed } from './helpers';

// Today is 2026-11-10: the worked examples of certification-cycle.md B5 (4 and 5) lie in the past.
const t = findingTestBed('certification-decisions', '2026-11-10T09:00:00.000Z');
const { bed } = t;

const scope = 'Development and operation of machine-learning credit scoring services.';

const decision = (
  kind: TakeCertificationDecisionInput['kind'],
  decisionDate: string,
  more: Partial<TakeCertificationDecisionInput> = {},
): TakeCertificationDecisionInput => ({
  clientId: bed.client.id,
  kind,
  decisionDate,
  reasons: 'The audit report shows the AIMS conforms; every finding is resolved.',
  scopeText: kind === 'grant' ? scope : '',
  ...more,
});

/** Stage 1 and Stage 2 of the initial certification, held in spring 2025 by Lena and Aaron. */
function initialAudits() {
  const stage1 = t.audit('stage1', '2025-02-10', '2025-02-10');
  const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
  return { stage1, stage2 };
}

/** An issued report of the audit, as H8's report issue stores it. */
function issuedReport(auditId: string, recommendation: string, revision = 1): string {
  const id = uuidv7();
  const at = '2025-03-20T10:00:00.000Z';
  t.db()
    .insert(auditReports)
    .values({
      id,
      auditId,
      revision,
      state: 'issued',
      changeNote: revision > 1 ? 'Corrected the team list.' : '',
      effectivenessConclusion: 'The AIMS is effective in achieving its intended results.',
      recommendation,
      recommendationNotes: 'Recommended for certification; no open nonconformity.',
      acknowledgedWarnings: [],
      issuedBy: bed.lead.id,
      issuedAt: at,
      pdfSha256: 'a'.repeat(64),
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return id;
}

function cycleRows() {
  return t
    .db()
    .select()
    .from(certificationCycles)
    .where(eq(certificationCycles.clientId, bed.client.id))
    .all();
}

function decisionRows() {
  return t.db().select().from(certificationDecisions).all();
}

async function clientStatus() {
  return (await succeed(bed.app, 'getClient', { id: bed.client.id })).status;
}

describe('certification decisions (issue 8, section 2)', () => {
  it('an independent decision maker grants after Stage 2: cycle 1 starts, the client is certified, a certificate is issued', async () => {
    const { stage1, stage2 } = initialAudits();
    const reportId = issuedReport(stage2, 'grant');
    await t.as(bed.decider);

    const context = await succeed(bed.app, 'certificationDecisionContext', {
      clientId: bed.client.id,
      decisionDate: '2025-05-28',
    });
    expect(context).toMatchObject({
      kind: 'grant',
      suggestedKind: 'grant',
      decider: { allowed: true, reason: null },
      unmet: [],
      recommendation: { auditId: stage2, reportId, kind: 'grant' },
      newCertificate: { expiryDate: '2028-05-27', replacesNumber: null },
    });
    expect(context.audits.map((a) => [a.id, a.report?.state ?? null])).toEqual([
      [stage1, null],
      [stage2, 'issued'],
    ]);
    expect(context.kinds.find((k) => k.kind === 'renew')).toMatchObject({ allowed: false });

    const result = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-05-28'),
    );
    expect(result.clientStatus).toBe('certified');
    expect(result.decision).toMatchObject({
      kind: 'grant',
      decidedBy: bed.decider.id,
      decidedByName: 'Dora Decider',
      auditIds: [stage1, stage2],
      reportId,
      certificateNumber: 'AD-42001-2025-0001',
    });
    expect(result.certificate).toMatchObject({
      number: 'AD-42001-2025-0001',
      standard: 'ISO/IEC 42001:2023',
      issueDate: '2025-05-28',
      expiryDate: '2028-05-27',
      scopeText: scope,
      status: 'active',
      replacesId: null,
    });
    expect(result.certificate?.sites.map((s) => s.name)).toEqual(['Head office', 'Lab']);
    expect(cycleRows().map((c) => [c.cycleNumber, c.decisionDate])).toEqual([[1, '2025-05-28']]);

    const history = await succeed(bed.app, 'clientHistory', { id: bed.client.id });
    const entries = history.map((e) => `${e.entity}.${e.field}`);
    expect(entries).toEqual(
      expect.arrayContaining([
        'certification_decision.created',
        'certificate.created',
        'certification_cycle.created',
        'client.status',
      ]),
    );
    expect(history.find((e) => e.field === 'status')).toMatchObject({
      oldValue: 'applicant',
      newValue: 'certified',
      actorName: 'Dora Decider',
    });
  });

  it('refuses a decision maker who was on a relied-on audit team with FORBIDDEN, naming the audit, and records nothing', async () => {
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
        [member, 'observer'],
      ],
    });
    await t.as(member);
    const context = await succeed(bed.app, 'certificationDecisionContext', {
      clientId: bed.client.id,
      decisionDate: '2025-05-28',
    });
    expect(context.decider.allowed).toBe(false);
    expect(context.decider.reason).toContain(
      'Tariq Teamdecider was on the audit team of the Stage 2 audit of 2025-03-12 to 2025-03-14',
    );

    const refused = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-05-28'),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('Stage 2 audit of 2025-03-12 to 2025-03-14');
    expect(refused.message).toContain('ISO/IEC 17021-1 9.5.1');
    expect(decisionRows()).toEqual([]);
    expect(cycleRows()).toEqual([]);
    expect(await clientStatus()).toBe('applicant');

    // An administrator is not a decision maker either.
    await t.as(bed.admin);
    expect(
      (await fail(bed.app, 'takeCertificationDecision', decision('grant', '2025-05-28'))).code,
    ).toBe('FORBIDDEN');
  });

  it('is blocked while a major is open (G1), naming the finding and its requirement; nothing is recorded', async () => {
    const { stage2 } = initialAudits();
    const major = t.raise({ auditId: stage2 });
    await t.as(bed.decider);
    const context = await succeed(bed.app, 'certificationDecisionContext', {
      clientId: bed.client.id,
      decisionDate: '2025-05-28',
    });
    expect(context.unmet.map((g) => [g.gate, g.findingIds])).toEqual([['G1', [major.id]]]);
    expect(context.findings.map((f) => [f.id, f.grade, f.state])).toEqual([
      [major.id, 'major', 'open'],
    ]);

    const blocked = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-05-28'),
    );
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('G1');
    expect(blocked.message).toContain(`finding ${major.id} on ISO/IEC 42001:2023 6.1.4`);
    expect(blocked.message).toContain('verify its corrections and corrective actions');
    expect(decisionRows()).toEqual([]);
    expect(t.db().select().from(certificates).all()).toEqual([]);
    expect(await clientStatus()).toBe('applicant');
  });

  it('applies the 6-month Stage 2 rule (G3): a major verified too late needs a new Stage 2', async () => {
    const { stage2 } = initialAudits();
    const major = t.raise({ auditId: stage2 });
    await t.step(bed.auditor, {
      id: major.id,
      event: 'submitResponse',
      onDate: '2025-04-02',
      ...t.response,
    });
    await t.step(bed.lead, { id: major.id, event: 'accept', onDate: '2025-04-04' });
    await t.step(bed.lead, {
      id: major.id,
      event: 'verify',
      onDate: '2025-09-20',
      method: 'documentReview',
      effective: true,
    });
    await t.as(bed.decider);
    const blocked = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-09-25'),
    );
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('G3');
    expect(blocked.message).toContain('by 2025-09-14');
    expect(blocked.message).toContain('a new Stage 2 audit is needed before certification');
  });

  it('is one transaction: when the certificate cannot be issued, no cycle, decision or status change remains', async () => {
    initialAudits();
    // A number format stored by hand, bypassing the settings screen's checks.
    t.db()
      .insert(settings)
      .values({
        key: 'certificates.numberFormat',
        value: 'NO-YEAR-NNNN',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      })
      .run();
    await t.as(bed.decider);
    const refused = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-05-28'),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('NO-YEAR-NNNN');
    expect(cycleRows()).toEqual([]);
    expect(decisionRows()).toEqual([]);
    expect(await clientStatus()).toBe('applicant');
  });

  it('puts each bad input at its field: reasons, date, decision kind, scope', async () => {
    initialAudits();
    await t.as(bed.decider);
    expect(
      await fail(
        bed.app,
        'takeCertificationDecision',
        decision('grant', '2025-05-28', { reasons: '  ' }),
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'reasons' });
    expect(
      await fail(bed.app, 'takeCertificationDecision', decision('grant', '2026-11-11')),
    ).toMatchObject({ code: 'VALIDATION', field: 'decisionDate' });
    const renew = await fail(bed.app, 'takeCertificationDecision', decision('renew', '2025-05-28'));
    expect(renew).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    expect(renew.message).toContain('has no certification to renew');
    expect(
      await fail(bed.app, 'takeCertificationDecision', decision('extendScope', '2025-05-28')),
    ).toMatchObject({ code: 'VALIDATION', field: 'scopeText' });
    const noScope = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-05-28', { scopeText: '' }),
    );
    expect(noScope).toMatchObject({ code: 'VALIDATION', field: 'scopeText' });
    expect(noScope.message).toContain('has no scope of certification recorded');

    await succeed(bed.app, 'takeCertificationDecision', decision('grant', '2025-05-28'));
    const again = await fail(bed.app, 'takeCertificationDecision', decision('grant', '2025-06-02'));
    expect(again).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    expect(again.message).toContain(
      'holds certificate AD-42001-2025-0001 (active) until 2028-05-27',
    );
    const earlier = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('suspend', '2025-05-20', { scopeText: '' }),
    );
    expect(earlier).toMatchObject({ code: 'VALIDATION', field: 'decisionDate' });
  });

  it('a decision maker who was on surveillance 1 may take the maintain decision after surveillance 2 (G5 looks at the audits this decision relies on)', async () => {
    initialAudits();
    await t.as(bed.decider);
    await succeed(bed.app, 'takeCertificationDecision', decision('grant', '2025-05-28'));
    await t.as(bed.admin);
    const former = await succeed(bed.app, 'createPerson', {
      name: 'Fern Formerauditor',
      email: 'fern@cb.example',
      roles: ['decision_maker', 'auditor'],
    });
    t.audit('surveillance', '2025-10-20', '2025-10-21', {
      team: [
        [bed.lead, 'lead_auditor'],
        [former, 'auditor'],
      ],
    });
    await t.as(bed.decider);
    await succeed(bed.app, 'takeCertificationDecision', decision('maintain', '2025-11-03'));
    const second = t.audit('surveillance', '2026-09-14', '2026-09-15');
    await t.as(former);
    const maintained = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('maintain', '2026-10-01'),
    );
    expect(maintained.decision.auditIds).toEqual([second]);
  });

  it('maintains after surveillance, suspends, reinstates and withdraws: client and certificate follow', async () => {
    initialAudits();
    await t.as(bed.decider);
    const granted = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-05-28'),
    );
    const id = granted.certificate?.id ?? '';

    const tooSoon = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('maintain', '2025-06-10'),
    );
    expect(tooSoon).toMatchObject({ field: 'kind' });
    expect(tooSoon.message).toContain('no surveillance audit is completed since the last decision');
    const surveillance = t.audit('surveillance', '2026-04-20', '2026-04-21');
    await t.as(bed.decider);
    const maintained = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('maintain', '2026-05-04'),
    );
    expect(maintained).toMatchObject({ certificate: null, clientStatus: 'certified' });
    expect(maintained.decision.auditIds).toEqual([surveillance]);
    // The surveillance has had its decision: another maintain waits for the next audit.
    expect(
      (await fail(bed.app, 'takeCertificationDecision', decision('maintain', '2026-05-05')))
        .message,
    ).toContain('no surveillance audit is completed since the last decision');

    await succeed(bed.app, 'takeCertificationDecision', {
      ...decision('suspend', '2026-06-01'),
      reasons: 'The client refused the follow-up visit (ISO/IEC 17021-1 9.6.5.2).',
    });
    expect(await clientStatus()).toBe('suspended');
    expect((await succeed(bed.app, 'getCertificate', { id })).status).toBe('suspended');
    expect(
      (await fail(bed.app, 'takeCertificationDecision', decision('suspend', '2026-06-02'))).message,
    ).toContain(
      'Certificate AD-42001-2025-0001 is suspended: only an active certificate can be suspended',
    );

    await succeed(bed.app, 'takeCertificationDecision', decision('reinstate', '2026-07-01'));
    expect(await clientStatus()).toBe('certified');
    const reinstated = await succeed(bed.app, 'getCertificate', { id });
    expect(reinstated.status).toBe('active');
    expect(reinstated.statusDecisions.map((d) => d.kind)).toEqual(['suspend', 'reinstate']);
    expect(reinstated.history.filter((e) => e.field === 'status').map((e) => e.newValue)).toEqual([
      'active',
      'suspended',
    ]);

    await succeed(bed.app, 'takeCertificationDecision', decision('withdraw', '2026-08-03'));
    expect(await clientStatus()).toBe('withdrawn');
    expect((await succeed(bed.app, 'getCertificate', { id })).status).toBe('withdrawn');
    expect(
      (await succeed(bed.app, 'listCertificationDecisions', { clientId: bed.client.id })).map(
        (d) => d.kind,
      ),
    ).toEqual(['withdraw', 'reinstate', 'suspend', 'maintain', 'grant']);
  });

  it('renews after recertification before expiry (cycle example 4): the next cycle starts at the old expiry, a new certificate replaces the old', async () => {
    t.audit('stage2', '2023-07-10', '2023-07-12');
    await t.as(bed.decider);
    const first = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2023-09-01'),
    );
    expect(first.certificate).toMatchObject({
      number: 'AD-42001-2023-0001',
      expiryDate: '2026-08-31',
    });
    t.audit('surveillance', '2024-08-19', '2024-08-20');
    t.audit('surveillance', '2025-08-11', '2025-08-12');
    const recert = t.audit('recertification', '2026-06-13', '2026-06-15');
    await t.as(bed.decider);
    const context = await succeed(bed.app, 'certificationDecisionContext', {
      clientId: bed.client.id,
      decisionDate: '2026-07-10',
    });
    expect(context).toMatchObject({
      suggestedKind: 'renew',
      newCertificate: {
        expiryDate: '2029-08-31',
        replacesNumber: 'AD-42001-2023-0001',
        scopeText: scope,
      },
    });
    expect(context.audits.map((a) => a.id)).toContain(recert);
    const wrong = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('restore', '2026-07-10'),
    );
    expect(wrong).toMatchObject({ field: 'kind' });
    expect(wrong.message).toContain('Choose Renew');

    const renewed = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('renew', '2026-07-10', { scopeText: '' }),
    );
    expect(renewed.certificate).toMatchObject({
      number: 'AD-42001-2026-0001',
      issueDate: '2026-07-10',
      expiryDate: '2029-08-31',
      scopeText: scope,
      replacesId: first.certificate?.id,
      replacesNumber: 'AD-42001-2023-0001',
      status: 'active',
    });
    expect(cycleRows().map((c) => [c.cycleNumber, c.decisionDate, c.previousExpiryDate])).toEqual([
      [1, '2023-09-01', null],
      [2, '2026-07-10', '2026-08-31'],
    ]);
    // Replaced before its expiry it counts as withdrawn; once past its expiry, as expired.
    const old = await succeed(bed.app, 'getCertificate', { id: first.certificate?.id ?? '' });
    expect(old).toMatchObject({
      status: 'expired',
      replacedByNumber: 'AD-42001-2026-0001',
      replacedOn: '2026-07-10',
    });
    const inJuly = await succeed(bed.app, 'listCertificates', {
      includeReplaced: true,
      today: '2026-07-15',
    });
    expect(inJuly.rows.map((r) => [r.number, r.status])).toEqual([
      ['AD-42001-2026-0001', 'active'],
      ['AD-42001-2023-0001', 'withdrawn'],
    ]);
    expect(old.history.map((e) => e.field)).toEqual(
      expect.arrayContaining(['replacedBy', 'status']),
    );
    const current = await succeed(bed.app, 'getCertificate', { id: renewed.certificate?.id ?? '' });
    expect(current.originalIssueDate).toBe('2023-09-01');
  });

  it('restores after expiry within 6 months (cycle example 5), with the expiry of the prior cycle', async () => {
    t.audit('stage2', '2023-07-10', '2023-07-12');
    await t.as(bed.decider);
    const first = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2023-09-01'),
    );
    t.audit('surveillance', '2024-08-19', '2024-08-20');
    t.audit('surveillance', '2025-08-11', '2025-08-12');
    t.audit('recertification', '2026-10-03', '2026-10-05');
    await t.as(bed.decider);
    expect(
      (await succeed(bed.app, 'getCertificate', { id: first.certificate?.id ?? '' })).status,
    ).toBe('expired');
    const renew = await fail(bed.app, 'takeCertificationDecision', decision('renew', '2026-11-02'));
    expect(renew.message).toContain('Choose Restore');
    const restored = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('restore', '2026-11-02'),
    );
    expect(restored.certificate).toMatchObject({
      issueDate: '2026-11-02',
      expiryDate: '2029-08-31',
      replacesNumber: 'AD-42001-2023-0001',
    });
    expect(restored.clientStatus).toBe('certified');
  });

  it('extends and reduces the scope: a new certificate with the same expiry replaces the old', async () => {
    initialAudits();
    await t.as(bed.decider);
    const granted = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('grant', '2025-05-28'),
    );
    const same = await fail(
      bed.app,
      'takeCertificationDecision',
      decision('extendScope', '2025-09-01', { scopeText: scope }),
    );
    expect(same).toMatchObject({ field: 'scopeText' });
    const wider = `${scope} Includes fraud detection models.`;
    const extended = await succeed(
      bed.app,
      'takeCertificationDecision',
      decision('extendScope', '2025-09-01', { scopeText: wider }),
    );
    expect(extended.certificate).toMatchObject({
      number: 'AD-42001-2025-0002',
      scopeText: wider,
      issueDate: '2025-09-01',
      expiryDate: '2028-05-27',
      replacesId: granted.certificate?.id,
    });
    expect(extended.decision.scopeText).toBe(wider);
    const list = await succeed(bed.app, 'listCertificates', {});
    expect(list.rows.map((r) => r.number)).toEqual(['AD-42001-2025-0002']);
    const all = await succeed(bed.app, 'listCertificates', { includeReplaced: true });
    expect(all.rows.map((r) => [r.number, r.status])).toEqual([
      ['AD-42001-2025-0002', 'active'],
      ['AD-42001-2025-0001', 'withdrawn'],
    ]);
  });
});
