import path from 'node:path';

/**
 * The renderer is served from `app://audit-desk/…` rather than `file://` (DESIGN.md, Electron
 * security): a real origin for the CSP and the IPC sender check, and no access to the rest of the
 * disk. main.ts registers the scheme and answers requests with `resolveAppFile`; no Electron here.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'audit-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Only our own files; no remote content of any kind. Mantine writes inline styles, hence
 * 'unsafe-inline' for styles only, never for scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True for URLs of our own app origin: the only place the window may navigate or call IPC from. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export type AppFileResolution =
  { ok: true; file: string; mimeType: string } | { ok: false; status: 403 | 404; reason: string };

/**
 * Maps `app://audit-desk/<path>` to a file inside `rendererDir`. The URL parser already folds
 * `.` and `..` segments; percent-encoded separators and anything resolving outside the folder
 * are refused as well. Paths without an extension get index.html, so a reload never 404s.
 */
export function resolveAppFile(url: string, rendererDir: string): AppFileResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 404, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { ok: false, status: 403, reason: 'not the app origin' };
  }

  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 404, reason: 'bad percent-encoding' };
    }
    if (
      segment === '.' ||
      segment === '..' ||
      /[/\\\0]/.test(segment) ||
      /^[a-z]:/i.test(segment)
    ) {
      return { ok: false, status: 403, reason: 'path traversal' };
    }
    segments.push(segment);
  }

  const last = segments.at(-1);
  if (last === undefined || path.extname(last) === '') {
    segments.splice(0, segments.length, 'index.html');
  }

  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) {
    return { ok: false, status: 403, reason: 'path traversal' };
  }
  return { ok: true, file, mimeType: mimeTypeFor(file) };
}

/** Headers for every response of the app protocol. */
export function appResponseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}
