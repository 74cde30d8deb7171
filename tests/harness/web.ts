import path from 'node:path';
import os from 'node:os';
import { startHarness } from './server';

/**
 * `npm run web`: the whole app in a browser on 127.0.0.1. Uses the app's own database unless
 * `--db PATH` (or AUDIT_DESK_DB) names another; `--port N` fixes the port.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function defaultDatabase(): Promise<string> {
  try {
    const paths = (await import('../../electron/paths')) as {
      defaultDatabasePath: (
        platform: NodeJS.Platform,
        env: NodeJS.ProcessEnv,
        home: string,
      ) => string;
    };
    return paths.defaultDatabasePath(process.platform, process.env, os.homedir());
  } catch {
    return path.join(os.homedir(), '.audit-desk', 'audit-desk.sqlite');
  }
}

const databasePath = option('db') ?? process.env.AUDIT_DESK_DB ?? (await defaultDatabase());
const port = Number(option('port') ?? process.env.AUDIT_DESK_PORT ?? 0);
const harness = await startHarness({ databasePath, port });
console.log(`Audit Desk (browser mode): ${harness.url}`);
console.log(
  `Database: ${harness.runtime.recovery ? 'NOT OPENED (damaged; restore a backup in the app)' : databasePath}`,
);
console.log('Open the address above in a browser. Press Ctrl+C to stop.');

const stop = () => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
