/**
 * The native menu as plain data, so it is tested without Electron; main.ts hands it to
 * `Menu.buildFromTemplate`. Roles are used wherever Electron has one, so the OS behaves as usual.
 */
export type MenuRole =
  | 'appMenu'
  | 'about'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu'
  | 'help';

/** The subset of Electron's MenuItemConstructorOptions this app uses. */
export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

export interface MenuActions {
  backUpNow: () => void;
  openDataFolder: () => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Not packaged: reload and developer tools are offered. */
  dev: boolean;
  actions: MenuActions;
}

const separator: MenuItemSpec = { type: 'separator' };

export function menuTemplate({ platform, dev, actions }: MenuOptions): MenuItemSpec[] {
  const mac = platform === 'darwin';
  // Alt+F opens File on Windows and Linux; macOS has no mnemonics.
  const topLevel = (name: string) => (mac ? name : `&${name}`);

  const file: MenuItemSpec = {
    label: topLevel('File'),
    submenu: [
      { label: 'Back Up Now', accelerator: 'CmdOrCtrl+Shift+B', click: actions.backUpNow },
      // On macOS, Quit lives in the application menu.
      ...(mac ? [] : [separator, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemSpec = {
    label: topLevel('Edit'),
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      separator,
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const developer: MenuItemSpec[] = dev
    ? [
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
        separator,
      ]
    : [];

  const view: MenuItemSpec = {
    label: topLevel('View'),
    submenu: [
      ...developer,
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const help: MenuItemSpec = {
    label: topLevel('Help'),
    role: 'help',
    submenu: [
      { label: 'Open Data Folder', click: actions.openDataFolder },
      ...(mac ? [] : [separator, { role: 'about', label: 'About Audit Desk' } as const]),
    ],
  };

  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
