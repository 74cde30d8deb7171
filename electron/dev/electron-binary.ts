import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the Electron executable the way node_modules/electron/index.js does, but without its side
 * effect: requiring 'electron' from Node downloads the binary when it is missing, which fails
 * (loudly) on machines that reach only the npm registry.
 */
export type ElectronLocation = { ok: true; path: string } | { ok: false; reason: string };

export function electronPackageDir(repoDir: string): string {
  return path.join(repoDir, 'node_modules', 'electron');
}

function readTrimmed(file: string): string | null {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

export function locateElectron(
  repoDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ElectronLocation {
  const packageDir = electronPackageDir(repoDir);
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const executable = readTrimmed(path.join(packageDir, 'path.txt'));
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, executable ?? 'electron');
    return fs.existsSync(candidate)
      ? { ok: true, path: candidate }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${path.basename(candidate)}` };
  }
  if (executable === null) {
    return {
      ok: false,
      reason: 'its download never completed: node_modules/electron/path.txt is missing',
    };
  }
  const candidate = path.join(packageDir, 'dist', executable);
  return fs.existsSync(candidate)
    ? { ok: true, path: candidate }
    : { ok: false, reason: `${path.relative(repoDir, candidate)} is missing` };
}

/** The Electron executable, or null when it is not on this machine. Never downloads. */
export function electronBinaryPath(
  repoDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const location = locateElectron(repoDir, env);
  return location.ok ? location.path : null;
}

export function packageVersion(packageDir: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  if (typeof json.version !== 'string') throw new Error(`${packageDir} has no version`);
  return json.version;
}

/**
 * What the Electron-ABI copy of better-sqlite3 was built for. A different Electron, module
 * version, platform or architecture means it is rebuilt.
 */
export function nativeStamp(parts: {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}): string {
  return `electron ${parts.electron}; better-sqlite3 ${parts.betterSqlite3}; ${parts.platform}-${parts.arch}`;
}

export const NATIVE_STAMP_FILE = '.electron-build-stamp';

/** True when `moduleDir` holds a binding built for exactly `stamp`. */
export function nativeBuildIsCurrent(moduleDir: string, binding: string, stamp: string): boolean {
  return fs.existsSync(binding) && readTrimmed(path.join(moduleDir, NATIVE_STAMP_FILE)) === stamp;
}

/** The NODE_MODULE_VERSION Electron's Node runs with (node_modules/electron/abi_version). */
export function electronAbi(repoDir: string): number | null {
  const text = readTrimmed(path.join(electronPackageDir(repoDir), 'abi_version'));
  return text !== null && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The NODE_MODULE_VERSION a native addon was compiled for, from the `node_register_module_v<N>`
 * symbol it exports (its name is in the binary on Linux, macOS and Windows alike).
 */
export function bindingAbi(file: string): number | null {
  const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * npm's `nodedir` setting reaches node-gyp as npm_config_nodedir and makes it compile against
 * those (Node) headers instead of Electron's: the result loads in Node, not in Electron.
 */
export function dropNodeHeadersOverride(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') Reflect.deleteProperty(env, key);
  }
}
