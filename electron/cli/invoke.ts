import type { MethodName, MethodOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { createHandlers } from '../ipc/handlers';
import type { AppRuntime } from '../runtime';

/**
 * Calls one contract method through the same handlers IPC and the browser harness use (zod parse,
 * services, typed errors), and turns an error value back into an AppError for the command line.
 * An unexpected error keeps what the handler logged as its `cause`.
 */
export async function invoke<M extends MethodName>(
  runtime: AppRuntime,
  method: M,
  input: unknown,
): Promise<MethodOutput<M>> {
  let logged: unknown;
  const handlers = createHandlers(runtime, {
    error: (_message, ...details) => {
      logged = details[0];
    },
  });
  const result = await handlers[method](input);
  if (result.ok) return result.value as MethodOutput<M>;
  const error = new AppError(result.error.code, result.error.message, result.error.field);
  if (logged !== undefined) error.cause = logged;
  throw error;
}

/** The runtime of a command that declared `needsDatabase`. */
export function opened(runtime: AppRuntime | null): AppRuntime {
  if (!runtime) throw new AppError('INTERNAL', 'This command needs the database.');
  return runtime;
}
