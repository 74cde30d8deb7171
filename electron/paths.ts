import path from 'node:path';
import { DATABASE_FILE } from './app-paths';

/** The userData folder name Electron derives from package.json's productName. */
export const appFolderName = 'Audit Desk';

type Environment = Record<string, string | undefined>;

/**
 * Where the app keeps its database: Electron's `userData` folder for this app, worked out without
 * Electron so the command line opens the very same file the desktop app does.
 */
export function defaultDatabasePath(
  platform: NodeJS.Platform,
  env: Environment,
  home: string,
): string {
  if (platform === 'win32') {
    const appData = nonEmpty(env.APPDATA) ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, appFolderName, DATABASE_FILE);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', appFolderName, DATABASE_FILE);
  }
  const config = nonEmpty(env.XDG_CONFIG_HOME) ?? path.posix.join(home, '.config');
  return path.posix.join(config, appFolderName, DATABASE_FILE);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
