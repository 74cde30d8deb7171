import { addMonths, format } from 'date-fns';
import type { Harness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const day = (date: Date) => format(date, 'yyyy-MM-dd');

/** A client on two sites with a saved surveillance audit time (no override: usable for planning). */
async function seedClientWithAuditTime(harness: Harness): Promise<{ days: number }> {
  const ctx = harness.runtime.context();
  const { createClient } = await import('../../electron/services/clients');
  const { saveAuditTime } = await import('../../electron/services/audit-time');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  const client = createClient(
    ctx,
    clientInputSchema.parse({
      legalName: 'Orion Vision GmbH',
      country: 'DE',
      status: 'certified',
      scope: 'Computer-vision quality inspection for automotive suppliers.',
      aiRoles: ['developer'],
      contacts: [{ name: 'Ida Kern', email: 'ida@orion.example', primary: true }],
      sites: [
        { name: 'Stuttgart HQ', country: 'DE', isCentral: true, fullTimePersonnel: 90 },
        { name: 'Graz lab', country: 'AT', fullTimePersonnel: 30 },
      ],
    }),
  );
  const saved = saveAuditTime(ctx, {
    clientId: client.id,
    auditType: 'surveillance',
    aiRole: 'developerProviderUser',
    personnel: { fullTime: 120 },
    sites: 2,
    factors: [],
  });
  return { days: saved.effectiveDays };
}

test('records the certification decision, plans a surveillance into its window from the Programme tab and downloads the plan', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const { days } = await seedClientWithAuditTime(harness);
  const today = new Date();
  // Decided 10 months ago: surveillance 1 is due in 2 months, its window opened a month ago.
  const decisionDate = day(addMonths(today, -10));
  const dueDate = day(addMonths(addMonths(today, -10), 12));

  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('link', { name: 'Orion Vision GmbH' }).click();
  await page.getByRole('tab', { name: 'Programme' }).click();
  await expect(page.getByText('No certification decision recorded yet')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Record certification decision' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record the certification decision' });
  await dialog.getByLabel('Date of the certification decision').fill(decisionDate);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('programme-standing')).toContainText('Certified');
  const s1 = page.getByTestId('programme-surveillance1');
  await expect(s1).toContainText(dueDate);
  await expect(s1).toContainText('Due');
  await expect(page.getByTestId('programme-expiry')).toBeVisible();
  await expectAccessible(page);

  // Plan audit: type, cycle and a start inside the window come from the programme event.
  await s1.getByRole('link', { name: 'Plan Surveillance 1' }).click();
  await expect(page.getByRole('heading', { name: 'Plan surveillance' })).toBeVisible();
  await expect(page.getByTestId('plan-cycle')).toContainText('Certification cycle 1');
  await expect(page.getByLabel('On-site days')).toHaveValue(String(days));
  await expect(page.getByLabel('First audit day')).toHaveValue(day(today));
  await expect(page.getByTestId('days-summary')).toContainText(`calculated: ${days} days`);
  await expect(page.getByRole('checkbox', { name: /Stuttgart HQ/ })).toBeChecked();
  await expectAccessible(page);

  // More days than calculated and an end before the start: each message at its field, input kept.
  await page.getByLabel('On-site days').fill(String(days + 1));
  await page.getByLabel('Last audit day').fill(day(addMonths(today, -1)));
  await page.getByRole('button', { name: 'Plan audit' }).click();
  const reason = page.getByLabel('Reason the days differ from the calculation');
  await expect(
    page.getByText(
      `The plan gives ${days + 1} days but the audit-time calculation gives ${days}: say why the days differ.`,
    ),
  ).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/The audit ends before it starts/)).toBeVisible();
  await expect(page.getByLabel('On-site days')).toHaveValue(String(days + 1));
  await expectAccessible(page);

  // Dates past the window are allowed, with a warning saying what lateness means.
  const notice = page.getByTestId('plan-window-notice');
  await expect(notice).toHaveCount(0);
  await page.getByLabel('Last audit day').fill(day(addMonths(today, 3)));
  await expect(notice).toContainText(`ends after its window closes on ${dueDate}`);
  await page.getByLabel('Last audit day').fill(day(today));
  await expect(notice).toHaveCount(0);
  await reason.fill('The Graz lab added a second production line.');
  await page.getByRole('button', { name: 'Plan audit' }).click();

  await expect(
    page.getByRole('heading', { name: 'Surveillance: Orion Vision GmbH' }),
  ).toBeVisible();
  await expect(page.getByTestId('audit-days')).toContainText(`Calculated: ${days} days`);
  await expect(page.getByTestId('audit-days')).toContainText('second production line');
  await expect(page.getByRole('list', { name: 'Sites to visit' })).toContainText('Stuttgart HQ');
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download audit plan (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-plan-C-\d{4}-0001-surveillance-.*\.pdf$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);

  // The state moves on; the programme links the audit to surveillance 1.
  await page.getByRole('button', { name: 'Confirm dates with the client' }).click();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: '← Orion Vision GmbH' }).click();
  await expect(s1.getByRole('link', { name: day(today) })).toBeVisible();
  await expect(s1.getByRole('link', { name: 'Plan Surveillance 1' })).toHaveCount(0);

  // The Audits list shows it and filters by type.
  await page.getByRole('link', { name: 'Audits', exact: true }).click();
  const list = page.getByRole('table', { name: 'Audits' });
  await expect(list).toContainText('Orion Vision GmbH');
  await page.getByRole('textbox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Stage 1' }).click();
  await expect(page.getByText('No audit matches')).toBeVisible();
  await expectAccessible(page);
});
