import { createHash } from 'node:crypto';
import fs from 'node:fs';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { storedPath } from '../../electron/services/evidence-store';
import type { ReportFile } from '../../shared/reports/schema';
import { fail, succeed } from './helpers';
import { pdfPageTexts } from './pdf-text';
import {
  cbName,
  majorEvidence,
  majorStatement,
  ofiStatement,
  reportTestBed,
} from './report-fixtures';

const t = reportTestBed('reports');
const { bed } = t;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (file: ReportFile) => new Uint8Array(Buffer.from(file.data, 'base64'));

async function pdfText(file: ReportFile): Promise<string[]> {
  return pdfPageTexts(await PDFDocument.load(bytesOf(file)));
}

async function docxText(
  file: ReportFile,
): Promise<{ body: string; header: string; footer: string }> {
  const zip = await JSZip.loadAsync(bytesOf(file));
  const read = async (pattern: RegExp) => {
    const names = Object.keys(zip.files).filter((n) => pattern.test(n));
    const xml = (await Promise.all(names.map((n) => zip.file(n)?.async('string') ?? ''))).join(
      '\n',
    );
    return xml;
  };
  const text = (xml: string) =>
    [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return {
    body: text(await read(/^word\/document\.xml$/)),
    header: text(await read(/^word\/header\d*\.xml$/)),
    footer: await read(/^word\/footer\d*\.xml$/),
  };
}

/** The held Stage 2 with a complete draft saved and the open-major warning acknowledged. */
async function readyToIssue() {
  const held = await t.heldStage2();
  await succeed(bed.app, 'updateAuditReportDraft', {
    auditId: held.auditId,
    ...t.completeDraft,
    acknowledgedWarnings: ['favourableRecommendationWithOpenMajor'],
  });
  return held;
}

describe('assembling the report from the audit', () => {
  it('takes the CB, client, plan, team, SoA version, checklist results and findings from the records', async () => {
    const held = await t.heldStage2();
    const view = await succeed(bed.app, 'auditReport', { auditId: held.auditId });
    expect(view.latest).toBeNull();
    const { data } = view;
    expect(data).toMatchObject({
      revision: 1,
      state: 'draft',
      certificationBodyName: cbName,
      client: {
        legalName: 'Lumen Analytics GmbH',
        scope: 'Credit-scoring models for retail lending.',
      },
      audit: {
        type: 'stage2',
        startDate: '2026-02-16',
        endDate: '2026-02-17',
        completedOn: '2026-02-17',
      },
      standard: 'ISO/IEC 42001:2023',
      soa: { versionNumber: 1, documentReference: 'LUMEN-SOA-01 v1', excludedCount: 1 },
      clientSiteCount: 2,
      time: { onsiteDays: 3, remoteDays: 0 },
    });
    expect(data.sites.map((s) => s.name)).toEqual(['Head office', 'Lab']);
    expect(data.team).toEqual([
      { personId: held.lead.id, name: 'Lena Lead', role: 'lead_auditor' },
      { personId: held.auditor.id, name: 'Abe Auditor', role: 'auditor' },
    ]);
    const planning = data.clauseSummary.find((g) => g.key === '6');
    expect(planning).toMatchObject({ title: 'Planning', nonconformity: 1, unanswered: 0 });
    expect(planning?.conforming).toBe((planning?.total ?? 0) - 1);
    expect(data.controls).toHaveLength(37);
    expect(data.controls.find((c) => c.key === 'A.2.2')).toMatchObject({
      result: 'opportunity',
      findingNumbers: ['OFI-01'],
    });
    expect(data.exclusions).toEqual([
      expect.objectContaining({ key: 'A.10.4', result: 'conforming' }),
    ]);
    expect(data.nonconformities).toEqual([
      expect.objectContaining({
        number: 'NC-01',
        grade: 'major',
        statement: majorStatement,
        objectiveEvidence: majorEvidence,
        siteName: 'Lab',
      }),
    ]);
    expect(data.opportunities).toEqual([
      expect.objectContaining({ number: 'OFI-01', statement: ofiStatement }),
    ]);
    expect(data.confidentiality).toContain(
      'confidential to Lumen Analytics GmbH and Nordic AI Certification AB',
    );
  });
});

describe('report lint', () => {
  it('lists an unanswered item with a link to it, and answering it clears the error', async () => {
    const held = await t.heldStage2({ leaveOpen: ['7.2'] });
    const lint = await succeed(bed.app, 'auditReportLint', { auditId: held.auditId });
    expect(lint).toContainEqual({
      severity: 'error',
      code: 'checklistItemUnanswered',
      message: 'Checklist item 7.2 “Competence” has no result.',
      ref: { kind: 'checklistItem', auditId: held.auditId, itemKey: '7.2' },
    });
    expect(lint.map((p) => p.code)).toEqual(
      expect.arrayContaining(['daysSpentMissing', 'conclusionMissing', 'recommendationMissing']),
    );
    await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: t.itemOf(held.checklist, '7.2').id,
      result: 'conforming',
    });
    const after = await succeed(bed.app, 'auditReportLint', { auditId: held.auditId });
    expect(after.map((p) => p.code)).not.toContain('checklistItemUnanswered');
  });

  it('flags days spent below the calculated time without a reason, and an unqualified member', async () => {
    const held = await t.heldStage2();
    t.setCalculatedDays(held.auditId, 4);
    const novice = await t.person('Nina Novice', ['auditor']);
    const { addToTeam } = await import('./checklist-fixtures');
    addToTeam(bed.app, held.auditId, novice.id, 'auditor');
    await t.signIn(held.lead);
    await succeed(bed.app, 'updateAuditReportDraft', { auditId: held.auditId, ...t.completeDraft });
    const lint = await succeed(bed.app, 'auditReportLint', { auditId: held.auditId });
    expect(lint).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'daysSpentBelowCalculated',
        ref: { kind: 'report', field: 'daysSpentReason' },
      }),
    );
    expect(lint).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'teamMemberUnqualified',
        ref: { kind: 'team', auditId: held.auditId, personId: novice.id },
      }),
    );
    await succeed(bed.app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      daysSpentReason: 'The lab interviews took less time than planned.',
    });
    const after = await succeed(bed.app, 'auditReportLint', { auditId: held.auditId });
    expect(after.map((p) => p.code)).not.toContain('daysSpentBelowCalculated');
  });
});

