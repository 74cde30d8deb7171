import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedClients, seedDemo } from '../../electron/services/seed';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const screenshot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../resources/screenshots/client-list.png',
);

test('the client list stays usable at 10,000 clients: scroll to the end, search, filter, sort', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  seedClients(harness.runtime.context(), 10_000);
  await page.reload();
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page.getByText('10,000 clients')).toBeVisible();
  // Virtualised: only the visible rows are in the page, however many clients there are.
  const rendered = await page.locator('[data-testid="client-rows"] [role="row"]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);

  await page.getByTestId('client-rows').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('[role="row"][aria-rowindex="10001"]')).toBeVisible();

  await page.getByRole('button', { name: 'Reference' }).click();
  await expect(page.locator('[role="row"][aria-rowindex="2"]')).toContainText('C-2026-0001');
  await page.getByRole('button', { name: /Reference/ }).click();
  await expect(page.locator('[role="row"][aria-rowindex="2"]')).toContainText('C-2026-9999');

  await page.getByLabel('Search').fill('C-2026-0999');
  await expect(page.getByText('1 clients')).toBeVisible();
  await page.getByLabel('Search').fill('');
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Suspended' }).click();
  await expect(page.getByText(/^[\d,]+ clients$/)).not.toHaveText('10,000 clients');
  await expectAccessible(page);
});

test('the demo certification body, as shown in the README', async ({ page, harness }) => {
  await setUpFirstAdmin(page, harness, 'Morgan Admin');
  await seedDemo(harness.runtime.context());
  await page.reload();
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page.getByText('40 clients')).toBeVisible();
  await page.screenshot({ path: screenshot });
});
