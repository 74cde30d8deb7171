import fs from 'node:fs';
import path from 'node:path';
import { startHarness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

test('a damaged database is not opened: the newest good backup is offered and restored', async ({
  page,
  harness,
  dbPath,
}) => {
  await setUpFirstAdmin(page, harness);
  await page.getByRole('link', { name: 'Data and backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('last-backup')).not.toHaveText('none yet');
  await harness.close();

  // Overwrite the middle of the file with garbage, as a failing disk might.
  const size = fs.statSync(dbPath).size;
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(Math.min(8192, size - 4096), 0x5a), 0, undefined, 4096);
  fs.closeSync(fd);
  const damaged = fs.readFileSync(dbPath);

  const reopened = await startHarness({ databasePath: dbPath, log: { error: () => undefined } });
  try {
    await page.goto(reopened.url);
    await expect(page.getByRole('heading', { name: 'The database needs attention' })).toBeVisible();
    await expect(page.getByText('Audit Desk did not open the damaged file')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Restore the newest good backup' }).click();
    await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('current-person')).toContainText('Ana Admin');
    // The damaged file was kept beside the database, unchanged (with its WAL), for inspection.
    const dir = path.dirname(dbPath);
    const kept = fs.readdirSync(dir).filter((f) => f.includes('.damaged-') && !f.endsWith('-wal'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0] ?? '')).equals(damaged)).toBe(true);
  } finally {
    await reopened.close();
  }
});
