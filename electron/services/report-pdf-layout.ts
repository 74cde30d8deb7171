import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { AppError } from '../../shared/errors';
import type { LogoImage } from './certification-body-logo';
import { fontkit } from './pdf-layout';
import { embedLogo } from './pdf-logo';

/**
 * A4 pages for documents a CB sends (the audit report): flowing text, label/value fields, tables
 * with a repeated header row, numbered headings collected for a table of contents, a running
 * header and "Page n of m" on every page, and a DRAFT mark while the document is not issued. The
 * fonts are DejaVu Sans from the app's resources (see pdf-layout.ts, which the audit plan uses).
 */

const pageSize: [number, number] = [595.28, 841.89];
const margin = 56;
const top = pageSize[1] - margin - 6;
const bottom = margin + 14;
const contentWidth = pageSize[0] - 2 * margin;
export const colours = {
  ink: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.45),
  accent: rgb(0.11, 0.3, 0.55),
  rule: rgb(0.78, 0.8, 0.84),
  shade: rgb(0.94, 0.95, 0.97),
  headerShade: rgb(0.86, 0.9, 0.95),
  red: rgb(0.7, 0.12, 0.12),
};

export interface TextStyle {
  size?: number;
  bold?: boolean;
  indent?: number;
  color?: RGB;
  /** Space before, in points. */
  before?: number;
}

