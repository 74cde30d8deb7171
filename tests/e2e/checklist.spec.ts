import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { concludeStage1, invoke, setUpAuditWithTeam } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const concernNote =
  'AI risk acceptance criteria are drafted but not yet approved by top management.';

async function openWorkScreen(page: Page, url: string, auditId: string) {
  await page.goto(`${url}#/audits/${auditId}/checklist`);
  await expect(page.getByTestId('item-detail')).toBeVisible();
}

/** Waits until every change is acknowledged by the database (or nothing was left to save). */
async function expectAllSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText(/^All changes saved( \d\d:\d\d:\d\d)?$/);
}

test('prepares a Stage 2 checklist once Stage 1 is concluded, and answers items by keyboard', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', concludedStage1: false });

  await page.goto(`${harness.url}#/audits/${setup.auditId}`);
  const section = page.getByRole('region', { name: 'Checklist' });
  await expect(section).toContainText('No checklist has been prepared for this audit yet.');
  await expect(section.getByTestId('checklist-soa')).toContainText(
    "the client's newest, version 1 (NORD-SOA-01 v1), will be used",
  );
  await expectAccessible(page);

  // Refused while the Stage 1 has no readiness conclusion, saying what to do.
  await section.getByRole('button', { name: 'Prepare checklist' }).click();
  await expect(section.getByRole('alert')).toContainText(
    'The Stage 2 checklist cannot be prepared yet: the Stage 1 audit',
  );
  await expectAccessible(page);

  if (!setup.stage1AuditId) throw new Error('the fixture plans a Stage 1 for a Stage 2');
  await concludeStage1(harness, setup.stage1AuditId, { 'S1.RISK': concernNote });
  await section.getByRole('button', { name: 'Prepare checklist' }).click();
  await expect(section.getByTestId('checklist-progress')).toHaveText(/^0 of \d+ items answered$/);
  const total = Number(
    /of (\d+) items/.exec(
      (await section.getByTestId('checklist-progress').textContent()) ?? '',
    )?.[1],
  );
  expect(total).toBeGreaterThan(60);
  await section.getByRole('link', { name: 'Open checklist' }).click();

  // The work screen opens on the first unanswered item: the concern carried from Stage 1.
  await expect(
    page.getByRole('heading', { name: 'Checklist: Stage 2, Nordlys Analytics AS' }),
  ).toBeVisible();
  await expect(page.getByTestId('checklist-sources')).toContainText('SoA version 1');
  // Its internal key (CONCERN.S1.RISK) cites no requirement, so none is shown: the title says it.
  await expect(page.getByTestId('item-title')).toHaveText(
    'Stage 1 concern: AI risk assessment and treatment: method and results',
  );
  await expect(page.getByTestId('item-key')).toHaveCount(0);
  await expect(page.getByTestId('item-row-CONCERN.S1.RISK')).not.toContainText('CONCERN');
  await expect(page.getByTestId('item-row-4.1')).toContainText('4.1');
  await expect(page.getByText(concernNote).first()).toBeVisible();
  await expect(page.getByTestId('overall-progress')).toHaveText(`0 of ${total} answered`);
  await expectAccessible(page);

  // 1 = conforming; j = next; 3 = opportunity; n + typing = notes; Alt+↓ moves on while typing.
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: 'Conforming', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('overall-progress')).toHaveText(`1 of ${total} answered`);
  await page.keyboard.press('j');
  await expect(page.getByTestId('item-key')).toHaveText('4.1');
  await page.keyboard.press('1');
  await page.keyboard.press('j');
  await expect(page.getByTestId('item-key')).toHaveText('4.2');
  await page.keyboard.press('3');
  await expect(
    page.getByRole('button', { name: 'Opportunity for improvement', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  // An opportunity offers the finding form as a nonconformity does: prefilled, graded OFI for the
  // lead auditor. Closed without raising, the work goes on by keyboard.
  const ofiForm = page.getByRole('dialog', { name: 'Raise an opportunity for improvement' });
  await expect(ofiForm.getByRole('textbox', { name: 'Requirement' })).toHaveValue(/4\.2/);
  await expect(ofiForm.getByLabel('Grade')).toHaveValue('ofi');
  await expectAccessible(page);
  await ofiForm.getByRole('button', { name: 'Close (keep what I typed)' }).click();
  await expect(ofiForm).toBeHidden();
  await page.keyboard.press('n');
  const notes = page.getByLabel('Your notes');
  await expect(notes).toBeFocused();
  await page.keyboard.type('Interviewed the head of data science about interested parties.');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('item-key')).toHaveText('4.3');
  await expect(notes).toBeFocused();
  await expect(notes).toHaveValue('');
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('overall-progress')).toHaveText(`4 of ${total} answered`);
  await expect(page.getByTestId('group-progress-4')).toHaveText('3/4');
  await expectAllSaved(page);

  // Typing j or a digit in the notes types it; it does not move or answer.
  await page.keyboard.type(' j1');
  await expect(page.getByTestId('item-key')).toHaveText('4.3');
  await expect(notes).toHaveValue(' j1');
  await page.getByTestId('item-title').click();
  await page.keyboard.press('k');
  await expect(page.getByTestId('item-key')).toHaveText('4.2');
  await expect(notes).toHaveValue('Interviewed the head of data science about interested parties.');
  await expect(page.getByTestId('item-row-4.2')).toContainText('Opportunity for improvement');

  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Next item (also while typing notes)');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expectAllSaved(page);

  // The group tree jumps to a group; the audit page shows the progress too.
  await page.getByRole('button', { name: /^6 Planning/ }).click();
  await expect(page.getByTestId('item-key')).toHaveText('6.1.1');
  await page.getByRole('link', { name: 'Stage 2 audit page' }).click();
  await expect(section.getByTestId('checklist-progress')).toHaveText(
    `4 of ${total} items answered`,
  );
  await expect(section.getByTestId('checklist-counts')).toContainText(
    '0 nonconformities, 1 opportunity',
  );
  const saved = await invoke(harness, 'getChecklist', { auditId: setup.auditId });
  const item42 = saved?.items.find((i) => i.itemKey === '4.2');
  expect(item42?.answers[0]?.result).toBe('opportunity');
  expect(item42?.answers[0]?.notes).toBe(
    'Interviewed the head of data science about interested parties.',
  );
});

