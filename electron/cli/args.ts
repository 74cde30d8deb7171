import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { CliArgs, CliCommand } from './command';

/** Flags that never take a value, so `--include-archived ID` keeps ID positional. */
const switches = new Set(['include-archived', 'desc', 'demo', 'help', 'dry-run']);

/**
 * Splits argv into positional words and options: `--name value`, `--name=value`, or a bare
 * `--name` (true) when it is a known switch or nothing value-like follows.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const repeated: Record<string, string[]> = {};
  const set = (name: string, value: string | true) => {
    options[name] = value;
    if (value !== true) (repeated[name] ??= []).push(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('--') || word === '--') {
      positional.push(word);
      continue;
    }
    const body = word.slice(2);
    const eq = body.indexOf('=');
    if (eq >= 0) {
      set(body.slice(0, eq), body.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (!switches.has(body) && next !== undefined && !next.startsWith('--')) {
      set(body, next);
      i++;
    } else {
      set(body, true);
    }
  }
  return { positional, options, repeated };
}

/** The command whose name matches the most leading words ('client add' before 'client'). */
export function findCommand(
  commands: readonly CliCommand[],
  words: readonly string[],
): { command: CliCommand; rest: string[] } | null {
  for (let n = Math.min(words.length, 3); n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: words.slice(n) };
  }
  return null;
}

/** A `--name value` option, or undefined when absent; `--name` without a value is an error. */
export function optionValue(args: CliArgs, name: string, example: string): string | undefined {
  const value = args.options[name];
  if (value === true) {
    throw new AppError(
      'VALIDATION',
      `Give a value after --${name}, e.g. --${name} ${example}.`,
      name,
    );
  }
  return value;
}

export function requiredOption(args: CliArgs, name: string, example: string): string {
  const value = optionValue(args, name, example);
  if (value === undefined) {
    throw new AppError(
      'VALIDATION',
      `This command needs --${name}, e.g. --${name} ${example}.`,
      name,
    );
  }
  return value;
}

export function requiredPositional(
  args: CliArgs,
  index: number,
  field: string,
  what: string,
): string {
  const value = args.positional[index];
  if (value === undefined || value === '' || value === '-') {
    throw new AppError('VALIDATION', `Give the ${what}.`, field);
  }
  return value;
}

/**
 * Relative paths are the user's: `npm run cli` changes the working directory to the package root
 * and keeps the one the user typed in INIT_CWD.
 */
export function userPath(file: string): string {
  const base =
    process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  return path.resolve(base, file);
}
