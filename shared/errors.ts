import type { z } from 'zod';

/** Error codes that cross the process boundary (DESIGN.md: errors cross typed). */
export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorInfo {
  code: ErrorCode;
  message: string;
  /** JSON path of the input field that caused it, e.g. `sites[0].country`. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }

  toInfo(): AppErrorInfo {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** `['sites', 0, 'country']` → `sites[0].country` */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The first zod issue as a VALIDATION error naming its field. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('VALIDATION', 'The input is not valid.');
  const field = jsonPath(issue.path);
  return new AppError('VALIDATION', issue.message, field === '' ? undefined : field);
}

/** Every zod issue keyed by field path (first message per field), for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = jsonPath(issue.path);
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
