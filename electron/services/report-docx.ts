import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  reportDocument,
  type BlockColumn,
  type ReportBlock,
  type ReportCover,
} from '../../shared/reports/document';
import type { ReportData } from '../../shared/reports/schema';

/**
 * The report as an editable Word document (DOCX), from the same blocks as the PDF: headings Word
 * lists in its navigation pane, real tables, the running header and "Page n of m" in the footer.
 */

const font = 'DejaVu Sans';
const accent = '1C4D8C';
const muted = '606773';
/** A4 text width in twentieths of a point with 2 cm margins. */
const textWidth = 9638;
const border = { style: BorderStyle.SINGLE, size: 4, color: 'C7CCD6' };
const borders = { top: border, bottom: border, left: border, right: border };

const paragraph = (
  text: string,
  options: { bold?: boolean; muted?: boolean; size?: number } = {},
) =>
  new Paragraph({
    spacing: { after: 120 },
    children: text.split(/\r?\n/).map(
      (line, i) =>
        new TextRun({
          text: line,
          bold: options.bold ?? false,
          color: options.muted ? muted : undefined,
          size: options.size,
          break: i > 0 ? 1 : undefined,
        }),
    ),
  });

function cell(
  text: string,
  width: number,
  options: { header?: boolean; align?: 'left' | 'right'; shade?: boolean } = {},
) {
  return new TableCell({
    width: { size: Math.round(width * textWidth), type: WidthType.DXA },
    borders,
    shading: options.header
      ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DCE6F2' }
      : options.shade
        ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F2F6' }
        : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({ text, bold: options.header ?? false, size: options.header ? 17 : 18 }),
        ],
      }),
    ],
  });
}

function table(columns: readonly BlockColumn[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: columns.map((c) => Math.round(c.width * textWidth)),
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c) =>
          cell(c.title, c.width, { header: true, align: c.align ?? 'left' }),
        ),
      }),
      ...rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) =>
              cell(row[i] ?? '', c.width, { align: c.align ?? 'left', shade: r % 2 === 1 }),
            ),
          }),
      ),
    ],
  });
}

function fieldsTable(rows: readonly [string, string][], labelShare = 0.3): Table {
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [Math.round(labelShare * textWidth), Math.round((1 - labelShare) * textWidth)],
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: Math.round(labelShare * textWidth), type: WidthType.DXA },
              borders,
              margins: { top: 60, bottom: 60, left: 80, right: 80 },
              children: [
                new Paragraph({ children: [new TextRun({ text: label, bold: true, size: 18 })] }),
              ],
            }),
            new TableCell({
              width: { size: Math.round((1 - labelShare) * textWidth), type: WidthType.DXA },
              borders,
              margins: { top: 60, bottom: 60, left: 80, right: 80 },
              children: (value || '—')
                .split(/\r?\n/)
                .map(
                  (line) => new Paragraph({ children: [new TextRun({ text: line, size: 18 })] }),
                ),
            }),
          ],
        }),
    ),
  });
}

function blockElements(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: { before: block.level === 1 ? 320 : 200, after: 120 },
          keepNext: true,
          children: [
            new TextRun({ text: block.text, color: block.level === 1 ? accent : undefined }),
          ],
        }),
      ];
    case 'paragraph':
      return [paragraph(block.text, { bold: block.bold ?? false, muted: block.muted ?? false })];
    case 'fields':
      return [fieldsTable(block.rows), new Paragraph({ text: '' })];
    case 'table':
      return block.rows.length === 0
        ? [paragraph('None.', { muted: true })]
        : [table(block.columns, block.rows), new Paragraph({ text: '' })];
    case 'finding':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 160, after: 80 },
          children: [new TextRun({ text: block.title, bold: true })],
        }),
        fieldsTable(block.fields, 0.25),
        new Paragraph({ text: '' }),
      ];
  }
}

function coverElements(cover: ReportCover, draft: boolean): (Paragraph | Table)[] {
  return [
    paragraph(cover.certificationBodyName, { bold: true, size: 32 }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 600, after: 120 },
      children: [new TextRun({ text: cover.title, color: accent })],
    }),
    paragraph(cover.subtitle, { muted: true }),
    new Paragraph({
      spacing: { before: 400, after: 200 },
      children: [new TextRun({ text: cover.clientName, bold: true, size: 36 })],
    }),
    fieldsTable(cover.facts),
    new Paragraph({
      spacing: { before: 300, after: 100 },
      children: [new TextRun({ text: 'Outcome', bold: true, color: accent })],
    }),
    fieldsTable(cover.outcome, 0.45),
    new Paragraph({
      spacing: { before: 300 },
      children: [
        new TextRun({ text: cover.status, bold: true, color: draft ? 'B31F1F' : undefined }),
      ],
    }),
  ];
}

/** The report as DOCX bytes. */
export async function renderReportDocx(data: ReportData): Promise<Uint8Array> {
  const document = reportDocument(data);
  const doc = new Document({
    creator: 'Audit Desk',
    title: `Audit report: ${data.client.legalName}`,
    description: document.cover.subtitle,
    styles: {
      default: { document: { run: { font, size: 20 } } },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [new TextRun({ text: document.runningHeader, size: 15, color: muted })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${document.footer}    `, size: 15, color: muted }),
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    size: 15,
                    color: muted,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...coverElements(document.cover, document.draft),
          new Paragraph({ pageBreakBefore: true, children: [] }),
          ...document.blocks.flatMap(blockElements),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
