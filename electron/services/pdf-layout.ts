import fs from 'node:fs';
import path from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { AppError } from '../../shared/errors';
import type { LogoImage } from './certification-body-logo';
import { embedLogo, fitInBox } from './pdf-logo';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * @pdf-lib/fontkit is a UMD bundle: under Node's ESM loader its CommonJS export arrives as
 * `default`, in the main-process bundle as the module itself.
 */
export function fontkit(): Fontkit {
  const candidate: unknown = (fontkitModule as { default?: unknown }).default ?? fontkitModule;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof (candidate as { create?: unknown }).create !== 'function'
  ) {
    throw new AppError('INTERNAL', 'The font library did not load.');
  }
  return candidate as Fontkit;
}

// A4 in PDF points; 50 pt margins leave room for the running header and the page numbers.
const pageSize: [number, number] = [595.28, 841.89];
const margin = 50;
const ink = rgb(0.1, 0.1, 0.12);
const muted = rgb(0.38, 0.4, 0.45);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  indent?: number;
  muted?: boolean;
  /** Space before, in points. */
  before?: number;
}

/**
 * Writes flowing text onto A4 pages: wraps at the margin, starts a new page when one is full, and
 * numbers every page at the end. DejaVu Sans covers the accented and typographic characters that
 * client names and addresses hold, which the standard PDF fonts cannot encode.
 */
export class PdfWriter {
  private page: PDFPage;
  private y = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly runningHeader: string,
    /** The CB's logo at the right of the running header; null without one. */
    private readonly logo: PDFImage | null,
    /** The header beside the logo when the whole one does not fit there (without the CB's name). */
    private readonly shortHeader: string,
  ) {
    this.page = this.newPage();
  }

  static async create(
    fontsFolder: string,
    runningHeader: string,
    logo: LogoImage | null = null,
    shortHeader = runningHeader,
  ): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit());
    const read = (file: string) => {
      const fontPath = path.join(fontsFolder, file);
      try {
        return fs.readFileSync(fontPath);
      } catch {
        throw new AppError('INTERNAL', `The font ${fontPath} is missing from this installation.`);
      }
    };
    const regular = await doc.embedFont(read('DejaVuSans.ttf'), { subset: true });
    const bold = await doc.embedFont(read('DejaVuSans-Bold.ttf'), { subset: true });
    const image = await embedLogo(doc, logo);
    return new PdfWriter(doc, regular, bold, runningHeader, image, shortHeader);
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(pageSize);
    let headerWidth = pageSize[0] - 2 * margin;
    let header = this.runningHeader;
    if (this.logo) {
      const size = fitInBox(this.logo, 100, 24);
      page.drawImage(this.logo, {
        x: pageSize[0] - margin - size.width,
        // Centred on the header line's middle.
        y: pageSize[1] - margin + 23 - size.height / 2,
        ...size,
      });
      headerWidth -= size.width + 12;
      if (this.regular.widthOfTextAtSize(header, 8) > headerWidth) header = this.shortHeader;
    }
    page.drawText(this.fitLine(header, 8, headerWidth), {
      x: margin,
      y: pageSize[1] - margin + 20,
      size: 8,
      font: this.regular,
      color: muted,
    });
    this.page = page;
    this.y = pageSize[1] - margin - 10;
    return page;
  }

  /** The text cut with an ellipsis to fit `width` on one line. */
  private fitLine(text: string, size: number, width: number): string {
    if (this.regular.widthOfTextAtSize(text, size) <= width) return text;
    let end = text.length;
    while (end > 1 && this.regular.widthOfTextAtSize(`${text.slice(0, end)}…`, size) > width) end--;
    return `${text.slice(0, end).trimEnd()}…`;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
          lines.push(line);
          line = word;
        } else {
          line = candidate;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Room for `height` more points on this page, or a new page. */
  ensureSpace(height: number): void {
    if (this.y - height < margin + 20) this.newPage();
  }

  text(content: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.bold : this.regular;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    this.y -= style.before ?? 0;
    const width = pageSize[0] - 2 * margin - indent;
    for (const line of this.wrap(content, font, size, width)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x: margin + indent,
        y: this.y,
        size,
        font,
        color: style.muted ? muted : ink,
      });
    }
  }

  heading(content: string, size = 13): void {
    // Keep a heading with at least two lines of what follows it.
    this.ensureSpace(size * 1.35 + 30);
    this.text(content, { size, bold: true, before: 10 });
  }

  /** A label and its value side by side, the value wrapping in its own column. */
  field(label: string, value: string): void {
    const size = 10;
    const labelWidth = 130;
    const lines = this.wrap(
      value || '—',
      this.regular,
      size,
      pageSize[0] - 2 * margin - labelWidth,
    );
    lines.forEach((line, i) => {
      this.ensureSpace(size * 1.35);
      this.y -= size * 1.35;
      if (i === 0) {
        this.page.drawText(label, { x: margin, y: this.y, size, font: this.bold, color: ink });
      }
      this.page.drawText(line, {
        x: margin + labelWidth,
        y: this.y,
        size,
        font: this.regular,
        color: ink,
      });
    });
  }

  /** "Page n of m" on every page, once everything is written. */
  numberPages(): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const label = `Page ${i + 1} of ${pages.length}`;
      const width = this.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, {
        x: pageSize[0] - margin - width,
        y: margin - 20,
        size: 8,
        font: this.regular,
        color: muted,
      });
    });
  }
}
