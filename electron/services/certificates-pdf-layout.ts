import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { CertificateDetail } from '../../shared/certificates/schema';
import { issuedCertificateStatusLabels } from '../../shared/certificates/status';
import { AppError } from '../../shared/errors';
import { fontkit } from './pdf-layout';

/**
 * The certificate page's furniture: centred lines that wrap, the double frame, the status mark
 * across a copy that is not valid, label/value rows, and the fonts (see certificates-pdf.ts).
 */

// A4 portrait, in PDF points.
export const width = 595.28;
export const height = 841.89;
export const accent = rgb(0.11, 0.3, 0.55);
export const ink = rgb(0.1, 0.1, 0.12);
export const muted = rgb(0.38, 0.4, 0.45);
export const frame = 28;
export const textWidth = width - 2 * 80;

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${d} ${month} ${y}`;
}

export function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/** Writes centred lines from the top down. */
export class CentredWriter {
  constructor(
    private page: PDFPage,
    private readonly fonts: Fonts,
    public y: number,
    /** Gives a fresh page when this one is full (the annex); without it the page is one-off. */
    private readonly nextPage?: () => PDFPage,
  ) {}

  line(
    text: string,
    size: number,
    options: { bold?: boolean; color?: typeof ink; gap?: number } = {},
  ) {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    this.y -= options.gap ?? 0;
    for (const line of wrap(text, font, size, textWidth)) {
      if (this.nextPage && this.y - size * 1.3 < frame + 40) {
        this.page = this.nextPage();
        this.y = height - 70;
      }
      this.y -= size * 1.3;
      const w = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, {
        x: (width - w) / 2,
        y: this.y,
        size,
        font,
        color: options.color ?? ink,
      });
    }
  }

  /** Lines already wrapped (see limitedLines), one after the other. */
  lines(lines: readonly string[], size: number): void {
    for (const line of lines) this.line(line, size);
  }
}

const continued = ' … (continued in the annex)';

/**
 * `text` wrapped to the text width at `size` in the regular font, at most `max` lines; when it
 * needs more, the last line shown ends with "… (continued in the annex)" and `fits` is false.
 */
export function limitedLines(
  fonts: Fonts,
  text: string,
  size: number,
  max: number,
): { lines: string[]; fits: boolean } {
  const lines = wrap(text, fonts.regular, size, textWidth);
  if (lines.length <= max) return { lines, fits: true };
  const shown = lines.slice(0, max);
  let words = (shown[max - 1] ?? '').split(' ');
  const fitsWidth = (line: string) => fonts.regular.widthOfTextAtSize(line, size) <= textWidth;
  while (words.length > 1 && !fitsWidth(`${words.join(' ')}${continued}`)) {
    words = words.slice(0, -1);
  }
  shown[max - 1] = `${words.join(' ')}${continued}`;
  return { lines: shown, fits: false };
}

/** How many lines `text` takes at `size`, wrapped to the text width. */
export function lineCount(fonts: Fonts, text: string, size: number, bold = false): number {
  return wrap(text, bold ? fonts.bold : fonts.regular, size, textWidth).length;
}

/** The height of `count` lines at `size`, as CentredWriter spaces them. */
export function linesHeight(count: number, size: number): number {
  return count * size * 1.3;
}

export function drawFrame(page: PDFPage) {
  page.drawRectangle({
    x: frame,
    y: frame,
    width: width - 2 * frame,
    height: height - 2 * frame,
    borderColor: accent,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: frame + 7,
    y: frame + 7,
    width: width - 2 * frame - 14,
    height: height - 2 * frame - 14,
    borderColor: accent,
    borderWidth: 0.8,
  });
}

/** A copy printed while the certificate is not valid must say so across the page. */
export function drawStatusMark(page: PDFPage, fonts: Fonts, certificate: CertificateDetail) {
  if (certificate.status === 'active') return;
  const text = issuedCertificateStatusLabels[certificate.status].toUpperCase();
  const size = 90;
  const w = fonts.bold.widthOfTextAtSize(text, size);
  // Centred on the page: back half the width along the 45° baseline, down half the cap height.
  const along = Math.SQRT1_2;
  const lift = size * 0.35;
  page.drawText(text, {
    x: width / 2 - along * (w / 2) + along * lift,
    y: height / 2 - along * (w / 2) - along * lift,
    size,
    font: fonts.bold,
    color: rgb(0.8, 0.15, 0.15),
    opacity: 0.18,
    rotate: degrees(45),
  });
}

export function fieldRows(page: PDFPage, fonts: Fonts, rows: [string, string][], top: number) {
  let y = top;
  const labelX = 110;
  const valueX = 290;
  for (const [label, value] of rows) {
    y -= 17;
    page.drawText(label, { x: labelX, y, size: 10, font: fonts.regular, color: muted });
    page.drawText(value, { x: valueX, y, size: 10.5, font: fonts.bold, color: ink });
  }
  return y;
}

export async function loadFonts(doc: PDFDocument, fontsFolder: string): Promise<Fonts> {
  doc.registerFontkit(fontkit());
  const read = (file: string) => {
    const fontPath = path.join(fontsFolder, file);
    try {
      return fs.readFileSync(fontPath);
    } catch {
      throw new AppError('INTERNAL', `The font ${fontPath} is missing from this installation.`);
    }
  };
  return {
    regular: await doc.embedFont(read('DejaVuSans.ttf'), { subset: true }),
    bold: await doc.embedFont(read('DejaVuSans-Bold.ttf'), { subset: true }),
  };
}
