import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

test('an administrator adds a person with a PIN, who then signs in and is named on every change', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  // Bad input: no roles, a malformed email, a PIN that is too short.
  await dialog.getByLabel('Name').fill('Sam Scheduler');
  await dialog.getByLabel('Email').fill('sam@');
  await dialog.getByLabel('PIN (optional)').fill('12');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(
    dialog.getByText('Enter a valid email address, e.g. name@example.org.'),
  ).toBeVisible();
  await expect(dialog.getByText('Give the person at least one role.')).toBeVisible();
  await expect(dialog.getByText('A PIN is 4 to 12 digits.')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveValue('Sam Scheduler');
  await expectAccessible(page);

  await dialog.getByLabel('Email').fill('sam@cb.example');
  await dialog.getByLabel('Scheduler').check();
  await dialog.getByLabel('PIN (optional)').fill('4321');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('table', { name: 'People' })).toContainText('Sam Scheduler');

  await page.getByRole('button', { name: 'Switch person' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Person' }).click();
  await page.getByRole('option', { name: /Sam Scheduler/ }).click();
  await page.getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('That PIN is not right.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('PIN').fill('4321');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('current-person')).toContainText('Sam Scheduler');
  await expect(page).toHaveTitle('Audit Desk — Sam Scheduler — all changes saved locally');

  // A scheduler sees people but cannot change them.
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('Only an administrator adds or changes people.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add person' })).toHaveCount(0);
});

test('the data screen shows where the database lives, backs up now and restores a backup', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'Data and backups' }).click();
  await expect(page.getByTestId('database-path')).toHaveText(harness.runtime.database.path);
  await expect(page.getByTestId('last-backup')).toHaveText('none yet');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/^Backed up/)).toBeVisible();
  await expect(page.getByTestId('last-backup')).not.toHaveText('none yet');
  await expect(page.getByRole('table', { name: 'Backups' })).toContainText('manual');

  // A client made after the backup disappears when the backup is restored, and the state
  // before the restore is itself kept as a backup.
  await page.getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('Legal name').fill('After Backup Ltd');
  await page.getByRole('textbox', { name: 'Country', exact: true }).fill('France');
  await page.getByRole('option', { name: /^France/ }).click();
  await page.getByLabel('Contact name').fill('Luc');
  await page.getByLabel('Contact email').fill('luc@after.example');
  await page.getByLabel('Full-time personnel').fill('9');
  await page.getByRole('textbox', { name: 'Site country', exact: true }).fill('France');
  await page.getByRole('option', { name: /^France/ }).click();
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { name: 'After Backup Ltd' })).toBeVisible();

  await page.getByRole('link', { name: 'Data and backups' }).click();
  await page.getByRole('button', { name: 'Restore from backup…' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Backups' })).toContainText('before restore');
  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByText('No clients yet')).toBeVisible();
});
