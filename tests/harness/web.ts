import os from 'node:os';
import { defaultDatabasePath } from '../../electron/paths';
import { startHarness } from './server';

/**
 * `npm run web`: the whole app in a browser on 127.0.0.1. Uses the app's own database (the one
 * the desktop app and the CLI open) unless `--db PATH` or AUDIT_DESK_DB names another;
 * `--port N` (or AUDIT_DESK_PORT) fixes the port.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const databasePath =
  option('db') ??
  process.env.AUDIT_DESK_DB ??
  defaultDatabasePath(process.platform, process.env, os.homedir());
const port = Number(option('port') ?? process.env.AUDIT_DESK_PORT ?? 0);
const harness = await startHarness({ databasePath, port });
console.log(`Audit Desk (browser mode): ${harness.url}`);
console.log(
  harness.runtime.recovery
    ? `Database ${databasePath} failed its integrity check: open the address to restore a backup.`
    : `Database: ${databasePath}`,
);
console.log('Open the address above in a browser. Press Ctrl+C to stop.');

const stop = () => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
