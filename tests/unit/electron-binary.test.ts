import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bindingAbi,
  electronAbi,
  electronBinaryPath,
  locateElectron,
  NATIVE_STAMP_FILE,
  nativeBuildIsCurrent,
  nativeStamp,
  dropNodeHeadersOverride,
} from '../../electron/dev/electron-binary';

let repo = '';
const electronDir = () => path.join(repo, 'node_modules', 'electron');

function installElectronPackage(pathTxt?: string) {
  fs.mkdirSync(electronDir(), { recursive: true });
  fs.writeFileSync(path.join(electronDir(), 'package.json'), '{"version":"45.4.1"}');
  if (pathTxt !== undefined) fs.writeFileSync(path.join(electronDir(), 'path.txt'), pathTxt);
}

beforeEach(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-desk-electron-'));
});
afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

describe('electronBinaryPath', () => {
  it('is null when the electron package is not installed', () => {
    expect(electronBinaryPath(repo, {})).toBeNull();
  });

  it('is null when the download never happened (no path.txt)', () => {
    installElectronPackage();
    expect(electronBinaryPath(repo, {})).toBeNull();
    expect(locateElectron(repo, {})).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/path\.txt/),
    });
  });

  it('is null when path.txt names a binary missing from dist', () => {
    installElectronPackage('electron');
    expect(electronBinaryPath(repo, {})).toBeNull();
  });

  it('finds the binary in dist', () => {
    installElectronPackage('electron');
    fs.mkdirSync(path.join(electronDir(), 'dist'));
    fs.writeFileSync(path.join(electronDir(), 'dist', 'electron'), '');
    expect(electronBinaryPath(repo, {})).toBe(path.join(electronDir(), 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, like the electron package', () => {
    installElectronPackage();
    const override = path.join(repo, 'custom');
    expect(electronBinaryPath(repo, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    fs.mkdirSync(override);
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(electronBinaryPath(repo, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      path.join(override, 'electron'),
    );
  });

  it("looks at this repository's electron package without downloading anything", () => {
    const real = path.join(process.cwd(), 'node_modules', 'electron');
    const before = fs.readdirSync(real).sort();
    locateElectron(process.cwd());
    expect(fs.readdirSync(real).sort()).toEqual(before);
  });
});

describe('native build stamp', () => {
  const stamp = nativeStamp({
    electron: '45.4.1',
    betterSqlite3: '12.11.1',
    platform: 'linux',
    arch: 'x64',
  });

  it('is current only with the binding present and the same stamp', () => {
    const binding = path.join(repo, 'build', 'Release', 'better_sqlite3.node');
    expect(nativeBuildIsCurrent(repo, binding, stamp)).toBe(false);
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    fs.writeFileSync(binding, '');
    expect(nativeBuildIsCurrent(repo, binding, stamp)).toBe(false);
    fs.writeFileSync(path.join(repo, NATIVE_STAMP_FILE), `${stamp}\n`);
    expect(nativeBuildIsCurrent(repo, binding, stamp)).toBe(true);
    const newer = nativeStamp({
      electron: '46.0.0',
      betterSqlite3: '12.11.1',
      platform: 'linux',
      arch: 'x64',
    });
    expect(nativeBuildIsCurrent(repo, binding, newer)).toBe(false);
  });
});

describe('native module versions', () => {
  it("reads the module version of the Node build of better-sqlite3 as this Node's", () => {
    const binding = path.join(
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    expect(bindingAbi(binding)).toBe(Number(process.versions.modules));
  });

  it("reads Electron's module version from its package", () => {
    installElectronPackage();
    expect(electronAbi(repo)).toBeNull();
    fs.writeFileSync(path.join(electronDir(), 'abi_version'), '150');
    expect(electronAbi(repo)).toBe(150);
  });

  it("keeps npm's nodedir away from node-gyp, so it builds against Electron's headers", () => {
    const env = { PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' };
    dropNodeHeadersOverride(env);
    expect(env).toEqual({ PATH: '/bin' });
  });
});
