import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  clientImportMaxBytes,
  clientImportMaxRows,
  clientImportTooLarge,
  columnLetter,
  type ImportTable,
} from '../../shared/clients/import';
import { AppError } from '../../shared/errors';

/** A CSV or XLSX file read into a header row and the rows below it, numbered as in the file. */
export interface ReadTable {
  format: 'csv' | 'xlsx';
  delimiter: string | null;
  sheetName: string | null;
  headerRow: number;
  table: ImportTable;
}

const fileError = (message: string) => new AppError('VALIDATION', message, 'file');

/** The file's bytes from base64, refused beyond the import's size limit. */
export function decodeImportFile(data: string): Buffer {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length === 0) throw fileError('The file is empty.');
  if (bytes.length > clientImportMaxBytes) throw fileError(clientImportTooLarge(bytes.length));
  return bytes;
}

const startsWith = (bytes: Buffer, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

function formatOf(fileName: string, bytes: Buffer): 'csv' | 'xlsx' {
  const dot = fileName.lastIndexOf('.');
  const extension = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw fileError(
      `“${fileName}” is an older Excel (.xls) or a password-protected workbook: save it as .xlsx or CSV and choose it again.`,
    );
  }
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (zip && ['xlsx', 'xlsm', ''].includes(extension)) return 'xlsx';
  if (extension === 'xlsx' || extension === 'xlsm') {
    throw fileError(`“${fileName}” is named like an XLSX workbook but is not one.`);
  }
  if (!zip && ['csv', 'txt', 'tsv', ''].includes(extension)) return 'csv';
  throw fileError(`Choose a CSV or XLSX file: “${fileName}” is neither.`);
}

/** UTF-8 (a byte-order mark dropped), UTF-16 with its mark, or else Windows-1252 as Excel writes it. */
export function csvText(bytes: Buffer): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return bytes.subarray(3).toString('utf8');
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The delimiter of the header line: whichever of `;` `,` and tab occurs most often outside
 * quotes (a comma when none does, i.e. a single column).
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

function readCsv(bytes: Buffer): {
  records: { row: number; cells: string[] }[];
  delimiter: string;
} {
  const text = csvText(bytes);
  if (text.includes('\u0000')) {
    throw fileError('This does not look like a CSV file: it holds binary data.');
  }
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw fileError(
      `Row ${(broken.row ?? 0) + 1}: a quoted value is not closed. Check the quotes in the file.`,
    );
  }
  return {
    delimiter,
    records: parsed.data.map((cells, i) => ({ row: i + 1, cells })),
  };
}

type CellValue = ExcelJS.CellValue;

/** What a spreadsheet cell shows, as text: a formula's result, a link's text, a date as YYYY-MM-DD. */
export function spreadsheetText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return spreadsheetText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value)
    return spreadsheetText(value.result as CellValue);
  if ('error' in value) return value.error;
  return '';
}

async function readXlsx(
  bytes: Buffer,
): Promise<{ records: { row: number; cells: string[] }[]; sheetName: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileError(
      'This XLSX workbook could not be read: it may be damaged. Open it and save it again.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError('The workbook has no worksheet.');
  const records: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      cells.push(spreadsheetText(row.getCell(column).value));
    }
    records.push({ row: rowNumber, cells });
  });
  return { records, sheetName: sheet.name };
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads a CSV (`,` `;` or tab, UTF-8 with or without BOM) or the first worksheet of an XLSX
 * workbook. The first non-blank row is the header; blank rows below it are passed over but keep
 * their numbers, so a row is named as the user sees it in the file.
 */
export async function readImportTable(fileName: string, bytes: Buffer): Promise<ReadTable> {
  const format = formatOf(fileName, bytes);
  const read =
    format === 'csv'
      ? { ...readCsv(bytes), sheetName: null }
      : { ...(await readXlsx(bytes)), delimiter: null };
  const nonBlank = read.records.filter((r) => !blank(r.cells));
  const [header, ...rows] = nonBlank;
  if (!header) throw fileError('The file is empty: it has no header row.');
  if (rows.length === 0) {
    throw fileError('The file has a header row but no rows below it.');
  }
  if (rows.length > clientImportMaxRows) {
    throw fileError(
      `The file has ${rows.length.toLocaleString('en')} rows; Audit Desk imports at most ${clientImportMaxRows.toLocaleString('en')} clients at once. Split it into smaller files.`,
    );
  }
  const width = Math.max(...nonBlank.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => {
    const name = (header.cells[i] ?? '').trim();
    return name === '' ? `Column ${columnLetter(i)}` : name;
  });
  return {
    format,
    delimiter: read.delimiter,
    sheetName: read.sheetName,
    headerRow: header.row,
    table: { headers, rows },
  };
}
