import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeEvidenceFromPath } from '../../electron/services/evidence-uploads';
import { findingTestBed } from './finding-fixtures';
import { fail, succeed, temporaryFolder } from './helpers';

const t = findingTestBed('finding-review');
const { bed } = t;
const files = temporaryFolder('finding-review-files');

describe('deadlines the finding page and the register agree on', () => {
  it('a major found ineffective is open again with its response overdue, as the register says', async () => {
    const surveillance = t.audit('surveillance', '2026-06-15', '2026-06-16');
    const major = t.raise({ auditId: surveillance, raisedOn: '2026-06-16' });
    await t.step(bed.auditor, {
      id: major.id,
      event: 'submitResponse',
      onDate: '2026-07-01',
      ...t.response,
    });
    await t.step(bed.lead, { id: major.id, event: 'accept', onDate: '2026-07-03' });
    const reopened = await t.step(bed.lead, {
      id: major.id,
      event: 'verify',
      onDate: '2026-09-01',
      method: 'documentReview',
      effective: false,
      evidence: 'Only one of the two assessments exists.',
    });
    // Today is 2026-10-01: the response (due 2026-07-16) must come again and is overdue, and the
    // 90-day verification date 2026-09-14 has passed too.
    expect(reopened.state).toBe('open');
    expect(reopened.deadlines).toMatchObject({
      responseDue: '2026-07-16',
      verificationDue: '2026-09-14',
      nextDue: '2026-07-16',
      flags: ['responseOverdue', 'verificationOverdue'],
    });
    expect(reopened.deadlines.suspensionProposal).toContain('2026-07-16');
    expect(reopened.deadlines.suspensionProposal).toContain('not verified by 2026-09-14');
    const list = await succeed(bed.app, 'listFindings', {});
    expect(list.rows.find((r) => r.id === major.id)).toMatchObject({
      overdue: true,
      suspensionProposed: true,
    });
  });

  it('follows the audit’s planned last day while it runs, then the day it is completed', async () => {
    await t.as(bed.admin);
    const audit = await succeed(bed.app, 'createAudit', {
      clientId: bed.client.id,
      type: 'surveillance',
      cycleNumber: 1,
      startDate: '2026-09-28',
      endDate: '2026-09-29',
      onsiteDays: 2,
      remoteDays: 0,
      siteIds: bed.client.sites.map((s) => s.id),
      criteria: 'ISO/IEC 42001:2023',
    });
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'confirmed' });
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'in_progress' });
    const finding = t.raise({ auditId: audit.id, raisedOn: '2026-09-28' });
    expect(t.row(finding.id)).toMatchObject({ auditLastDay: '2026-09-29', nextDue: '2026-10-29' });
    // The audit is extended by two days on site.
    await succeed(bed.app, 'updateAudit', {
      id: audit.id,
      startDate: '2026-09-28',
      endDate: '2026-10-01',
      onsiteDays: 2,
      remoteDays: 0,
      siteIds: bed.client.sites.map((s) => s.id),
      criteria: 'ISO/IEC 42001:2023',
    });
    expect(t.row(finding.id)).toMatchObject({
      auditLastDay: '2026-10-01',
      responseDue: '2026-10-31',
      verificationDue: '2026-12-30',
      nextDue: '2026-10-31',
    });
  });
});

describe('never downgrading a nonconformity to an OFI (nonconformities.md 1, ISO/IEC 17021-1 9.4.5)', () => {
  it('lets the team regrade while the audit runs, not once the client acknowledged it', async () => {
    const audit = t.audit('surveillance', '2026-09-29', '2026-10-02', { state: 'in_progress' });
    const finding = t.raise({ auditId: audit, grade: 'minor', gradeRationale: '' });
    await t.as(bed.lead);
    // Before the closing meeting the team reviews its findings (9.4.7).
    await succeed(bed.app, 'gradeFinding', { id: finding.id, grade: 'ofi' });
    await succeed(bed.app, 'gradeFinding', { id: finding.id, grade: 'minor' });
    await succeed(bed.app, 'acknowledgeFinding', {
      id: finding.id,
      acknowledgedBy: 'Anna Schmidt',
      acknowledgedOn: '2026-10-01',
      note: 'The client sees it as an improvement point only.',
    });
    const refused = await fail(bed.app, 'gradeFinding', { id: finding.id, grade: 'ofi' });
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'grade' });
    expect(refused.message).toContain('never downgraded to an OFI');
    expect(refused.message).toContain('acknowledged it on 2026-10-01');
    expect(refused.message).toContain('a CB reviewer who was not on the audit team cancels it');
    expect(t.row(finding.id).grade).toBe('minor');
    // Regrading between major and minor is still the lead auditor's call.
    await succeed(bed.app, 'gradeFinding', {
      id: finding.id,
      grade: 'major',
      gradeRationale: 'Systemic: the same gap in three business units.',
    });
  });

  it('refuses the downgrade once the audit has ended, even without an acknowledgement', async () => {
    const audit = t.audit('surveillance', '2026-09-15', '2026-09-17');
    const finding = t.raise({ auditId: audit, raisedOn: '2026-09-16' });
    await t.as(bed.lead);
    const refused = await fail(bed.app, 'gradeFinding', { id: finding.id, grade: 'ofi' });
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'grade' });
    expect(refused.message).toContain('the audit has ended');
    // An ungraded finding may still be graded an OFI: nothing is downgraded.
    const ungraded = t.raise({ auditId: audit, grade: null, gradeRationale: '' });
    expect((await succeed(bed.app, 'gradeFinding', { id: ungraded.id, grade: 'ofi' })).grade).toBe(
      'ofi',
    );
  });
});

describe('the client’s response documents', () => {
  it('are attached by whoever may record the response, a CB reviewer off the team included', async () => {
    const audit = t.audit('surveillance', '2026-09-15', '2026-09-17');
    const finding = t.raise({ auditId: audit, raisedOn: '2026-09-17' });
    const file = path.join(files, 'corrective-action-plan.txt');
    fs.writeFileSync(file, 'Corrective action plan, signed by the CEO.\n');
    const attach = (placement: { findingId?: string }) =>
      storeEvidenceFromPath(bed.app.runtime.context(), {
        auditId: audit,
        filePath: file,
        ...placement,
      });
    await t.as(bed.decider);
    await succeed(bed.app, 'findingTransition', {
      id: finding.id,
      event: 'submitResponse',
      onDate: '2026-09-30',
      ...t.response,
    });
    const stored = attach({ findingId: finding.id });
    expect(stored).toMatchObject({ findingId: finding.id, capturedById: bed.decider.id });
    // Anywhere else in the audit only its auditing team attaches files.
    expect(() => attach({})).toThrow(/Dora Decider is not on the team of this audit/);
  });
});
