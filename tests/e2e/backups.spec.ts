import fs from 'node:fs';
import path from 'node:path';
import { storeEvidenceFromPath } from '../../electron/services/evidence-uploads';
import { storedPath } from '../../electron/services/evidence-store';
import { setUpAuditWithTeam } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

test('retention settings are checked at the field; back up now lists the backup; verifying evidence names the record of an altered file', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage1', prepare: true });
  const item = setup.checklist?.items[0];
  if (!item) throw new Error('the Stage 1 checklist has items');
  const folder = path.dirname(harness.runtime.context().evidenceDirectory);
  fs.writeFileSync(path.join(folder, 'risk-assessment.txt'), 'AI risk assessment, version 3.');
  const file = storeEvidenceFromPath(harness.runtime.context(), {
    auditId: setup.auditId,
    checklistItemId: item.id,
    filePath: path.join(folder, 'risk-assessment.txt'),
  });

  await page.getByRole('link', { name: 'Data and backups' }).click();
  await expect(page.getByRole('heading', { name: 'Data and backups' })).toBeVisible();
  await expect(page.getByTestId('automatic-backups')).toContainText('every 15 minutes');

  // Retention: one bad value is refused at its field and nothing is saved.
  const settings = page.getByRole('form', { name: 'Automatic backups and retention' });
  await settings.getByLabel('Back up every (minutes)').fill('30');
  await settings.getByLabel('Daily backups kept').fill('-1');
  await settings.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(settings.getByText('Daily backups: 0 or more days.')).toBeVisible();
  await expect(settings.getByText('Nothing was saved yet.', { exact: false })).toBeVisible();
  expect(harness.runtime.dataStatus().settings.intervalMinutes).toBe(15);
  await expectAccessible(page);
  await settings.getByLabel('Daily backups kept').fill('7');
  await settings.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(page.getByText('Backup settings saved.')).toBeVisible();
  await expect(page.getByTestId('automatic-backups')).toContainText('every 30 minutes');
  expect(harness.runtime.dataStatus().settings).toMatchObject({
    intervalMinutes: 30,
    keepDaily: 7,
  });

  // Back up now: the backup is listed with the evidence file it holds a copy of.
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/^Backed up .* with 1 evidence file\.$/)).toBeVisible();
  const backups = page.getByRole('table', { name: 'Backups' });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups.getByRole('row').nth(1)).toContainText('manual');
  await expect(backups.getByRole('row').nth(1).getByRole('cell').nth(3)).toHaveText('1');

  // Someone alters the stored file: verifying names the file and the record it belongs to.
  fs.appendFileSync(storedPath(harness.runtime.context().evidenceDirectory, file.sha256), '!');
  await page.getByRole('button', { name: 'Verify evidence files' }).click();
  await expect(page.getByText('Some evidence files cannot be relied on')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Evidence file problems' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  const row = problems.getByRole('row').nth(1);
  await expect(row).toContainText('risk-assessment.txt');
  await expect(row).toContainText('Altered');
  await expect(row).toContainText(setup.clientName);
  await expect(row.getByRole('link', { name: `checklist item ${item.itemKey}` })).toHaveAttribute(
    'href',
    `#/audits/${setup.auditId}/checklist?item=${encodeURIComponent(item.itemKey)}`,
  );
  await expectAccessible(page);
});
