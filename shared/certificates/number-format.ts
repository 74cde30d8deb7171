/**
 * Certificate numbers (ISO/IEC 17021-1 8.2.2: a unique identification code on every certificate).
 * The format is the CB's choice, written with two tokens:
 * - `YYYY` (or `YY`): the year the certificate is issued;
 * - `N`…`NNNNNNNN`: the sequence within that year, zero-padded to that many digits (it grows
 *   past the width rather than repeat a number: the 10,000th with `NNNN` is 10000).
 * Everything else is copied as written. Capital Y and N are reserved for the tokens.
 */
import { z } from 'zod';

export const defaultCertificateNumberFormat = 'AD-42001-YYYY-NNNN';

export type NumberFormatPart =
  | { kind: 'literal'; text: string }
  | { kind: 'year'; digits: 2 | 4 }
  | { kind: 'sequence'; width: number };

export type ParsedNumberFormat =
  { ok: true; parts: NumberFormatPart[] } | { ok: false; message: string };

const allowed = /^[A-Za-z0-9\-/._]+$/;
const maxLength = 40;

/** Splits a format into literal text, the year and the sequence, or says what is wrong with it. */
export function parseNumberFormat(format: string): ParsedNumberFormat {
  if (format.length === 0)
    return { ok: false, message: 'Enter the number format, e.g. AD-42001-YYYY-NNNN.' };
  if (format.length > maxLength) {
    return { ok: false, message: `Keep the format to ${maxLength} characters or fewer.` };
  }
  if (!allowed.test(format)) {
    return {
      ok: false,
      message:
        'Use only letters, digits and - / . _ in the format (no spaces), e.g. AD-42001-YYYY-NNNN.',
    };
  }
  const parts: NumberFormatPart[] = [];
  for (const run of format.match(/Y+|N+|[^YN]+/g) ?? []) {
    if (run.startsWith('Y')) {
      if (run.length !== 4 && run.length !== 2) {
        return {
          ok: false,
          message: `Write the issue year as YYYY (e.g. 2026) or YY (e.g. 26), not ${run}. Capital Y is kept for the year.`,
        };
      }
      parts.push({ kind: 'year', digits: run.length });
    } else if (run.startsWith('N')) {
      if (run.length > 8) {
        return { ok: false, message: 'The sequence has at most 8 digits (NNNNNNNN).' };
      }
      parts.push({ kind: 'sequence', width: run.length });
    } else {
      parts.push({ kind: 'literal', text: run });
    }
  }
  const years = parts.filter((p) => p.kind === 'year').length;
  const sequences = parts.filter((p) => p.kind === 'sequence').length;
  if (years === 0) {
    return {
      ok: false,
      message:
        'Put the issue year in the format (YYYY or YY): the sequence starts again every year.',
    };
  }
  if (years > 1)
    return { ok: false, message: 'The year appears more than once; keep one YYYY or YY.' };
  if (sequences === 0) {
    return {
      ok: false,
      message:
        'Put the sequence in the format (N to NNNNNNNN, e.g. NNNN for 0001), so every number is unique.',
    };
  }
  if (sequences > 1) {
    return {
      ok: false,
      message:
        'The sequence appears more than once; keep one run of N (capital N is kept for the sequence).',
    };
  }
  return { ok: true, parts };
}

function yearText(year: number, digits: 2 | 4): string {
  const text = String(year).padStart(4, '0');
  return digits === 4 ? text : text.slice(-2);
}

/** The number with this year and sequence, e.g. AD-42001-2026-0001. */
export function formatCertificateNumber(
  parts: readonly NumberFormatPart[],
  year: number,
  sequence: number,
): string {
  return parts
    .map((p) =>
      p.kind === 'literal'
        ? p.text
        : p.kind === 'year'
          ? yearText(year, p.digits)
          : String(sequence).padStart(p.width, '0'),
    )
    .join('');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Matches numbers of this format and year, capturing the sequence. */
export function sequencePattern(parts: readonly NumberFormatPart[], year: number): RegExp {
  const source = parts
    .map((p) =>
      p.kind === 'literal'
        ? escape(p.text)
        : p.kind === 'year'
          ? escape(yearText(year, p.digits))
          : `(\\d{${p.width},})`,
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * The next sequence of a year: one more than the highest of the numbers already issued in this
 * format that year (numbers in an earlier format do not count), starting at 1.
 */
export function nextSequence(
  existing: Iterable<string>,
  parts: readonly NumberFormatPart[],
  year: number,
): number {
  const pattern = sequencePattern(parts, year);
  let highest = 0;
  for (const number of existing) {
    const match = pattern.exec(number);
    if (match?.[1] !== undefined) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

export const certificateNumberingSchema = z.object({
  format: z
    .string({ message: 'Enter the number format, e.g. AD-42001-YYYY-NNNN.' })
    .trim()
    .superRefine((format, ctx) => {
      const parsed = parseNumberFormat(format);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
});
export type CertificateNumberingInput = z.input<typeof certificateNumberingSchema>;

export interface CertificateNumbering {
  format: string;
  /** Whether the CB kept Audit Desk's default. */
  isDefault: boolean;
  /** The number the next certificate issued this year would get. */
  nextNumber: string;
}
