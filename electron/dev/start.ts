import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeBinding, electronNativeModuleDir } from '../app-paths';
import {
  bindingAbi,
  electronAbi,
  electronPackageDir,
  locateElectron,
  NATIVE_STAMP_FILE,
  nativeBuildIsCurrent,
  nativeStamp,
  packageVersion,
  dropNodeHeadersOverride,
} from './electron-binary';

/**
 * `npm start`: the desktop app when the Electron binary is on this machine, otherwise the same
 * app in a browser (`npm run web`). Never triggers Electron's download.
 */
const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const forwarded = process.argv.slice(2);

/** npm itself, also on Windows, and the same npm that runs us when there is one. */
function npm(args: string[]): { command: string; args: string[]; options: SpawnOptions } {
  const npmCli = process.env.npm_execpath;
  const options: SpawnOptions = { cwd: repoDir, stdio: 'inherit' };
  if (npmCli && /\.c?js$/.test(npmCli)) {
    return { command: process.execPath, args: [npmCli, ...args], options };
  }
  return {
    command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
    args,
    options: { ...options, shell: process.platform === 'win32' },
  };
}

/** Runs a long-lived child with our stdio, passes Ctrl+C on, and exits with its status. */
function runAndExit(command: string, args: string[], options: SpawnOptions): void {
  const child = spawn(command, args, options);
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function runOrFail(command: string, args: string[], options: SpawnOptions): void {
  const result = spawnSync(command, args, options);
  if (result.status !== 0) {
    console.error(`${[command, ...args].join(' ')} failed.`);
    process.exit(result.status ?? 1);
  }
}

/**
 * better-sqlite3 in node_modules stays built for Node (tests, CLI, harness); the app opens a copy
 * rebuilt for Electron's ABI via better-sqlite3's `nativeBinding`, so either command may run first.
 */
async function ensureElectronNative(electronVersion: string): Promise<void> {
  const source = path.join(repoDir, 'node_modules', 'better-sqlite3');
  const moduleDir = electronNativeModuleDir(repoDir);
  const binding = electronNativeBinding(repoDir);
  const stamp = nativeStamp({
    electron: electronVersion,
    betterSqlite3: packageVersion(source),
    platform: process.platform,
    arch: process.arch,
  });
  if (nativeBuildIsCurrent(moduleDir, binding, stamp)) return;

  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  fs.rmSync(moduleDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  // The Node build is left behind: the copy must end up with an Electron build or none at all.
  fs.cpSync(source, moduleDir, {
    recursive: true,
    filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build',
  });
  const { rebuild } = await import('@electron/rebuild');
  // node-gyp runs in a child that inherits our environment.
  dropNodeHeadersOverride(process.env);
  try {
    await rebuild({
      buildPath: moduleDir,
      // Stops the module walk at the copy; otherwise it climbs into the repository's node_modules
      // and rebuilds the Node copy for Electron too.
      projectRootPath: moduleDir,
      electronVersion,
      force: true,
      onlyModules: ['better-sqlite3'],
    });
  } catch (error) {
    fs.rmSync(moduleDir, { recursive: true, force: true });
    throw new Error(
      `Could not build better-sqlite3 for Electron ${electronVersion}: it needs Electron's headers ` +
        `(or a prebuilt binary) from the network once, and a C++ toolchain. ${String(error)}`,
    );
  }
  if (!fs.existsSync(binding)) throw new Error(`The rebuild did not produce ${binding}`);
  const expected = electronAbi(repoDir);
  const built = bindingAbi(binding);
  if (expected !== null && built !== expected) {
    throw new Error(
      `The rebuilt better-sqlite3 has module version ${built ?? 'unknown'}, Electron ${electronVersion} needs ${expected}.`,
    );
  }
  fs.writeFileSync(path.join(moduleDir, NATIVE_STAMP_FILE), `${stamp}\n`);
}

async function main(): Promise<void> {
  const electron = locateElectron(repoDir);
  if (!electron.ok) {
    console.log(
      `Electron binary not available on this machine (${electron.reason}); starting the browser mode instead.`,
    );
    const web = npm(['run', 'web', ...(forwarded.length > 0 ? ['--', ...forwarded] : [])]);
    runAndExit(web.command, web.args, web.options);
    return;
  }

  await ensureElectronNative(packageVersion(electronPackageDir(repoDir)));
  const build = npm(['run', 'build']);
  runOrFail(build.command, build.args, build.options);

  const env = { ...process.env };
  // Set, it turns Electron into plain Node; the fuses refuse it in packaged builds anyway.
  delete env.ELECTRON_RUN_AS_NODE;
  runAndExit(electron.path, [repoDir, ...forwarded], { cwd: repoDir, stdio: 'inherit', env });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