test('notes typed just before a reload, or while saves fail, are there afterwards and saved', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });
  await openWorkScreen(page, harness.url, setup.auditId);
  await page.getByTestId('item-row-4.1').click();
  await expect(page.getByTestId('item-key')).toHaveText('4.1');

  // Typed, then reloaded at once: the debounce never fired.
  const text = 'External issues: regulator guidance on grid forecasting, reviewed 2026-02.';
  await page.keyboard.press('n');
  await page.keyboard.type(text, { delay: 0 });
  await page.reload();
  await page.getByTestId('item-row-4.1').click();
  await expect(page.getByLabel('Your notes')).toHaveValue(text);
  await expectAllSaved(page);
  await expect
    .poll(async () => {
      const c = await invoke(harness, 'getChecklist', { auditId: setup.auditId });
      return c?.items.find((i) => i.itemKey === '4.1')?.answers[0]?.notes;
    })
    .toBe(text);

  // Bad input: notes over the limit are refused at the field, and kept.
  const notes = page.getByLabel('Your notes');
  await notes.fill('x'.repeat(20001));
  await expect(page.getByTestId('item-detail')).toContainText(
    'Notes are limited to 20,000 characters.',
  );
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('save-status')).toContainText('Not saved:');
  await expect(notes).toHaveValue('x'.repeat(20001));
  await expectAccessible(page);
  await notes.fill(text);
  await expectAllSaved(page);
  await expect(notes).not.toHaveAttribute('aria-invalid', 'true');

  // The service does not answer: nothing is dropped, it says so, and saves once it is back.
  await page.route('**/api/saveChecklistAnswer', (route) => route.abort());
  await notes.fill(`${text} Second visit.`);
  await expect(page.getByTestId('save-status')).toHaveText('Not saved — will retry');
  await page.reload();
  await page.getByTestId('item-row-4.1').click();
  await expect(page.getByLabel('Your notes')).toHaveValue(`${text} Second visit.`);
  await page.unroute('**/api/saveChecklistAnswer');
  await expect
    .poll(
      async () => {
        const c = await invoke(harness, 'getChecklist', { auditId: setup.auditId });
        return c?.items.find((i) => i.itemKey === '4.1')?.answers[0]?.notes;
      },
      { timeout: 15_000 },
    )
    .toBe(`${text} Second visit.`);
  await expectAllSaved(page);
  await expectAccessible(page);
});

