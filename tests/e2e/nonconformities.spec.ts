import type { Locator, Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import fs from 'node:fs';
import type { Harness } from '../harness/server';
import { invoke, setUpAuditWithTeam, type ChecklistSetup } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const day = (date: Date) => format(date, 'yyyy-MM-dd');
const today = () => day(new Date());

const statement = 'No AI system impact assessment exists for the 2 AI systems in scope.';
const evidence = 'Impact assessment register IA-REG is empty; interview with the CTO.';
const rationale =
  'Without impact assessments the organisation cannot show it controls the consequences of its AI systems for individuals.';

/**
 * A Stage 2 that ran last week (its Stage 1 completed before it), with the signed-in administrator
 * as its lead auditor, and its checklist prepared.
 */
async function stage2HeldLastWeek(harness: Harness): Promise<ChecklistSetup> {
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
  return setup;
}

async function completeAudit(harness: Harness, auditId: string) {
  const audit = await invoke(harness, 'getAudit', { id: auditId });
  await invoke(harness, 'changeAuditState', {
    id: auditId,
    to: 'completed',
    completedOn: audit.endDate,
  });
}

/** Opens an action's form from the "Next steps" card. */
async function openAction(page: Page, label: string): Promise<Locator> {
  await page.getByTestId('finding-actions').getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function expectState(page: Page, state: string) {
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText(state);
}

test('a major from a checklist item goes from raised to verified closure, and the decision gate opens', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await stage2HeldLastWeek(harness);

  // Raised on the checklist work screen (issue 6's form), left ungraded for the lead auditor.
  await page.goto(`${harness.url}#/audits/${setup.auditId}/checklist`);
  await page.getByTestId('item-row-6.1.4').click();
  await expect(page.getByTestId('item-key')).toHaveText('6.1.4');
  await page.getByRole('button', { name: 'Nonconformity', exact: true }).click();
  const raise = page.getByRole('dialog', { name: 'Raise a finding' });
  await raise.getByLabel('Statement').fill(statement);
  await raise.getByLabel('Objective evidence').fill(evidence);
  await raise.getByRole('button', { name: 'Raise finding' }).click();
  await expect(raise).toBeHidden();
  await expect(page.getByTestId('item-finding')).toContainText(statement);
  await completeAudit(harness, setup.auditId);

  // The audit page lists it; its link opens the finding page.
  await page.goto(`${harness.url}#/audits/${setup.auditId}`);
  const auditFindings = page.getByTestId('audit-findings');
  await expect(auditFindings.getByRole('table', { name: 'Findings of this audit' })).toContainText(
    'Not graded yet',
  );
  await expect(auditFindings.getByTestId('decision-clear')).toBeVisible();
  await expectAccessible(page);
  await auditFindings.getByRole('link', { name: /6\.1\.4/ }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Finding against');
  await expectState(page, 'Open');
  await expect(page.getByTestId('major-suggestion')).toContainText(
    'Audit Desk suggests major because',
  );
  await expect(page.getByTestId('major-suggestion')).toContainText(
    'the AI system impact assessment is absent',
  );
  await expectAccessible(page);

  // Graded major without a rationale: refused, the message at the rationale.
  const grading = page.getByTestId('grading-panel');
  await grading.getByRole('textbox', { name: 'Grade' }).click();
  await page.getByRole('option', { name: 'Major nonconformity' }).click();
  await grading.getByRole('button', { name: 'Grade the finding' }).click();
  const rationaleField = grading.getByRole('textbox', { name: 'Rationale' });
  await expect(rationaleField).toHaveAttribute('aria-invalid', 'true');
  await expect(grading).toContainText(
    'A major nonconformity needs a rationale: why is the capability affected?',
  );
  await expectAccessible(page);
  await rationaleField.fill(rationale);
  await grading.getByRole('button', { name: 'Grade the finding' }).click();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText(
    'Major nonconformity',
  );
  const auditEnd = (await invoke(harness, 'getAudit', { id: setup.auditId })).endDate;
  const responseDue = day(addDays(new Date(`${auditEnd}T12:00:00`), 30));
  await expect(page.getByTestId('finding-deadlines')).toContainText(responseDue);

  // The statement is edited in place and autosaved; a reload shows the saved text.
  const statementField = page.getByRole('textbox', { name: 'Statement' });
  await statementField.fill(`${statement} Both systems went live in 2025.`);
  await expect(page.getByTestId('finding-save-status')).toHaveText(/^All changes saved/);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Statement' })).toHaveValue(
    `${statement} Both systems went live in 2025.`,
  );
  const findingUrl = page.url();

  // The client's next decision (grant) is blocked by the unverified major (G1), with a link to it.
  await page.goto(`${harness.url}#/clients/${setup.clientId}?tab=findings`);
  const blocked = page.getByTestId('decision-blocked');
  await expect(blocked).toContainText('G1');
  await expect(blocked.getByRole('link', { name: /Major against .*6\.1\.4/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Open findings' })).toContainText('6.1.4');
  await expectAccessible(page);

  // The register shows it among the open findings.
  await page.getByRole('link', { name: 'Findings', exact: true }).click();
  await expect(page.getByTestId('finding-total')).toHaveText(/^1 finding not finished/);
  const row = page.getByTestId('finding-rows').getByRole('row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Nordlys Analytics AS');
  await expect(row).toContainText(responseDue);
  await expectAccessible(page);
  await row.click();
  await expect(page).toHaveURL(findingUrl);

  // The client's acknowledgement at the closing meeting.
  await page.getByLabel('Acknowledged by (client’s representative)').fill('Siri Dahl');
  await page.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(page.getByTestId('acknowledgement')).toContainText('Acknowledged by Siri Dahl');

  // The response arrives; recorded without a root cause it is refused at that field, text kept.
  let form = await openAction(page, 'Record the client’s response');
  await form.getByLabel('Correction').fill('Impact assessments started for both AI systems.');
  await form
    .getByLabel('Corrective action')
    .fill('Impact assessment made a gate of the AI system release procedure.');
  await form.getByRole('button', { name: 'Record the client’s response' }).click();
  await expect(form.getByLabel('Root cause')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Enter the root cause.');
  await expect(form.getByLabel('Correction')).toHaveValue(
    'Impact assessments started for both AI systems.',
  );
  await expectAccessible(page);
  await form.getByLabel('Root cause').fill('The process was not followed.');
  await form.getByRole('button', { name: 'Record the client’s response' }).click();
  await expect(form).toBeHidden();
  await expectState(page, 'Response submitted');

  // Rejected with a reason: back to open, the response due date unchanged.
  form = await openAction(page, 'Reject the response');
  await form.getByRole('button', { name: 'Reject the response' }).click();
  await expect(form.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Reason').fill('The root cause only restates the finding.');
  await form.getByRole('button', { name: 'Reject the response' }).click();
  await expect(form).toBeHidden();
  await expectState(page, 'Open');
  await expect(page.getByTestId('finding-deadlines')).toContainText(responseDue);

  // Resubmitted (the form starts from the rejected response), then accepted by the lead auditor.
  form = await openAction(page, 'Record the client’s response');
  await expect(form.getByLabel('Correction')).toHaveValue(
    'Impact assessments started for both AI systems.',
  );
  await form
    .getByLabel('Root cause')
    .fill('No owner was named for impact assessments when AI systems went live.');
  await form.getByRole('button', { name: 'Record the client’s response' }).click();
  await expect(form).toBeHidden();
  await expectState(page, 'Response submitted');
  form = await openAction(page, 'Accept the response');
  await form.getByRole('button', { name: 'Accept the response' }).click();
  await expect(form).toBeHidden();
  await expectState(page, 'Response accepted');

  // Verified effective by document review, then closed.
  form = await openAction(page, 'Verify effectiveness');
  await form.getByRole('textbox', { name: 'Verification method' }).click();
  await page.getByRole('option', { name: 'Document review' }).click();
  await form.getByLabel('Yes, effective').check();
  await form.getByLabel('Evidence').fill('Impact assessments IA-01 and IA-02, approved.');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Verify effectiveness' }).click();
  await expect(form).toBeHidden();
  await expectState(page, 'Verified');
  form = await openAction(page, 'Close');
  await form.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(form).toBeHidden();
  await expectState(page, 'Closed');

  // Every step is on the timeline; nothing more is possible, and the text is fixed.
  const timeline = page.getByTestId('finding-timeline');
  for (const title of [
    'Raised',
    'Graded',
    'Client acknowledgement recorded',
    'Response rejected',
    'Response accepted',
    'Effectiveness verified',
    'Closed',
  ]) {
    await expect(timeline).toContainText(title);
  }
  await expect(timeline).toContainText('The root cause only restates the finding.');
  await expect(timeline).toContainText('Response accepted → Verified');
  // Said once, not twice ("it is finished. The finding is closed: …").
  await expect(page.getByTestId('finding-actions')).toHaveText(
    /^Next steps\s*The finding is closed: nothing more happens to it\.$/,
  );
  await expect(page.getByRole('textbox', { name: 'Statement' })).toHaveCount(0);
  await expectAccessible(page);

  // The register no longer counts it as open; with every state it is there, closed.
  await page.getByRole('link', { name: 'Findings', exact: true }).click();
  await expect(page.getByText('No open findings')).toBeVisible();
  await page.getByRole('textbox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'All, including finished' }).click();
  await expect(page.getByTestId('finding-total')).toHaveText(/^1 finding, most urgent first/);
  await expect(page.getByTestId('finding-rows').getByRole('row')).toContainText('Closed');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = fs.readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv).toContain('Nordlys Analytics AS');
  expect(csv).toContain('6.1.4');

  // The client's next decision is no longer blocked by a finding.
  await page.goto(`${harness.url}#/clients/${setup.clientId}?tab=findings`);
  await expect(page.getByTestId('decision-clear')).toContainText(
    'No finding blocks the next decision',
  );
  await expect(page.getByTestId('decision-blocked')).toHaveCount(0);
  await expect(page.getByText('No open findings.')).toBeVisible();
  await expectAccessible(page);

  const stored = await invoke(harness, 'listFindings', { state: 'all', today: today() });
  expect(stored.rows.map((r) => r.state)).toEqual(['closed']);
});

test('the register fetches 200 findings at a time as it scrolls, and filters as you type', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'surveillance', startsInDays: -3 });
  const { raiseFinding } = await import('../../electron/services/findings');
  const ctx = harness.runtime.context();
  const count = 450;
  for (let n = 1; n <= count; n++) {
    const major = n % 10 === 0;
    raiseFinding(ctx, {
      auditId: setup.auditId,
      requirementRef: `ISO/IEC 42001:2023 ${major ? '9.2' : '7.5.3'}`,
      grade: major ? 'major' : 'minor',
      gradeRationale: major ? 'No internal audit of the AI management system was performed.' : '',
      statement: `Register row ${String(n).padStart(3, '0')}: documented information is not controlled.`,
      objectiveEvidence: 'Document register DR-1 reviewed.',
    });
  }

  await page.goto(`${harness.url}#/findings`);
  await expect(page.getByTestId('finding-total')).toHaveText(
    `${count} findings not finished, most urgent first`,
  );
  const rows = page.getByTestId('finding-rows');
  // Virtualised: a screenful of rows is drawn, not 450.
  expect(await rows.getByRole('row').count()).toBeLessThan(60);
  await expectAccessible(page);

  // Scrolling to the end fetches the next pages until the last finding is there.
  const lastRow = rows.locator(`[aria-rowindex="${count + 1}"]`);
  await expect(async () => {
    await rows.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(lastRow).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });

  // Typing in the search narrows the list (debounced); the grade filter narrows it further.
  await page.getByRole('textbox', { name: 'Search' }).fill('row 12');
  await expect(page.getByTestId('finding-total')).toHaveText(/^10 findings/);
  await page.getByRole('textbox', { name: 'Grade' }).click();
  await page.getByRole('option', { name: 'Major nonconformity' }).click();
  await expect(page.getByTestId('finding-total')).toHaveText(/^1 finding not finished/);
  await expect(rows.getByRole('row')).toHaveCount(1);
  await expect(rows.getByRole('row')).toContainText('Register row 120');
  await expect(rows.getByRole('row')).toContainText('Major');
  await expect(rows.getByRole('row')).toContainText('response due');
  await page.getByRole('textbox', { name: 'Search' }).fill('no such finding anywhere');
  await expect(page.getByText('No finding matches')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('finding-total')).toHaveText(/^450 findings/);
});

test('a minor found ineffective is escalated, and the minor and its major link to each other', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'surveillance', startsInDays: -3 });
  const minor = await invoke(harness, 'raiseFinding', {
    auditId: setup.auditId,
    requirementRef: 'ISO/IEC 42001:2023 6.2',
    grade: 'minor',
    statement: 'The AI objectives have no measures.',
    objectiveEvidence: 'AI objectives OBJ-2026 reviewed with the AI governance lead.',
  });
  for (const event of ['submitResponse', 'accept'] as const) {
    await invoke(harness, 'findingTransition', {
      id: minor.id,
      event,
      onDate: today(),
      correction: 'Measures drafted.',
      rootCause: 'No template asked for measures.',
      correctiveAction: 'Objective template gains a measures section.',
    });
  }

  await page.goto(`${harness.url}#/findings/${minor.id}`);
  await expectState(page, 'Response accepted');
  const form = await openAction(page, 'Verify effectiveness');
  await expect(form).toContainText('A minor found ineffective is escalated');
  await form.getByRole('textbox', { name: 'Verification method' }).click();
  await page.getByRole('option', { name: 'At the next audit' }).click();
  await form.getByLabel('No, not effective').check();
  await form.getByLabel('Evidence').fill('Objectives still have no measures at this audit.');
  await form.getByRole('button', { name: 'Verify effectiveness' }).click();
  await expect(form).toBeHidden();
  await expectState(page, 'Escalated');
  await expect(page.getByTestId('finding-timeline')).toContainText('Major raised: open the major');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Open the major it became' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('6.2');
  await expectState(page, 'Major nonconformity');
  await expect(page.getByTestId('major-suggestion')).toContainText('escalating a minor');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Open the escalated minor' }).click();
  await expect(page).toHaveURL(new RegExp(`/findings/${minor.id}$`));
});

