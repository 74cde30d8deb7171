import { contextBridge, ipcRenderer } from 'electron';
import type { Api } from '../shared/api/contract';
import { apiMethodNames } from '../shared/api/method-names';
import { channelFor } from './ipc/register';

/**
 * `window.api`: exactly one function per contract method, each bound to its own channel. Nothing
 * generic (no `invoke(channel, …)`), and no Electron object crosses the bridge. Bundled into one
 * CommonJS file because a sandboxed preload can require nothing but 'electron'.
 */
const api = Object.fromEntries(
  apiMethodNames.map((method) => [
    method,
    (input?: unknown) => ipcRenderer.invoke(channelFor(method), input),
  ]),
) as unknown as Api;

contextBridge.exposeInMainWorld('api', api);