test('a nonconformity opens the finding form prefilled from the item; the finding shows on it', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });
  await openWorkScreen(page, harness.url, setup.auditId);
  await page.getByLabel('Search').fill('risk assessment');
  await page.getByTestId('item-row-6.1.2').click();
  await expect(page.getByTestId('item-key')).toHaveText('6.1.2');

  // Objective evidence: refused without a description, at the field.
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByLabel('Kind of evidence').selectOption('document');
  await page.getByLabel('Document version').fill('v2.1');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(
    page.getByText('Describe the evidence: what was reviewed, heard, seen or sampled.'),
  ).toBeVisible();
  await expect(page.getByLabel('Document version')).toHaveValue('v2.1');
  await page.getByLabel('Description').fill('AI risk assessment procedure RSK-02');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByTestId('evidence-entry')).toContainText(
    'AI risk assessment procedure RSK-02',
  );
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Nonconformity', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Raise a finding' });
  await expect(dialog.getByRole('textbox', { name: 'Requirement' })).toHaveValue(/6\.1\.2/);
  await expect(dialog.getByLabel('Objective evidence')).toHaveValue(
    'Document reviewed: AI risk assessment procedure RSK-02 (document version: v2.1)',
  );
  await expect(dialog.getByLabel('Statement')).toHaveValue('');
  const evidence = dialog.getByLabel('Objective evidence');
  await evidence.press('Control+End');
  await evidence.pressSequentially('\nRisk register RR-2026 lists 3 of 9 AI systems.');
  await dialog.getByRole('button', { name: 'Raise finding' }).click();
  await expect(
    dialog.getByText('State what is not fulfilled, in one or two sentences.'),
  ).toBeVisible();
  await expect(dialog.getByLabel('Statement')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Objective evidence')).toHaveValue(
    /RSK-02 \(document version: v2\.1\)\nRisk register RR-2026 lists 3 of 9 AI systems\.$/,
  );
  await expectAccessible(page);

  // Closed and opened again with f: what was typed is still there.
  await dialog.getByRole('button', { name: 'Close (keep what I typed)' }).click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('item-title').click();
  await page.keyboard.press('f');
  await expect(dialog.getByLabel('Objective evidence')).toHaveValue(/RR-2026 lists 3 of 9/);
  await dialog
    .getByLabel('Statement')
    .fill('The AI risk assessment has not been applied to all AI systems in scope.');
  await dialog.getByLabel('Site').selectOption({ label: 'Oslo HQ' });
  await dialog.getByLabel('Grade').selectOption('minor');
  await dialog.getByRole('button', { name: 'Raise finding' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Finding raised against .*6\.1\.2\./)).toBeVisible();
  const raised = page.getByTestId('item-finding');
  await expect(raised).toContainText('Minor nonconformity');
  await expect(raised).toContainText(
    'The AI risk assessment has not been applied to all AI systems in scope.',
  );
  await expect(page.getByTestId('item-row-6.1.2')).toContainText('1 finding');
  await expect(page.getByTestId('item-row-6.1.2')).toContainText('Nonconformity');
  await expectAccessible(page);

  const findings = await invoke(harness, 'listAuditFindings', { auditId: setup.auditId });
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    itemKey: '6.1.2',
    grade: 'minor',
    siteId: setup.siteIds[0],
    statement: 'The AI risk assessment has not been applied to all AI systems in scope.',
  });
});

test('a file attached to an item is listed, verified when opened, and a tampered copy is refused', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });
  // A link to one item opens the screen on it.
  await page.goto(`${harness.url}#/audits/${setup.auditId}/checklist?item=7.5.3`);
  await expect(page.getByTestId('item-key')).toHaveText('7.5.3');

  const bytes = Buffer.from('Document register DR-7, sampled 2026-03-04: 12 of 12 controlled.\n');
  await page.getByLabel('Choose files to attach').setInputFiles({
    name: 'document-register-sample.txt',
    mimeType: 'text/plain',
    buffer: bytes,
  });
  const row = page.getByTestId('evidence-file').filter({ hasText: 'document-register-sample.txt' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Ana Admin');
  await expect(page.getByTestId('item-row-7.5.3')).toContainText('1 attachment');
  await expectAccessible(page);

  await row.getByRole('button', { name: 'Open document-register-sample.txt' }).click();
  const opened = page.getByRole('dialog', { name: 'document-register-sample.txt' });
  await expect(opened.getByTestId('evidence-check-ok')).toBeVisible();
  await expectAccessible(page);
  await opened.getByRole('button', { name: 'Close' }).last().click();
  await expect(opened).toBeHidden();

  // Kept after a reload, counted on the item by the checklist itself.
  await page.reload();
  await page.getByLabel('Search').fill('documented information');
  await expect(page.getByTestId('item-row-7.5.3')).toContainText('1 attachment');
  await page.getByTestId('item-row-7.5.3').click();

  // The stored copy changed behind Audit Desk's back: opening it says so and shows nothing.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = path.join(harness.runtime.context().evidenceDirectory, sha256.slice(0, 2), sha256);
  expect(fs.existsSync(stored)).toBe(true);
  fs.writeFileSync(stored, 'Document register DR-7: 3 of 12 controlled.\n');
  await page
    .getByTestId('evidence-file')
    .getByRole('button', { name: 'Open document-register-sample.txt' })
    .click();
  await expect(opened.getByTestId('evidence-check-failed')).toContainText(/altered|changed/i);
  await expectAccessible(page);
});

