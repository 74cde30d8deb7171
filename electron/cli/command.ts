import type { AppRuntime } from '../runtime';

/** Parsed command line: positional words after the command, and `--flag value` / `--flag` options. */
export interface CliArgs {
  positional: string[];
  options: Record<string, string | true>;
  /** Every value of an option given more than once (`--audit A --audit B`), in order. */
  repeated?: Record<string, string[]>;
}

export interface CliIo {
  /** The JSON input: from the file named by the first positional argument, or stdin (`-`/none). */
  readInput: (positionalIndex?: number) => Promise<unknown>;
  stderr: (line: string) => void;
}

export interface CliCommand {
  /** e.g. 'client add', 'audit-time' */
  name: string;
  summary: string;
  /**
   * Whether it needs the database (from --db or the app's own file, created with migrations if
   * missing); 'whenGiven' opens it only when --db is on the command line.
   */
  needsDatabase: boolean | 'whenGiven';
  /**
   * Returns the JSON value to print on stdout (exit 0). Throw AppError('VALIDATION', msg, field)
   * for bad input (exit 2, `{"error":{code,field,message}}` on stdout, one line on stderr).
   * May return `{ exitCode, value }` via CliExit to choose another exit code (e.g. `check` → 1).
   */
  run: (args: CliArgs, io: CliIo, runtime: AppRuntime | null) => Promise<unknown>;
}

export class CliExit {
  constructor(
    readonly exitCode: number,
    readonly value: unknown,
  ) {}
}
