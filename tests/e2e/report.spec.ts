import { createHash } from 'node:crypto';
import fs from 'node:fs';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import type { Download, Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { pdfPageTexts } from '../integration/pdf-text';
import { answerAll, invoke, setUpAuditWithTeam, type ChecklistSetup } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const cbName = 'Nordic AI Certification AB';
const statement = 'No AI system impact assessment exists for the 2 AI systems in scope.';
const conclusion =
  'The AI management system is implemented and effective, except for impact assessment (NC-01).';

/**
 * A Stage 2 held last week (its Stage 1 completed before it), led by the signed-in administrator:
 * every checklist item answered conforming except 7.2, left open, and 6.1.4, a graded major.
 */
async function heldStage2(harness: Harness): Promise<ChecklistSetup> {
  const { updateCertificationBody } = await import('../../electron/services/certification-body');
  updateCertificationBody(harness.runtime.context(), { name: cbName });
  const setup = await setUpAuditWithTeam(harness, {
    type: 'stage2',
    prepare: true,
    startsInDays: -6,
  });
  if (!setup.stage1AuditId) throw new Error('the fixture plans a Stage 1 for a Stage 2');
  const stage1 = await invoke(harness, 'getAudit', { id: setup.stage1AuditId });
  for (const to of ['confirmed', 'in_progress'] as const) {
    await invoke(harness, 'changeAuditState', { id: stage1.id, to });
    await invoke(harness, 'changeAuditState', { id: setup.auditId, to });
  }
  await invoke(harness, 'changeAuditState', {
    id: stage1.id,
    to: 'completed',
    completedOn: stage1.endDate,
  });
  const checklist = await answerAll(harness, setup.auditId, (item) =>
    item.itemKey === '7.2'
      ? null
      : { result: item.itemKey === '6.1.4' ? 'nonconformity' : 'conforming' },
  );
  const impact = checklist.items.find((i) => i.itemKey === '6.1.4');
  await invoke(harness, 'raiseFinding', {
    auditId: setup.auditId,
    checklistItemId: impact?.id ?? null,
    requirementRef: 'ISO/IEC 42001:2023 6.1.4',
    grade: 'major',
    gradeRationale: 'A required AIMS process is absent for in-scope AI systems.',
    statement,
    objectiveEvidence: 'Impact assessment register IA-REG is empty; interview with the CTO.',
  });
  const audit = await invoke(harness, 'getAudit', { id: setup.auditId });
  await invoke(harness, 'changeAuditState', {
    id: setup.auditId,
    to: 'completed',
    completedOn: audit.endDate,
  });
  return setup;
}

async function saved(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

async function expectAllSaved(page: Page) {
  await expect(page.getByTestId('report-save-status')).toHaveText(
    /^All changes saved( \d\d:\d\d:\d\d)?$/,
  );
}

test('the lint shows a missing item, fixing it clears it, and the signed report downloads as PDF and DOCX', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await heldStage2(harness);

  // From the audit page to its report.
  await page.goto(`${harness.url}#/audits/${setup.auditId}`);
  await expect(page.getByTestId('report-summary')).toContainText('Not started');
  await page.getByRole('link', { name: 'Open report' }).click();
  await expect(
    page.getByRole('heading', { name: `Audit report: ${setup.clientName}` }),
  ).toBeVisible();
  const errors = page.getByTestId('report-errors');
  await expect(errors).toContainText('Checklist item 7.2 “Competence” has no result.');
  await expect(
    page.getByLabel("Conclusion on the management system's effectiveness"),
  ).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Issue (sign)' })).toBeDisabled();
  await expectAccessible(page);

  // The link goes to the item on the checklist, where it is answered.
  await errors.getByRole('link', { name: 'Open item 7.2' }).click();
  await expect(page.getByTestId('item-key')).toHaveText('7.2');
  await page.getByRole('button', { name: 'Conforming', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Conforming', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('save-status')).toHaveText(/^All changes saved/);
  await page.goto(`${harness.url}#/audits/${setup.auditId}/report`);
  await expect(page.getByTestId('report-lint')).toBeVisible();
  await expect(page.getByTestId('report-lint')).not.toContainText('Checklist item 7.2');

  // The lead auditor's parts, saved as typed; the open major needs an acknowledgement.
  await page.getByLabel("Conclusion on the management system's effectiveness").fill(conclusion);
  await page.getByRole('textbox', { name: 'Recommendation of the audit team' }).click();
  await page.getByRole('option', { name: 'Grant certification' }).click();
  await page.getByLabel('Audit days spent').fill('2');
  await page
    .getByLabel('Notes on the recommendation')
    .fill('Subject to an accepted corrective action plan for NC-01.');
  await expectAllSaved(page);
  const warnings = page.getByTestId('report-warnings');
  await expect(warnings).toContainText('major nonconformity NC-01 is still open');
  await expect(page.getByTestId('issue-blocked')).toContainText('Acknowledge each warning');
  await warnings.getByLabel('I have checked this and accept it in the report').check();
  await expectAllSaved(page);
  await expect(page.getByTestId('report-errors')).toHaveCount(0);
  await expectAccessible(page);

  // Sign and issue.
  await page.getByRole('button', { name: 'Issue (sign)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign and issue revision 1' });
  await dialog.getByRole('button', { name: 'Sign and issue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('report-state')).toHaveText('Issued');
  await expect(
    page.getByLabel("Conclusion on the management system's effectiveness"),
  ).toBeDisabled();
  const recorded = (await page.getByTestId('revision-1-sha256').textContent()) ?? '';
  expect(recorded).toMatch(/^[0-9a-f]{64}$/);

  // The PDF is the signed file (same SHA-256) and says what the report says.
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = await saved(await pdfDownload);
  expect(createHash('sha256').update(pdf).digest('hex')).toBe(recorded);
  const pages = pdfPageTexts(await PDFDocument.load(pdf));
  const pdfText = pages.join('\n').replace(/\s+/g, ' ');
  expect(pdfText).toContain(setup.clientName);
  expect(pdfText).toContain(cbName);
  expect(pdfText).toContain(statement);
  expect(pdfText).toContain(conclusion);
  expect(pdfText).toContain('Grant certification');
  expect(pages[0]).toContain(`Page 1 of ${pages.length}`);

  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download DOCX' }).click();
  const docx = await JSZip.loadAsync(await saved(await docxDownload));
  const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
  const docxText = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(docxText).toContain(setup.clientName);
  expect(docxText).toContain(statement);
  expect(docxText).toContain(conclusion);

  // A correction makes revision 2, with a change note; revision 1 stays as issued.
  await page.getByRole('button', { name: 'New revision' }).click();
  const revise = page.getByRole('dialog', { name: 'Start revision 2' });
  await revise.getByRole('button', { name: 'Start revision 2' }).click();
  await expect(revise.getByText('Say what changes in the new revision and why.')).toBeVisible();
  await revise.getByLabel('Change note').fill('Days spent corrected.');
  await revise.getByRole('button', { name: 'Start revision 2' }).click();
  await expect(revise).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Revision 2/ })).toBeVisible();
  await expect(page.getByTestId('report-state')).toHaveText('Draft');
  await expect(page.getByTestId('report-revisions')).toContainText('Days spent corrected.');
  await expect(page.getByTestId('revision-1-sha256')).toHaveText(recorded);
  await expectAccessible(page);

  // Back on the audit page the report shows its latest revision.
  await page.goto(`${harness.url}#/audits/${setup.auditId}`);
  await expect(page.getByTestId('report-summary')).toContainText('Revision 2');
});