async function switchPerson(page: Page, name: string) {
  await page.getByRole('button', { name: 'Switch person' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Person' }).click();
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('current-person')).toContainText(name);
}

test('a finding not tied to a checklist item is raised from the audit page, its requirement picked from the catalogue', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });

  await page.goto(`${harness.url}#/audits/${setup.auditId}`);
  const panel = page.getByTestId('audit-findings');
  await expect(panel).toContainText('No findings raised in this audit.');
  await panel.getByRole('button', { name: 'Raise finding' }).click();
  const form = page.getByRole('dialog', { name: 'Raise a finding' });
  await expect(form).toContainText('not tied to one checklist item');

  // The requirement is found by words of its number and title, and picked by keyboard.
  const requirement = form.getByRole('textbox', { name: 'Requirement' });
  await expect(requirement).toBeFocused();
  await requirement.fill('impact 6.1');
  await expect(
    page.getByRole('option', { name: /6\.1\.4 AI system impact assessment/ }),
  ).toBeVisible();
  await expect(page.getByRole('option', { name: /6\.1\.2/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(requirement).toHaveValue('ISO/IEC 42001:2023 6.1.4');
  // Escape closes the list, not the form.
  await requirement.click();
  await expect(page.getByRole('option', { name: /6\.2 AI objectives/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeVisible();

  // A major without a rationale: refused at the field, nothing typed lost.
  await form.getByLabel('Statement').fill(statement);
  await form.getByLabel('Objective evidence').fill(evidence);
  await form.getByLabel('Grade').selectOption('Major nonconformity');
  await form.getByRole('button', { name: 'Raise finding' }).click();
  await expect(form.getByLabel('Why major')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('A major nonconformity needs a rationale');
  await expect(requirement).toHaveValue('ISO/IEC 42001:2023 6.1.4');
  await form.getByLabel('Why major').fill(rationale);
  await form.getByRole('button', { name: 'Raise finding' }).click();
  await expect(form).toBeHidden();

  const table = panel.getByRole('table', { name: 'Findings of this audit' });
  await expect(table).toContainText('ISO/IEC 42001:2023 6.1.4');
  await expect(table).toContainText('Major');
  const stored = await invoke(harness, 'listAuditFindings', { auditId: setup.auditId });
  expect(stored.map((f) => [f.checklistItemId, f.requirementRef, f.grade])).toEqual([
    [null, 'ISO/IEC 42001:2023 6.1.4', 'major'],
  ]);

  // A legal requirement outside the catalogue is typed as it is.
  await panel.getByRole('button', { name: 'Raise finding' }).click();
  await requirement.fill('GDPR Art. 35 (data protection impact assessment)');
  await form.getByLabel('Statement').fill('No DPIA for the recruitment model processing CVs.');
  await form.getByLabel('Objective evidence').fill('DPIA register reviewed with the DPO.');
  await form.getByRole('button', { name: 'Raise finding' }).click();
  await expect(form).toBeHidden();
  await expect(table).toContainText('GDPR Art. 35 (data protection impact assessment)');
  await expectAccessible(page);

  // The Stage 1 of the cycle raises none: no button, and the panel says why.
  if (!setup.stage1AuditId) throw new Error('the fixture plans a Stage 1 for a Stage 2');
  await page.goto(`${harness.url}#/audits/${setup.stage1AuditId}`);
  await expect(page.getByTestId('audit-findings')).toContainText('A Stage 1 raises no findings');
  await expect(
    page.getByTestId('audit-findings').getByRole('button', { name: 'Raise finding' }),
  ).toHaveCount(0);
});

test('only the audit team records the acknowledgement, and a response form names every missing part and keeps what was typed', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await stage2HeldLastWeek(harness);
  const finding = await invoke(harness, 'raiseFinding', {
    auditId: setup.auditId,
    requirementRef: 'ISO/IEC 42001:2023 7.2',
    grade: 'minor',
    statement: 'Competence records are missing for 2 of 5 data scientists.',
    objectiveEvidence: 'Training records TR-2026 sampled.',
  });
  await completeAudit(harness, setup.auditId);
  const { createPerson } = await import('../../electron/services/people');
  createPerson(harness.runtime.context(), {
    name: 'Dora Decider',
    email: 'dora@cb.example',
    roles: ['decision_maker'],
  });

  // The lead auditor's response form: every empty required part is marked at once.
  await page.goto(`${harness.url}#/findings/${finding.id}`);
  let form = await openAction(page, 'Record the client’s response');
  await form.getByLabel('Correction').fill('Records completed for both data scientists.');
  await form.getByRole('button', { name: 'Record the client’s response' }).click();
  await expect(form.getByLabel('Root cause')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Corrective action')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Enter the corrective action.');
  await expect(form).not.toContainText('What you typed earlier is back');

  // A reload (or a crash) while typing loses nothing.
  await form.getByLabel('Root cause').fill('Onboarding had no competence check.');
  await page.reload();
  form = await openAction(page, 'Record the client’s response');
  await expect(form).toContainText('What you typed earlier is back');
  await expect(form.getByLabel('Correction')).toHaveValue(
    'Records completed for both data scientists.',
  );
  await expect(form.getByLabel('Root cause')).toHaveValue('Onboarding had no competence check.');
  await form.getByRole('button', { name: 'Not now' }).click();

  // A decision maker who was not on the team reads the finding but is not offered the form the
  // service would refuse.
  await switchPerson(page, 'Dora Decider');
  await page.goto(`${harness.url}#/findings/${finding.id}`);
  await expect(page.getByTestId('acknowledgement-not-yet')).toContainText(
    'A member of the audit team records it',
  );
  await expect(page.getByRole('button', { name: 'Record acknowledgement' })).toHaveCount(0);
  await expectAccessible(page);
});
