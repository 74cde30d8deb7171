import type { Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

/**
 * A client on three sites: 165 full-time persons and 240 part-time hours a week (6 more), an AI
 * developer and provider (several roles), already certified to ISO/IEC 27001.
 */
async function seedMultiSiteClient(harness: Harness): Promise<string> {
  const ctx = harness.runtime.context();
  const { createClient } = await import('../../electron/services/clients');
  const { createPerson } = await import('../../electron/services/people');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  createPerson(ctx, { name: 'Lee Lead', email: 'lee@cb.example', roles: ['lead_auditor'] });
  createPerson(ctx, { name: 'Sam Scheduler', email: 'sam@cb.example', roles: ['scheduler'] });
  const client = createClient(
    ctx,
    clientInputSchema.parse({
      legalName: 'Helios Robotics GmbH',
      country: 'DE',
      status: 'applicant',
      aiRoles: ['developer', 'provider'],
      otherCertifications: [{ standard: 'ISO/IEC 27001', certificateNumber: 'IS-4711' }],
      contacts: [{ name: 'Hanna Berg', email: 'hanna@helios.example', primary: true }],
      sites: [
        {
          name: 'Headquarters',
          country: 'DE',
          isCentral: true,
          fullTimePersonnel: 100,
          partTimePersonnel: 10,
          partTimeAverageHours: 20,
        },
        { name: 'Munich lab', country: 'DE', fullTimePersonnel: 40 },
        {
          name: 'Vienna office',
          country: 'AT',
          fullTimePersonnel: 25,
          partTimePersonnel: 4,
          partTimeAverageHours: 10,
        },
      ],
    }),
  );
  return client.id;
}

async function switchPerson(page: Page, name: string) {
  await page.getByRole('button', { name: 'Switch person' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Person' }).click();
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('current-person')).toContainText(name);
}

async function addFactor(page: Page, code: string) {
  await page.getByRole('textbox', { name: 'Add a factor from the catalogue' }).click();
  await page.getByRole('option', { name: new RegExp(`^${code}:`) }).click();
  await expect(page.getByRole('group', { name: `Factor ${code}` })).toBeVisible();
}

test('a lead auditor calculates, saves and overrides audit time; a scheduler approves it', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  await seedMultiSiteClient(harness);
  await switchPerson(page, 'Lee Lead');

  await page.getByRole('link', { name: 'Helios Robotics GmbH' }).click();
  await page.getByRole('tab', { name: 'Audit time' }).click();
  await expect(page.getByText('No audit time saved yet.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Calculate audit time' }).click();
  await expect(page.getByRole('heading', { name: 'Calculate audit time' })).toBeVisible();

  // Prefilled from the sites and AI roles; the combined audit is offered because of ISO/IEC 27001.
  await expect(page.getByLabel('Full-time persons')).toHaveValue('165');
  await expect(page.getByLabel('Part-time hours per week')).toHaveValue('240');
  await expect(page.getByLabel('Sites in scope')).toHaveValue('3');
  await expect(page.getByRole('textbox', { name: 'AI role column (ISO/IEC 42006)' })).toHaveValue(
    'several AI roles',
  );
  await expect(page.getByText(/Suggested: The client holds several AI roles/)).toBeVisible();
  await expect(page.getByLabel('Combined audit with ISO/IEC 27001')).toBeVisible();
  // 171 persons → band 126-175, several roles 17 days; 2 of the 2 other sites sampled → 18 days.
  const live = page.getByRole('group', { name: 'Live result' });
  await expect(live.getByTestId('initial-total')).toHaveText('18');
  await expect(page.getByTestId('justification')).toContainText('171 effective persons');
  await expect(page.getByRole('table', { name: 'Where the figures come from' })).toContainText(
    'Published: IAF MD 5',
  );
  await expectAccessible(page);

  // A factor beyond its range: the message is at that field, nothing typed is lost.
  await addFactor(page, 'AI_HIGH_IMPACT');
  await page.getByLabel('AI_HIGH_IMPACT percentage').fill('60');
  await expect(
    page.getByText('AI_HIGH_IMPACT lies between 10% and 50%; 60% is outside that range.'),
  ).toBeVisible();
  await expect(page.getByLabel('AI_HIGH_IMPACT percentage')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByLabel('AI_HIGH_IMPACT percentage')).toHaveValue('60%');
  await expect(page.getByLabel('Full-time persons')).toHaveValue('165');
  await expect(page.getByTestId('not-calculated')).toBeVisible();
  // The figures stay those of the last complete input: the factor at its starting +10%.
  await expect(live.getByTestId('initial-total')).toHaveText('19.5');
  await expectAccessible(page);
  await page.getByLabel('AI_HIGH_IMPACT percentage').fill('20');
  await expect(page.getByTestId('not-calculated')).toHaveCount(0);
  // 17 × 1.2 = 20.4 → 20.5; Stage 1 7, Stage 2 13.5 + 1 → 21.5 days.
  await expect(live.getByTestId('initial-total')).toHaveText('21.5');
  await page.getByRole('button', { name: 'Remove AI_HIGH_IMPACT' }).click();

  // Three reductions adding up to −45%: the 30% cap bites and says so.
  await addFactor(page, 'AI_FEW_LOW_RISK');
  await page.getByLabel('AI_FEW_LOW_RISK percentage').fill('-20');
  await addFactor(page, 'MATURE_MS');
  await page.getByLabel('MATURE_MS percentage').fill('-15');
  await addFactor(page, 'LIMITED_AI_ACTIVITIES');
  await page.getByLabel('LIMITED_AI_ACTIVITIES percentage').fill('-10');
  await expect(page.getByTestId('reduction-cap')).toContainText(
    'The factors add up to -45%, more than the 30% total reduction allowed (published in IAF MD 5); -30% is used.',
  );
  await expect(page.locator('[data-code="REDUCTION_CAP"]')).toBeVisible();
  // 17 × 0.7 = 11.9 → 12; Stage 1 4, Stage 2 8 + 2 sampled sites × 0.5 = 9 → 13 days.
  await expect(live.getByTestId('initial-total')).toHaveText('13');

  // Saving needs a reason for each factor; the messages are at the reasons.
  await page.getByRole('button', { name: 'Save audit time' }).click();
  await expect(page.getByText('Say why this factor applies to this client.')).toHaveCount(3);
  await expect(page.getByLabel('MATURE_MS percentage')).toHaveValue('-15%');
  await page.getByLabel('Reason for AI_FEW_LOW_RISK').fill('Two AI systems, both internal.');
  await page.getByLabel('Reason for MATURE_MS').fill('ISO/IEC 27001 certified since 2019.');
  await page.getByLabel('Reason for LIMITED_AI_ACTIVITIES').fill('Only model deployment.');
  await page.getByRole('button', { name: 'Save audit time' }).click();

  await expect(
    page.getByRole('heading', { name: 'Audit time for Helios Robotics GmbH' }),
  ).toBeVisible();
  await expect(page.getByTestId('saved-with')).toContainText(
    'by Lee Lead with table audit-desk-aims-2025.1',
  );
  await expect(page.getByTestId('approval-state')).toHaveText('No approval needed');
  await expect(page.getByTestId('effective-days')).toContainText('13 days count for planning');
  await expect(page.getByRole('table', { name: 'Adjustment factors' })).toContainText(
    'Only model deployment.',
  );
  await expectAccessible(page);

  // Override as the lead auditor: pending until someone else approves.
  await page.getByRole('button', { name: 'Override days' }).click();
  const dialog = page.getByRole('dialog', { name: 'Override the audit days' });
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(
    dialog.getByText('Say why the calculated days do not fit this client.'),
  ).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Days instead').fill('15');
  await dialog.getByLabel('Reason for the override').fill('The Vienna office runs its own models.');
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByTestId('approval-state')).toHaveText('Override pending approval');
  await expect(page.getByText('You made this override')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve override' })).toHaveCount(0);

  // The scheduler sees it pending on the client page and approves it.
  await switchPerson(page, 'Sam Scheduler');
  await page.getByRole('link', { name: 'Helios Robotics GmbH' }).click();
  await page.getByRole('tab', { name: 'Audit time' }).click();
  const saved = page.getByRole('table', { name: 'Saved audit time' });
  await expect(saved).toContainText('Override pending approval');
  await expect(saved).toContainText('audit-desk-aims-2025.1');
  await expectAccessible(page);
  await saved.getByRole('link').first().click();
  await page.getByRole('button', { name: 'Approve override' }).click();
  const approve = page.getByRole('dialog', { name: 'Approve the override' });
  await expectAccessible(page);
  await approve.getByLabel('Note (optional)').fill('Agreed after the Stage 1 call.');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('approval-state')).toHaveText('Override approved');
  await expect(page.getByTestId('effective-days')).toContainText('15 days count for planning');
  await expect(page.getByText('Approved by Sam Scheduler')).toBeVisible();
  await expectAccessible(page);
});
