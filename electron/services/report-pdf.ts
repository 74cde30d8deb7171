import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
  rgb,
} from 'pdf-lib';
import { reportDocument, type ReportBlock, type ReportCover } from '../../shared/reports/document';
import type { ReportData } from '../../shared/reports/schema';
import type { LogoImage } from './certification-body-logo';
import { drawLogo } from './pdf-logo';
import { finishReportPages } from './report-pdf-furniture';
import { colours, ReportPdfWriter } from './report-pdf-layout';

/** The name of the report data embedded in every report PDF (what the DOCX of an issued revision is made from). */
export const reportDataAttachment = 'audit-report-data.json';

/** Pages from which a report gets a contents page (an Audit Desk choice: "long" = 5 pages or more). */
const contentsFromPages = 5;

/** The white card on the cover band that carries the CB's logo, right-aligned in the band. */
const logoCard = { width: 176, height: 84, padding: 10 };

/**
 * The CB's name on the cover band, whole: two lines at 18 pt when it fits, else smaller type on
 * more lines (a long name beside a logo), cut with an ellipsis only past four lines at 13 pt.
 */
function coverNameLines(pdf: ReportPdfWriter, text: string, width: number) {
  const sizes = [
    { size: 18, leading: 22, max: 2 },
    { size: 15, leading: 18, max: 3 },
    { size: 13, leading: 15.5, max: 4 },
  ] as const;
  for (const option of sizes) {
    const lines = pdf.wrap(text, pdf.bold, option.size, width);
    if (lines.length <= option.max) return { ...option, lines };
  }
  const last = sizes[sizes.length - 1] ?? sizes[0];
  const lines = pdf.wrap(text, pdf.bold, last.size, width).slice(0, last.max);
  const fits = (line: string) => pdf.bold.widthOfTextAtSize(`${line}…`, last.size) <= width;
  let end = lines[last.max - 1] ?? '';
  while (end.length > 1 && !fits(end)) end = end.slice(0, -1);
  lines[last.max - 1] = `${end.trimEnd()}…`;
  return { ...last, lines };
}

function drawCover(pdf: ReportPdfWriter, cover: ReportCover, draft: boolean): void {
  const { margin, contentWidth, pageSize } = ReportPdfWriter.geometry;
  const page = pdf.cover;
  const band = { y: pageSize[1] - 120, height: 120 };
  page.drawRectangle({
    x: 0,
    y: band.y,
    width: pageSize[0],
    height: band.height,
    color: colours.accent,
  });
  // With a logo it sits on a white card at the band's right (a logo drawn for white paper stays
  // legible); the CB's name stays at the left, so the cover names the CB either way.
  let nameWidth = contentWidth;
  if (pdf.logo) {
    const card = {
      x: margin + contentWidth - logoCard.width,
      y: band.y + (band.height - logoCard.height) / 2,
      width: logoCard.width,
      height: logoCard.height,
    };
    page.drawRectangle({ ...card, color: rgb(1, 1, 1) });
    const inset = logoCard.padding;
    drawLogo(
      page,
      pdf.logo,
      {
        x: card.x + inset,
        y: card.y + inset,
        width: card.width - 2 * inset,
        height: card.height - 2 * inset,
      },
      'center',
    );
    nameWidth = contentWidth - logoCard.width - 24;
  }
  const name = coverNameLines(pdf, cover.certificationBodyName, nameWidth);
  // Two lines at 18 pt start where they always have; smaller type is centred in the band.
  const firstBaseline =
    name.size === 18
      ? pageSize[1] - 62
      : band.y + band.height / 2 + (name.lines.length * name.leading) / 2 - name.size * 0.8;
  name.lines.forEach((line, i) => {
    page.drawText(line, {
      x: margin,
      y: firstBaseline - i * name.leading,
      size: name.size,
      font: pdf.bold,
      color: colours.shade,
    });
  });
  pdf.moveTo(pageSize[1] - 190);
  pdf.text(cover.title, { size: 30, bold: true, color: colours.accent });
  pdf.text(cover.subtitle, { size: 12, color: colours.muted, before: 4 });
  pdf.text(cover.clientName, { size: 20, bold: true, before: 36 });
  pdf.space(14);
  for (const [label, value] of cover.facts) pdf.field(label, value, 130);
  pdf.space(18);
  pdf.text('Outcome', { size: 12, bold: true, color: colours.accent });
  pdf.space(2);
  for (const [label, value] of cover.outcome) pdf.field(label, value, 200);
  pdf.space(18);
  pdf.text(cover.status, { size: 11, bold: true, color: draft ? colours.red : colours.ink });
  pdf.newPage();
}

