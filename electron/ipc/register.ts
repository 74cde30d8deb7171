import { apiMethodNames, type ApiMethodName } from '../../shared/api/method-names';
import type { Result } from '../../shared/errors';
import type { Handlers } from './handlers';

/** The IPC channel of one contract method; the preload invokes exactly these. */
export function channelFor(method: ApiMethodName): string {
  return `api:${method}`;
}

/** What registerIpc needs of an invoke event: Electron's IpcMainInvokeEvent fits. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** What registerIpc needs of ipcMain, so tests pass a plain object instead of Electron. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>,
  ): void;
}

export interface IpcLogger {
  warn: (message: string, ...details: unknown[]) => void;
}

/**
 * One channel per contract method, nothing generic. A call from any frame that is not our own
 * app:// page (a frame that navigated away, or one that never should have loaded) is refused
 * before its input is even parsed. Returns the channels registered.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (senderUrl: string | null) => boolean,
  log: IpcLogger,
): string[] {
  const channels: string[] = [];
  for (const method of apiMethodNames) {
    const handler = handlers[method];
    const channel = channelFor(method);
    ipcMain.handle(channel, async (event, input) => {
      const senderUrl = event.senderFrame?.url ?? null;
      if (!isTrustedSender(senderUrl)) {
        log.warn(`Refused ${channel} from an untrusted sender`, senderUrl);
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This window may not use Audit Desk data.' },
        };
      }
      return handler(input);
    });
    channels.push(channel);
  }
  return channels;
}
