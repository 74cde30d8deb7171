import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../harness/server';

/** Each test gets its own database file and harness: the same services the app uses. */
export const test = base.extend<{ harness: Harness; dbPath: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
  dbPath: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-desk-e2e-'));
    await use(path.join(dir, 'audit-desk.sqlite'));
    fs.rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dbPath }, use) => {
    const harness = await startHarness({ databasePath: dbPath, log: { error: () => undefined } });
    await use(harness);
    await harness.close();
  },
});

export { expect };

/** No axe violations on what the page shows now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** First start: set up the first person (an administrator) through the UI. */
export async function setUpFirstAdmin(page: Page, harness: Harness, name = 'Ana Admin') {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Audit Desk' })).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill('ana@cb.example');
  await page.getByRole('button', { name: 'Start using Audit Desk' }).click();
  await expect(page.getByTestId('current-person')).toContainText(name);
}
