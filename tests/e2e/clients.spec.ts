import type { Page } from '@playwright/test';
import { startHarness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

async function chooseCountry(page: Page, label: string, name: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('textbox', { name: label, exact: true }).fill(name);
  await page
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click();
}

test('a scheduler creates, edits, finds, archives and restores a client, and it is all kept', async ({
  page,
  harness,
  dbPath,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page.getByText('No clients yet')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Add your first client' }).click();
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();
  await expectAccessible(page);

  // Bad input first: nothing filled in, a negative count. Messages appear at the fields.
  await page.getByLabel('Full-time personnel').fill('-3');
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByText('Enter the legal name.')).toBeVisible();
  await expect(
    page.getByText('The number of full-time personnel cannot be negative.'),
  ).toBeVisible();
  await expect(page.getByLabel('Full-time personnel')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Legal name').fill('Northwind Analytics Ltd');
  await page.getByLabel('Trading name').fill('Northwind');
  await chooseCountry(page, 'Country', 'United Kingdom');
  await page.getByLabel('Proposed scope of certification').fill('Machine-learning credit scoring');
  await page.getByLabel('AI developer').check();
  await page.getByLabel('AI provider').check();
  await page.getByLabel('Contact name').fill('Ada Price');
  await page.getByLabel('Contact email').fill('ada@northwind');
  await page.getByLabel('Full-time personnel').fill('120');
  await chooseCountry(page, 'Site country', 'United Kingdom');
  await page.getByRole('button', { name: 'Add site' }).click();
  const second = page.getByRole('group', { name: 'Site 2' });
  await second.getByLabel('Site name').fill('Leeds lab');
  await second.getByLabel('Full-time personnel').fill('30');
  // A new site starts in the client's country.
  await expect(second.getByRole('textbox', { name: 'Site country', exact: true })).toHaveValue(
    'United Kingdom (GB)',
  );

  await page.getByRole('button', { name: 'Create client' }).click();
  // The email was incomplete: the message is at that field and everything typed is still there.
  await expect(page.getByText('Enter a valid email address, e.g. name@example.org.')).toBeVisible();
  await expect(page.getByLabel('Legal name')).toHaveValue('Northwind Analytics Ltd');
  await expect(second.getByLabel('Site name')).toHaveValue('Leeds lab');
  await page.getByLabel('Contact email').fill('ada@northwind.example');
  await page.getByRole('button', { name: 'Create client' }).click();

  await expect(page.getByRole('heading', { name: 'Northwind Analytics Ltd' })).toBeVisible();
  await expect(page.getByText('C-2026-0001')).toBeVisible();
  await page.getByRole('tab', { name: 'Sites (2)' }).click();
  await expect(page.getByRole('table', { name: 'Sites' })).toContainText('Leeds lab');
  await expectAccessible(page);

  // Edit: rename, and see it in the history with who did it.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Trading name').fill('Northwind AI');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Northwind Analytics Ltd' })).toBeVisible();
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText('Client: tradingName');
  await expect(history).toContainText('Northwind AI');
  await expect(history).toContainText('Ana Admin');
  await expectAccessible(page);

  // Find it again by partial name.
  await page.getByRole('link', { name: '← Clients' }).click();
  await page.getByLabel('Search').fill('northw');
  await expect(page.getByText('1 clients')).toBeVisible();
  await page.getByLabel('Search').fill('no such client');
  await expect(page.getByText('No client matches.')).toBeVisible();
  await page.getByLabel('Search').fill('C-2026');
  await page.getByRole('link', { name: 'Northwind Analytics Ltd' }).click();

  // Archive by mistake, then undo.
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('Northwind Analytics Ltd archived')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Northwind Analytics Ltd' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Northwind Analytics Ltd is back in the client list.')).toBeVisible();
  await page.getByLabel('Search').fill('');
  await expect(page.getByRole('link', { name: 'Northwind Analytics Ltd' })).toBeVisible();

  // Close the app and open it again on the same file: everything is as left.
  await harness.close();
  const reopened = await startHarness({ databasePath: dbPath });
  await page.goto(reopened.url);
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('link', { name: 'Northwind Analytics Ltd' }).click();
  await expect(page.getByText('Northwind AI')).toBeVisible();
  await page.getByRole('tab', { name: 'Sites (2)' }).click();
  await expect(page.getByRole('table', { name: 'Sites' })).toContainText('Leeds lab');
  await reopened.close();
});

test('a duplicate reference is refused at the reference field and the form keeps what was typed', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const ctx = harness.runtime.context();
  const { createClient } = await import('../../electron/services/clients');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  createClient(
    ctx,
    clientInputSchema.parse({
      reference: 'C-2026-0042',
      legalName: 'Existing Ltd',
      country: 'DE',
      contacts: [{ name: 'E', email: 'e@existing.example', primary: true }],
      sites: [{ name: 'HQ', country: 'DE', isCentral: true, fullTimePersonnel: 5 }],
    }),
  );
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('Legal name').fill('Second Ltd');
  await page.getByLabel('Client reference').fill('C-2026-0042');
  await chooseCountry(page, 'Country', 'Germany');
  await page.getByLabel('Contact name').fill('Sam');
  await page.getByLabel('Contact email').fill('sam@second.example');
  await page.getByLabel('Full-time personnel').fill('12');
  await chooseCountry(page, 'Site country', 'Germany');
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(
    page.getByText('Reference C-2026-0042 is already used by Existing Ltd.').first(),
  ).toBeVisible();
  await expect(page.getByLabel('Client reference')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Legal name')).toHaveValue('Second Ltd');

  // Leaving asks first; staying keeps everything.
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
  await page.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(page.getByLabel('Legal name')).toHaveValue('Second Ltd');

  // Even a reload keeps it: the draft is offered back.
  await page.reload();
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Restore my changes' }).click();
  await expect(page.getByLabel('Legal name')).toHaveValue('Second Ltd');
  await page.getByLabel('Client reference').fill('');
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { name: 'Second Ltd' })).toBeVisible();
});