export interface TableColumn {
  title: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

export interface TocEntry {
  title: string;
  level: 1 | 2;
  pageIndex: number;
  y: number;
}

/**
 * The font with its text widths remembered: measuring shapes the text with fontkit (kerning,
 * ligatures), which is most of a long report's rendering time, and wrapping measures each growing
 * line again. Same text and size, same width: the result is exactly the font's own.
 */
function memoisedWidths(font: PDFFont): PDFFont {
  const measure = font.widthOfTextAtSize.bind(font);
  const widths = new Map<string, number>();
  font.widthOfTextAtSize = (text: string, size: number) => {
    const key = `${size}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = measure(text, size);
      widths.set(key, width);
    }
    return width;
  };
  return font;
}

export class ReportPdfWriter {
  private page: PDFPage;
  private y = top;
  /** The headings written so far, for the contents page. */
  readonly toc: TocEntry[] = [];

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    /** The CB's logo, embedded once for the cover and the running header; null without one. */
    readonly logo: PDFImage | null,
  ) {
    this.page = this.doc.addPage(pageSize);
  }

  static async create(
    fontsFolder: string,
    logo: LogoImage | null = null,
  ): Promise<ReportPdfWriter> {
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
    return new ReportPdfWriter(
      doc,
      memoisedWidths(regular),
      memoisedWidths(bold),
      await embedLogo(doc, logo),
    );
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  newPage(): void {
    this.page = this.doc.addPage(pageSize);
    this.y = top;
  }

  /** Room for `height` more points on this page, or a new page. */
  ensureSpace(height: number): void {
    if (this.y - height < bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Lines already wrapped: a block is wrapped once to measure it and again to draw it. */
  private readonly wrapped = new Map<string, readonly string[]>();

  /** Lines of at most `width` points; a word longer than a line (a hash, a path) is cut. */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const key = `${font === this.bold ? 'b' : font === this.regular ? 'r' : font.name}\u0000${size}\u0000${width}\u0000${text}`;
    let lines = this.wrapped.get(key);
    if (lines === undefined) {
      lines = this.wrapLines(text, font, size, width);
      this.wrapped.set(key, lines);
    }
    return [...lines];
  }

  /**
   * Greedy wrapping: each line takes as many words as fit. A width only grows as words are added,
   * so the words a line takes are found by halving (a few measurements per line) rather than by
   * measuring the line again after every word; the lines are the same.
   */
  private wrapLines(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    for (const paragraph of text.split(/\r?\n/)) {
      const words = paragraph.split(/\s+/).filter((w) => w !== '');
      let line = '';
      let i = 0;
      while (i < words.length) {
        let word = words[i] as string;
        while (!fits(word)) {
          let cut = word.length - 1;
          while (cut > 1 && !fits(word.slice(0, cut))) cut--;
          lines.push(word.slice(0, cut));
          word = word.slice(cut);
        }
        line = word;
        i++;
        const withNext = (k: number) => `${line} ${words.slice(i, i + k).join(' ')}`;
        let taken = words.length - i;
        if (taken > 0 && !fits(withNext(taken))) {
          // withNext(low) fits (low = 0: the line alone), withNext(high) does not.
          let low = 0;
          let high = taken;
          while (high - low > 1) {
            const middle = (low + high) >> 1;
            if (fits(withNext(middle))) low = middle;
            else high = middle;
          }
          taken = low;
        }
        if (taken > 0) line = withNext(taken);
        i += taken;
        if (i < words.length) {
          lines.push(line);
          line = '';
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(content: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.bold : this.regular;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.4;
    this.y -= style.before ?? 0;
    for (const line of this.wrap(content, font, size, contentWidth - indent)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x: margin + indent,
        y: this.y,
        size,
        font,
        color: style.color ?? colours.ink,
      });
    }
  }

  /** Paragraphs of free text, or a dash in grey when there is none. */
  prose(content: string, empty = 'None recorded.'): void {
    if (content.trim() === '') this.text(empty, { color: colours.muted });
    else this.text(content.trim());
  }

  /**
   * A numbered section heading (level 1) or a sub-heading (level 2), listed in the contents, kept
   * on one page with the first `keepWith` points of what follows it.
   */
  heading(title: string, level: 1 | 2 = 1, keepWith = 42): void {
    const size = level === 1 ? 14 : 11.5;
    this.ensureSpace(size * 1.4 + (level === 1 ? 28 : 14) + Math.min(keepWith, top - bottom - 60));
    this.y -= level === 1 ? 18 : 10;
    this.toc.push({ title, level, pageIndex: this.doc.getPageCount() - 1, y: this.y + 4 });
    this.text(title, { size, bold: true, color: level === 1 ? colours.accent : colours.ink });
    if (level === 1) {
      this.page.drawLine({
        start: { x: margin, y: this.y - 4 },
        end: { x: margin + contentWidth, y: this.y - 4 },
        thickness: 0.6,
        color: colours.rule,
      });
      this.y -= 10;
    } else {
      this.y -= 4;
    }
  }

  /** A label and its value side by side, the value wrapping in its own column. */
  field(label: string, value: string, labelWidth = 150): void {
    const size = 10;
    const lineHeight = size * 1.4;
    const labelLines = this.wrap(label, this.bold, size, labelWidth - 10);
    const valueLines = this.wrap(
      value.trim() || '—',
      this.regular,
      size,
      contentWidth - labelWidth,
    );
    const rows = Math.max(labelLines.length, valueLines.length);
    for (let i = 0; i < rows; i++) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      const l = labelLines[i];
      if (l)
        this.page.drawText(l, { x: margin, y: this.y, size, font: this.bold, color: colours.ink });
      const v = valueLines[i];
      if (v) {
        this.page.drawText(v, {
          x: margin + labelWidth,
          y: this.y,
          size,
          font: this.regular,
          color: colours.ink,
        });
      }
    }
    this.y -= 3;
  }

  private drawRow(
    cells: readonly string[],
    columns: readonly TableColumn[],
    header: boolean,
    shade: RGB | null,
  ): void {
    const size = header ? 8.5 : 9;
    const font = header ? this.bold : this.regular;
    const lineHeight = size * 1.35;
    const pad = 4;
    const wrapped = columns.map((c, i) =>
      this.wrap(cells[i] ?? '', font, size, c.width * contentWidth - 2 * pad),
    );
    const height = Math.max(...wrapped.map((w) => w.length)) * lineHeight + 2 * pad;
    if (shade) {
      this.page.drawRectangle({
        x: margin,
        y: this.y - height,
        width: contentWidth,
        height,
        color: shade,
      });
    }
    let x = margin;
    columns.forEach((c, i) => {
      const width = c.width * contentWidth;
      (wrapped[i] ?? []).forEach((line, n) => {
        const lineWidth = font.widthOfTextAtSize(line, size);
        this.page.drawText(line, {
          x: c.align === 'right' ? x + width - pad - lineWidth : x + pad,
          y: this.y - pad - (n + 1) * lineHeight + 2,
          size,
          font,
          color: colours.ink,
        });
      });
      x += width;
    });
    this.y -= height;
    this.page.drawLine({
      start: { x: margin, y: this.y },
      end: { x: margin + contentWidth, y: this.y },
      thickness: 0.4,
      color: colours.rule,
    });
  }

  private rowHeight(cells: readonly string[], columns: readonly TableColumn[]): number {
    const lines = columns.map(
      (c, i) => this.wrap(cells[i] ?? '', this.regular, 9, c.width * contentWidth - 8).length,
    );
    return Math.max(...lines) * 9 * 1.35 + 8;
  }

  /** A table whose header row repeats at the top of each page it runs onto. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const header = columns.map((c) => c.title);
    this.ensureSpace(this.rowHeight(header, columns) + this.rowHeight(rows[0] ?? header, columns));
    this.y -= 4;
    this.drawRow(header, columns, true, colours.headerShade);
    rows.forEach((row, i) => {
      const height = this.rowHeight(row, columns);
      if (this.y - height < bottom) {
        this.newPage();
        this.drawRow(header, columns, true, colours.headerShade);
      }
      this.drawRow(row, columns, false, i % 2 === 1 ? colours.shade : null);
    });
    this.y -= 6;
  }

  /** A framed block (a finding), kept on one page when it fits on one. */
  boxed(draw: () => void, estimate: number): void {
    if (estimate < top - bottom) this.ensureSpace(estimate);
    const startPage = this.page;
    const startY = this.y;
    this.y -= 6;
    draw();
    this.y -= 4;
    if (this.page === startPage) {
      this.page.drawRectangle({
        x: margin - 6,
        y: this.y,
        width: contentWidth + 12,
        height: startY - this.y,
        borderColor: colours.rule,
        borderWidth: 0.6,
      });
    }
    this.y -= 8;
  }

  /** Draws on the first page at a fixed position (the cover), without moving the flow. */
  get cover(): PDFPage {
    return this.doc.getPage(0);
  }

  moveTo(y: number): void {
    this.y = y;
  }

  static readonly geometry = { pageSize, margin, top, bottom, contentWidth };
}
