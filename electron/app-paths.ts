import path from 'node:path';
import { windowStatePath } from './window-state';

/** Where `npm start` keeps better-sqlite3 rebuilt for Electron's ABI, beside the Node build. */
export const ELECTRON_NATIVE_DIR = '.electron-native';
export const DATABASE_FILE = 'audit-desk.sqlite';

export function electronNativeModuleDir(repoDir: string): string {
  return path.join(repoDir, ELECTRON_NATIVE_DIR, 'better-sqlite3');
}

export function electronNativeBinding(repoDir: string): string {
  return path.join(electronNativeModuleDir(repoDir), 'build', 'Release', 'better_sqlite3.node');
}

export interface AppPathInputs {
  /** `app.getAppPath()`: the repository when run by `npm start`, app.asar when packaged. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  /** `app.getPath('userData')`. */
  userData: string;
  isPackaged: boolean;
  exists: (file: string) => boolean;
}

export interface AppPaths {
  databasePath: string;
  migrationsFolder: string;
  /** Only in development: a packaged app carries its own rebuilt module. */
  nativeBinding?: string;
  preloadPath: string;
  rendererDir: string;
  windowStateFile: string;
}

/** Every file location the main process needs, decided in one pure place. */
export function appPaths({
  appPath,
  resourcesPath,
  userData,
  isPackaged,
  exists,
}: AppPathInputs): AppPaths {
  const paths: AppPaths = {
    databasePath: path.join(userData, DATABASE_FILE),
    migrationsFolder: isPackaged
      ? path.join(resourcesPath, 'migrations')
      : path.join(appPath, 'db', 'migrations'),
    preloadPath: path.join(appPath, 'out', 'electron', 'preload.cjs'),
    rendererDir: path.join(appPath, 'out', 'renderer'),
    windowStateFile: windowStatePath(userData),
  };
  if (!isPackaged) {
    const binding = electronNativeBinding(appPath);
    if (exists(binding)) paths.nativeBinding = binding;
  }
  return paths;
}
