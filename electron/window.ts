import {
  BrowserWindow,
  screen,
  type BrowserWindowConstructorOptions,
  type WebContents,
} from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './protocol';
import {
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
  type Bounds,
  type Rect,
} from './window-state';

/**
 * The renderer runs sandboxed and isolated, without Node, and can reach the main process only
 * through the preload's `window.api` (DESIGN.md, Electron security).
 */
export function windowOptions(
  bounds: Bounds,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Audit Desk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/**
 * Applied to every web contents the app creates: it stays on app://, never opens windows and
 * never embeds a webview. Links to anything else simply do nothing.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface MainWindowOptions {
  preloadPath: string;
  /** `window-state.json` in userData. */
  stateFile: string;
  log: { warn: (message: string, ...details: unknown[]) => void };
}

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

export function createMainWindow({
  preloadPath,
  stateFile,
  log,
}: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(stateFile, workAreas());
  // main.ts hardens every web contents as it is created ('web-contents-created'), this one too.
  const window = new BrowserWindow(windowOptions(state.bounds, preloadPath));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowState(stateFile, {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
      });
    } catch (error) {
      log.warn('Could not remember the window position', error);
    }
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
