import type { Harness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const shippedVersion = 'audit-desk-42001-2023.1';

test('an administrator adds a sector question to the catalogue, is told at the field what is wrong, then retires it', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'Checklist catalogue' }).click();
  await expect(page.getByRole('heading', { name: 'Checklist catalogue' })).toBeVisible();
  await expect(page.getByTestId('catalogue-version')).toHaveText(shippedVersion);
  await expect(page.getByTestId('cb-items-empty')).toContainText('No items of your own yet');
  await expect(page.getByRole('table', { name: /^Annex A\.10 / })).toBeVisible();
  await expectAccessible(page);

  // The shipped items, filtered as you type.
  await page.getByLabel('Filter the shipped items').fill('impact assessment');
  const operation = page.getByRole('table', { name: 'Clause 8 Operation' });
  await expect(
    operation.getByRole('row', { name: /8\.4 AI system impact assessment/ }),
  ).toBeVisible();
  await expect(operation.getByRole('row', { name: /8\.1 Operational planning/ })).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: 'Clause 4 Context of the organization' }),
  ).toHaveCount(0);
  await page.getByLabel('Filter the shipped items').fill('');

  await page.getByRole('button', { name: 'Add an item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an item of your own' });
  await dialog.getByLabel('Id').fill('HEALTH.1');
  await dialog.getByRole('textbox', { name: 'Belongs under' }).fill('8.4');
  await page.getByRole('option', { name: '8.4 AI system impact assessment' }).click();
  await dialog.getByRole('checkbox', { name: 'Stage 2' }).check();
  await dialog.getByLabel('Title').fill('Clinical safety case');
  await dialog.getByRole('button', { name: 'Add item' }).click();

  // Refused before saving: each message at its field, everything typed still there.
  await expect(dialog.getByText('A CB item id starts with "CB.", e.g. CB.HEALTH.1.')).toBeVisible();
  await expect(dialog.getByLabel('Id')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Write the question the auditor asks.')).toBeVisible();
  await expect(dialog.getByLabel('Prompt')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Title')).toHaveValue('Clinical safety case');
  await expect(dialog.getByRole('textbox', { name: 'Belongs under' })).toHaveValue(
    '8.4 AI system impact assessment',
  );
  await expect(dialog.getByRole('checkbox', { name: 'Stage 2' })).toBeChecked();
  await expectAccessible(page);

  await dialog.getByLabel('Id').fill('CB.HEALTH.1');
  await dialog
    .getByLabel('Prompt')
    .fill('Ask for the clinical safety case of each AI system used in patient care.');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog).toBeHidden();

  const own = page.getByRole('table', { name: 'Your certification body’s items' });
  await expect(
    own.getByRole('row', {
      name: /CB\.HEALTH\.1 Clinical safety case Ask for the clinical safety case .* 8\.4 AI system impact assessment Stage 2 Active/,
    }),
  ).toBeVisible();
  await expect(page.getByTestId('catalogue-version')).toHaveText(
    new RegExp(`^${shippedVersion.replace(/\./g, '\\.')}\\+cb\\.[0-9a-f]{8}$`),
  );
  await expectAccessible(page);

  // The same id again is refused by the service, shown at the id, with the text kept.
  await page.getByRole('button', { name: 'Add an item' }).click();
  const again = page.getByRole('dialog', { name: 'Add an item of your own' });
  await again.getByLabel('Id').fill('CB.HEALTH.1');
  await again.getByRole('textbox', { name: 'Belongs under' }).fill('A.6.2.4');
  await page.getByRole('option', { name: /^A\.6\.2\.4 / }).click();
  await again.getByRole('checkbox', { name: 'Stage 1' }).check();
  await again.getByLabel('Title').fill('Clinical validation');
  await again.getByLabel('Prompt').fill('See the clinical validation study.');
  await again.getByRole('button', { name: 'Add item' }).click();
  await expect(
    again.getByText('CB.HEALTH.1 is already used by "Clinical safety case"; choose another id.', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(again.getByLabel('Id')).toHaveAttribute('aria-invalid', 'true');
  await expect(again.getByLabel('Prompt')).toHaveValue('See the clinical validation study.');
  await expect(again.getByRole('radio', { name: 'Annex A control item' })).toBeChecked();
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();

  await page.getByRole('button', { name: 'Retire CB.HEALTH.1' }).click();
  await expect(own.getByRole('row', { name: /CB\.HEALTH\.1 .* Retired/ })).toBeVisible();
  await expect(page.getByTestId('catalogue-version')).toHaveText(shippedVersion);
  await expect(page.getByRole('button', { name: 'Reactivate CB.HEALTH.1' })).toBeVisible();
  await expectAccessible(page);
});

/** A client with two SoA versions and a surveillance audit, made through the services. */
async function seedAudit(harness: Harness) {
  const ctx = harness.runtime.context();
  const { createClient } = await import('../../electron/services/clients');
  const { createAudit } = await import('../../electron/services/audits');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  const { createAuditSchema } = await import('../../shared/programme/audit-schema');
  const client = createClient(
    ctx,
    clientInputSchema.parse({
      legalName: 'Vela Health AI BV',
      country: 'NL',
      status: 'certified',
      aiRoles: ['developer'],
      contacts: [{ name: 'Mira Jansen', email: 'mira@vela.example', primary: true }],
      sites: [{ name: 'Utrecht', country: 'NL', isCentral: true, fullTimePersonnel: 40 }],
    }),
  );
  const audit = createAudit(
    ctx,
    createAuditSchema.parse({
      clientId: client.id,
      type: 'surveillance',
      cycleNumber: 1,
      startDate: '2030-05-06',
      endDate: '2030-05-07',
      onsiteDays: 2,
      siteIds: [client.sites[0]?.id ?? ''],
      criteria: 'ISO/IEC 42001:2023',
    }),
  );
  return { clientId: client.id, auditId: audit.id };
}

async function saveSoa(harness: Harness, clientId: string) {
  const { saveSoaVersion } = await import('../../electron/services/soa');
  const { blankSoaControls } = await import('../../shared/soa/schema');
  const ctx = harness.runtime.context();
  const first = saveSoaVersion(ctx, {
    clientId,
    documentReference: 'VELA-SOA-01 v1',
    basedOnVersionId: null,
    controls: blankSoaControls(),
  });
  const controls = blankSoaControls().map((c) =>
    c.controlId === 'A.10.4'
      ? { ...c, applicable: false, justification: 'Vela sells no AI products to customers.' }
      : c,
  );
  saveSoaVersion(ctx, {
    clientId,
    documentReference: 'VELA-SOA-01 v2',
    basedOnVersionId: first.id,
    controls,
  });
}

test('a planner chooses which SoA version an audit audits; once the checklist is prepared it stays', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const { clientId, auditId } = await seedAudit(harness);
  await page.goto(`${harness.url}#/audits/${auditId}`);
  const status = page.getByTestId('audited-soa');
  await expect(status).toContainText('The client has no Statement of Applicability recorded yet');
  await expect(status.getByRole('link', { name: 'client’s SoA tab' })).toHaveAttribute(
    'href',
    `#/clients/${clientId}?tab=soa`,
  );
  await expectAccessible(page);

  await saveSoa(harness, clientId);
  await page.reload();
  await expect(status).toHaveText('No SoA version is recorded for this audit yet.');
  const chooser = page.getByRole('textbox', { name: 'SoA version this audit audits' });
  await expect(chooser).toHaveValue(/^Version 2 · VELA-SOA-01 v2/);
  await chooser.click();
  await page.getByRole('option', { name: /^Version 1 · VELA-SOA-01 v1/ }).click();
  await page.getByRole('button', { name: 'Record as audited' }).click();
  await expect(status).toContainText('Version 1 (VELA-SOA-01 v1)');
  await expect(status).toContainText('38 applicable, 0 excluded. Chosen by Ana Admin');
  await expect(page.getByText('The client has recorded version 2 since.')).toBeVisible();
  await expectAccessible(page);

  await chooser.click();
  await page.getByRole('option', { name: /^Version 2 · VELA-SOA-01 v2/ }).click();
  await page.getByRole('button', { name: 'Change audited version' }).click();
  await expect(status).toContainText('Version 2 (VELA-SOA-01 v2)');
  await expect(status).toContainText('37 applicable, 1 excluded');

  // The checklist is prepared from version 2 (as the checklist service records it): the choice closes.
  const { checklists } = await import('../../db/schema');
  const { auditedSoaVersion } = await import('../../electron/services/soa');
  const soaVersionId = auditedSoaVersion(harness.runtime.context(), auditId)?.soaVersion.id ?? null;
  const at = new Date().toISOString();
  harness.runtime.database.db
    .insert(checklists)
    .values({
      id: `e2e-${auditId}`,
      auditId,
      kind: 'selection',
      catalogueVersion: shippedVersion,
      soaVersionId,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  await page.reload();
  await expect(status).toContainText('Version 2 (VELA-SOA-01 v2)');
  await expect(page.getByText('The checklist was prepared from this version')).toBeVisible();
  await expect(chooser).toHaveCount(0);
});
