import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/api/contract';

// The real 'electron' package cannot be required here: it would try to download the binary.
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({
    ok: true,
    value: { channel, args },
  })),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value),
  },
  ipcRenderer: { invoke: bridge.invoke },
}));

await import('../../electron/preload');

describe('preload', () => {
  it('exposes only window.api', () => {
    expect([...bridge.exposed.keys()]).toEqual(['api']);
  });

  it('exposes exactly one function per contract method and nothing else', () => {
    const api = bridge.exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it("sends each method's input on its own channel, and only the input", async () => {
    const api = bridge.exposed.get('api') as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const listClients = api.listClients;
    if (!listClients) throw new Error('listClients missing');
    await expect(listClients({ search: 'acme' }, 'extra', 'args')).resolves.toEqual({
      ok: true,
      value: { channel: 'api:listClients', args: [{ search: 'acme' }] },
    });
    expect(bridge.invoke).toHaveBeenCalledWith('api:listClients', { search: 'acme' });
  });

  it('never loaded the real electron package', () => {
    const cache = createRequire(import.meta.url).cache;
    const loaded = Object.keys(cache).filter((file) =>
      /node_modules[\\/]electron[\\/]index\.js$/.test(file),
    );
    expect(loaded).toEqual([]);
  });
});
