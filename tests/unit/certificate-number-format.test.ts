import { describe, expect, it } from 'vitest';
import {
  certificateNumberingSchema,
  defaultCertificateNumberFormat,
  formatCertificateNumber,
  nextSequence,
  parseNumberFormat,
  type NumberFormatPart,
} from '../../shared/certificates/number-format';

function parts(format: string): NumberFormatPart[] {
  const parsed = parseNumberFormat(format);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.parts;
}

describe('certificate number format', () => {
  it('writes the default AD-42001-YYYY-NNNN with the issue year and a zero-padded sequence', () => {
    expect(defaultCertificateNumberFormat).toBe('AD-42001-YYYY-NNNN');
    const p = parts(defaultCertificateNumberFormat);
    expect(formatCertificateNumber(p, 2026, 1)).toBe('AD-42001-2026-0001');
    expect(formatCertificateNumber(p, 2026, 42)).toBe('AD-42001-2026-0042');
    // The sequence grows past its width rather than repeat a number.
    expect(formatCertificateNumber(p, 2026, 10000)).toBe('AD-42001-2026-10000');
  });

  it('knows YY, any sequence width up to 8, and the tokens in any order', () => {
    expect(formatCertificateNumber(parts('CB/YY/NNNNN'), 2026, 7)).toBe('CB/26/00007');
    expect(formatCertificateNumber(parts('N-YYYY'), 2031, 3)).toBe('3-2031');
    expect(formatCertificateNumber(parts('x.NNNNNNNN_YYYY'), 2026, 12)).toBe('x.00000012_2026');
    // Lower-case y and n are plain text.
    expect(formatCertificateNumber(parts('cyn-YYYY-NN'), 2026, 5)).toBe('cyn-2026-05');
  });

  it('says what is wrong with a format', () => {
    const message = (format: string) => {
      const parsed = parseNumberFormat(format);
      return parsed.ok ? null : parsed.message;
    };
    expect(message('')).toContain('Enter the number format');
    expect(message('AD-NNNN')).toContain('Put the issue year');
    expect(message('AD-YYYY')).toContain('Put the sequence');
    expect(message('AD-YYY-NNNN')).toContain('YYYY (e.g. 2026) or YY');
    expect(message('YYYY-NN-NN')).toContain('sequence appears more than once');
    expect(message('YY-YYYY-NN')).toContain('year appears more than once');
    expect(message('AD-YYYY-NNNNNNNNN')).toContain('at most 8 digits');
    expect(message('AD YYYY NNNN')).toContain('no spaces');
    expect(message('A'.repeat(36) + 'YYYYN')).toContain('40 characters');
  });

  it('continues the year’s highest sequence in this format, ignoring other years and formats', () => {
    const p = parts(defaultCertificateNumberFormat);
    const issued = [
      'AD-42001-2025-0007',
      'AD-42001-2026-0002',
      'AD-42001-2026-0011',
      'AD-42001-2026-10003',
      'CB/26/00090',
      'AD-42001-2026-0004-R',
    ];
    expect(nextSequence(issued, p, 2026)).toBe(10004);
    expect(nextSequence(issued, p, 2025)).toBe(8);
    expect(nextSequence(issued, p, 2027)).toBe(1);
    expect(nextSequence(issued, parts('CB/YY/NNNNN'), 2026)).toBe(91);
    // Characters special in patterns are matched literally.
    expect(nextSequence(['A.B-2026-01', 'AxB-2026-05'], parts('A.B-YYYY-NN'), 2026)).toBe(2);
  });

  it('checks the setting with the same rules, at the field format', () => {
    const bad = certificateNumberingSchema.safeParse({ format: ' AD-NNNN ' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['format'] });
    expect(certificateNumberingSchema.parse({ format: ' CB-YYYY-NNN ' })).toEqual({
      format: 'CB-YYYY-NNN',
    });
  });
});
