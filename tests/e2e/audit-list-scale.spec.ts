import { seedClients } from '../../electron/services/seed';
import { auditStates, auditTypes } from '../../shared/programme/vocabulary';
import type { Harness } from '../harness/server';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

const auditCount = 3_000;
const clientCount = 30;

/** A planned start `i` days before 2030-12-31: audit 0 is the newest. */
function startOf(i: number): string {
  const day = new Date(Date.UTC(2030, 11, 31 - i));
  return day.toISOString().slice(0, 10);
}

/** Every type and state in turn, the state changing every seventh audit (so a client has all). */
const typeOf = (i: number) => auditTypes[i % auditTypes.length] ?? 'surveillance';
const stateOf = (i: number) => auditStates[Math.floor(i / 7) % auditStates.length] ?? 'planned';
const indexes = Array.from({ length: auditCount }, (_, i) => i);

/**
 * 3,000 audits over 30 generated clients, written straight to the database in one transaction
 * (planning each through the service would take minutes): every type and state in turn, the
 * administrator leading every tenth.
 */
function seedAudits(harness: Harness): { references: string[]; leadName: string } {
  const ctx = harness.runtime.context();
  seedClients(ctx, clientCount);
  const { sqlite } = ctx;
  const clients = sqlite.prepare('SELECT id, reference FROM clients ORDER BY reference').all() as {
    id: string;
    reference: string;
  }[];
  const lead = sqlite.prepare('SELECT id, name FROM people LIMIT 1').get() as {
    id: string;
    name: string;
  };
  const at = new Date().toISOString();
  const audit = sqlite.prepare(
    `INSERT INTO audits (id, client_id, type, cycle_number, state, planned_start, planned_end,
      onsite_days, remote_days, objectives, criteria, scope, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, ?, 2, 0, '', 'ISO/IEC 42001:2023', '', ?, ?)`,
  );
  const member = sqlite.prepare(
    `INSERT INTO audit_team_members (id, audit_id, person_id, role, overridden_checks,
      created_at, updated_at) VALUES (?, ?, ?, 'lead_auditor', '[]', ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < auditCount; i++) {
      const id = `audit-${String(i).padStart(5, '0')}`;
      const client = clients[i % clients.length];
      if (!client) throw new Error('No client was seeded.');
      const start = startOf(i);
      audit.run(id, client.id, typeOf(i), stateOf(i), start, start, at, at);
      if (i % 10 === 0) member.run(`team-${i}`, id, lead.id, at, at);
    }
  })();
  return { references: clients.map((c) => c.reference), leadName: lead.name };
}

test('the audit list stays usable at 3,000 audits: pages load as it scrolls, search and filters narrow it on the service', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const { references, leadName } = seedAudits(harness);
  await page.reload();
  await page.getByRole('link', { name: 'Audits', exact: true }).click();
  const total = page.getByTestId('audit-total');
  await expect(total).toHaveText('3,000 audits');
  const rows = page.getByTestId('audit-rows');
  const first = rows.locator('[role="row"][aria-rowindex="2"]');
  // Newest planned start first; the team is read with the page.
  await expect(first).toContainText('2030-12-31 to 2030-12-31');
  await expect(first).toContainText(`${leadName} (Lead auditor)`);
  // Virtualised: only the visible rows are in the page, however many audits there are.
  const rendered = await rows.getByRole('row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  await expectAccessible(page);

  // Scrolling to the end fetches the next pages until the oldest audit is there; still only a
  // screenful of rows is drawn.
  const lastRow = rows.locator(`[aria-rowindex="${auditCount + 1}"]`);
  await expect(async () => {
    await rows.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(lastRow).toBeVisible({ timeout: 150 });
  }).toPass({ intervals: [100], timeout: 30_000 });
  await expect(lastRow).toContainText(startOf(auditCount - 1));
  expect(await rows.getByRole('row').count()).toBeLessThan(100);

  // A search by reference (any case) is answered by the service: that client's 100 audits.
  const reference = references[7] ?? '';
  const search = page.getByRole('textbox', { name: 'Client' });
  await search.fill(reference.toLowerCase());
  await expect(total).toHaveText(`${auditCount / clientCount} audits`);
  await expect(page).toHaveURL(new RegExp(`q=${reference.toLowerCase()}`));
  await expect(first).toContainText(startOf(7));

  // With a state too; the filters stay in the address, so a reload keeps them.
  const ofClient = indexes.filter((i) => i % clientCount === 7);
  const completed = ofClient.filter((i) => stateOf(i) === 'completed');
  expect(completed.length).toBeGreaterThan(0);
  await page.getByRole('textbox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Completed' }).click();
  await expect(total).toHaveText(`${completed.length} audits`);
  await expect(first).toContainText(startOf(completed[0] ?? 0));
  await page.reload();
  await expect(search).toHaveValue(reference.toLowerCase());
  await expect(total).toHaveText(`${completed.length} audits`);

  // A search nothing matches shows the empty state, with the typed text kept.
  await search.fill('no client is called this');
  await expect(page.getByText('No audit matches')).toBeVisible();
  await expect(total).toHaveText('0 audits');
  await expect(search).toHaveValue('no client is called this');
  await expectAccessible(page);

  // The menu link starts afresh; the type filter alone counts on the service.
  await page.getByRole('link', { name: 'Audits', exact: true }).click();
  await expect(total).toHaveText('3,000 audits');
  await page.getByRole('textbox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Stage 1' }).click();
  const stage1 = indexes.filter((i) => typeOf(i) === 'stage1').length;
  await expect(total).toHaveText(`${stage1.toLocaleString('en-US')} audits`);
});
