import type { Harness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

/** A client made through the same services the app uses (creating one via the UI is tested elsewhere). */
async function seedClient(harness: Harness): Promise<string> {
  const { createClient } = await import('../../electron/services/clients');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  const client = createClient(
    harness.runtime.context(),
    clientInputSchema.parse({
      legalName: 'Vela Health AI BV',
      country: 'NL',
      status: 'applicant',
      aiRoles: ['developer'],
      contacts: [{ name: 'Mira Jansen', email: 'mira@vela.example', primary: true }],
      sites: [{ name: 'Utrecht', country: 'NL', isCentral: true, fullTimePersonnel: 40 }],
    }),
  );
  return client.id;
}

test('records a Statement of Applicability: an exclusion needs a justification, saving makes version 1', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const clientId = await seedClient(harness);
  await page.goto(`${harness.url}#/clients/${clientId}?tab=soa`);
  await page.getByRole('tab', { name: 'Statement of Applicability' }).click();
  await expect(page.getByTestId('soa-status')).toContainText('No Statement of Applicability');
  await expect(page.getByRole('table', { name: 'Annex A controls' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Document id and version').fill('VELA-SOA-01 v2');
  await page.getByLabel('A.10.4 applicable').click({ force: true });
  await expect(page.getByLabel('A.10.4 applicable')).not.toBeChecked();
  await page.getByLabel('Document reference for A.10.3').fill('PRC-SUP-03');
  await page.getByRole('button', { name: 'Save as new version' }).click();

  // Refused at the field, with everything typed still there.
  const justification = page.getByLabel('Justification for A.10.4');
  await expect(
    page.getByText('Give the reason A.10.4 is excluded; an exclusion needs a justification.'),
  ).toBeVisible();
  await expect(justification).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Document id and version')).toHaveValue('VELA-SOA-01 v2');
  await expect(page.getByLabel('Document reference for A.10.3')).toHaveValue('PRC-SUP-03');
  await expectAccessible(page);

  await justification.fill('Vela supplies no AI products or services to customers.');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByTestId('soa-status')).toContainText(
    'Version 1 (VELA-SOA-01 v2), recorded by Ana Admin',
  );
  await expect(page.getByTestId('soa-status')).toContainText('37 applicable, 1 excluded');
  const history = page.getByRole('table', { name: 'SoA versions' });
  await expect(
    history.getByRole('row', { name: /Version 1 VELA-SOA-01 v2 37 \/ 1 Ana Admin/ }),
  ).toBeVisible();
  await expectAccessible(page);

  // The recorded version opens read-only, exclusion and justification included.
  await page.getByRole('button', { name: 'View version 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'SoA version 1' });
  await expect(
    dialog.getByRole('row', {
      name: /A\.10\.4 Customers Excluded .* Vela supplies no AI products/,
    }),
  ).toBeVisible();
  await expectAccessible(page);
});
