import type { PDFDocument, PDFImage, PDFPage } from 'pdf-lib';
import type { LogoImage } from './certification-body-logo';

/** Embeds the CB's logo in `doc` once (each page then draws the same image object), or null. */
export async function embedLogo(
  doc: PDFDocument,
  logo: LogoImage | null,
): Promise<PDFImage | null> {
  if (!logo) return null;
  return logo.mediaType === 'image/png' ? doc.embedPng(logo.bytes) : doc.embedJpg(logo.bytes);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest size with the image's aspect ratio that fits in `width` × `height`. */
export function fitInBox(
  image: { width: number; height: number },
  width: number,
  height: number,
): { width: number; height: number } {
  const scale = Math.min(width / image.width, height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/**
 * Draws the logo as large as fits in `box`, aspect kept, placed at the box's left, centre or right
 * and centred vertically. Returns the rectangle it covers.
 */
export function drawLogo(
  page: PDFPage,
  image: PDFImage,
  box: Box,
  align: 'left' | 'center' | 'right',
): Box {
  const size = fitInBox(image, box.width, box.height);
  const x =
    align === 'left'
      ? box.x
      : align === 'right'
        ? box.x + box.width - size.width
        : box.x + (box.width - size.width) / 2;
  const y = box.y + (box.height - size.height) / 2;
  page.drawImage(image, { x, y, ...size });
  return { x, y, ...size };
}
