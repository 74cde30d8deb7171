import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the main process and the preload as single CommonJS files in out/electron (package.json
 * "main" is out/electron/main.cjs). Each is its own build so they share no chunk: a sandboxed
 * preload can require nothing but 'electron'. Run by `npm run build` after the renderer build.
 */
export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outDir = path.join(repoDir, 'out', 'electron');

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Loaded at run time, never bundled: Electron itself, the native module, and electron-log. */
export function isExternal(id: string): boolean {
  return builtins.has(id) || /^(electron|better-sqlite3|electron-log)(\/.*)?$/.test(id);
}

/**
 * i18n-iso-countries' Node entry `require`s every locale by a computed path, which a bundle
 * cannot follow; shared/countries.ts needs only the codes, which the plain entry has.
 */
const alias = {
  'i18n-iso-countries': path.join(repoDir, 'node_modules', 'i18n-iso-countries', 'index.js'),
};

/** Every `require("…")` left in a bundle must be one of the externals, or it fails at run time. */
export function unexpectedRequires(code: string, allowed: (id: string) => boolean): string[] {
  // Comment lines (bundled JSDoc examples) are not code.
  code = code
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
    .join('\n');
  // A require quoted inside a message ("require('iconv-lite').extendNodeEncodings() is not
  // supported", in @pdf-lib/fontkit) is text: an odd number of double quotes before it on its
  // line means it sits inside a string.
  const ids = [...code.matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g)]
    .filter((m) => {
      const lineStart = code.lastIndexOf('\n', m.index) + 1;
      return (code.slice(lineStart, m.index).match(/(?<!\\)"/g) ?? []).length % 2 === 0;
    })
    .map((m) => m[2] ?? '');
  const computed = /\brequire\(\s*["'][^"']*["']\s*\+/.test(code) ? ['(computed path)'] : [];
  return [...new Set([...ids.filter((id) => !allowed(id)), ...computed])];
}

async function bundle(entry: string, name: string, target: string): Promise<void> {
  await build({
    configFile: false,
    root: repoDir,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { alias },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: path.join(repoDir, entry),
      outDir: target,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: {
        external: (id) => isExternal(id),
        output: { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false },
      },
    },
  });
}

/** Builds both bundles into `target` and checks what they would load; returns their paths. */
export async function buildElectron(target: string = outDir): Promise<string[]> {
  fs.rmSync(target, { recursive: true, force: true });
  await bundle('electron/main.ts', 'main', target);
  await bundle('electron/preload.ts', 'preload', target);
  const checks: [string, (id: string) => boolean][] = [
    ['main.cjs', isExternal],
    // A sandboxed preload gets only 'electron' (and a few polyfills we do not use).
    ['preload.cjs', (id) => id === 'electron'],
  ];
  return checks.map(([name, allowed]) => {
    const file = path.join(target, name);
    const unexpected = unexpectedRequires(fs.readFileSync(file, 'utf8'), allowed);
    if (unexpected.length > 0) {
      throw new Error(`${name} would require ${unexpected.join(', ')} at run time.`);
    }
    return file;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron()
    .then((files) => {
      for (const file of files) {
        const size = fs.statSync(file).size;
        console.log(`${path.relative(repoDir, file)}  ${(size / 1024).toFixed(1)} kB`);
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}
