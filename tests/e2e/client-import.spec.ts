import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

/** Two headers the import does not know ("Firma", "Staff (FTE)"), a bad email in row 3, a duplicate in row 5. */
const csv = [
  '\uFEFFFirma;Country;Staff (FTE);Contact person;E-Mail',
  'Northwind Analytics Ltd;GB;120;Ada Price;ada@northwind.example',
  'Helio Systems BV;Netherlands;45;Ines Vos;ines@helio',
  'Quanta AG;DE;30;Piet Maas;piet@quanta.example',
  'LUMEN analytics GmbH;DE;12;Anna Schmidt;anna@lumen.example',
].join('\r\n');

/** The browser's constructors used below (the node-side TypeScript project has no DOM types). */
interface PageGlobals {
  DataTransfer: new () => { items: { add: (file: unknown) => void } };
  File: new (parts: string[], name: string, options: { type: string }) => unknown;
  DragEvent: new (type: string, init: object) => unknown;
}

/** Drops a file on the import's drop zone the way a browser does (a DataTransfer of Files). */
async function dropFile(page: Page, name: string, type: string, text: string) {
  await page.getByTestId('client-import-drop-zone').evaluate(
    (zone, file) => {
      const browser = globalThis as unknown as PageGlobals;
      const transfer = new browser.DataTransfer();
      transfer.items.add(new browser.File([file.text], file.name, { type: file.type }));
      for (const event of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(
          new browser.DragEvent(event, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { name, type, text },
  );
}

async function chooseColumn(page: Page, field: string, column: string) {
  await page.getByRole('textbox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: column, exact: true }).click();
}

test('imports clients from a CSV after fixing the columns, skips a bad row and a duplicate, and exports the list', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const { createClient } = await import('../../electron/services/clients');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  createClient(
    harness.runtime.context(),
    clientInputSchema.parse({
      legalName: 'Lumen Analytics GmbH',
      country: 'DE',
      contacts: [{ name: 'Anna Schmidt', email: 'anna@lumen.example', primary: true }],
      sites: [{ name: 'Berlin', country: 'DE', isCentral: true, fullTimePersonnel: 80 }],
    }),
  );

  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('link', { name: 'Import clients' }).click();
  await expect(page.getByRole('heading', { name: 'Import clients' })).toBeVisible();
  await expectAccessible(page);

  // A dropped file that is not a spreadsheet is refused at the file, saying why.
  await dropFile(page, 'minutes.pdf', 'application/pdf', '%PDF-1.7');
  await expect(page.getByRole('alert')).toHaveText(
    'Choose a CSV or XLSX file: “minutes.pdf” is neither.',
  );

  await page.getByTestId('client-import-file-input').setInputFiles({
    name: 'new-clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(page.getByTestId('client-import-file-name')).toHaveText('Read: new-clients.csv');
  // The headers it knows are matched; the two it does not are asked for at their fields.
  await expect(page.getByRole('textbox', { name: 'Contact email', exact: true })).toHaveValue(
    'E: E-Mail',
  );
  await expect(
    page.getByText('Choose the column that holds the legal name: every client needs it.'),
  ).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: 'Full-time personnel', exact: true }),
  ).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await chooseColumn(page, 'Legal name', 'A: Firma');
  await chooseColumn(page, 'Full-time personnel', 'C: Staff (FTE)');

  await expect(page.getByTestId('client-import-counts')).toHaveText(
    '4 rows: 2 new, 1 possible duplicate, 1 row with errors.',
  );
  const errors = page.getByTestId('client-import-errors');
  await expect(errors.getByRole('row').nth(1)).toHaveText(
    /^3\s*Contact email\s*E-Mail\s*Enter a valid email address/,
  );
  const duplicate = page.getByRole('checkbox', {
    name: 'Row 5: import LUMEN analytics GmbH (Germany) as a new client',
  });
  await expect(duplicate).not.toBeChecked();
  await expect(page.getByTestId('client-import-duplicates')).toContainText(
    'same legal name and country as C-',
  );
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Import 2 clients' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 clients' })).toContainText(
    '1 row with errors was not imported (row 3).',
  );
  await expect(page.getByText('1 possible duplicate skipped (row 5).')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Show clients' }).click();
  const rows = page.getByTestId('client-rows');
  await expect(rows).toContainText('Northwind Analytics Ltd');
  await expect(rows).toContainText('Quanta AG');
  await expect(rows).not.toContainText('Helio Systems');
  await expect(page.getByText('3 clients')).toBeVisible();

  // The export holds what the list shows: the search applies.
  await page.getByLabel('Search').fill('analytics');
  await expect(page.getByText('2 clients')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path()) ?? '', 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toContain('Legal name');
  expect(text).toContain('Northwind Analytics Ltd');
  expect(text).toContain('Lumen Analytics GmbH');
  expect(text).not.toContain('Quanta AG');
});
