import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { uuidv7 } from 'uuidv7';
import { AppError, validationError } from '../../shared/errors';
import {
  certificationBodyLogoInputSchema,
  logoMediaType,
  logoPixelSize,
  logoProblem,
  pngLayout,
  pngRawBytes,
  type CertificationBodyLogo,
  type LogoMediaType,
} from '../../shared/settings/certification-body-logo';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { appendPart, discardPart, openPart, storePart, storedPath } from './evidence-store';
import { clearSetting, readSetting, writeSetting } from './settings';

/**
 * The CB's logo is stored like evidence files: content-addressed by SHA-256 beside the database,
 * and the setting `cb.logo` holds only the hash. So the change log records a short fingerprint
 * per change (not a megabyte of base64 each time), every logo ever used stays retrievable by the
 * hash the log names, and a file shared with evidence is stored once and never deleted here.
 */
export const certificationBodyLogoKey = 'cb.logo';

/** A logo's bytes, ready to embed in a PDF. */
export interface LogoImage {
  bytes: Uint8Array;
  mediaType: LogoMediaType;
}

/** The stored bytes of `sha256`, or null when the file is missing or no longer has that hash. */
function storedLogoBytes(ctx: ServiceContext, sha256: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(storedPath(ctx.evidenceDirectory, sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
}

function describeLogo(sha256: string, bytes: Buffer | null): CertificationBodyLogo {
  const mediaType = bytes ? logoMediaType(bytes) : null;
  const size = bytes && mediaType ? logoPixelSize(bytes, mediaType) : null;
  if (!bytes || !mediaType || !size) return { status: 'missing', sha256 };
  return {
    status: 'stored',
    sha256,
    mediaType,
    sizeBytes: bytes.length,
    width: size.width,
    height: size.height,
    data: bytes.toString('base64'),
  };
}

/** The logo as the settings page shows it, or null when none is set. */
export function getCertificationBodyLogo(ctx: ServiceContext): CertificationBodyLogo | null {
  requireActor(ctx);
  const sha256 = readSetting(ctx.db, certificationBodyLogoKey);
  if (sha256 === null) return null;
  return describeLogo(sha256, storedLogoBytes(ctx, sha256));
}

/**
 * The logo for a document, or null when none is set or its file is missing (the document then
 * prints as it does without a logo; the settings page says the file is missing).
 */
export function certificationBodyLogoImage(ctx: ServiceContext): LogoImage | null {
  const sha256 = readSetting(ctx.db, certificationBodyLogoKey);
  if (sha256 === null) return null;
  const bytes = storedLogoBytes(ctx, sha256);
  const mediaType = bytes ? logoMediaType(bytes) : null;
  return bytes && mediaType ? { bytes: new Uint8Array(bytes), mediaType } : null;
}

/**
 * Whether a PNG's image data inflates completely to the size its header promises. Checked before
 * pdf-lib decodes it: its decoder does not stop on a damaged stream. The output is capped at that
 * size, so a small file cannot inflate into a huge buffer either.
 */
function pngDataComplete(bytes: Uint8Array): boolean {
  const png = pngLayout(bytes);
  if (!png) return false;
  const expected = pngRawBytes(png);
  try {
    const raw = inflateSync(Buffer.concat(png.imageData), { maxOutputLength: expected });
    return raw.length === expected;
  } catch {
    return false;
  }
}

/** Refuses an image pdf-lib cannot embed, so a bad file is caught here and not in a document. */
async function checkEmbeds(fileName: string, logo: LogoImage): Promise<void> {
  const doc = await PDFDocument.create();
  try {
    if (logo.mediaType === 'image/png') {
      if (!pngDataComplete(logo.bytes)) throw new Error('PNG image data incomplete');
      await doc.embedPng(logo.bytes);
    } else {
      await doc.embedJpg(logo.bytes);
    }
  } catch {
    const kind = logo.mediaType === 'image/png' ? 'PNG' : 'JPEG';
    const name = fileName === '' ? 'The file' : `“${fileName}”`;
    throw new AppError(
      'VALIDATION',
      `${name} starts like a ${kind} image but cannot be read; it may be damaged. Save it again from an image editor and choose that file.`,
      'logo',
    );
  }
}

function storeLogoFile(ctx: ServiceContext, bytes: Buffer): string {
  const part = openPart(ctx.evidenceDirectory, `logo-${uuidv7()}`);
  try {
    appendPart(part, bytes);
    return storePart(ctx.evidenceDirectory, part);
  } catch (error) {
    discardPart(part);
    throw error;
  }
}

/** Sets or replaces the logo (administrators): PNG or JPEG by content, at most 1 MB. */
export async function setCertificationBodyLogo(
  ctx: ServiceContext,
  raw: unknown,
): Promise<CertificationBodyLogo> {
  requireRole(ctx, ['admin'], 'change the certification body’s logo');
  const parsed = certificationBodyLogoInputSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { fileName, logo } = parsed.data;
  const bytes = Buffer.from(logo, 'base64');
  const problem = logoProblem(fileName, bytes);
  if (problem) throw new AppError('VALIDATION', problem, 'logo');
  const mediaType = logoMediaType(bytes);
  if (!mediaType) throw new AppError('VALIDATION', 'Choose a PNG or JPEG image.', 'logo');
  await checkEmbeds(fileName, { bytes: new Uint8Array(bytes), mediaType });
  const sha256 = storeLogoFile(ctx, bytes);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => writeSetting(ctx, tx, certificationBodyLogoKey, sha256, at));
  return describeLogo(sha256, bytes);
}

/** Removes the logo (administrators); the file stays, as the change log names it. */
export function removeCertificationBodyLogo(ctx: ServiceContext): null {
  requireRole(ctx, ['admin'], 'change the certification body’s logo');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => clearSetting(ctx, tx, certificationBodyLogoKey, at));
  return null;
}