test('a colleague’s notes keep another auditor’s result, the next item opens at its top, and a Stage 1 raises no findings', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });
  const { getPerson } = await import('../../electron/services/people');
  const { saveChecklistAnswer } = await import('../../electron/services/checklist-answers');
  const checklist = setup.checklist;
  if (!checklist) throw new Error('the fixture prepares the checklist');
  const item72 = checklist.items.find((i) => i.itemKey === '7.2');
  if (!item72) throw new Error('7.2 is in a Stage 2 checklist');
  // Lena (on the team as auditor) marks 7.2 a nonconformity on her laptop.
  const ctx = harness.runtime.context();
  const lena = {
    ...ctx,
    actor: { kind: 'person' as const, person: getPerson(ctx.db, setup.colleagueId) },
  };
  saveChecklistAnswer(lena, { checklistItemId: item72.id, result: 'nonconformity' });

  await openWorkScreen(page, harness.url, setup.auditId);
  await page.getByTestId('item-row-7.2').click();
  await expect(page.getByTestId('item-key')).toHaveText('7.2');
  await expect(page.getByTestId('answered-by')).toContainText('Current result by Lena Lead');
  await expect(page.getByTestId('item-row-7.2')).toContainText('Nonconformity');
  const answeredBefore = await page.getByTestId('overall-progress').textContent();

  // Notes alone, written after Lena's result, neither hide nor undo it: here or after a reload.
  await page
    .getByLabel('Your notes')
    .fill('Asked for the competence matrix of the data scientists.');
  await expectAllSaved(page);
  await expect(page.getByTestId('item-row-7.2')).toContainText('Nonconformity');
  await expect(page.getByTestId('overall-progress')).toHaveText(answeredBefore ?? '');
  await page.reload();
  await page.getByTestId('item-row-7.2').click();
  await expect(page.getByTestId('answered-by')).toContainText('Current result by Lena Lead');
  await page.getByLabel('Show', { exact: true }).selectOption('Nonconformities');
  await expect(page.getByTestId('item-row-7.2')).toBeVisible();
  await page.getByLabel('Show', { exact: true }).selectOption('All items');

  // Scrolled down to the findings of an item, the next item starts at its title and question.
  const detail = page.getByRole('region', { name: 'Selected item' });
  await detail.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => detail.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.getByTestId('item-title').click();
  await page.keyboard.press('j');
  await expect(page.getByTestId('item-key')).toHaveText('7.3');
  await expect.poll(() => detail.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(page.getByRole('heading', { name: 'Awareness' })).toBeInViewport();

  // A Stage 1 marks concerns: no "Raise finding" there, and f does nothing.
  if (!setup.stage1AuditId) throw new Error('the fixture plans a Stage 1 for a Stage 2');
  await page.goto(`${harness.url}#/audits/${setup.stage1AuditId}/checklist`);
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await expect(page.getByTestId('readiness-no-findings')).toContainText(
    'A Stage 1 raises no findings',
  );
  await expect(page.getByRole('button', { name: 'Raise finding' })).toHaveCount(0);
  // A readiness topic shows no internal key (S1.SCOPE), only its title.
  await expect(page.getByTestId('item-key')).toHaveCount(0);
  await expect(page.getByTestId('item-row-S1.SCOPE')).not.toContainText('S1.');
  await page.getByTestId('item-title').click();
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectAccessible(page);
});
