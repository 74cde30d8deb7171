import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuItemSpec } from '../../electron/menu-template';

function build(platform: NodeJS.Platform, dev: boolean) {
  const actions = { backUpNow: vi.fn(), openDataFolder: vi.fn() };
  return { template: menuTemplate({ platform, dev, actions }), actions };
}

const topLabels = (template: MenuItemSpec[]) =>
  template.map((item) => item.label?.replace('&', '') ?? item.role);

function find(items: MenuItemSpec[], test: (item: MenuItemSpec) => boolean): MenuItemSpec | null {
  for (const item of items) {
    if (test(item)) return item;
    const inner = find(item.submenu ?? [], test);
    if (inner) return inner;
  }
  return null;
}

describe('menuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux, with mnemonics', () => {
    const { template } = build('linux', false);
    expect(topLabels(template)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(template.map((i) => i.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('adds the application and window menus on macOS', () => {
    const { template } = build('darwin', false);
    expect(topLabels(template)).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    expect(find(template, (i) => i.role === 'quit')).toBeNull();
  });

  it('backs up and opens the data folder through the callbacks', () => {
    const { template, actions } = build('win32', false);
    find(template, (i) => i.label === 'Back Up Now')?.click?.();
    find(template, (i) => i.label === 'Open Data Folder')?.click?.();
    expect(actions.backUpNow).toHaveBeenCalledOnce();
    expect(actions.openDataFolder).toHaveBeenCalledOnce();
  });

  it('uses Electron roles with the usual accelerators for editing, zoom and quitting', () => {
    const { template } = build('linux', false);
    const accelerator = (role: MenuItemSpec['role']) =>
      find(template, (i) => i.role === role)?.accelerator;
    expect(accelerator('undo')).toBe('CmdOrCtrl+Z');
    expect(accelerator('redo')).toBe('Ctrl+Y');
    expect(accelerator('cut')).toBe('CmdOrCtrl+X');
    expect(accelerator('copy')).toBe('CmdOrCtrl+C');
    expect(accelerator('paste')).toBe('CmdOrCtrl+V');
    expect(accelerator('selectAll')).toBe('CmdOrCtrl+A');
    expect(accelerator('resetZoom')).toBe('CmdOrCtrl+0');
    expect(accelerator('zoomIn')).toBe('CmdOrCtrl+=');
    expect(accelerator('zoomOut')).toBe('CmdOrCtrl+-');
    expect(accelerator('togglefullscreen')).toBe('F11');
    expect(accelerator('quit')).toBe('Ctrl+Q');
    expect(find(template, (i) => i.role === 'about')).not.toBeNull();
    expect(find(template, (i) => i.label === 'Back Up Now')?.accelerator).toBe('CmdOrCtrl+Shift+B');
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (dev: boolean) => {
      const { template } = build('linux', dev);
      return ['reload', 'toggleDevTools'].map((role) => find(template, (i) => i.role === role));
    };
    expect(roles(false)).toEqual([null, null]);
    expect(roles(true).every((item) => item !== null)).toBe(true);
  });

  it('gives every accelerator to one item only', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const seen: string[] = [];
      const walk = (items: MenuItemSpec[]) =>
        items.forEach((i) => {
          if (i.accelerator) seen.push(i.accelerator);
          walk(i.submenu ?? []);
        });
      walk(build(platform, true).template);
      expect(new Set(seen).size, platform).toBe(seen.length);
    }
  });
});
