import { formatISO } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { programmeOverview } from '../../electron/services/programme';
import { seedDemo } from '../../electron/services/seed';
import { addCalendarDays } from '../../shared/cycle';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const screenshot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../resources/screenshots/programme.png',
);

test('a scheduler sees what is due, filters it, looks ahead past a window and downloads an auditor’s calendar', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await expect(page.getByRole('heading', { name: 'Programme' })).toBeVisible();
  await expect(page.getByText('No programme yet')).toBeVisible();
  await expectAccessible(page);

  const ctx = harness.runtime.context();
  const today = formatISO(new Date(), { representation: 'date' });
  await seedDemo(ctx, { today });
  const expected = programmeOverview(ctx, { today });
  const dueSurveillance = expected.events.find(
    (e) => e.event === 'surveillance1' && e.state === 'due' && e.plannedAudit !== null,
  );
  if (!dueSurveillance?.windowEnd) throw new Error('The demo has no due surveillance 1');
  const row = (reference: string) => page.locator(`[role="row"][data-client="${reference}"]`);

  await page.reload();
  const counts = expected.counts;
  await expect(page.getByTestId('count-overdue')).toContainText(String(counts.overdue));
  await expect(page.getByTestId('count-due')).toContainText(String(counts.due));
  await expect(page.getByTestId('count-planned')).toContainText(String(counts.planned));
  await expect(page.getByTestId('count-done')).toContainText('Done this month');
  // Most urgent first: the first row is overdue.
  await expect(page.locator('[role="row"][aria-rowindex="2"]')).toContainText('Overdue');
  await page.screenshot({ path: screenshot });
  await page
    .getByTestId('programme-rows')
    .evaluate((el, top) => el.scrollTo(0, top), 52 * counts.overdue);
  await expect(row(dueSurveillance.reference)).toContainText('Surveillance 1');
  await expect(row(dueSurveillance.reference)).toContainText('Due');
  await expectAccessible(page);

  // Filter by state: only overdue clients remain, each with what the rules say follows.
  await page.getByRole('textbox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Overdue' }).click();
  await expect(page.getByRole('tab', { name: /Next events/ })).toContainText(`(${counts.overdue})`);
  await expect(row(dueSurveillance.reference)).toHaveCount(0);
  await expect(page.getByTestId('programme-rows')).toContainText('suspension to be considered');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // The month calendar shows the booked surveillance on its first day.
  await page.getByRole('tab', { name: 'Calendar' }).click();
  const audit = dueSurveillance.plannedAudit;
  if (!audit) throw new Error('unreachable');
  if (audit.start.slice(0, 7) !== today.slice(0, 7)) {
    await page.getByRole('button', { name: 'Next month' }).click();
  }
  await expect(page.locator(`td[data-day="${audit.start}"]`)).toContainText(
    dueSurveillance.legalName,
  );
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'Utilisation' }).click();
  await expect(
    page.getByRole('table', { name: 'Booked days per auditor and month' }),
  ).toContainText(audit.team[0]?.name ?? '');
  await expectAccessible(page);

  // Looking ahead past the end of its window, the same surveillance is overdue.
  await page.getByRole('tab', { name: /Next events/ }).click();
  await page.getByLabel('As of').fill(addCalendarDays(dueSurveillance.windowEnd, 1));
  await page.getByRole('textbox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Overdue' }).click();
  await expect(row(dueSurveillance.reference)).toContainText('Overdue');
  await expect(row(dueSurveillance.reference)).toContainText('suspension to be considered');
  await page.getByRole('button', { name: 'Back to today' }).click();
  await expect(page.getByTestId('count-overdue')).toContainText(String(counts.overdue));

  // An auditor's calendar file from the People page.
  const lead = audit.team[0];
  if (!lead) throw new Error('The booked surveillance has no team');
  await page.getByRole('link', { name: 'People' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download the audit calendar of ${lead.name}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audits-[a-z-]+\.ics$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text).toContain(`UID:audit-${audit.id}@audit-desk`);
  await expectAccessible(page);

  // The same audit from its own page: one event, the same UID, so a re-import updates it.
  await page.goto(`${harness.url}#/audits/${audit.id}`);
  const downloadingAudit = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download calendar file' }).click();
  const auditFile = fs.readFileSync(await (await downloadingAudit).path(), 'utf8');
  expect(auditFile.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  expect(auditFile).toContain(`UID:audit-${audit.id}@audit-desk`);
});
