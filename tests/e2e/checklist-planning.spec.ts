import { addDays, format } from 'date-fns';
import type { Page } from '@playwright/test';
import type { AuditType } from '../../shared/programme/vocabulary';
import type { Harness } from '../harness/server';
import { answerAll, invoke, setUpAuditWithTeam, type ChecklistSetup } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const day = (date: Date) => format(date, 'yyyy-MM-dd');
const riskNote = 'No risk acceptance criteria yet; treatment plan has no owners.';

/** Another audit of the same client and cycle 1, with the same team as the fixture's audit. */
async function planAnother(
  harness: Harness,
  setup: ChecklistSetup,
  type: AuditType,
  startsInDays: number,
): Promise<string> {
  const { createAudit } = await import('../../electron/services/audits');
  const { assignTeam } = await import('../../electron/services/team');
  const { createAuditSchema } = await import('../../shared/programme/audit-schema');
  const start = addDays(new Date(), startsInDays);
  const audit = createAudit(
    harness.runtime.context(),
    createAuditSchema.parse({
      clientId: setup.clientId,
      type,
      cycleNumber: 1,
      startDate: day(start),
      endDate: day(addDays(start, 1)),
      onsiteDays: 2,
      siteIds: setup.siteIds,
      criteria: 'ISO/IEC 42001:2023',
    }),
  );
  assignTeam(harness.runtime.context(), {
    auditId: audit.id,
    members: [
      { personId: setup.meId, role: 'lead_auditor' },
      { personId: setup.colleagueId, role: 'auditor' },
    ],
    overrides: [],
  });
  return audit.id;
}

async function openChecklist(page: Page, harness: Harness, auditId: string, item?: string) {
  const address = `${harness.url}#/audits/${auditId}/checklist${item ? `?item=${encodeURIComponent(item)}` : ''}`;
  // Going to the address already shown changes nothing: then read the screen afresh.
  if (page.url() === address) await page.reload();
  else await page.goto(address);
  await expect(page.getByTestId('item-detail')).toBeVisible();
}

async function expectAllSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText(/^All changes saved/);
}

