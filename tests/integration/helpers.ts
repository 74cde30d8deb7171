import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ClientInput } from '../../shared/clients/schema';
import type { AppErrorInfo } from '../../shared/errors';
import { createHandlers, type Handlers } from '../../electron/ipc/handlers';
import { AppRuntime, type RuntimeOptions } from '../../electron/runtime';
import { cliBundle } from './fixtures/cli-bundle';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const tsxBin = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

/** A fresh folder under the OS temp dir, removed after the file's tests. */
export function temporaryFolder(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `audit-desk-${name}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock that moves one second on every reading, so change-log times are distinct. */
export function tickingClock(start = '2026-03-02T09:00:00.000Z'): () => Date {
  let at = Date.parse(start);
  return () => new Date((at += 1000));
}

/**
 * A ticking clock (one second per reading) that a test moves to a calendar day, to replay events
 * on the days they happen.
 */
export function movableClock(start = '2026-03-02T09:00:00.000Z') {
  let at = Date.parse(start);
  return {
    now: () => new Date((at += 1000)),
    /** Moves the clock to 09:00 UTC of `day` (YYYY-MM-DD). */
    to(day: string): void {
      at = Date.parse(`${day}T09:00:00.000Z`);
    },
  };
}

export interface TestApp {
  runtime: AppRuntime;
  handlers: Handlers;
  errors: unknown[];
}

export async function startApp(
  databasePath: string,
  options: Omit<RuntimeOptions, 'databasePath'> = {},
): Promise<TestApp> {
  const runtime = await AppRuntime.start({ databasePath, backupOnOpen: false, ...options });
  const errors: unknown[] = [];
  const handlers = createHandlers(runtime, { error: (...details) => errors.push(details) });
  return { runtime, handlers, errors };
}

/** Calls a contract method that must succeed and returns its value. */
export async function succeed<M extends MethodName>(
  app: TestApp,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await app.handlers[method](input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as MethodOutput<M>;
}

/** Calls a contract method that must fail and returns its typed error. */
export async function fail(
  app: TestApp,
  method: MethodName,
  input: unknown,
): Promise<AppErrorInfo> {
  const result = await app.handlers[method](input);
  if (result.ok)
    throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A valid client: a central site and one more, one primary contact. */
export function sampleClient(overrides: Partial<ClientInput> = {}): ClientInput {
  return {
    legalName: 'Lumen Analytics GmbH',
    tradingName: 'Lumen Analytics',
    country: 'DE',
    status: 'applicant',
    aiRoles: ['developer', 'provider'],
    contacts: [
      {
        name: 'Anna Schmidt',
        role: 'AI Governance Lead',
        email: 'anna@lumen.example',
        primary: true,
      },
    ],
    sites: [
      { name: 'Head office', country: 'DE', isCentral: true, fullTimePersonnel: 120 },
      { name: 'Lab', country: 'NL', fullTimePersonnel: 30, aiPersonnel: 25 },
    ],
    ...overrides,
  };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json: unknown;
}

/**
 * Runs the real command line in a child process: the bundled CLI (fixtures/cli-bundle.ts), or,
 * with `runner: 'tsx'`, exactly as `npm run cli` starts it (slower: use it where that is the point).
 */
export function runCliProcess(
  args: string[],
  stdin = '',
  home = os.tmpdir(),
  runner: 'bundle' | 'tsx' = 'bundle',
): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: home, HOME: home };
  delete env.npm_lifecycle_event;
  const [command, first] =
    runner === 'tsx'
      ? [tsxBin, path.join(repoRoot, 'electron', 'cli.ts')]
      : [process.execPath, cliBundle(repoRoot)];
  const out = spawnSync(command, [first, ...args], {
    cwd: repoRoot,
    input: stdin,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  let json: unknown = undefined;
  try {
    json = JSON.parse(out.stdout);
  } catch {
    json = undefined;
  }
  return { status: out.status, stdout: out.stdout, stderr: out.stderr, json };
}

/**
 * The command line in this process: the same code as the binary, without the ~1 s start of a
 * process (use runCliProcess where the process boundary itself is under test).
 */
export async function runCliInProcess(
  argv: string[],
  options: { stdin?: string; defaultDatabasePath?: string } = {},
): Promise<CliRun> {
  const { runCli } = await import('../../electron/cli/run');
  const { commands } = await import('../../electron/cli/commands');
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, commands, {
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    defaultDatabasePath:
      options.defaultDatabasePath ?? path.join(os.tmpdir(), 'audit-desk-cli', 'audit-desk.sqlite'),
  });
  let json: unknown = undefined;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { status, stdout, stderr, json };
}
