import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from 'pdf-lib';
import { reportDocument, type ReportBlock, type ReportCover } from '../../shared/reports/document';
import type { ReportData } from '../../shared/reports/schema';
import { finishReportPages } from './report-pdf-furniture';
import { colours, ReportPdfWriter } from './report-pdf-layout';

/** The name of the report data embedded in every report PDF (what the DOCX of an issued revision is made from). */
export const reportDataAttachment = 'audit-report-data.json';

/** Pages from which a report gets a contents page (an Audit Desk choice: "long" = 5 pages or more). */
const contentsFromPages = 5;

function drawCover(pdf: ReportPdfWriter, cover: ReportCover, draft: boolean): void {
  const { margin, contentWidth, pageSize } = ReportPdfWriter.geometry;
  const page = pdf.cover;
  // No logo: the CB's settings hold its name only, so the name stands where a logo would.
  page.drawRectangle({
    x: 0,
    y: pageSize[1] - 120,
    width: pageSize[0],
    height: 120,
    color: colours.accent,
  });
  const cbLines = pdf.wrap(cover.certificationBodyName, pdf.bold, 18, contentWidth);
  cbLines.slice(0, 2).forEach((line, i) => {
    page.drawText(line, {
      x: margin,
      y: pageSize[1] - 62 - i * 22,
      size: 18,
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
 * running header, page numbers and (for a draft) the DRAFT mark. The report data travels inside
 * the file as an attachment, so what was issued can be read back from the file itself.
 */
export async function renderReportPdf(
  data: ReportData,
  fontsFolder: string,
  at: Date,
): Promise<Uint8Array> {
  const document = reportDocument(data);
  const pdf = await ReportPdfWriter.create(fontsFolder);
  drawCover(pdf, document.cover, document.draft);
  document.blocks.forEach((block, i) => drawBlock(pdf, block, document.blocks.slice(i + 1, i + 3)));
  finishReportPages(pdf, {
    runningHeader: document.runningHeader,
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