test('runs a Stage 1 to its readiness conclusion, which opens Stage 2 with the concern carried', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage1', prepare: true });
  const stage2Id = await planAnother(harness, setup, 'stage2', 30);
  // Most items through the services; the two still under review through the work screen.
  const underReview = ['S1.RISK', 'S1.IMPACT'];
  const marked = await answerAll(harness, setup.auditId, (item) =>
    underReview.includes(item.itemKey) ? null : { result: 'ready' },
  );
  const total = marked.items.length;

  // Before the conclusion the Stage 2 page says it cannot start, and links to the Stage 1.
  await page.goto(`${harness.url}#/audits/${stage2Id}`);
  const gate = page.getByTestId('stage-gate');
  await expect(gate).toContainText(
    'Stage 2 cannot start until the Stage 1 readiness conclusion is “ready”.',
  );
  await expect(gate).toContainText('The Stage 1 readiness review has no conclusion yet.');
  await expectAccessible(page);
  await gate.getByRole('link', { name: /Open the Stage 1 audit/ }).click();
  await expect(page.getByRole('heading', { name: 'Stage 1: Nordlys Analytics AS' })).toBeVisible();

  // The work screen: S1.RISK is not ready, S1.IMPACT is ready.
  await openChecklist(page, harness, setup.auditId, 'S1.RISK');
  await expect(page.getByTestId('item-title')).toHaveText(
    'AI risk assessment and treatment: method and results',
  );
  await expect(page.getByTestId('item-key')).toHaveCount(0);
  await page.getByRole('button', { name: 'Not ready', exact: true }).click();
  await page.getByLabel('Your notes').fill(riskNote);
  await expectAllSaved(page);
  await page.getByTestId('item-row-S1.IMPACT').click();
  await expect(page.getByTestId('item-title')).toHaveText(/impact assessment/i);
  await page.getByRole('button', { name: 'Ready', exact: true }).click();
  await expectAllSaved(page);

  // The readiness tab: counts, the item not ready with its notes, the conclusion refused.
  await page.getByRole('tab', { name: 'Readiness conclusion' }).click();
  await expect(page.getByTestId('readiness-count-ready')).toContainText(String(total - 1));
  await expect(page.getByTestId('readiness-count-not-ready')).toContainText('1');
  await expect(page.getByTestId('readiness-count-unmarked')).toContainText('0');
  const flagged = page.getByRole('table', { name: 'Items of concern and not ready' });
  await expect(flagged).toContainText('AI risk assessment and treatment');
  await expect(flagged).not.toContainText('S1.RISK');
  await expect(flagged).toContainText('Not ready');
  await expect(flagged).toContainText(riskNote);
  await expect(page.getByTestId('readiness-conclusion')).toHaveText(
    'No readiness conclusion recorded yet.',
  );
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Readiness conclusion' });
  const choice = form.getByRole('radiogroup', { name: 'Readiness conclusion' });
  const summary =
    'Documented AIMS in place. The risk acceptance criteria still need top-management approval.';
  await form.getByRole('button', { name: 'Record readiness conclusion' }).click();
  await expect(form.getByText('Choose ready or not ready.')).toBeVisible();
  await form.getByRole('radio', { name: 'Ready for Stage 2', exact: true }).check();
  await form.getByLabel('Summary').fill(summary);
  await form.getByRole('button', { name: 'Record readiness conclusion' }).click();
  const refusal =
    'The client cannot be concluded ready while items are not ready: AI risk assessment and treatment: method and results.';
  await expect(choice).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.:]/g, '\\$&')));
  await expect(form.getByRole('alert')).toContainText('Not saved');
  // Nothing typed is lost.
  await expect(form.getByLabel('Summary')).toHaveValue(summary);
  await expect(form.getByRole('radio', { name: 'Ready for Stage 2', exact: true })).toBeChecked();
  await expectAccessible(page);

  // The item not ready becomes a concern; the conclusion "ready" is then recorded.
  await page.getByRole('tab', { name: 'Checklist', exact: true }).click();
  await page.getByTestId('item-row-S1.RISK').click();
  await expect(page.getByTestId('item-title')).toHaveText(
    'AI risk assessment and treatment: method and results',
  );
  await page.getByRole('button', { name: 'Concern', exact: true }).click();
  await expectAllSaved(page);
  await page.getByRole('tab', { name: 'Readiness conclusion' }).click();
  await expect(page.getByTestId('readiness-count-concern')).toContainText('1');
  await expect(page.getByTestId('readiness-count-not-ready')).toContainText('0');
  await form.getByRole('button', { name: 'Record readiness conclusion' }).click();
  const recorded = page.getByTestId('readiness-conclusion');
  await expect(recorded).toContainText('Concluded: ready for Stage 2');
  await expect(recorded).toContainText('Recorded by Ana Admin on');
  await expect(recorded).toContainText(summary);
  await expect(recorded).toContainText(
    '1 item marked concern or not ready will be carried into the Stage 2 checklist',
  );
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record a new conclusion' })).toBeVisible();
  await expectAccessible(page);

  // Stage 2: the gate is satisfied, and the prepared checklist holds the concern.
  await page.goto(`${harness.url}#/audits/${stage2Id}`);
  await expect(gate).toContainText(/Stage 1 concluded ready on .+ by Ana Admin;/);
  await expect(gate).toContainText(
    '1 concern will be carried into this checklist when it is prepared.',
  );
  await expectAccessible(page);
  const section = page.getByRole('region', { name: 'Checklist' });
  await section.getByRole('button', { name: 'Prepare checklist' }).click();
  await expect(gate).toContainText('1 concern carried into this checklist.');
  await section.getByRole('link', { name: 'Open checklist' }).click();
  await expect(page.getByTestId('item-title')).toHaveText(
    'Stage 1 concern: AI risk assessment and treatment: method and results',
  );
  await expect(page.getByText(riskNote).first()).toBeVisible();
  await expectAccessible(page);
});

