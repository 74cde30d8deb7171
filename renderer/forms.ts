import type { z } from 'zod';
import { fieldErrors } from '../shared/errors';
import { ApiError } from './api';

/** Our JSON paths (`sites[0].country`) → Mantine form paths (`sites.0.country`). */
export function formPath(jsonPath: string): string {
  return jsonPath.replace(/\[(\d+)\]/g, '.$1');
}

/** Client-side check with the contract's own schema: field errors keyed by form path. */
export function schemaErrors(schema: z.ZodType, values: unknown): Record<string, string> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors(parsed.error))) {
    out[formPath(key)] = message;
  }
  return out;
}

/** A server error with a field, as a form error; otherwise null (show it as a banner). */
export function serverFieldError(error: unknown, prefix = ''): Record<string, string> | null {
  if (error instanceof ApiError && error.field) {
    return { [formPath(prefix + error.field)]: error.message };
  }
  return null;
}

/** Mantine NumberInput gives '' when empty: keep it as undefined so zod says what is missing. */
export function numberOrUndefined(value: number | string): number | undefined {
  if (value === '' || value === null) return undefined;
  return typeof value === 'number' ? value : Number(value);
}
