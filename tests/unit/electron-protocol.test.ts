import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appResponseHeaders,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveAppFile,
} from '../../electron/protocol';

const root = path.resolve('/srv/audit-desk/out/renderer');

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('resolveAppFile', () => {
  it('serves index.html for the bare origin, a trailing slash and extension-less routes', () => {
    for (const url of ['app://audit-desk', 'app://audit-desk/', 'app://audit-desk/clients/42']) {
      expect(resolveAppFile(url, root)).toEqual({
        ok: true,
        file: path.join(root, 'index.html'),
        mimeType: 'text/html; charset=utf-8',
      });
    }
  });

  it('maps assets inside the renderer folder with their mime types, ignoring query and hash', () => {
    expect(resolveAppFile('app://audit-desk/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppFile('app://audit-desk/assets/index.css', root)).toMatchObject({
      mimeType: 'text/css; charset=utf-8',
    });
    expect(resolveAppFile('app://audit-desk/fonts/inter.woff2', root)).toMatchObject({
      mimeType: 'font/woff2',
    });
    expect(resolveAppFile('app://audit-desk/my%20logo.svg', root)).toMatchObject({
      file: path.join(root, 'my logo.svg'),
      mimeType: 'image/svg+xml',
    });
  });

  it('never leaves the renderer folder', () => {
    const attempts = [
      'app://audit-desk/../../etc/passwd',
      'app://audit-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://audit-desk/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://audit-desk/..%5c..%5cwindows%5cwin.ini',
      'app://audit-desk/%2e%2e%2fpackage.json',
      'app://audit-desk/C:%5cWindows%5cwin.ini',
      'app://audit-desk/index.html%00.png',
    ];
    for (const url of attempts) {
      const result = resolveAppFile(url, root);
      // Either refused, or (for `..` the URL parser already folded away) a file inside the folder.
      if (result.ok) expect(result.file.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppFile('app://audit-desk/assets/..%2f..%2fpackage.json', root)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppFile('app://elsewhere/index.html', root)).toMatchObject({ ok: false });
    expect(resolveAppFile('file:///srv/audit-desk/out/renderer/index.html', root)).toMatchObject({
      ok: false,
    });
    expect(resolveAppFile('not a url', root)).toMatchObject({ ok: false });
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://audit-desk/index.html')).toBe(true);
    expect(isAppUrl('app://audit-desk.evil/index.html')).toBe(false);
    expect(isAppUrl('https://audit-desk/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('Content Security Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    for (const [name, values] of csp) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('loads nothing remote and cannot be framed, re-based or post forms', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('is sent with every app:// response', () => {
    expect(appResponseHeaders('text/html')).toMatchObject({
      'Content-Type': 'text/html',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
