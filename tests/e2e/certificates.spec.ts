import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import type { Harness } from '../harness/server';
import { expiryFor } from '../../shared/cycle';
import { invoke, setUpAuditWithTeam } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const today = () => format(new Date(), 'yyyy-MM-dd');

/** A Stage 1 and a Stage 2 held in the last weeks, both completed, with the administrator leading them. */
async function stage2Completed(harness: Harness) {
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', startsInDays: -10 });
  if (!setup.stage1AuditId) throw new Error('the fixture plans a Stage 1 for a Stage 2');
  for (const id of [setup.stage1AuditId, setup.auditId]) {
    await invoke(harness, 'changeAuditState', { id, to: 'confirmed' });
    await invoke(harness, 'changeAuditState', { id, to: 'in_progress' });
    const audit = await invoke(harness, 'getAudit', { id });
    await invoke(harness, 'changeAuditState', { id, to: 'completed', completedOn: audit.endDate });
  }
  return setup;
}

async function switchPerson(page: Page, name: string) {
  await page.getByRole('button', { name: 'Switch person' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Person' }).click();
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('current-person')).toContainText(name);
}

test('a team member is refused the decision; an independent decision maker grants and the certificate is in the register', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await stage2Completed(harness);
  // The administrator led the Stage 2 and is also a decision maker: still not allowed to decide.
  const me = harness.runtime.currentPerson();
  if (!me) throw new Error('nobody is signed in');
  await invoke(harness, 'updatePerson', { id: me.id, roles: [...me.roles, 'decision_maker'] });
  await invoke(harness, 'createPerson', {
    name: 'Dora Decider',
    email: 'dora@cb.example',
    roles: ['decision_maker'],
  });

  await page.goto(`${harness.url}#/clients/${setup.clientId}`);
  await page.getByRole('link', { name: 'Certification decision' }).click();
  await expect(page.getByRole('heading', { name: 'Certification decision' })).toBeVisible();
  const refusal = page.getByTestId('decider-refusal');
  await expect(refusal).toContainText(/Ana Admin was on the audit team of .*the Stage 2 audit/);
  await expect(page.getByRole('table', { name: 'Audits this decision relies on' })).toContainText(
    'Stage 2',
  );
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Reasons' }).fill('Stage 2 found the AIMS effective.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  // The service refuses it too (not only the screen): FORBIDDEN, with the reason.
  await expect(
    page
      .getByTestId('decision-form')
      .getByRole('alert')
      .filter({ hasText: 'must take the certification decision (ISO/IEC 17021-1 9.5.1' }),
  ).toBeVisible();
  const none = await invoke(harness, 'listCertificates', {});
  expect(none.total).toBe(0);

  await switchPerson(page, 'Dora Decider');
  await page.goto(`${harness.url}#/clients/${setup.clientId}/decision`);
  await expect(page.getByRole('heading', { name: 'Certification decision' })).toBeVisible();
  await expect(page.getByTestId('decider-refusal')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Decision', exact: true })).toHaveValue(
    'Grant certification',
  );
  const expiry = expiryFor(today());
  await expect(page.getByTestId('certificate-preview')).toContainText(`valid until ${expiry}`);

  // Bad input: no reasons. The message is at the field and nothing is recorded.
  await page.getByRole('button', { name: 'Record decision' }).click();
  const reasons = page.getByRole('textbox', { name: 'Reasons' });
  await expect(reasons).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Give the reasons for the decision: they are recorded with it'),
  ).toBeVisible();
  await expectAccessible(page);

  await reasons.fill('Stage 2 found the AIMS conforming and effective; no nonconformity is open.');
  await page.getByRole('textbox', { name: 'Conditions' }).fill('None.');
  await page.getByRole('button', { name: 'Record decision' }).click();

  const number = `AD-42001-${today().slice(0, 4)}-0001`;
  await expect(page.getByRole('heading', { name: `Certificate ${number}` })).toBeVisible();
  await expect(page.getByTestId('certificate-expiry-date')).toHaveText(expiry);
  await expect(page.getByTestId('decision-summary')).toContainText('Grant certification');
  await expect(page.getByTestId('decision-summary')).toContainText('Dora Decider');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Certificates', exact: true }).click();
  const row = page.locator(`[data-certificate="${number}"]`);
  await expect(row).toContainText(setup.clientName);
  await expect(row).toContainText('Active');
  await expect(row.getByTestId('certificate-expiry')).toHaveText(expiry);
  await expect(page.getByTestId('certificate-total')).toContainText('1 certificate');
  await expectAccessible(page);

  // The client is certified now.
  await page.goto(`${harness.url}#/clients/${setup.clientId}`);
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Certified');
});

test('an administrator sets the certificate number format; a format without the year is refused at the field', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'Certificates', exact: true }).click();
  await expect(page.getByText('No certificate issued yet')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Number format' }).click();
  const dialog = page.getByRole('dialog', { name: 'Certificate number format' });
  const field = dialog.getByRole('textbox', { name: 'Number format' });
  await expect(field).toHaveValue('AD-42001-YYYY-NNNN');
  await expect(dialog.getByTestId('next-certificate-number')).toHaveText(
    `AD-42001-${today().slice(0, 4)}-0001`,
  );
  await field.fill('CB-NNNN');
  await dialog.getByRole('button', { name: 'Save format' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Put the issue year in the format (YYYY or YY)');
  await expectAccessible(page);

  await field.fill('CB/YY/NNNNN');
  await expect(dialog).toContainText(
    `The first certificate this year would be CB/${today().slice(2, 4)}/00001.`,
  );
  await dialog.getByRole('button', { name: 'Save format' }).click();
  await expect(dialog).toBeHidden();
  expect((await invoke(harness, 'certificateNumbering', undefined)).format).toBe('CB/YY/NNNNN');
});
