import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, type MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/errors';
import { createHandlers, type Handlers } from '../../electron/ipc/handlers';
import {
  channelFor,
  registerIpc,
  type IpcMainLike,
  type InvokeEventLike,
} from '../../electron/ipc/register';
import { isAppUrl } from '../../electron/protocol';
import { AppRuntime } from '../../electron/runtime';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
  };
  const invoke = (channel: string, senderUrl: string | null, input?: unknown) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, input);
  };
  return { ipcMain, listeners, invoke };
}

function echoHandlers(): Handlers {
  const names = Object.keys(contract) as MethodName[];
  return Object.fromEntries(
    names.map((name) => [
      name,
      vi.fn(async (raw: unknown) => ({ ok: true, value: { name, raw } })),
    ]),
  ) as unknown as Handlers;
}

const log = { warn: vi.fn() };
const appPage = 'app://audit-desk/index.html#/clients';

describe('registerIpc', () => {
  it('registers one api:<method> channel per contract method, no more, no fewer', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const channels = registerIpc(ipcMain, echoHandlers(), isAppUrl, log);
    const expected = Object.keys(contract).map((name) => `api:${name}`);
    expect(new Set(channels)).toEqual(new Set(expected));
    expect(new Set(listeners.keys())).toEqual(new Set(expected));
    expect(channels).toHaveLength(expected.length);
    expect(channelFor('getSession')).toBe('api:getSession');
  });

  it('passes a call from our own page to its handler with the input', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const handlers = echoHandlers();
    registerIpc(ipcMain, handlers, isAppUrl, log);
    await expect(invoke('api:getClient', appPage, { id: 'c1' })).resolves.toEqual({
      ok: true,
      value: { name: 'getClient', raw: { id: 'c1' } },
    });
    expect(handlers.getClient).toHaveBeenCalledWith({ id: 'c1' });
    expect(handlers.getSession).not.toHaveBeenCalled();
  });

  it('refuses senders that are not the app origin, before any handler runs', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const handlers = echoHandlers();
    registerIpc(ipcMain, handlers, isAppUrl, log);
    for (const sender of ['https://example.com/', 'file:///tmp/x.html', 'app://other/', null]) {
      const result = await invoke('api:listClients', sender, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(handlers.listClients).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });
});

describe('registerIpc with the real handlers', () => {
  let runtime: AppRuntime | null = null;
  let dir = '';
  afterEach(() => {
    runtime?.close();
    runtime = null;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers getSession from our page and validates input with the contract', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-desk-ipc-'));
    runtime = await AppRuntime.start({
      databasePath: path.join(dir, 'audit-desk.sqlite'),
      migrationsFolder: path.resolve('db/migrations'),
    });
    const { ipcMain, invoke } = fakeIpcMain();
    registerIpc(ipcMain, createHandlers(runtime, { error: vi.fn() }), isAppUrl, log);

    await expect(invoke('api:getSession', appPage)).resolves.toMatchObject({
      ok: true,
      value: { setupRequired: true, current: null, recovery: null },
    });
    await expect(invoke('api:getClient', appPage, { id: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'id' },
    });
    await expect(invoke('api:getSession', 'https://example.com/')).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
