import { buildSync } from 'esbuild';
import path from 'node:path';

/**
 * One TypeScript entry as one ES module file for plain `node`, bundled the way the shipped main
 * process is (electron/dev/build-electron.ts): better-sqlite3 stays outside (a native module,
 * loaded from a `node_modules` beside the output), i18n-iso-countries uses its plain entry, and
 * CommonJS dependencies still find `require`. Used by the tests that start the command line as a
 * process and by `cli bench`'s memory probe: no TypeScript loader in what they start or measure.
 */
export function bundleForNode(entry: string, outfile: string, repoRoot: string): void {
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3'],
    alias: {
      'i18n-iso-countries': path.join(repoRoot, 'node_modules', 'i18n-iso-countries', 'index.js'),
    },
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
}
