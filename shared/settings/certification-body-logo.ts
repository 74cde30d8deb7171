import { z } from 'zod';

/**
 * The certification body's logo, printed on the audit report, the certificate and the audit plan.
 * PNG or JPEG only: the two image formats a PDF embeds as they are (pdf-lib `embedPng` /
 * `embedJpg`). The type is read from the file's first bytes, never from its name.
 */

/** Audit Desk limit: 1 MB is far more than a sharp logo needs, and one call carries it whole. */
export const logoMaxBytes = 1024 * 1024;
/** Audit Desk limit on each side, so a small file cannot unpack into a huge bitmap. */
export const logoMaxPixels = 4000;

export const logoMediaTypes = ['image/png', 'image/jpeg'] as const;
export type LogoMediaType = (typeof logoMediaTypes)[number];

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG or JPEG by the file's signature (its magic bytes), or null for anything else. */
export function logoMediaType(bytes: Uint8Array): LogoMediaType | null {
  if (pngSignature.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

const readUint16 = (bytes: Uint8Array, at: number) =>
  ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const readUint32 = (bytes: Uint8Array, at: number) =>
  readUint16(bytes, at) * 0x10000 + readUint16(bytes, at + 2);

/** JPEG start-of-frame markers (they carry the size); C4, C8 and CC are other segments. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The parts of a PNG that decide whether it decodes: its header and its image data chunks. */
export interface PngLayout {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  /** The IDAT chunks' data, in order: one zlib stream together. */
  imageData: Uint8Array[];
}

/** Bit depths the PNG specification allows for each colour type. */
const pngBitDepths: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

const chunkType = (bytes: Uint8Array, at: number) =>
  String.fromCharCode(...bytes.subarray(at, at + 4));

/**
 * A PNG's chunks walked from the signature to IEND: IHDR first with a valid header, at least one
 * IDAT, every chunk inside the file. Null for a truncated or malformed file (pdf-lib's decoder
 * must never see one: it can spin forever on a truncated PNG).
 */
export function pngLayout(bytes: Uint8Array): PngLayout | null {
  if (bytes.length < 33 || chunkType(bytes, 12) !== 'IHDR' || readUint32(bytes, 8) !== 13) {
    return null;
  }
  const width = readUint32(bytes, 16);
  const height = readUint32(bytes, 20);
  const bitDepth = bytes[24] ?? 0;
  const colorType = bytes[25] ?? 0;
  const [compression, filter, interlace] = [bytes[26], bytes[27], bytes[28]];
  if (width === 0 || height === 0 || !pngBitDepths[colorType]?.includes(bitDepth)) return null;
  if (compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) return null;
  const imageData: Uint8Array[] = [];
  let at = 33;
  for (;;) {
    if (at + 12 > bytes.length) return null;
    const length = readUint32(bytes, at);
    const type = chunkType(bytes, at + 4);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (type === 'IDAT') imageData.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at = end;
  }
  if (imageData.length === 0) return null;
  return { width, height, bitDepth, colorType, interlaced: interlace === 1, imageData };
}

/** Bytes the image data must inflate to: a filter byte and the packed pixels of every row. */
export function pngRawBytes(png: PngLayout): number {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[png.colorType] ?? 4;
  const rowBytes = (w: number) => 1 + Math.ceil((w * channels * png.bitDepth) / 8);
  if (!png.interlaced) return png.height * rowBytes(png.width);
  // Adam7: seven passes over sub-images, each row with its own filter byte.
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  return passes.reduce((sum, [x0, y0, dx, dy]) => {
    const w = Math.ceil((png.width - x0) / dx);
    const h = Math.ceil((png.height - y0) / dy);
    return w > 0 && h > 0 ? sum + h * rowBytes(w) : sum;
  }, 0);
}

/**
 * Width and height in pixels from the image's header (PNG IHDR, JPEG start of frame), or null when
 * the file cannot be read (a damaged or truncated file).
 */
export function logoPixelSize(
  bytes: Uint8Array,
  mediaType: LogoMediaType,
): { width: number; height: number } | null {
  if (mediaType === 'image/png') {
    const png = pngLayout(bytes);
    return png ? { width: png.width, height: png.height } : null;
  }
  let at = 2;
  while (at + 3 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes (0xFF 0xFF…) and markers without a length (RSTn, TEM) carry no segment.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = readUint16(bytes, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null;
      const height = readUint16(bytes, at + 5);
      const width = readUint16(bytes, at + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}

/** "1.4 MB", "230 KB": sizes as the messages show them (1 MB = 1024 KB = 1,048,576 bytes). */
export function logoSizeText(sizeBytes: number): string {
  if (sizeBytes >= 1024 * 1024) return `${(sizeBytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(sizeBytes / 1024))} KB`;
}

function quotedName(fileName: string): string {
  return fileName.trim() === '' ? 'The file' : `“${fileName.trim()}”`;
}

/** The message for a file over 1 MB (the renderer says it before reading the file). */
export function logoTooLarge(fileName: string, sizeBytes: number): string {
  return `${quotedName(fileName)} is ${logoSizeText(sizeBytes)}; the logo may be at most 1 MB (an Audit Desk limit). Save a smaller image: a few hundred pixels across is plenty.`;
}

/**
 * Why a file cannot be the logo, or null when its bytes can be: the messages the settings page
 * shows at the field, the same in the renderer (before sending) and the main process (which
 * checks again, and also that the image decodes).
 */
export function logoProblem(fileName: string, bytes: Uint8Array): string | null {
  const name = quotedName(fileName);
  if (bytes.length === 0) return `${name} is empty. Choose a PNG or JPEG image.`;
  if (bytes.length > logoMaxBytes) return logoTooLarge(fileName, bytes.length);
  const mediaType = logoMediaType(bytes);
  if (!mediaType) {
    return `${name} is not a PNG or JPEG image (judged by its content, not its name). Save the logo as PNG or JPEG and choose that file.`;
  }
  const size = logoPixelSize(bytes, mediaType);
  const kind = mediaType === 'image/png' ? 'PNG' : 'JPEG';
  if (!size) return `${name} starts like a ${kind} image but cannot be read; it may be damaged.`;
  if (size.width > logoMaxPixels || size.height > logoMaxPixels) {
    return `${name} is ${size.width} × ${size.height} pixels; the logo may be at most ${logoMaxPixels} pixels on each side (an Audit Desk limit).`;
  }
  return null;
}

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 characters of the largest logo accepted (4 characters per 3 bytes). */
const logoMaxBase64 = Math.ceil(logoMaxBytes / 3) * 4;

export const certificationBodyLogoInputSchema = z.object({
  fileName: z
    .string({ message: 'The file has no name.' })
    .trim()
    .max(255, { message: 'File names are limited to 255 characters.' }),
  /** The file's bytes as base64; errors about the file are reported at this field. */
  logo: z
    .string({ message: 'Choose a PNG or JPEG image.' })
    .min(1, { message: 'Choose a PNG or JPEG image.' })
    .max(logoMaxBase64, {
      message: 'The logo may be at most 1 MB (an Audit Desk limit). Save a smaller image.',
    })
    .regex(base64, { message: 'The logo did not arrive as base64; choose the file again.' }),
});
export type CertificationBodyLogoInput = z.input<typeof certificationBodyLogoInputSchema>;

/**
 * The logo as stored: content-addressed by its SHA-256 beside the database (the setting holds the
 * hash). `missing` when the settings name a file that is no longer there (or no longer has that
 * hash): documents then print without a logo until it is chosen again.
 */
export type CertificationBodyLogo =
  | {
      status: 'stored';
      sha256: string;
      mediaType: LogoMediaType;
      sizeBytes: number;
      width: number;
      height: number;
      /** The image as base64, for the preview. */
      data: string;
    }
  | { status: 'missing'; sha256: string };
