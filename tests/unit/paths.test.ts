import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from '../../electron/paths';

describe('defaultDatabasePath', () => {
  it('uses $XDG_CONFIG_HOME on Linux when it is set', () => {
    expect(defaultDatabasePath('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(
      '/cfg/Audit Desk/audit-desk.sqlite',
    );
  });

  it('falls back to ~/.config on Linux when XDG_CONFIG_HOME is unset or empty', () => {
    expect(defaultDatabasePath('linux', {}, '/home/ana')).toBe(
      '/home/ana/.config/Audit Desk/audit-desk.sqlite',
    );
    expect(defaultDatabasePath('linux', { XDG_CONFIG_HOME: '' }, '/home/ana')).toBe(
      '/home/ana/.config/Audit Desk/audit-desk.sqlite',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDatabasePath('darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Audit Desk/audit-desk.sqlite',
    );
  });

  it('uses %APPDATA% on Windows, or the roaming folder under the profile without it', () => {
    expect(
      defaultDatabasePath(
        'win32',
        { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        'C:\\Users\\ana',
      ),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Audit Desk\\audit-desk.sqlite');
    expect(defaultDatabasePath('win32', {}, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Audit Desk\\audit-desk.sqlite',
    );
  });
});
