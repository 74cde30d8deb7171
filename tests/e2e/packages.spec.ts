import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { saveChecklistAnswer } from '../../electron/services/checklist-answers';
import {
  exportAuditPackage,
  importAuditPackage,
  renamePackageIdentity,
} from '../../electron/services/packages';
import { getPerson } from '../../electron/services/people';
import { AppRuntime } from '../../electron/runtime';
import { invoke, setUpAuditWithTeam } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const baseNotes = 'Scope statement reviewed: all three forecasting products are in scope.';
const officeNotes = 'Office: the client confirmed by phone that the Bergen pilot is out of scope.';
const laptopNotes = 'Laptop: on site, the Bergen pilot turned out to be in the scope statement.';

/** A package with one byte of data.json changed and zipped again: its manifest no longer holds. */
async function tampered(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('data.json');
  if (!file) throw new Error('a package holds data.json');
  const data = await file.async('nodebuffer');
  data[10] = data[10] === 0x41 ? 0x42 : 0x41;
  zip.file('data.json', data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

test('an audit goes to a laptop and back: the laptop-only change arrives, the conflict is resolved side by side, a tampered package is refused', async ({
  page,
  harness,
}) => {
  // The harness database is the office.
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage1', prepare: true });
  const [item, other] = setup.checklist?.items ?? [];
  if (!item || !other) throw new Error('the Stage 1 checklist has items');
  for (const answered of [item, other]) {
    await invoke(harness, 'saveChecklistAnswer', {
      checklistItemId: answered.id,
      result: 'ready',
      notes: baseNotes,
    });
  }

  // Export from the audit page: the package page opens with the audit chosen.
  await page.goto(`${harness.url}#/audits/${setup.auditId}`);
  await page.getByRole('link', { name: 'Export audit package' }).click();
  await expect(page.getByRole('heading', { name: 'Audit packages' })).toBeVisible();
  await expect(page.getByTestId('installation-fingerprint')).toHaveText(
    /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/,
  );
  const fingerprint = await page.getByTestId('installation-fingerprint').textContent();

  // An administrator names the installation; a name too short is refused at the field.
  const naming = page.getByRole('form', { name: 'Rename this installation' });
  await naming.getByLabel('Installation name').fill('O');
  await naming.getByRole('button', { name: 'Rename' }).click();
  await expect(
    naming.getByText('Give this installation a name of at least 2 characters.'),
  ).toBeVisible();
  await naming.getByLabel('Installation name').fill('Office, Oslo');
  await naming.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('installation-name')).toHaveText('Office, Oslo');
  await expect(page.getByTestId('installation-fingerprint')).toHaveText(fingerprint ?? '');

  // The audit is chosen already; emptied, export asks for one; found again by searching.
  const exportSection = page.getByRole('region', { name: 'Export' });
  const chooser = exportSection.getByRole('textbox', { name: 'Audits to export' });
  await expect(exportSection).toContainText(`${setup.clientName} (`);
  await expect(exportSection).toContainText('Stage 1');
  await chooser.press('Backspace');
  await chooser.press('Escape');
  await exportSection.getByRole('button', { name: 'Export package' }).click();
  await expect(
    exportSection.getByText('Choose at least one audit to put in the package.'),
  ).toBeVisible();
  await chooser.fill('Nordlys');
  await page.getByRole('option', { name: /^Nordlys Analytics AS .* Stage 1 · / }).click();
  await expect(exportSection.getByText('Choose at least one audit')).toHaveCount(0);
  await chooser.press('Escape');
  await expectAccessible(page);
  const downloading = page.waitForEvent('download');
  await exportSection.getByRole('button', { name: 'Export package' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-package-C-\d{4}-\d{4}-.*\.adpkg$/);
  await expect(page.getByTestId('export-result')).toContainText(/\d+ records and 0 evidence files/);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-desk-packages-'));
  const officePackage = path.join(folder, download.suggestedFilename());
  await download.saveAs(officePackage);

  // The laptop: a second database in this process, filled from the package through the service.
  const laptop = await AppRuntime.start({
    databasePath: path.join(folder, 'laptop.sqlite'),
    backupOnOpen: false,
  });
  try {
    laptop.actAs(null, true);
    renamePackageIdentity(laptop.context(), { name: 'Ana’s laptop' });
    const arrived = await importAuditPackage(laptop.context(), {
      data: fs.readFileSync(officePackage).toString('base64'),
      resolutions: [],
    });
    expect(arrived.conflicts).toEqual([]);
    expect(arrived.inserted).toBeGreaterThan(5);
    // The auditor works on the laptop as herself: her person record came with the package.
    laptop.actAs(getPerson(laptop.context().db, setup.meId));
    saveChecklistAnswer(laptop.context(), {
      checklistItemId: item.id,
      result: 'concern',
      notes: laptopNotes,
    });
    saveChecklistAnswer(laptop.context(), { checklistItemId: other.id, notes: laptopNotes });
    // Meanwhile the same answer's notes change in the office.
    await invoke(harness, 'saveChecklistAnswer', { checklistItemId: item.id, notes: officeNotes });
    const back = await exportAuditPackage(laptop.context(), { auditIds: [setup.auditId] });
    fs.writeFileSync(path.join(folder, back.fileName), Buffer.from(back.data, 'base64'));
    const laptopPackage = path.join(folder, back.fileName);

    // A package changed after it was signed is refused at the file field, with the reason.
    const importSection = page.getByRole('region', { name: 'Import' });
    const fileInput = importSection.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: back.fileName,
      mimeType: 'application/zip',
      buffer: await tampered(fs.readFileSync(laptopPackage)),
    });
    await expect(
      importSection.getByText('This package was refused: data.json does not match'),
    ).toBeVisible();
    await expect(importSection.getByRole('button', { name: 'Package file' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByTestId('package-preview')).toHaveCount(0);
    await expectAccessible(page);

    // The laptop's own package: who signed it, what it would do, the conflict side by side.
    await fileInput.setInputFiles(laptopPackage);
    const preview = page.getByTestId('package-preview');
    await expect(preview.getByTestId('package-signer')).toHaveText('Ana’s laptop');
    await expect(preview.getByTestId('first-seen')).toBeVisible();
    expect(await preview.getByTestId('package-fingerprint').textContent()).not.toBe(fingerprint);
    await expect(
      preview.getByRole('table', { name: 'Audits in the package' }).getByRole('row'),
    ).toHaveCount(2);
    await expect(preview.getByTestId('count-conflicts')).toHaveText('1');
    const conflict = preview.getByTestId('package-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText(`Answer ${item.title}`);
    await expect(conflict).toContainText(officeNotes);
    await expect(conflict).toContainText(laptopNotes);
    const importButton = preview.getByRole('button', { name: 'Import', exact: true });
    await expect(importButton).toBeDisabled();
    await expect(preview.getByTestId('import-hint')).toHaveText(
      '1 of 1 conflict still needs a decision.',
    );
    await expectAccessible(page);

    // Edit offers mine to start from; the final choice is to take theirs.
    await conflict.getByRole('radio', { name: 'Edit' }).check();
    await expect(conflict.getByRole('textbox')).toHaveValue(officeNotes);
    await conflict.getByRole('radio', { name: 'Take theirs' }).check();
    await expect(preview.getByTestId('import-hint')).toHaveText('Every conflict has a decision.');

    // Someone changes the other answer here after the preview: the import refuses, writes nothing,
    // compares again, and the decision already made is kept.
    await invoke(harness, 'saveChecklistAnswer', { checklistItemId: other.id, notes: officeNotes });
    await importButton.click();
    await expect(
      preview.getByText(
        '1 conflict still needs a decision (keep mine, take theirs or edit); nothing was imported. Your decisions are kept.',
      ),
    ).toBeVisible();
    await expect(preview.getByTestId('count-conflicts')).toHaveText('2');
    await expect(preview.getByTestId('import-hint')).toHaveText(
      '1 of 2 conflicts still need a decision.',
    );
    await expect(conflict.first().getByRole('radio', { name: 'Take theirs' })).toBeChecked();
    await conflict.nth(1).getByRole('radio', { name: 'Keep mine' }).check();
    await importButton.click();
    const result = page.getByTestId('import-result');
    await expect(result).toContainText('2 conflicts were resolved as you chose');
    await expect(result.getByTestId('count-resolved')).toHaveText('2');
    await expectAccessible(page);
    const history = page.getByRole('table', { name: 'Package history' });
    await expect(history.getByRole('row').nth(1)).toContainText('Imported');
    await expect(history.getByRole('row').nth(1)).toContainText('Ana’s laptop');
    await expect(history.getByRole('row').nth(2)).toContainText('Exported');

    // The checklist: the laptop's result arrived, the notes are the laptop's as chosen.
    await page.goto(
      `${harness.url}#/audits/${setup.auditId}/checklist?item=${encodeURIComponent(item.itemKey)}`,
    );
    await expect(page.getByLabel('Your notes')).toHaveValue(laptopNotes);
    await expect(
      page.getByRole('group', { name: 'Result' }).getByRole('button', { name: /^Concern/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    const answers = await invoke(harness, 'getChecklist', { auditId: setup.auditId });
    const otherNow = answers?.items.find((i) => i.id === other.id);
    expect(otherNow?.answers.map((a) => a.notes)).toEqual([officeNotes]);
  } finally {
    laptop.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
