import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportedFile } from '../../shared/findings/schema';

/**
 * One way of writing a register (clients, certificates, nonconformities) to a CSV or XLSX file, so
 * every export has the same CSV dialect, formula guard and spreadsheet layout.
 */

/** One column of an exported table: its header, its width in the spreadsheet (characters), its text. */
export interface TableColumn<Row> {
  header: string;
  width: number;
  value: (row: Row) => string;
}

export interface ExportTable<Row> {
  columns: readonly TableColumn<Row>[];
  /** Read once, in order: a lazy iterator over the database is fine. */
  rows: Iterable<Row>;
  /** The file's name without extension, e.g. `clients-2026-05-01`. */
  baseName: string;
  /** The XLSX worksheet's name. */
  sheetName: string;
  /** YYYY-MM-DD, the workbook's creation date. */
  today: string;
  /** Whether the CSV starts with a UTF-8 byte-order mark. */
  byteOrderMark?: boolean;
}

const csvMediaType = 'text/csv; charset=utf-8';
const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows are turned into text this many at a time, so no whole-register array is built. */
const batchSize = 1000;

function* cellBatches<Row>(
  columns: readonly TableColumn<Row>[],
  rows: Iterable<Row>,
): Generator<string[][]> {
  let batch: string[][] = [];
  for (const row of rows) {
    batch.push(columns.map((c) => c.value(row)));
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * papaparse's default formula test (`^[=+\-@\t\r].*$`) misses a cell whose text spans lines;
 * only its first character matters.
 */
const csvOptions = { escapeFormulae: /^[=+\-@\t\r]/ };

/**
 * RFC 4180 CSV (comma, CRLF line ends, one after the last row too), UTF-8. Cells starting with
 * = + - @ (or a tab or carriage return) are prefixed with a quote (papaparse's escapeFormulae), so a
 * spreadsheet never runs text typed by someone as a formula. The byte-order mark, where asked for,
 * makes a spreadsheet read accented names correctly.
 */
export function tableCsv<Row>(
  columns: readonly TableColumn<Row>[],
  rows: Iterable<Row>,
  { byteOrderMark = false }: { byteOrderMark?: boolean } = {},
): string {
  const parts = [Papa.unparse([columns.map((c) => c.header)], csvOptions)];
  for (const batch of cellBatches(columns, rows)) parts.push(Papa.unparse(batch, csvOptions));
  return `${byteOrderMark ? '\uFEFF' : ''}${parts.join('\r\n')}\r\n`;
}

/**
 * An XLSX workbook written row by row (exceljs' streaming writer): one worksheet with a bold, frozen
 * header row and a filter on it, the columns' widths, every cell as text.
 */
export async function tableXlsx<Row>(
  columns: readonly TableColumn<Row>[],
  rows: Iterable<Row>,
  { sheetName, today }: { sheetName: string; today: string },
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Audit Desk';
  workbook.created = new Date(`${today}T00:00:00Z`);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    // Text format: dates stay the YYYY-MM-DD text they are, never a spreadsheet serial number.
    style: { numFmt: '@' },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The table as a CSV or XLSX file named `<baseName>.csv` or `.xlsx`, its bytes in base64. */
export async function exportTable<Row>(
  format: 'csv' | 'xlsx',
  table: ExportTable<Row>,
): Promise<ExportedFile> {
  const { columns, rows, baseName } = table;
  if (format === 'csv') {
    const text = tableCsv(columns, rows, { byteOrderMark: table.byteOrderMark });
    return {
      fileName: `${baseName}.csv`,
      mediaType: csvMediaType,
      data: Buffer.from(text, 'utf8').toString('base64'),
    };
  }
  const bytes = await tableXlsx(columns, rows, table);
  return { fileName: `${baseName}.xlsx`, mediaType: xlsxMediaType, data: bytes.toString('base64') };
}
