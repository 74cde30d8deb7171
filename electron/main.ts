import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import log from 'electron-log/main';
import fs from 'node:fs';
import { appPaths, type AppPaths } from './app-paths';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { menuTemplate } from './menu-template';
import { APP_SCHEME, appResponseHeaders, isAppUrl, resolveAppFile } from './protocol';
import { AppRuntime } from './runtime';
import { createMainWindow, hardenWebContents } from './window';

/**
 * The Electron glue, kept thin: paths, the app:// protocol, IPC, menu and window. Everything the
 * app does lives in the runtime and services, which run (and are tested) without Electron.
 */
log.errorHandler.startCatching();

// Privileged schemes must be registered before `ready`.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true },
  },
]);

let mainWindow: BrowserWindow | null = null;
let runtime: AppRuntime | null = null;

function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppFile(request.url, rendererDir);
    if (!resolved.ok) {
      log.warn(`app:// refused ${request.url}: ${resolved.reason}`);
      return new Response(null, { status: resolved.status });
    }
    try {
      const body = await fs.promises.readFile(resolved.file);
      return new Response(body, { status: 200, headers: appResponseHeaders(resolved.mimeType) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

/** No camera, microphone, location or notifications; only writing to the clipboard. */
function denyPermissions(): void {
  const allowed = new Set(['clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowed.has(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    allowed.has(permission),
  );
}

async function backUpNow(): Promise<void> {
  try {
    if (!runtime) throw new Error('The database is not open yet.');
    const backup = await runtime.backupNow('manual');
    const options = { type: 'info' as const, message: 'Backup saved.', detail: backup.file };
    if (mainWindow) await dialog.showMessageBox(mainWindow, options);
    else await dialog.showMessageBox(options);
  } catch (error) {
    log.error('Backup from the menu failed', error instanceof Error ? error.stack : error);
    dialog.showErrorBox(
      'Backup failed',
      error instanceof Error ? error.message : 'The backup could not be written.',
    );
  }
}

function installMenu(): void {
  const template = menuTemplate({
    platform: process.platform,
    dev: !app.isPackaged,
    actions: {
      backUpNow: () => void backUpNow(),
      openDataFolder: () => {
        const folder = app.getPath('userData');
        void shell.openPath(folder).then((problem) => {
          if (problem) log.warn(`Could not open ${folder}: ${problem}`);
        });
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openWindow(paths: AppPaths): void {
  mainWindow = createMainWindow({
    preloadPath: paths.preloadPath,
    stateFile: paths.windowStateFile,
    log,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  const paths = appPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
    isPackaged: app.isPackaged,
    exists: (file) => fs.existsSync(file),
  });
  log.info(`Audit Desk ${app.getVersion()} starting; database ${paths.databasePath}`);

  // A damaged database does not throw: the runtime starts in recovery and the renderer shows
  // the recovery screen itself (getSession returns `recovery`).
  runtime = await AppRuntime.start({
    databasePath: paths.databasePath,
    migrationsFolder: paths.migrationsFolder,
    ...(paths.nativeBinding ? { nativeBinding: paths.nativeBinding } : {}),
    backupOnOpen: true,
    automaticBackups: true,
  });
  if (runtime.recovery) log.warn(`Database not opened: ${runtime.recovery.reason}`);

  registerIpc(ipcMain, createHandlers(runtime, log), isAppUrl, log);
  serveAppProtocol(paths.rendererDir);
  denyPermissions();
  installMenu();
  openWindow(paths);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(paths);
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second copy on the same database would fight over it; the first one takes the focus.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('render-process-gone', (_event, _contents, details) => {
    log.error(`Renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    runtime?.close();
    runtime = null;
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Audit Desk could not start', error instanceof Error ? error.stack : error);
      dialog.showErrorBox(
        'Audit Desk could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nDetails are in the log: ${log.transports.file.getFile().path}`,
      );
      app.quit();
    });
}
