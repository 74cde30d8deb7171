import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElectron, isExternal, unexpectedRequires } from '../../electron/dev/build-electron';

describe('unexpectedRequires', () => {
  it('flags requires that are not external, and computed paths, but not comments', () => {
    const code = [
      'const a = require("node:fs");',
      "const b = require('better-sqlite3');",
      'const c = require("./langs/en.json");',
      '\t* @example require("i18n-iso-countries/langs/en.json")',
      'var locale = require("./langs/" + name + ".json");',
      'console.error("ACTION NEEDED: require(\'iconv-lite\').extendNodeEncodings() is not supported");',
      'var x = "a" + require("./after-a-string");',
    ].join('\n');
    expect(unexpectedRequires(code, isExternal)).toEqual([
      './langs/en.json',
      './after-a-string',
      '(computed path)',
    ]);
  });

  it('treats Electron, the native module, electron-log and Node builtins as external', () => {
    for (const id of ['electron', 'better-sqlite3', 'electron-log/main', 'fs', 'node:path']) {
      expect(isExternal(id), id).toBe(true);
    }
    for (const id of ['zod', 'drizzle-orm', 'electronics', './main']) {
      expect(isExternal(id), id).toBe(false);
    }
  });
});

describe('buildElectron', () => {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-desk-build-'));
  afterAll(() => fs.rmSync(target, { recursive: true, force: true }));

  it('bundles main and preload into CommonJS files; the preload requires only electron', async () => {
    const files = await buildElectron(target);
    expect(files.map((f) => path.basename(f))).toEqual(['main.cjs', 'preload.cjs']);
    const preload = fs.readFileSync(path.join(target, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual([
      'electron',
    ]);
    // No third-party code (zod, the schemas) in the sandboxed preload.
    expect(preload).not.toMatch(/node_modules/);
    const main = fs.readFileSync(path.join(target, 'main.cjs'), 'utf8');
    expect(main).toMatch(/registerSchemesAsPrivileged/);
  }, 60_000);
});
