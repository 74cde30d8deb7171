import { sql } from 'drizzle-orm';
import { certificates } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  certificateNumberingSchema,
  defaultCertificateNumberFormat,
  formatCertificateNumber,
  nextSequence,
  parseNumberFormat,
  type CertificateNumbering,
  type CertificateNumberingInput,
  type NumberFormatPart,
} from '../../shared/certificates/number-format';
import { AppError, validationError } from '../../shared/errors';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { readSetting, writeSetting } from './settings';

export const certificateNumberFormatKey = 'certificates.numberFormat';

function formatParts(format: string): NumberFormatPart[] {
  const parsed = parseNumberFormat(format);
  if (!parsed.ok) {
    throw new AppError(
      'CONFLICT',
      `The certificate number format “${format}” in the settings cannot be used: ${parsed.message} An administrator corrects it under Certificates → Number format.`,
    );
  }
  return parsed.parts;
}

export function certificateNumberFormat(db: Db): string {
  return readSetting(db, certificateNumberFormatKey) ?? defaultCertificateNumberFormat;
}

/** The numbers starting as this year's do up to the sequence (nextSequence checks the rest). */
function numbersOfYear(db: Db, parts: readonly NumberFormatPart[], year: number): string[] {
  const sequenceAt = parts.findIndex((p) => p.kind === 'sequence');
  const prefix = formatCertificateNumber(parts.slice(0, sequenceAt), year, 0);
  return db
    .select({ number: certificates.number })
    .from(certificates)
    .where(sql`${certificates.number} LIKE ${`${prefix.replace(/[%_\\]/g, '\\$&')}%`} ESCAPE '\\'`)
    .all()
    .map((r) => r.number);
}

/** The number of the next certificate issued in `year` (call inside the issuing transaction). */
export function nextCertificateNumber(db: Db, year: number): string {
  const parts = formatParts(certificateNumberFormat(db));
  const sequence = nextSequence(numbersOfYear(db, parts, year), parts, year);
  return formatCertificateNumber(parts, year, sequence);
}

function numberingOf(db: Db, year: number): CertificateNumbering {
  const format = certificateNumberFormat(db);
  const parts = parseNumberFormat(format);
  return {
    format,
    isDefault: format === defaultCertificateNumberFormat,
    nextNumber: parts.ok
      ? formatCertificateNumber(
          parts.parts,
          year,
          nextSequence(numbersOfYear(db, parts.parts, year), parts.parts, year),
        )
      : '',
  };
}

export function getCertificateNumbering(ctx: ServiceContext): CertificateNumbering {
  requireActor(ctx);
  return numberingOf(ctx.db, ctx.now().getUTCFullYear());
}

/** Sets the format of numbers issued from now on; numbers already issued never change. */
export function updateCertificateNumbering(
  ctx: ServiceContext,
  raw: CertificateNumberingInput,
): CertificateNumbering {
  requireRole(ctx, ['admin'], 'change the certificate number format');
  const parsed = certificateNumberingSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) =>
    writeSetting(ctx, tx, certificateNumberFormatKey, parsed.data.format, at),
  );
  return getCertificateNumbering(ctx);
}
