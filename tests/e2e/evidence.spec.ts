import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileChooser, Page } from '@playwright/test';
import { storeEvidenceFromPath } from '../../electron/services/evidence-uploads';
import { invoke, setUpAuditWithTeam } from './checklist-fixtures';
import { expect, expectAccessible, setUpFirstAdmin, test } from './fixtures';

/** A 2×2 red PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function openItem(page: Page, url: string, auditId: string, itemKey: string) {
  await page.goto(`${url}#/audits/${auditId}/checklist`);
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await page.getByLabel('Search').fill(itemKey);
  await page.getByTestId(`item-row-${itemKey}`).click();
  await expect(page.getByTestId('item-key')).toHaveText(itemKey);
}

/** The browser's constructors used below (the node-side TypeScript project has no DOM types). */
interface PageGlobals {
  DataTransfer: new () => { items: { add: (file: unknown) => void } };
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
  ClipboardEvent: new (type: string, init: object) => unknown;
  DragEvent: new (type: string, init: object) => unknown;
}

/** Drops or pastes files on the drop zone the way a browser does (a DataTransfer of Files). */
async function dropOrPaste(
  page: Page,
  how: 'drop' | 'paste',
  file: { name: string; type: string; base64: string },
) {
  await page.getByTestId('evidence-drop-zone').evaluate(
    (zone, { how, file }) => {
      const browser = globalThis as unknown as PageGlobals;
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const transfer = new browser.DataTransfer();
      transfer.items.add(new browser.File([bytes], file.name, { type: file.type }));
      if (how === 'paste') {
        zone.focus();
        zone.dispatchEvent(
          new browser.ClipboardEvent('paste', {
            clipboardData: transfer,
            bubbles: true,
            cancelable: true,
          }),
        );
        return;
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(
          new browser.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { how, file },
  );
}

test('attaches files to a checklist item by picker, keyboard, drop and paste', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });
  await openItem(page, harness.url, setup.auditId, '9.2.2');
  const attachments = page.getByRole('region', { name: 'Attachments' });
  await expect(attachments).toContainText('No files attached yet');
  await expectAccessible(page);

  // The file picker: 1.5 MB, so it travels in three chunks with a progress bar.
  const report = Buffer.alloc(1_500_000, 'Internal audit report IA-2026-01. ');
  await attachments.getByTestId('evidence-file-input').setInputFiles({
    name: 'internal-audit-report.txt',
    mimeType: 'text/plain',
    buffer: report,
  });
  const rows = attachments.getByTestId('evidence-file');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('internal-audit-report.txt');
  await expect(rows.first()).toContainText(`Text · 1.4 MB · Ana Admin`);
  await expect(rows.first()).toContainText(`SHA-256 ${sha256(report).slice(0, 12)}…`);

  // The keyboard: Tab to the drop zone, Enter opens the picker.
  await attachments.getByRole('button', { name: 'Attach files' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(attachments.getByRole('group', { name: 'Attach files' })).toBeFocused();
  // Chromium now and then drops the chooser of a key press that follows another chooser closely
  // (seen once in CI under load); press again if none came, rather than wait out the test.
  let chooser: FileChooser | undefined;
  await expect(async () => {
    const next = page.waitForEvent('filechooser', { timeout: 3_000 });
    await page.keyboard.press('Enter');
    chooser = await next;
  }).toPass({ timeout: 20_000 });
  await chooser?.setFiles({
    name: 'interview-notes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('who,role\nKari,CISO\n'),
  });
  await expect(rows).toHaveCount(2);

  // Drag and drop, then paste of a clipboard image.
  await dropOrPaste(page, 'drop', {
    name: 'server-room.png',
    type: 'image/png',
    base64: png.toString('base64'),
  });
  await expect(rows.filter({ hasText: 'server-room.png' })).toContainText('PNG image');
  await dropOrPaste(page, 'paste', {
    name: 'image.png',
    type: 'image/png',
    base64: png.toString('base64'),
  });
  await expect(rows.filter({ hasText: /^Pasted image \d{4}-\d\d-\d\d/ })).toHaveCount(1);
  await expect(rows).toHaveCount(4);

  const stored = await invoke(harness, 'listEvidenceFiles', { auditId: setup.auditId });
  expect(stored.find((f) => f.fileName === 'internal-audit-report.txt')?.sha256).toBe(
    sha256(report),
  );
  expect(stored.find((f) => f.fileName === 'server-room.png')?.sha256).toBe(sha256(png));
  await expectAccessible(page);
});

test('opens a verified file, refuses an altered one, and removes a file after confirming', async ({
  page,
  harness,
}) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });
  const item = setup.checklist?.items.find((i) => i.itemKey === '9.2.2');
  if (!item) throw new Error('the Stage 2 checklist has 9.2.2');
  // Attached beforehand through the same upload path as the screen (tested above).
  const folder = path.dirname(harness.runtime.context().evidenceDirectory);
  const attach = (fileName: string, bytes: Buffer) => {
    fs.writeFileSync(path.join(folder, fileName), bytes);
    return storeEvidenceFromPath(harness.runtime.context(), {
      auditId: setup.auditId,
      checklistItemId: item.id,
      filePath: path.join(folder, fileName),
    });
  };
  attach('server-room.png', png);
  const report = attach('internal-audit-report.txt', Buffer.from('Internal audit report.'));
  attach('interview-notes.csv', Buffer.from('who,role\nKari,CISO\n'));
  await openItem(page, harness.url, setup.auditId, '9.2.2');
  const attachments = page.getByRole('region', { name: 'Attachments' });
  const rows = attachments.getByTestId('evidence-file');
  await expect(rows).toHaveCount(3);

  // Open: verified, then shown (an image preview) and offered to save.
  await attachments.getByRole('button', { name: 'Open server-room.png' }).click();
  const viewer = page.getByRole('dialog', { name: 'server-room.png' });
  await expect(viewer.getByTestId('evidence-check-ok')).toContainText('Verified');
  const preview = viewer.getByRole('img', { name: 'Preview of server-room.png' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img) => Number(img.naturalWidth))).toBe(2);
  await expect(viewer.getByRole('link', { name: 'Save a copy' })).toHaveAttribute(
    'download',
    'server-room.png',
  );
  await expectAccessible(page);
  await viewer.getByRole('button', { name: 'Close', exact: true }).click();

  // Someone changes the stored bytes: opening refuses, naming the file and the record.
  const evidenceDirectory = harness.runtime.context().evidenceDirectory;
  fs.appendFileSync(path.join(evidenceDirectory, report.sha256.slice(0, 2), report.sha256), '!');
  await attachments.getByRole('button', { name: 'Open internal-audit-report.txt' }).click();
  const refused = page.getByRole('dialog', { name: 'internal-audit-report.txt' });
  await expect(refused.getByTestId('evidence-check-failed')).toContainText('The file was altered');
  await expect(refused.getByTestId('evidence-check-failed')).toContainText(
    `"internal-audit-report.txt" (evidence record ${report.id}`,
  );
  await expect(refused.getByRole('link', { name: 'Save a copy' })).toHaveCount(0);
  await expectAccessible(page);
  await refused.getByRole('button', { name: 'Close', exact: true }).click();

  // Remove, after confirming; the file leaves the list.
  await attachments.getByRole('button', { name: 'Remove interview-notes.csv' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove "interview-notes.csv"?' });
  await expect(confirm).toContainText('an Audit Desk rule');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(2);
  await expect(attachments).not.toContainText('interview-notes.csv');
  await expectAccessible(page);
});

test('shows why a file was not attached, and keeps it to try again', async ({ page, harness }) => {
  await setUpFirstAdmin(page, harness);
  const setup = await setUpAuditWithTeam(harness, { type: 'stage2', prepare: true });
  await openItem(page, harness.url, setup.auditId, '9.2.2');
  const attachments = page.getByRole('region', { name: 'Attachments' });

  // The audit is cancelled after the screen opened: the main process refuses the file.
  await invoke(harness, 'changeAuditState', {
    id: setup.auditId,
    to: 'cancelled',
    reason: 'The client withdrew.',
  });
  await attachments.getByTestId('evidence-file-input').setInputFiles({
    name: 'policy.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7 AI policy'),
  });
  const error = attachments.getByTestId('evidence-upload-error');
  await expect(error).toContainText('"policy.pdf" was not attached');
  await expect(error).toContainText('This audit is cancelled: no files can be attached to it.');
  await expect(error.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectAccessible(page);
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toHaveCount(0);
  expect(await invoke(harness, 'listEvidenceFiles', { auditId: setup.auditId })).toEqual([]);
});
