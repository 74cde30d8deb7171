import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appPaths, electronNativeBinding } from '../../electron/app-paths';
import {
  clampToDisplays,
  DEFAULT_STATE,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
} from '../../electron/window-state';

describe('appPaths', () => {
  const base = {
    appPath: path.join('/repo'),
    resourcesPath: path.join('/opt/audit-desk/resources'),
    userData: path.join('/home/ana/.config/Audit Desk'),
  };

  it('keeps the database and window state in userData', () => {
    const paths = appPaths({ ...base, isPackaged: true, exists: () => true });
    expect(paths.databasePath).toBe(path.join(base.userData, 'audit-desk.sqlite'));
    expect(paths.windowStateFile).toBe(path.join(base.userData, 'window-state.json'));
  });

  it('takes migrations from resources and no native override when packaged', () => {
    const paths = appPaths({ ...base, isPackaged: true, exists: () => true });
    expect(paths.migrationsFolder).toBe(path.join(base.resourcesPath, 'migrations'));
    expect(paths.nativeBinding).toBeUndefined();
    expect(paths.preloadPath).toBe(path.join(base.appPath, 'out', 'electron', 'preload.cjs'));
    expect(paths.rendererDir).toBe(path.join(base.appPath, 'out', 'renderer'));
  });

  it('uses the repository migrations and the Electron build of better-sqlite3 in development', () => {
    const binding = electronNativeBinding(base.appPath);
    const withBuild = appPaths({ ...base, isPackaged: false, exists: (f) => f === binding });
    expect(withBuild.migrationsFolder).toBe(path.join(base.appPath, 'db', 'migrations'));
    expect(withBuild.nativeBinding).toBe(
      path.join(
        base.appPath,
        '.electron-native',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    );
    const withoutBuild = appPaths({ ...base, isPackaged: false, exists: () => false });
    expect(withoutBuild.nativeBinding).toBeUndefined();
  });
});

describe('window state', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 870 };
  const external = { x: 1440, y: 0, width: 2560, height: 1400 };
  let dir = '';
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a window that is fully visible as it was', () => {
    const bounds = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(clampToDisplays(bounds, [laptop, external])).toEqual(bounds);
  });

  it('moves a window whose monitor was unplugged back without its position', () => {
    const bounds = { x: 1600, y: 100, width: 2000, height: 1200 };
    expect(clampToDisplays(bounds, [laptop])).toEqual({ width: 1440, height: 870 });
  });

  it('pulls a window hanging off the edge back inside and shrinks it to fit', () => {
    expect(clampToDisplays({ x: 1000, y: -50, width: 1600, height: 900 }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870,
    });
  });

  it('never goes below the minimum size', () => {
    const result = clampToDisplays({ width: 100, height: 100 }, [laptop]);
    expect(result).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('round-trips through window-state.json and ignores a broken file', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-desk-window-'));
    const file = path.join(dir, 'nested', 'window-state.json');
    expect(loadWindowState(file, [laptop])).toEqual(DEFAULT_STATE);
    const state = { bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, [laptop])).toEqual(state);
    fs.writeFileSync(file, '{"bounds": "nonsense"');
    expect(loadWindowState(file, [laptop])).toEqual(DEFAULT_STATE);
  });
});
