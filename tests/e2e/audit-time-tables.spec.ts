import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

test('an administrator creates a table version, fixes a bad band, makes it current, and old results keep theirs', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  // A result saved under the shipped table: 150 persons, AI developer, two sites.
  const ctx = harness.runtime.context();
  const { createClient } = await import('../../electron/services/clients');
  const { saveAuditTime } = await import('../../electron/services/audit-time');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  const client = createClient(
    ctx,
    clientInputSchema.parse({
      legalName: 'Lumen Analytics GmbH',
      country: 'DE',
      aiRoles: ['developer'],
      contacts: [{ name: 'Anna Schmidt', email: 'anna@lumen.example', primary: true }],
      sites: [
        { name: 'Head office', country: 'DE', isCentral: true, fullTimePersonnel: 120 },
        { name: 'Lab', country: 'NL', fullTimePersonnel: 30 },
      ],
    }),
  );
  saveAuditTime(ctx, {
    clientId: client.id,
    aiRole: 'developerProviderUser',
    personnel: { fullTime: 150 },
    sites: 2,
  });

  await page.getByRole('link', { name: 'Audit-time tables' }).click();
  const versions = page.getByRole('table', { name: 'Audit-time table versions' });
  await expect(versions).toContainText('audit-desk-aims-2025.1');
  await expect(versions).toContainText('Current');
  await expectAccessible(page);

  await versions.getByRole('link', { name: 'audit-desk-aims-2025.1' }).click();
  await expect(page.getByRole('heading', { name: 'Table audit-desk-aims-2025.1' })).toBeVisible();
  const bands = page.getByRole('table', { name: 'Bands' });
  // Only the 1-10 row of ISO/IEC 42006 is public; the rest is the CB's choice.
  await expect(bands.getByRole('row').nth(1)).toContainText('Published: ISO/IEC 42006');
  await expect(bands.getByRole('row').nth(2)).toContainText('CB’s own choice');
  await expect(page.getByRole('table', { name: 'Where the figures come from' })).toContainText(
    'Published: IAF MD 11',
  );
  await expectAccessible(page);

  await page.getByRole('link', { name: '← Audit-time tables' }).click();
  await page.getByRole('link', { name: 'New version' }).click();
  await expect(page.getByRole('heading', { name: 'New audit-time table version' })).toBeVisible();
  await expectAccessible(page);

  // A bad band: fewer producer days for more persons. The message is at that field.
  await page.getByLabel('Version name').fill('cb-aims-2026.1');
  await page.getByLabel('Effective from').fill('2026-04-01');
  await page.getByLabel('Band 4 AI producer').fill('5');
  await expect(page.getByLabel('Band 4 source')).toHaveValue('ourChoice');
  await page.getByLabel('Band 8 AI developer, provider or user').fill('10');
  await page.getByRole('button', { name: 'Create version' }).click();
  await expect(
    page.getByText('More persons may not mean fewer days: 5 is less than the previous band’s 7.'),
  ).toBeVisible();
  await expect(page.getByLabel('Band 4 AI producer')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Version name')).toHaveValue('cb-aims-2026.1');
  await expect(page.getByLabel('Band 8 AI developer, provider or user')).toHaveValue('10');
  await expectAccessible(page);

  await page.getByLabel('Band 4 AI producer').fill('8.5');
  await page.getByRole('button', { name: 'Create version' }).click();
  await expect(page.getByRole('heading', { name: 'Table cb-aims-2026.1' })).toBeVisible();
  await expect(page.getByText('Effective from 2026-04-01')).toBeVisible();
  await page.getByRole('button', { name: 'Make current' }).click();
  await expect(page.getByText('cb-aims-2026.1 is now the current table.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make current' })).toHaveCount(0);

  // The saved result still shows its own version; recomputing shows both side by side.
  await page.getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('link', { name: 'Lumen Analytics GmbH' }).click();
  await page.getByRole('tab', { name: 'Audit time' }).click();
  const saved = page.getByRole('table', { name: 'Saved audit time' });
  await expect(saved).toContainText('audit-desk-aims-2025.1');
  await saved.getByRole('link').first().click();
  await expect(page.getByTestId('saved-with')).toContainText('with table audit-desk-aims-2025.1');
  await page.getByRole('button', { name: 'Recompute under the current table' }).click();
  const side = page.getByRole('table', { name: 'Saved and recomputed side by side' });
  await expect(side).toContainText('Saved under audit-desk-aims-2025.1');
  await expect(side).toContainText('Under the current table cb-aims-2026.1');
  await expect(side.getByRole('row', { name: /Table value/ })).toContainText('9');
  await expect(side.getByRole('row', { name: /Table value/ })).toContainText('10 (changed)');
  await expectAccessible(page);
});