describe('the draft', () => {
  it('is written by the audit’s lead auditor only; the first save makes revision 1 with a change log', async () => {
    const held = await t.heldStage2();
    await t.signIn(held.auditor);
    const refused = await fail(bed.app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      effectivenessConclusion: 'x',
    });
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Abe Auditor is not the lead auditor'),
    });
    await t.signIn(held.lead);
    const saved = await succeed(bed.app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      effectivenessConclusion: 'Effective.',
    });
    expect(saved).toMatchObject({
      revision: 1,
      state: 'draft',
      effectivenessConclusion: 'Effective.',
      recommendation: null,
    });
    const again = await succeed(bed.app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      revision: 1,
      daysSpent: 2.5,
    });
    expect(again).toMatchObject({ effectivenessConclusion: 'Effective.', daysSpent: 2.5 });
    expect(
      await fail(bed.app, 'updateAuditReportDraft', { auditId: held.auditId, daysSpent: 2.3 }),
    ).toMatchObject({ code: 'VALIDATION', field: 'daysSpent' });
    const log = bed.app.runtime.database.sqlite
      .prepare(
        "SELECT field, new_value FROM change_log WHERE entity = 'auditReport' ORDER BY at, id",
      )
      .all() as { field: string; new_value: string }[];
    expect(log.map((l) => l.field)).toEqual(['created', 'effectivenessConclusion', 'daysSpent']);
  });
});

describe('issuing', () => {
  it('refuses while errors remain or warnings are not acknowledged', async () => {
    const held = await t.heldStage2();
    const blocked = await fail(bed.app, 'issueAuditReport', { auditId: held.auditId, revision: 1 });
    expect(blocked).toMatchObject({
      code: 'CONFLICT',
      message: 'Nothing to issue yet: write the report first.',
    });
    await succeed(bed.app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      effectivenessConclusion: 'Effective.',
    });
    const errors = await fail(bed.app, 'issueAuditReport', { auditId: held.auditId, revision: 1 });
    expect(errors.message).toMatch(/^The report cannot be issued while 2 errors remain: /);
    await succeed(bed.app, 'updateAuditReportDraft', { auditId: held.auditId, ...t.completeDraft });
    const warning = await fail(bed.app, 'issueAuditReport', { auditId: held.auditId, revision: 1 });
    expect(warning).toMatchObject({ code: 'CONFLICT', field: 'acknowledgedWarnings' });
    expect(warning.message).toContain('major nonconformity NC-01 is still open');
  });

  it('records the signer, the time and the SHA-256 of the PDF, which the file handed out matches', async () => {
    const held = await readyToIssue();
    const issued = await succeed(bed.app, 'issueAuditReport', {
      auditId: held.auditId,
      revision: 1,
    });
    expect(issued).toMatchObject({
      state: 'issued',
      issuedById: held.lead.id,
      issuedByName: 'Lena Lead',
    });
    expect(issued.issuedAt).toMatch(/^2026-03-02T09:\d\d:\d\d\.000Z$/);
    expect(issued.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await succeed(bed.app, 'auditReportFile', { auditId: held.auditId, format: 'pdf' });
    expect(sha256(bytesOf(pdf))).toBe(issued.pdfSha256);
    expect(pdf).toMatchObject({
      state: 'issued',
      revision: 1,
      sha256: issued.pdfSha256,
      mediaType: 'application/pdf',
    });
    expect(pdf.fileName).toMatch(/^audit-report-C-\d{4}-0001-stage2-2026-02-16-rev1\.pdf$/);

    const pages = await pdfText(pdf);
    // Lines wrap where the page ends: compare with the line breaks as spaces.
    const all = pages.join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('Lumen Analytics GmbH');
    expect(all).toContain(cbName);
    expect(all).toContain(majorStatement);
    expect(all).toContain(ofiStatement);
    expect(all).toContain('Issued by');
    expect(all).not.toContain('DRAFT');
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(pages[1]).toContain('Contents');
  });

  it('makes the issued revision immutable: no edits, no second issue, and what was issued stays as issued', async () => {
    const held = await readyToIssue();
    await succeed(bed.app, 'issueAuditReport', { auditId: held.auditId, revision: 1 });
    const edit = await fail(bed.app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      effectivenessConclusion: 'Changed.',
    });
    expect(edit).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Revision 1 of this report was issued on 2026-03-02'),
    });
    expect(
      await fail(bed.app, 'issueAuditReport', { auditId: held.auditId, revision: 1 }),
    ).toMatchObject({ code: 'CONFLICT' });
    // The finding is still open and its text changes afterwards: the issued report does not.
    await succeed(bed.app, 'updateFinding', {
      id: held.major.id,
      statement: 'A rewritten statement.',
    });
    const view = await succeed(bed.app, 'auditReport', { auditId: held.auditId });
    expect(view.data.nonconformities[0]?.statement).toBe(majorStatement);
    expect(view.problems).toEqual([]);
    expect(view.cannotEdit).toContain('Revision 1 is issued');
    const docx = await docxText(
      await succeed(bed.app, 'auditReportFile', { auditId: held.auditId, format: 'docx' }),
    );
    expect(docx.body).toContain(majorStatement);
    expect(docx.body).not.toContain('A rewritten statement.');
  });

  it('refuses to hand out an issued PDF whose stored copy was altered', async () => {
    const held = await readyToIssue();
    const issued = await succeed(bed.app, 'issueAuditReport', {
      auditId: held.auditId,
      revision: 1,
    });
    const file = storedPath(bed.app.runtime.context().evidenceDirectory, issued.pdfSha256 ?? '');
    fs.appendFileSync(file, 'tampered');
    const refused = await fail(bed.app, 'auditReportFile', {
      auditId: held.auditId,
      format: 'pdf',
    });
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('has changed since it was issued'),
    });
  });
});