/** Roughly how tall a finding's box is, to keep it on one page. */
function findingHeight(block: Extract<ReportBlock, { kind: 'finding' }>): number {
  const lines = block.fields.reduce((n, [, v]) => n + Math.ceil(v.length / 70) + 1, 2);
  return lines * 14 + 20;
}

/**
 * How much of what follows a heading stays on its page: the first block, and past a one-line note
 * (such as "70 of 70 items answered") the start of the block after it too.
 */
function leadingHeight(following: readonly ReportBlock[]): number {
  const [block, after] = following;
  if (!block) return 0;
  if (block.kind === 'finding') return findingHeight(block);
  if (block.kind === 'table') return 60;
  if (block.kind === 'fields') return 40;
  if (block.kind === 'paragraph' && block.text.length < 90 && after) {
    return 20 + Math.min(leadingHeight([after]), 80) + (after.kind === 'heading' ? 60 : 0);
  }
  return 30;
}

function drawBlock(
  pdf: ReportPdfWriter,
  block: ReportBlock,
  following: readonly ReportBlock[],
): void {
  switch (block.kind) {
    case 'heading':
      pdf.heading(block.text, block.level, leadingHeight(following));
      return;
    case 'paragraph':
      pdf.text(block.text, {
        bold: block.bold ?? false,
        color: block.muted ? colours.muted : colours.ink,
        before: 3,
      });
      return;
    case 'fields':
      for (const [label, value] of block.rows) pdf.field(label, value);
      return;
    case 'table':
      if (block.rows.length === 0) {
        pdf.text('None.', { color: colours.muted });
        return;
      }
      pdf.table(block.columns, block.rows);
      return;
    case 'finding':
      pdf.boxed(() => {
        pdf.text(block.title, { bold: true, size: 10.5 });
        pdf.space(3);
        for (const [label, value] of block.fields) pdf.field(label, value, 120);
      }, findingHeight(block));
      return;
  }
}

/**
 * The report as a PDF: a cover, the contents when long, the sections of reportDocument, the
 * running header, page numbers and (for a draft) the DRAFT mark; the CB's logo on the cover and
 * in the running header when one is set. The report data travels inside the file as an
 * attachment, so what was issued can be read back from the file itself. (The logo is not part of
 * that data: the signed PDF keeps the logo it was issued with.)
 */
export async function renderReportPdf(
  data: ReportData,
  fontsFolder: string,
  at: Date,
  logo: LogoImage | null = null,
): Promise<Uint8Array> {
  const document = reportDocument(data);
  const pdf = await ReportPdfWriter.create(fontsFolder, logo);
  drawCover(pdf, document.cover, document.draft);
  document.blocks.forEach((block, i) => drawBlock(pdf, block, document.blocks.slice(i + 1, i + 3)));
  finishReportPages(pdf, {
    runningHeader: document.runningHeader,
    certificationBodyName: document.cover.certificationBodyName,
    footer: document.footer,
    draft: document.draft,
    tocFromPages: contentsFromPages,
  });
  const { doc } = pdf;
  const title = `Audit report: ${data.client.legalName}, ${document.cover.subtitle}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(document.cover.certificationBodyName);
  doc.setSubject(
    `Audit report revision ${data.revision} for ${data.client.legalName} (${data.client.reference})`,
  );
  doc.setKeywords([
    'audit report',
    data.standard,
    data.client.reference,
    `revision ${data.revision}`,
  ]);
  doc.setCreator('Audit Desk');
  doc.setProducer('Audit Desk');
  doc.setLanguage('en');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  await doc.attach(new TextEncoder().encode(JSON.stringify(data)), reportDataAttachment, {
    mimeType: 'application/json',
    description: 'The report data this document was rendered from (Audit Desk).',
    creationDate: at,
    modificationDate: at,
  });
  return doc.save();
}

function attachmentName(value: unknown): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

/** The report data embedded in a report PDF, or null when the file holds none. */
export async function reportDataFromPdf(bytes: Uint8Array): Promise<ReportData | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return null;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    if (attachmentName(list.lookup(i)) !== reportDataAttachment) continue;
    const spec = list.lookupMaybe(i + 1, PDFDict);
    const ef = spec?.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream = ef?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return null;
    const json = new TextDecoder().decode(decodePDFRawStream(stream).decode());
    return JSON.parse(json) as ReportData;
  }
  return null;
}
