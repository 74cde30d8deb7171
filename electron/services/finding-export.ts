import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { validationError } from '../../shared/errors';
import { findingStateLabels } from '../../shared/findings/lifecycle';
import {
  exportFindingsSchema,
  findingGradeLabels,
  type ExportedFile,
  type FindingRow,
} from '../../shared/findings/schema';
import { auditTypeLabels, type AuditType } from '../../shared/programme/vocabulary';
import type { z } from 'zod';
import { requireActor, type ServiceContext } from './context';
import { iterateRegister, registerToday, type RegisterFilters } from './finding-register';

type ExportInput = z.input<typeof exportFindingsSchema>;

/** The register's columns in the files, with their widths in the spreadsheet (characters). */
const columns: { header: string; width: number; value: (r: FindingRow) => string }[] = [
  { header: 'Client reference', width: 16, value: (r) => r.clientReference },
  { header: 'Client', width: 32, value: (r) => r.clientName },
  {
    header: 'Audit',
    width: 16,
    value: (r) => auditTypeLabels[r.auditType as AuditType] ?? r.auditType,
  },
  { header: 'Requirement', width: 28, value: (r) => r.requirementRef },
  {
    header: 'Grade',
    width: 28,
    value: (r) => (r.grade ? findingGradeLabels[r.grade] : 'Not graded'),
  },
  { header: 'State', width: 20, value: (r) => findingStateLabels[r.state] },
  { header: 'Statement', width: 60, value: (r) => r.statement },
  { header: 'Raised on', width: 12, value: (r) => r.raisedOn },
  { header: 'Raised by', width: 22, value: (r) => r.raisedByName ?? '' },
  { header: 'Response due', width: 14, value: (r) => r.responseDue ?? '' },
  { header: 'Verification due', width: 16, value: (r) => r.verificationDue ?? '' },
  { header: 'Next due', width: 12, value: (r) => r.nextDue ?? '' },
  { header: 'Overdue', width: 9, value: (r) => (r.overdue ? 'yes' : 'no') },
  { header: 'Finding id', width: 38, value: (r) => r.id },
];

const headers = columns.map((c) => c.header);
const cellsOf = (row: FindingRow) => columns.map((c) => c.value(row));

/** Rows are turned into text this many at a time, so no whole-register array is built. */
const batchSize = 1000;

function* batches(rows: Iterable<FindingRow>): Generator<string[][]> {
  let batch: string[][] = [];
  for (const row of rows) {
    batch.push(cellsOf(row));
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
 * RFC 4180 CSV (CRLF line ends), UTF-8. Cells starting with = + - @ are prefixed with a quote
 * (papaparse's escapeFormulae) so a spreadsheet never runs a statement typed by someone as a formula.
 */
export function findingsCsv(rows: Iterable<FindingRow>): string {
  const parts = [Papa.unparse([headers], csvOptions)];
  for (const batch of batches(rows)) parts.push(Papa.unparse(batch, csvOptions));
  return `${parts.join('\r\n')}\r\n`;
}

/** An XLSX workbook written row by row (exceljs' streaming writer): bold header, widths, dates as text. */
export async function findingsXlsx(rows: Iterable<FindingRow>, today: string): Promise<Buffer> {
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
  const sheet = workbook.addWorksheet('Nonconformities', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    // Text format: dates stay the YYYY-MM-DD text they are, never a spreadsheet serial number.
    style: { numFmt: '@' },
  }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (const batch of batches(rows)) {
    for (const cells of batch) sheet.addRow(cells).commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The register with the same filters as the list, all rows, as CSV or XLSX. */
export async function exportFindings(ctx: ServiceContext, raw: ExportInput): Promise<ExportedFile> {
  requireActor(ctx);
  const parsed = exportFindingsSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { format, ...filters } = parsed.data;
  const today = registerToday(ctx, filters.today);
  const rows = iterateRegister(ctx.sqlite, filters as RegisterFilters, today);
  const base = `nonconformity-register-${today}`;
  if (format === 'csv') {
    return {
      fileName: `${base}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      data: Buffer.from(findingsCsv(rows), 'utf8').toString('base64'),
    };
  }
  const bytes = await findingsXlsx(rows, today);
  return {
    fileName: `${base}.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: bytes.toString('base64'),
  };
}
