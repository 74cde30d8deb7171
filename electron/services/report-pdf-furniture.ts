import { PDFArray, PDFName, PDFNull, PDFNumber, degrees, type PDFPage } from 'pdf-lib';
import { fitInBox } from './pdf-logo';
import { colours, ReportPdfWriter } from './report-pdf-layout';

/**
 * What a finished report has on every page besides its text: the contents page (for a long
 * report), the running header (with the CB's logo when one is set), "Page n of m", the
 * confidentiality footer and the DRAFT mark.
 */

const { pageSize, margin, top, bottom, contentWidth } = ReportPdfWriter.geometry;
/** The box the logo fits in at the right of the running header, above its rule. */
const headerLogo = { width: 90, height: 20 };

/**
 * Puts the contents after the first page when the document is long, then draws the running
 * header, "Page n of m" and the DRAFT mark on every page. Contents lines link to their pages.
 */
export function finishReportPages(
  pdf: ReportPdfWriter,
  options: {
    runningHeader: string;
    /** How the running header starts: the CB's name, which the logo may stand in for. */
    certificationBodyName: string;
    footer: string;
    draft: boolean;
    tocFromPages: number;
  },
): void {
  if (pdf.doc.getPageCount() >= options.tocFromPages) insertContents(pdf);
  const pages = pdf.doc.getPages();
  // The logo sits at the header's right, as tall as the band above the rule allows.
  const logo = pdf.logo ? fitInBox(pdf.logo, headerLogo.width, headerLogo.height) : null;
  const headerWidth = logo ? contentWidth - logo.width - 12 : contentWidth;
  // Beside the logo the header may leave out the CB's name when the whole line does not fit: the
  // footer names the CB on every page, and the revision at the header's end matters more.
  const cbPrefix = `${options.certificationBodyName} · `;
  const headerText =
    logo &&
    pdf.regular.widthOfTextAtSize(options.runningHeader, 7.5) > headerWidth &&
    options.runningHeader.startsWith(cbPrefix)
      ? options.runningHeader.slice(cbPrefix.length)
      : options.runningHeader;
  pages.forEach((page, i) => {
    if (i > 0) {
      if (pdf.logo && logo) {
        page.drawImage(pdf.logo, {
          x: margin + contentWidth - logo.width,
          y: pageSize[1] - margin + 19,
          ...logo,
        });
      }
      page.drawText(fitLine(pdf, headerText, 7.5, headerWidth), {
        x: margin,
        y: pageSize[1] - margin + 22,
        size: 7.5,
        font: pdf.regular,
        color: colours.muted,
      });
      page.drawLine({
        start: { x: margin, y: pageSize[1] - margin + 16 },
        end: { x: margin + contentWidth, y: pageSize[1] - margin + 16 },
        thickness: 0.4,
        color: colours.rule,
      });
    }
    const label = `Page ${i + 1} of ${pages.length}`;
    const width = pdf.regular.widthOfTextAtSize(label, 8);
    page.drawText(label, {
      x: pageSize[0] - margin - width,
      y: margin - 24,
      size: 8,
      font: pdf.regular,
      color: colours.muted,
    });
    page.drawText(options.footer, {
      x: margin,
      y: margin - 24,
      size: 8,
      font: pdf.regular,
      color: colours.muted,
    });
    if (options.draft) {
      page.drawText('DRAFT', {
        x: 150,
        y: 300,
        size: 110,
        font: pdf.bold,
        color: colours.red,
        opacity: 0.08,
        rotate: degrees(40),
      });
    }
  });
}

function insertContents(pdf: ReportPdfWriter): void {
  const entries = pdf.toc;
  const contents = pdf.doc.insertPage(1, pageSize);
  const size = 10.5;
  let y = top - 6;
  contents.drawText('Contents', {
    x: margin,
    y,
    size: 16,
    font: pdf.bold,
    color: colours.accent,
  });
  y -= 30;
  for (const entry of entries) {
    if (y < bottom) break;
    const indent = entry.level === 1 ? 0 : 18;
    const font = entry.level === 1 ? pdf.bold : pdf.regular;
    const pageLabel = String(entry.pageIndex + 2);
    const labelWidth = font.widthOfTextAtSize(pageLabel, size);
    const title = pdf.wrap(entry.title, font, size, contentWidth - indent - 40)[0] ?? '';
    contents.drawText(title, { x: margin + indent, y, size, font, color: colours.ink });
    const titleEnd = margin + indent + font.widthOfTextAtSize(title, size) + 6;
    const dotsEnd = margin + contentWidth - labelWidth - 6;
    if (dotsEnd > titleEnd) {
      contents.drawLine({
        start: { x: titleEnd, y: y + 2 },
        end: { x: dotsEnd, y: y + 2 },
        thickness: 0.6,
        color: colours.rule,
        dashArray: [1, 3],
      });
    }
    contents.drawText(pageLabel, {
      x: margin + contentWidth - labelWidth,
      y,
      size,
      font,
      color: colours.ink,
    });
    link(
      pdf,
      contents,
      [margin, y - 3, margin + contentWidth, y + size],
      entry.pageIndex + 1,
      entry.y,
    );
    y -= entry.level === 1 ? 20 : 16;
  }
}

/** The text cut with an ellipsis to fit `width` on one line. */
function fitLine(pdf: ReportPdfWriter, text: string, size: number, width: number): string {
  if (pdf.regular.widthOfTextAtSize(text, size) <= width) return text;
  let end = text.length;
  while (end > 1 && pdf.regular.widthOfTextAtSize(`${text.slice(0, end)}…`, size) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A clickable area on `page` that goes to `y` on page `pageIndex`. */
function link(
  pdf: ReportPdfWriter,
  page: PDFPage,
  rect: [number, number, number, number],
  pageIndex: number,
  y: number,
): void {
  const target = pdf.doc.getPage(pageIndex);
  const context = pdf.doc.context;
  const annotation = context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rect,
    Border: [0, 0, 0],
    Dest: [target.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(y + 16), PDFNull],
  });
  const ref = context.register(annotation);
  const existing = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (existing) existing.push(ref);
  else page.node.set(PDFName.of('Annots'), context.obj([ref]));
}
