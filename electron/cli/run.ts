import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { AppRuntime } from '../runtime';
import { firstAdmin, getPerson, peopleCount } from '../services/people';
import { findCommand, optionValue, parseArgs, userPath } from './args';
import { CliExit, type CliArgs, type CliCommand, type CliIo } from './command';

/** What the command line needs from the process; tests pass their own. */
export interface CliHost {
  readStdin: () => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The app's own database file, used when there is no --db. */
  defaultDatabasePath: string;
  /** Print the stack of unexpected errors too (AUDIT_DESK_DEBUG=1). */
  debug?: boolean;
}

export const usage = 'npm run --silent cli -- <command> [args] [--db PATH] [--as PERSON_ID]';

function help(commands: readonly CliCommand[]) {
  return { usage, commands: commands.map(({ name, summary }) => ({ name, summary })) };
}

function parseJson(text: string, source: string): unknown {
  if (text.trim() === '') {
    throw new AppError('VALIDATION', `No JSON input on ${source}.`, 'input');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'VALIDATION',
      `The input on ${source} is not valid JSON: ${reason}`,
      'input',
    );
  }
}

function inputReader(args: CliArgs, host: CliHost): CliIo['readInput'] {
  return async (positionalIndex = 0) => {
    const name = args.positional[positionalIndex];
    if (name === undefined || name === '-') return parseJson(await host.readStdin(), 'stdin');
    let text: string;
    try {
      text = fs.readFileSync(userPath(name), 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('VALIDATION', `Cannot read the input file: ${reason}`, 'input');
    }
    return parseJson(text, name);
  };
}

/**
 * Who the command acts as: `--as PERSON_ID`, else the first active administrator, else (nobody
 * set up yet) the system actor, so a fresh database can be filled from scripts.
 */
function chooseActor(runtime: AppRuntime, args: CliArgs): void {
  if (runtime.recovery) return;
  const db = runtime.database.db;
  const as = optionValue(args, 'as', 'PERSON_ID');
  if (as !== undefined) {
    let person;
    try {
      person = getPerson(db, as);
    } catch {
      throw new AppError('NOT_FOUND', `Nobody has the id ${as}; see \`person list\`.`, 'as');
    }
    if (!person.active) {
      throw new AppError('FORBIDDEN', `${person.name} is no longer active in Audit Desk.`, 'as');
    }
    runtime.actAs(person);
    return;
  }
  const admin = firstAdmin(db);
  if (admin) runtime.actAs(admin);
  else if (peopleCount(db) === 0) runtime.actAs(null, true);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The first line of what went wrong underneath an INTERNAL error, and its stack if any. */
function underlying(cause: unknown): { summary: string; stack: string } {
  if (cause instanceof Error) {
    return { summary: `${cause.name}: ${cause.message}`, stack: cause.stack ?? '' };
  }
  // The handlers log an unexpected error as its stack, whose first line names it.
  if (typeof cause === 'string') return { summary: cause.split('\n')[0] ?? '', stack: cause };
  return { summary: '', stack: '' };
}

function report(error: unknown, host: CliHost): number {
  const appError =
    error instanceof AppError
      ? error
      : Object.assign(new AppError('INTERNAL', 'Something went wrong inside Audit Desk.'), {
          cause: error,
        });
  const { code } = appError;
  const field = appError.field ?? null;
  const { summary, stack } =
    code === 'INTERNAL' ? underlying(appError.cause) : { summary: '', stack: '' };
  const message = oneLine(summary ? `${appError.message} (${summary})` : appError.message);
  host.stdout(`${JSON.stringify({ error: { code, field, message } })}\n`);
  host.stderr(`error: ${field ? `${field}: ` : ''}${message}\n`);
  if (host.debug && stack) host.stderr(`${stack}\n`);
  return code === 'INTERNAL' ? 1 : 2;
}

/**
 * Runs one command line: JSON on stdout and exit 0 on success; on bad input exit 2 with
 * `{"error":{code,field,message}}` on stdout and one line on stderr; unexpected errors exit 1.
 */
export async function runCli(
  argv: readonly string[],
  commands: readonly CliCommand[],
  host: CliHost,
): Promise<number> {
  let runtime: AppRuntime | null = null;
  try {
    const parsed = parseArgs(argv);
    const words = parsed.positional;
    if (words.length === 0 || words[0] === 'help' || parsed.options.help !== undefined) {
      host.stdout(`${JSON.stringify(help(commands))}\n`);
      return 0;
    }
    const found = findCommand(commands, words);
    if (!found) {
      const known = commands.map((c) => c.name).join(', ');
      throw new AppError(
        'VALIDATION',
        `Unknown command "${words.join(' ')}". Commands: ${known}.`,
        'command',
      );
    }
    const args: CliArgs = {
      positional: found.rest,
      options: parsed.options,
      repeated: parsed.repeated,
    };
    const io: CliIo = {
      readInput: inputReader(args, host),
      stderr: (line) => host.stderr(`${oneLine(line)}\n`),
    };
    const { needsDatabase } = found.command;
    if (needsDatabase === true || (needsDatabase === 'whenGiven' && 'db' in args.options)) {
      const db = optionValue(args, 'db', 'audit-desk.sqlite');
      const databasePath = db === undefined ? host.defaultDatabasePath : userPath(db);
      runtime = await AppRuntime.start({ databasePath, backupOnOpen: false });
      chooseActor(runtime, args);
    }
    const result = await found.command.run(args, io, runtime);
    const exit = result instanceof CliExit ? result : new CliExit(0, result);
    host.stdout(`${JSON.stringify(exit.value ?? null)}\n`);
    return exit.exitCode;
  } catch (error) {
    return report(error, host);
  } finally {
    runtime?.close();
  }
}
