/**
 * What a person enters to save an audit-time calculation: the calculator's request, with a reason
 * for every adjustment factor. ISO/IEC 17021-1 9.1.4 asks the CB to justify the audit time it
 * determines per client; the calculator works on percentages, the record keeps the why.
 */
import { z } from 'zod';
import type { Result } from '../errors';
import { auditTimeInputSchema, parseAuditTimeInput, type AuditTimeInput } from './input';
import type { AuditTimeTable } from './table';
import { issueToError, plainEnglish } from './zod-issues';

export const factorReasonSchema = z
  .string({ message: 'Say why this factor applies to this client.' })
  .trim()
  .min(1, { message: 'Say why this factor applies to this client.' })
  .max(2000, { message: 'Keep the reason under 2000 characters.' });

const factorEntrySchema = z.strictObject({
  code: z.string({ message: 'Give the factor’s code, e.g. AI_HIGH_IMPACT.' }),
  percent: z
    .number({ message: 'Enter the factor’s percentage.' })
    .int({ message: 'The percentage is a whole number.' }),
  reason: factorReasonSchema,
});

export const auditTimeEntrySchema = auditTimeInputSchema.extend({
  factors: z.array(factorEntrySchema).max(100).default([]),
});
export type AuditTimeEntryInput = z.input<typeof auditTimeEntrySchema>;
/** A checked entry as stored: the calculator's input with each factor's reason. */
export type AuditTimeEntry = Omit<AuditTimeInput, 'factors'> & {
  factors: { code: string; percent: number; reason: string }[];
};

/** The calculator's own request inside an entry (reasons dropped). */
export function entryToRequest(entry: AuditTimeEntry): AuditTimeInput {
  return { ...entry, factors: entry.factors.map(({ code, percent }) => ({ code, percent })) };
}

/**
 * Checks an entry against the table it will be calculated with: first everything the calculator
 * checks (so a factor outside its range is reported at `factors[i].percent`), then the reasons.
 */
export function checkAuditTimeEntry(raw: unknown, table: AuditTimeTable): Result<AuditTimeEntry> {
  const parsed = auditTimeEntrySchema.safeParse(raw, { error: plainEnglish });
  let request: unknown = raw;
  if (typeof raw === 'object' && raw !== null && 'factors' in raw && Array.isArray(raw.factors)) {
    const factors: unknown[] = raw.factors;
    request = {
      ...raw,
      factors: factors.map((factor) => {
        if (typeof factor !== 'object' || factor === null) return factor;
        const { reason: _reason, ...rest } = factor as Record<string, unknown>;
        return rest;
      }),
    };
  }
  const checked = parseAuditTimeInput(request, table);
  if (!checked.ok) return checked;
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: first ? issueToError(first) : { code: 'VALIDATION', message: 'Not a valid entry.' },
    };
  }
  return {
    ok: true,
    value: {
      ...checked.value,
      factors: checked.value.factors.map((factor, i) => ({
        ...factor,
        reason: parsed.data.factors[i]?.reason ?? '',
      })),
    },
  };
}
