import type { z } from 'zod';
import { jsonPath, type AppErrorInfo } from '../errors';

/** An unknown key is reported on the object holding it; name the key itself (`factors[0].pct`). */
function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    return [...issue.path, issue.keys[0]];
  }
  return [...issue.path];
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `"${issue.keys.join('", "')}" is not a field here; check the spelling.`;
  }
  return issue.message;
}

/**
 * Fallback wording for issues a schema gives no message of its own, e.g. a missing table part or
 * a request that is not a JSON object; schema messages take precedence.
 */
export const plainEnglish: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'This field is required.';
  const expected = String(issue.expected);
  const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
  return issue.path === undefined || issue.path.length === 0
    ? `The input should be a JSON ${expected}.`
    : `This should be ${article} ${expected}.`;
};

/** A type message that says "missing" when the field is absent, e.g. for `z.number({ error })`. */
export const typeMessage =
  (what: string, wrongType: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `${what} is required.` : wrongType;

/** A zod issue as a VALIDATION error, its field optionally prefixed (`table` → `table.bands[2].max`). */
export function issueToError(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[] = [],
): AppErrorInfo {
  const field = jsonPath([...prefix, ...issuePath(issue)]);
  const message = issueMessage(issue);
  return field === '' ? { code: 'VALIDATION', message } : { code: 'VALIDATION', message, field };
}
