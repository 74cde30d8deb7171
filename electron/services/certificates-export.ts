import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  exportCertificatesSchema,
  type CertificateRow,
  type ExportCertificatesInput,
} from '../../shared/certificates/schema';
import { issuedCertificateStatusLabels } from '../../shared/certificates/status';
import { validationError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/findings/schema';
import { requireActor, type ServiceContext } from './context';
import { queryCertificates, serviceToday } from './certificates';

/** One site as a public register lists it: name, address and country; the central function marked. */
export function siteText(site: CertificateRow['sites'][number]): string {
  const where = [site.address, site.country].filter((part) => part.trim() !== '').join(', ');
  return `${site.name}${site.isCentral ? ' (central function)' : ''}${where ? `: ${where}` : ''}`;
}

/**
 * The columns of a public register of accredited certifications (the shape of IAF CertSearch-style
 * uploads), in this order; documented in the README.
 */
export const certificateColumns: {
  header: string;
  width: number;
  value: (r: CertificateRow) => string;
}[] = [
  { header: 'Certificate number', width: 22, value: (r) => r.number },
  { header: 'Organisation', width: 36, value: (r) => r.organisation },
  { header: 'Country', width: 9, value: (r) => r.country },
  { header: 'Scope', width: 60, value: (r) => r.scopeText },
  { header: 'Standard', width: 20, value: (r) => r.standard },
  { header: 'Issue date', width: 12, value: (r) => r.issueDate },
  { header: 'Expiry date', width: 12, value: (r) => r.expiryDate },
  { header: 'Status', width: 11, value: (r) => issuedCertificateStatusLabels[r.status] },
  { header: 'Sites', width: 60, value: (r) => r.sites.map(siteText).join('; ') },
];

const headers = certificateColumns.map((c) => c.header);
const cellsOf = (row: CertificateRow) => certificateColumns.map((c) => c.value(row));

/** Same formula guard as the findings export: a cell starting = + - @ is never run as a formula. */
const csvOptions = { escapeFormulae: /^[=+\-@\t\r]/ };

/** RFC 4180 CSV (CRLF line ends), UTF-8. */
export function certificatesCsv(rows: readonly CertificateRow[]): string {
  return `${Papa.unparse([headers, ...rows.map(cellsOf)], csvOptions)}\r\n`;
}

/** An XLSX workbook (exceljs' streaming writer): bold frozen header, widths, dates kept as text. */
export async function certificatesXlsx(
  rows: readonly CertificateRow[],
  today: string,
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
  const sheet = workbook.addWorksheet('Certificates', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = certificateColumns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style: { numFmt: '@' },
  }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) sheet.addRow(cellsOf(row)).commit();
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: certificateColumns.length },
  };
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

export interface CertificateExport {
  file: ExportedFile;
  rows: number;
}

/** The register with the list's filters, as CSV or XLSX. */
export async function exportCertificateRegister(
  ctx: ServiceContext,
  raw: ExportCertificatesInput,
): Promise<CertificateExport> {
  requireActor(ctx);
  const parsed = exportCertificatesSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { format, ...query } = parsed.data;
  const today = serviceToday(ctx, query.today);
  const rows = queryCertificates(ctx.db, query, today);
  const base = `certificate-register-${today}`;
  if (format === 'csv') {
    return {
      rows: rows.length,
      file: {
        fileName: `${base}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        data: Buffer.from(certificatesCsv(rows), 'utf8').toString('base64'),
      },
    };
  }
  const bytes = await certificatesXlsx(rows, today);
  return {
    rows: rows.length,
    file: {
      fileName: `${base}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: bytes.toString('base64'),
    },
  };
}

export async function exportCertificates(
  ctx: ServiceContext,
  raw: ExportCertificatesInput,
): Promise<ExportedFile> {
  return (await exportCertificateRegister(ctx, raw)).file;
}
