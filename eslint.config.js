import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
];
const noNodePatterns = [
  { group: ['node:*'], message: 'renderer/ and shared/ must not use Node APIs.' },
  {
    group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
    message: 'No database access here.',
  },
  { group: ['**/db/*', '**/electron/*', '**/electron/**'], message: 'Talk to window.api instead.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      '.electron-native',
      'test-results',
      'playwright-report',
      'db/migrations',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: ['electron', ...nodeBuiltins], patterns: noNodePatterns },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron', ...nodeBuiltins], patterns: noNodePatterns },
      ],
    },
  },
  {
    // Only main.ts, preload.ts and window.ts may touch Electron; everything else runs headless.
    files: ['electron/**/*.ts', 'db/**/*.ts', 'tests/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/window.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main.ts, preload.ts and window.ts import electron.',
            },
          ],
        },
      ],
    },
  },
);
