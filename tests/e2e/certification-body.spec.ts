import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

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
  await page.reload();
  await expect(page.getByLabel('Certification body name')).toHaveValue(
    'Northbridge Certification Ltd',
  );
  await expectAccessible(page);
});
