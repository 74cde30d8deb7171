import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { methodNames, type MethodName } from '../../shared/api/contract';
import { createHandlers } from '../../electron/ipc/handlers';
import { AppRuntime } from '../../electron/runtime';

/**
 * The browser harness: the built renderer plus the same services over loopback HTTP, with a
 * `window.api` that calls them. Used by the e2e tests and by `npm run web`.
 * Only 127.0.0.1, a random port, and a per-run token (given once in the URL, then kept in an
 * HttpOnly SameSite=Strict cookie); API calls also need a custom header, so no other web page
 * can call them (a cross-origin request with that header needs a CORS preflight we never grant).
 */
export interface HarnessOptions {
  databasePath: string;
  port?: number;
  rendererDir?: string;
  log?: { error: (...args: unknown[]) => void };
}

export interface Harness {
  url: string;
  origin: string;
  token: string;
  runtime: AppRuntime;
  close: () => Promise<void>;
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function apiScript(): string {
  // Mirrors electron/preload.ts: exactly one function per contract method.
  return `(() => {
  const call = async (method, input) => {
    try {
      const res = await fetch('api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-audit-desk': '1' },
        body: JSON.stringify(input === undefined ? null : input),
        credentials: 'same-origin',
      });
      return await res.json();
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: 'The Audit Desk service did not answer. Your input is kept; try again.' } };
    }
  };
  const api = {};
  for (const name of ${JSON.stringify(methodNames)}) api[name] = (input) => call(name, input);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
})();
`;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === 'audit_desk_token') return v;
  }
  return undefined;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run 'vite build' first.`);
  }
  const log = options.log ?? console;
  const runtime = await AppRuntime.start({
    databasePath: options.databasePath,
    backupOnOpen: true,
    automaticBackups: true,
  });
  const handlers = createHandlers(runtime, log);
  const token = randomBytes(24).toString('hex');
  let origin = '';

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // Refuse other Host names (DNS rebinding).
      if (req.headers.host !== new URL(origin).host) {
        res.writeHead(421).end();
        return;
      }
      const authorised =
        sameToken(cookieToken(req), token) || sameToken(url.searchParams.get('token') ?? '', token);
      if (url.pathname.startsWith('/api/')) {
        const name = url.pathname.slice('/api/'.length) as MethodName;
        if (
          req.method !== 'POST' ||
          !sameToken(cookieToken(req), token) ||
          req.headers['x-audit-desk'] !== '1'
        ) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Not this app.' } }),
          );
          return;
        }
        const handler = handlers[name];
        if (!handler) {
          res.writeHead(404).end();
          return;
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body === '' ? undefined : (JSON.parse(body) as unknown);
        } catch {
          input = Symbol('bad json');
        }
        const result = await handler(input ?? undefined);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(result));
        return;
      }
      if (!authorised) {
        res.writeHead(403, { 'content-type': 'text/plain' });
        res.end('Open the address printed by `npm run web` (it carries the access token).');
        return;
      }
      if (url.pathname === '/harness-api.js') {
        res.writeHead(200, { 'content-type': mime['.js'], 'cache-control': 'no-store' });
        res.end(apiScript());
        return;
      }
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
      const file = path.resolve(rendererDir, rel);
      if (
        !file.startsWith(rendererDir + path.sep) ||
        !fs.existsSync(file) ||
        fs.statSync(file).isDirectory()
      ) {
        res.writeHead(404).end();
        return;
      }
      const headers: Record<string, string> = {
        'content-type': mime[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
      };
      if (url.searchParams.get('token') === token) {
        headers['set-cookie'] = `audit_desk_token=${token}; HttpOnly; SameSite=Strict; Path=/`;
      }
      let body: Buffer | string = fs.readFileSync(file);
      if (rel === 'index.html') {
        body = body
          .toString('utf8')
          .replace('<head>', '<head><script src="./harness-api.js"></script>');
        headers['cache-control'] = 'no-store';
      }
      res.writeHead(200, headers);
      res.end(body);
    })().catch((error: unknown) => {
      log.error('harness request failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    runtime,
    close: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      runtime.close();
    },
  };
}
