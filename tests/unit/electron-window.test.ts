import { describe, expect, it, vi } from 'vitest';

// window.ts imports Electron; the real package would try to download its binary.
vi.mock('electron', () => ({ BrowserWindow: vi.fn(), screen: {} }));

const { windowOptions, hardenWebContents } = await import('../../electron/window');

describe('windowOptions', () => {
  const options = windowOptions({ x: 10, y: 20, width: 1200, height: 800 }, '/app/preload.cjs');
  const web = options.webPreferences ?? {};

  it('runs the renderer sandboxed, isolated and without Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webviews and insecure content', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload, checks spelling and uses the remembered bounds', () => {
    expect(web.preload).toBe('/app/preload.cjs');
    expect(web.spellcheck).toBe(true);
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false });
    expect(options.minWidth).toBeGreaterThan(0);
  });
});

describe('hardenWebContents', () => {
  type Listener = (event: { url?: string; preventDefault: () => void }) => void;

  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => { action: string }) => {
        openHandler = handler;
      },
    };
    hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0]);
    const fire = (name: string, url?: string) => {
      const preventDefault = vi.fn();
      listeners.get(name)?.({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    return { fire, openHandler: () => openHandler?.() };
  }

  it('blocks navigation away from the app origin and allows it within', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://someone-else/index.html')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire('will-navigate', 'app://audit-desk/index.html#/clients')).toBe(false);
  });

  it('denies window.open and webviews', () => {
    const { fire, openHandler } = fakeContents();
    expect(openHandler()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});
