import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const logoFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'cb-logo.png',
);

test('an administrator names the certification body; an empty name is refused at the field', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'Certification body' }).click();
  await expect(page.getByRole('heading', { name: 'Certification body' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter the certification body’s name.')).toBeVisible();
  await expect(page.getByLabel('Certification body name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Certification body name').fill('Northbridge Certification Ltd');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Certification body details saved.')).toBeVisible();
  // Saved means no draft is left over to be offered back.
  await expect(page.getByLabel('Certification body name')).toHaveValue(
    'Northbridge Certification Ltd',
  );
  await expect(page.getByText('Unsaved changes from earlier')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Certification body name')).toHaveValue(
    'Northbridge Certification Ltd',
  );
  await expectAccessible(page);
});

test('an administrator adds the logo with a preview, a text file is refused at the field, and others see it read-only', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'Certification body' }).click();
  await expect(page.getByRole('heading', { name: 'Logo', exact: true })).toBeVisible();
  await expect(page.getByText('No logo yet. Choose a PNG or JPEG file below.')).toBeVisible();
  const fileInput = page.locator('input[type="file"]');

  // A text file named like an image: refused at the field, by its content.
  await fileInput.setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('Northbridge Certification Ltd\n'),
  });
  await expect(page.getByText('“logo.png” is not a PNG or JPEG image')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logo file' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(page);

  await fileInput.setInputFiles(logoFile);
  await expect(page.getByText('Logo saved.')).toBeVisible();
  const preview = page.getByRole('img', { name: 'Logo of the certification body' });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveJSProperty('naturalWidth', 480);
  await expect(page.getByText('PNG, 480 × 160 pixels, 20 KB')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logo file' })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(page);

  // Remove, then Undo puts the same logo back.
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('No logo yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(preview).toBeVisible();

  const { createPerson } = await import('../../electron/services/people');
  createPerson(harness.runtime.context(), {
    name: 'Chloé Martin',
    email: 'chloe@cb.example',
    roles: ['auditor'],
  });
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('textbox', { name: 'Person' }).click();
  await page.getByRole('option', { name: /Chloé Martin/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('current-person')).toContainText('Chloé Martin');
  await page.getByRole('link', { name: 'Certification body' }).click();
  await expect(preview).toBeVisible();
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove logo' })).toHaveCount(0);
  await expectAccessible(page);
});
