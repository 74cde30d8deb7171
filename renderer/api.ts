import type { Api, MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import type { AppErrorInfo, ErrorCode } from '../shared/errors';

declare global {
  interface Window {
    api: Api;
  }
}

/** A failed call, carrying the typed error so forms can show it at its field. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(info: AppErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.field = info.field;
  }
}

/** Calls one contract method; resolves with its value or rejects with an ApiError. */
export async function call<M extends MethodName>(
  method: M,
  ...input: undefined extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]
): Promise<MethodOutput<M>> {
  const fn = window.api[method] as (i?: MethodInput<M>) => ReturnType<Api[M]>;
  const result = await fn(input[0]);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as MethodOutput<M>;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