describe('revisions', () => {
  it('makes revision 2 as a draft copy with a required change note, listed with revision 1', async () => {
    const held = await readyToIssue();
    const first = await succeed(bed.app, 'issueAuditReport', {
      auditId: held.auditId,
      revision: 1,
    });
    expect(
      await fail(bed.app, 'newAuditReportRevision', { auditId: held.auditId, changeNote: ' ' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'changeNote' });
    const second = await succeed(bed.app, 'newAuditReportRevision', {
      auditId: held.auditId,
      changeNote: 'NC-01 statement corrected.',
    });
    expect(second).toMatchObject({
      revision: 2,
      state: 'draft',
      changeNote: 'NC-01 statement corrected.',
      effectivenessConclusion: t.completeDraft.effectivenessConclusion,
      recommendation: 'grant',
      acknowledgedWarnings: [],
      pdfSha256: null,
    });
    expect(
      await fail(bed.app, 'newAuditReportRevision', {
        auditId: held.auditId,
        changeNote: 'Again.',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    const view = await succeed(bed.app, 'auditReport', { auditId: held.auditId });
    expect(view.revisions.map((r) => [r.revision, r.state, r.pdfSha256])).toEqual([
      [2, 'draft', null],
      [1, 'issued', first.pdfSha256],
    ]);
    expect(view.cannotEdit).toBeNull();
    // Revision 1 is still handed out exactly as issued; the draft of revision 2 is marked.
    const one = await succeed(bed.app, 'auditReportFile', {
      auditId: held.auditId,
      format: 'pdf',
      revision: 1,
    });
    expect(one.sha256).toBe(first.pdfSha256);
    const two = await succeed(bed.app, 'auditReportFile', { auditId: held.auditId, format: 'pdf' });
    const text = (await pdfText(two)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('DRAFT');
    expect(text).toContain('NC-01 statement corrected.');
    const log = bed.app.runtime.database.sqlite
      .prepare(
        "SELECT field FROM change_log WHERE entity = 'auditReport' AND entity_id = ? ORDER BY at, id",
      )
      .all(second.id) as { field: string }[];
    expect(log.map((l) => l.field)).toEqual(['created']);
  });
});

describe('the DOCX', () => {
  it('has the headings, tables, findings, the running header and page numbers in the footer', async () => {
    const held = await readyToIssue();
    const file = await succeed(bed.app, 'auditReportFile', {
      auditId: held.auditId,
      format: 'docx',
    });
    expect(file.fileName).toMatch(/-rev1-draft\.docx$/);
    expect(file.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const docx = await docxText(file);
    expect(docx.body).toContain('Lumen Analytics GmbH');
    expect(docx.body).toContain('6 Nonconformities');
    expect(docx.body).toContain(majorStatement);
    expect(docx.body).toContain(majorEvidence);
    expect(docx.body).toContain('Grant certification');
    expect(docx.header).toContain(`${cbName} · Audit report · Lumen Analytics GmbH`);
    expect(docx.footer).toContain('PAGE');
    expect(docx.footer).toContain('NUMPAGES');
  });
});
