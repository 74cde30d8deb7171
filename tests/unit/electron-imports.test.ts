import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** DESIGN.md: only main.ts, preload.ts and window.ts import 'electron'; the rest runs headless. */
const mayImportElectron = new Set([
  'electron/main.ts',
  'electron/preload.ts',
  'electron/window.ts',
]);
const electronImport =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]electron(?:\/[^'"]*)?['"]/m;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
    return /\.(c|m)?tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("imports of 'electron'", () => {
  it('recognises the forms of importing it', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { BrowserWindow } from "electron";',
      "import 'electron';",
      "const { ipcRenderer } = require('electron');",
      "await import('electron/main');",
    ]) {
      expect(electronImport.test(line), line).toBe(true);
    }
    for (const line of ["import log from 'electron-log/main';", "import x from './electron';"]) {
      expect(electronImport.test(line), line).toBe(false);
    }
  });

  it('appear nowhere in services, ipc, db, shared or the renderer', () => {
    const files = ['electron/services', 'electron/ipc', 'db', 'shared', 'renderer'].flatMap((dir) =>
      sourceFiles(dir),
    );
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) => electronImport.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('appear in electron/ only in main.ts, preload.ts and window.ts', () => {
    const offenders = sourceFiles('electron')
      .map((file) => path.relative('.', file).split(path.sep).join('/'))
      .filter((file) => !mayImportElectron.has(file))
      .filter((file) => electronImport.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
