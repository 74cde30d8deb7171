import { addDays, addYears, format } from 'date-fns';
import type { Harness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const day = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * A client, an audit a month from now, and three people: a qualified lead auditor, an auditor who
 * advised the client a year before the audit, and an auditor whose qualification and competence
 * the test records through the screens.
 */
async function seed(harness: Harness) {
  const ctx = harness.runtime.context();
  const { createClient } = await import('../../electron/services/clients');
  const { createPerson } = await import('../../electron/services/people');
  const { addQualification, updateCompetence } =
    await import('../../electron/services/person-profile');
  const { addDeclaration } = await import('../../electron/services/impartiality');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  const client = createClient(
    ctx,
    clientInputSchema.parse({
      legalName: 'Helix Health AI Ltd',
      country: 'GB',
      status: 'certified',
      aiRoles: ['developer'],
      contacts: [{ name: 'Mo Patel', email: 'mo@helix.example', primary: true }],
      sites: [{ name: 'Leeds', country: 'GB', isCentral: true, fullTimePersonnel: 60 }],
    }),
  );
  const start = addDays(new Date(), 30);
  const person = (name: string, roles: ('lead_auditor' | 'auditor')[]) =>
    createPerson(ctx, { name, email: `${name.split(' ')[0]?.toLowerCase()}@cb.example`, roles });
  const lena = person('Lena Lead', ['lead_auditor']);
  const carl = person('Carl Conflict', ['auditor']);
  person('Ada Auditor', ['auditor']);
  const qualification = { issuer: 'Exemplar Global', validFrom: '2024-01-01', validUntil: null };
  addQualification(ctx, {
    ...qualification,
    personId: lena.id,
    kind: 'iso42001LeadAuditor',
    title: '42001 LA',
  });
  addQualification(ctx, {
    ...qualification,
    personId: carl.id,
    kind: 'iso42001Auditor',
    title: '42001 A',
  });
  updateCompetence(ctx, { id: lena.id, competenceAreas: ['aiLifecycle'], languages: ['en'] });
  updateCompetence(ctx, { id: carl.id, competenceAreas: ['sectorHealth'], languages: ['en'] });
  const consultancyEnded = day(addYears(start, -1));
  addDeclaration(ctx, {
    personId: carl.id,
    clientId: client.id,
    kind: 'consultancy',
    fromDate: '2023-01-01',
    toDate: consultancyEnded,
    notes: 'AI risk assessment project',
  });
  const dates = { startDate: day(start), endDate: day(addDays(start, 1)) };
  const auditId = await planAudit(harness, client.id, client.sites[0]?.id ?? '', dates);
  return {
    auditId,
    consultancyEnded,
    clientId: client.id,
    siteId: client.sites[0]?.id ?? '',
    lenaId: lena.id,
    dates,
  };
}

async function planAudit(
  harness: Harness,
  clientId: string,
  siteId: string,
  dates: { startDate: string; endDate: string },
  type: 'surveillance' | 'special' = 'surveillance',
): Promise<string> {
  const { createAudit } = await import('../../electron/services/audits');
  const { createAuditSchema } = await import('../../shared/programme/audit-schema');
  const input = { clientId, type, cycleNumber: 1, ...dates, onsiteDays: 2, siteIds: [siteId] };
  const audit = createAudit(
    harness.runtime.context(),
    createAuditSchema.parse({ ...input, criteria: 'ISO/IEC 42001:2023' }),
  );
  return audit.id;
}

test('a scheduler sees why an auditor with a consultancy conflict cannot join, then assigns a valid team', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const { auditId, consultancyEnded } = await seed(harness);

  // Ada's qualification and competence, recorded on her profile.
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Ada Auditor' }).click();
  await expect(page.getByRole('heading', { name: 'Ada Auditor' })).toBeVisible();
  await expect(page.getByText('No qualifications recorded yet.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add qualification' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a qualification for Ada Auditor' });
  await dialog.getByLabel('Kind').selectOption('iso42001Auditor');
  await dialog.getByLabel('Valid from').fill('2025-02-01');
  await dialog.getByLabel('Valid until').fill('2025-01-01');
  await dialog.getByRole('button', { name: 'Add qualification' }).click();
  await expect(
    dialog.getByText('Name the qualification, e.g. the course or certificate.'),
  ).toBeVisible();
  await expect(
    dialog.getByText('It expires before it is valid: choose a date on or after 2025-02-01.'),
  ).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Title').fill('ISO/IEC 42001 Auditor');
  await dialog.getByLabel('Valid until').fill('');
  await dialog.getByRole('button', { name: 'Add qualification' }).click();
  await expect(page.getByRole('table', { name: 'Qualifications' })).toContainText(
    'Does not expire',
  );

  await page.getByRole('tab', { name: 'Competence and languages' }).click();
  await page.getByRole('checkbox', { name: 'Sector: health and medical devices' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save competence' }).click();
  await expect(page.getByText('Competence of Ada Auditor saved.')).toBeVisible();

  await page.getByRole('tab', { name: /Impartiality/ }).click();
  await expect(page.getByText('No relationships with clients declared.')).toBeVisible();
  await expectAccessible(page);

  // The application review: what the client's scope needs.
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('link', { name: 'Helix Health AI Ltd' }).click();
  await page.getByRole('tab', { name: 'Application review' }).click();
  await expect(page.getByTestId('application-review-status')).toContainText(
    'has not been reviewed yet',
  );
  await page.getByRole('checkbox', { name: 'AI system life cycle' }).check();
  await page.getByRole('checkbox', { name: 'Sector: health and medical devices' }).check();
  await page.getByRole('button', { name: 'Record application review' }).click();
  await expect(page.getByTestId('application-review-status')).toContainText(
    'Reviewed by Ana Admin',
  );
  await expectAccessible(page);

  // The audit page: pick a team.
  await page.goto(`${harness.url}#/audits/${auditId}`);
  await expect(page.getByRole('heading', { name: 'Audit team' })).toBeVisible();
  await expect(page.getByText('No team assigned yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Assign team' }).click();
  await expect(page.getByText('The team has no lead auditor: choose exactly one.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Team member 1', exact: true }).click();
  await page.getByRole('option', { name: /Lena Lead/ }).click();
  await expect(
    page.getByText(
      /Nobody on the team covers the competence area Helix Health AI Ltd needs: Sector: health/,
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByRole('textbox', { name: 'Team member 2', exact: true }).click();
  await page.getByRole('option', { name: /Carl Conflict/ }).click();
  const carlRow = page.getByTestId('team-row-2');
  await expect(carlRow).toContainText(
    `Carl Conflict provided consultancy to Helix Health AI Ltd until ${consultancyEnded} (AI risk assessment project), less than 2 years before the audit starts`,
  );
  await expect(carlRow).toContainText('this cannot be overridden');
  await expect(carlRow.getByRole('textbox', { name: /Reason to override/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Save team' }).click();
  await expect(page.getByTestId('team-refusal')).toContainText('The team cannot be assigned:');
  await expect(page.getByTestId('team-refusal')).toContainText(
    'Carl Conflict provided consultancy',
  );
  // The picks are kept.
  await expect(page.getByRole('textbox', { name: 'Team member 2', exact: true })).toHaveValue(
    /Carl Conflict/,
  );
  await expectAccessible(page);

  await page.getByRole('textbox', { name: 'Team member 2', exact: true }).click();
  await page.getByRole('option', { name: /Ada Auditor/ }).click();
  await expect(
    page.getByText('One lead auditor, and every competence area covered.'),
  ).toBeVisible();
  await expect(carlRow.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save team' }).click();
  await expect(page.getByText('Audit team saved.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit team' });
  await expect(table).toContainText('Lena Lead');
  await expect(table).toContainText('Ada Auditor');
  await expect(table).not.toContainText('Carl Conflict');
  await expectAccessible(page);
});

test('a double booking can be overridden only with a reason, which is recorded with the team', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const { auditId, clientId, siteId, lenaId, dates } = await seed(harness);
  const ctx = harness.runtime.context();
  const { reviewApplication } = await import('../../electron/services/application-review');
  const { assignTeam } = await import('../../electron/services/team');
  reviewApplication(ctx, { clientId, requiredCompetenceAreas: ['aiLifecycle'] });
  const special = await planAudit(harness, clientId, siteId, dates, 'special');
  assignTeam(ctx, {
    auditId: special,
    members: [{ personId: lenaId, role: 'lead_auditor' }],
    overrides: [],
  });

  await page.goto(`${harness.url}#/audits/${auditId}`);
  await page.getByRole('button', { name: 'Assign team' }).click();
  await page.getByRole('textbox', { name: 'Team member 1', exact: true }).click();
  await page.getByRole('option', { name: /Lena Lead/ }).click();
  const row = page.getByTestId('team-row-1');
  await expect(row).toContainText(
    `Lena Lead is already on the Special audit of Helix Health AI Ltd from ${dates.startDate} to ${dates.endDate} as lead auditor.`,
  );
  const reason = row.getByRole('textbox', {
    name: 'Reason to override: Not booked on another audit (Lena Lead)',
  });
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Save team' }).click();
  await expect(page.getByTestId('team-refusal')).toContainText('To assign anyway, give a reason.');
  await reason.fill('The special audit is a half-day remote review');
  await page.getByRole('button', { name: 'Save team' }).click();
  const table = page.getByRole('table', { name: 'Audit team' });
  await expect(table).toContainText(
    'Not booked on another audit: The special audit is a half-day remote review',
  );
  // Checked again on the saved team, the overridden double booking is not raised a second time.
  await expect(page.getByText('Checked again today')).toHaveCount(0);
  await expectAccessible(page);
});