test('chooses surveillance items with the coverage of the cycle in view until nothing is left uncovered', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, {
    type: 'surveillance',
    prepare: true,
    startsInDays: 10,
  });
  const second = await planAnother(harness, setup, 'surveillance', 300);
  await invoke(harness, 'prepareChecklist', { auditId: second, soaVersionId: setup.soaVersionId });

  // The first surveillance: mandatory items fixed, two more chosen.
  await openChecklist(page, harness, setup.auditId);
  await page.getByRole('tab', { name: 'Choose items' }).click();
  const warning = page.getByTestId('coverage-warning');
  await expect(warning).toContainText('covered by no surveillance audit of this cycle');
  await expect(warning).toContainText('Audit Desk rule');
  const internalAudit = page.getByRole('checkbox', { name: /^9\.2\.1 / });
  await expect(internalAudit).toBeChecked();
  await expect(internalAudit).toBeDisabled();
  await expect(page.getByText('Always included in a surveillance.').first()).toBeVisible();
  await page.getByRole('checkbox', { name: /^4\.1 / }).check();
  await page.getByRole('checkbox', { name: /^A\.2\.2 / }).check();
  await expect(page.getByTestId('selection-counts')).toContainText(
    'The selection is not saved yet.',
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save selection' }).click();
  await expect(page.getByText(/^Selection saved: \d+ items in this audit\.$/)).toBeVisible();
  await expect(page.getByTestId('selection-counts')).not.toContainText('not saved yet');
  // Still uncovered: the second surveillance has only its mandatory items.
  await expect(warning).toBeVisible();

  // An item answered in this audit can no longer be dropped.
  const checklist = await invoke(harness, 'getChecklist', { auditId: setup.auditId });
  const item41 = checklist?.items.find((i) => i.itemKey === '4.1');
  if (!item41) throw new Error('4.1 is on the surveillance checklist');
  await invoke(harness, 'saveChecklistAnswer', {
    checklistItemId: item41.id,
    result: 'conforming',
  });
  await openChecklist(page, harness, setup.auditId);
  await page.getByRole('tab', { name: 'Choose items' }).click();
  const answered = page.getByRole('checkbox', { name: /^4\.1 / });
  await expect(answered).toBeChecked();
  await expect(answered).toBeDisabled();
  await expect(
    page.getByText('Already answered in this audit, so it stays selected.'),
  ).toBeVisible();

  // Answered elsewhere meanwhile (a colleague's laptop): dropping it is refused, the choice kept.
  const itemA22 = checklist?.items.find((i) => i.itemKey === 'A.2.2');
  if (!itemA22) throw new Error('A.2.2 is on the surveillance checklist');
  await invoke(harness, 'saveChecklistAnswer', {
    checklistItemId: itemA22.id,
    notes: 'Policy v3 seen.',
  });
  await page.getByRole('checkbox', { name: /^A\.2\.2 / }).uncheck();
  await page.getByRole('button', { name: 'Save selection' }).click();
  await expect(
    page
      .getByRole('form', { name: 'Surveillance selection' })
      .getByRole('alert')
      .filter({ hasText: 'Not saved: These items already have answers or evidence' }),
  ).toContainText('stay selected: A.2.2');
  await expect(page.getByRole('checkbox', { name: /^A\.2\.2 / })).not.toBeChecked();
  await expect(page.getByTestId('selection-counts')).toContainText(
    'The selection is not saved yet.',
  );
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: /^A\.2\.2 / }).check();
  await page.getByRole('button', { name: 'Save selection' }).click();
  await expect(page.getByTestId('selection-counts')).not.toContainText('not saved yet');

  // The coverage matrix: one column per audit, 4.1 covered, A.2.2 planned, the rest uncovered.
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const matrix = page.getByRole('table', { name: 'Coverage of cycle 1' });
  await expect(matrix.getByRole('columnheader', { name: /Surveillance 1/ })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: /Surveillance 2/ })).toBeVisible();
  await expect(page.getByTestId('coverage-row-4.1')).toContainText('Covered');
  await expect(page.getByTestId('coverage-row-A.2.2')).toContainText('Planned');
  await expect(page.getByTestId('coverage-row-4.2')).toContainText('Not covered in this cycle');
  await expect(page.getByTestId('coverage-summary')).toHaveText(
    /^\d+ of \d+ items covered or planned by the surveillance audits of cycle 1\.$/,
  );
  await page.getByRole('switch', { name: 'Show only items not covered in this cycle' }).check();
  await expect(page.getByTestId('coverage-row-4.1')).toHaveCount(0);
  await expect(page.getByTestId('coverage-row-4.2')).toBeVisible();
  await expectAccessible(page);

  // The second surveillance takes every item not yet covered: the warning goes.
  await openChecklist(page, harness, second);
  await page.getByRole('tab', { name: 'Choose items' }).click();
  await expect(warning).toBeVisible();
  await page.getByRole('button', { name: 'Select items not yet covered in this cycle' }).click();
  await expect(page.getByTestId('selection-counts')).toContainText(
    'With this selection every item is covered or planned in cycle 1.',
  );
  await expect(page.getByRole('checkbox', { name: /^4\.2 / })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^4\.1 / })).not.toBeChecked();
  // The first surveillance's notification may still be on screen; let it close first.
  await expect(page.getByText(/^Selection saved/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Save selection' }).click();
  await expect(page.getByText(/^Selection saved/)).toBeVisible();
  await expect(warning).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const summary = await page.getByTestId('coverage-summary').textContent();
  const [covered, all] = /^(\d+) of (\d+)/.exec(summary ?? '')?.slice(1) ?? [];
  expect(covered).toBe(all);
  await page.getByRole('switch', { name: 'Show only items not covered in this cycle' }).check();
  await expect(page.getByText('Every item is covered or planned in this cycle.')).toBeVisible();
  await expectAccessible(page);
});
