import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { z } from 'zod';
import { clientContacts, clients, clientSites } from '../../db/schema';
import {
  clientImportFieldInfo,
  exportClientsSchema,
  type ClientImportField,
} from '../../shared/clients/import';
import type { ClientSummary } from '../../shared/clients/schema';
import { validationError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/findings/schema';
import { listClients } from './clients';
import { requireActor, type ServiceContext } from './context';

type ExportInput = z.input<typeof exportClientsSchema>;
type ClientRow = typeof clients.$inferSelect;
type ContactRow = typeof clientContacts.$inferSelect;
type SiteRow = typeof clientSites.$inferSelect;

interface ExportRow {
  summary: ClientSummary;
  client: ClientRow;
  contact: ContactRow | undefined;
  site: SiteRow | undefined;
}

const field = (key: ClientImportField) => clientImportFieldInfo[key].label;

/**
 * The columns of the client list files. The first ones carry the import's own field names, so a
 * file exported here imports again as it is (its clients then show as duplicates); the primary
 * contact and the central site fill the contact and site columns.
 */
export const clientColumns: { header: string; width: number; value: (r: ExportRow) => string }[] = [
  { header: field('reference'), width: 14, value: (r) => r.client.reference },
  { header: field('legalName'), width: 34, value: (r) => r.client.legalName },
  { header: field('tradingName'), width: 24, value: (r) => r.client.tradingName },
  { header: field('country'), width: 9, value: (r) => r.client.country },
  { header: field('address'), width: 36, value: (r) => r.client.address },
  { header: field('status'), width: 11, value: (r) => r.client.status },
  { header: field('scope'), width: 48, value: (r) => r.client.scope },
  { header: field('aiRoles'), width: 22, value: (r) => r.client.aiRoles.join(', ') },
  { header: field('aiSystemCount'), width: 10, value: (r) => String(r.client.aiSystemCount) },
  { header: field('notes'), width: 36, value: (r) => r.client.notes },
  { header: field('contactName'), width: 22, value: (r) => r.contact?.name ?? '' },
  { header: field('contactRole'), width: 20, value: (r) => r.contact?.role ?? '' },
  { header: field('contactEmail'), width: 28, value: (r) => r.contact?.email ?? '' },
  { header: field('contactPhone'), width: 18, value: (r) => r.contact?.phone ?? '' },
  { header: field('siteName'), width: 22, value: (r) => r.site?.name ?? '' },
  { header: field('siteAddress'), width: 36, value: (r) => r.site?.address ?? '' },
  { header: field('siteCountry'), width: 9, value: (r) => r.site?.country ?? '' },
  {
    header: field('fullTimePersonnel'),
    width: 10,
    value: (r) => (r.site ? String(r.site.fullTimePersonnel) : ''),
  },
  {
    header: field('partTimePersonnel'),
    width: 10,
    value: (r) => (r.site ? String(r.site.partTimePersonnel) : ''),
  },
  {
    header: field('partTimeAverageHours'),
    width: 10,
    value: (r) => (r.site ? String(r.site.partTimeAverageHours) : ''),
  },
  {
    header: field('aiPersonnel'),
    width: 10,
    value: (r) => (r.site ? String(r.site.aiPersonnel) : ''),
  },
  { header: 'Number of sites', width: 9, value: (r) => String(r.summary.siteCount) },
  { header: 'Archived', width: 12, value: (r) => r.summary.archivedAt?.slice(0, 10) ?? '' },
  { header: 'Changed', width: 12, value: (r) => r.summary.updatedAt.slice(0, 10) },
];

const headers = clientColumns.map((c) => c.header);
const cellsOf = (row: ExportRow) => clientColumns.map((c) => c.value(row));

/** The same formula guard as the findings export: a cell starting = + - @ is never run as a formula. */
const csvOptions = { escapeFormulae: /^[=+\-@\t\r]/ };

/**
 * RFC 4180 CSV (CRLF line ends), UTF-8 with a byte-order mark, so a spreadsheet opening it reads
 * accented names correctly (the import drops the mark again).
 */
export function clientsCsv(rows: readonly ExportRow[]): string {
  return `\uFEFF${Papa.unparse([headers, ...rows.map(cellsOf)], csvOptions)}\r\n`;
}

/** An XLSX workbook (exceljs' streaming writer): bold frozen header, widths, every cell as text. */
export async function clientsXlsx(rows: readonly ExportRow[], today: string): Promise<Buffer> {
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
  const sheet = workbook.addWorksheet('Clients', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = clientColumns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style: { numFmt: '@' },
  }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) sheet.addRow(cellsOf(row)).commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: clientColumns.length } };
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The list's rows (same search, filters and order) with each client's primary contact and central site. */
function exportRows(ctx: ServiceContext, summaries: readonly ClientSummary[]): ExportRow[] {
  const byId = new Map(
    ctx.db
      .select()
      .from(clients)
      .all()
      .map((c) => [c.id, c]),
  );
  const contacts = new Map<string, ContactRow>();
  for (const c of ctx.db
    .select()
    .from(clientContacts)
    .where(eq(clientContacts.isPrimary, true))
    .all()) {
    contacts.set(c.clientId, c);
  }
  const sites = new Map<string, SiteRow>();
  for (const s of ctx.db.select().from(clientSites).where(eq(clientSites.isCentral, true)).all()) {
    sites.set(s.clientId, s);
  }
  return summaries.flatMap((summary) => {
    const client = byId.get(summary.id);
    if (!client) return [];
    return [{ summary, client, contact: contacts.get(summary.id), site: sites.get(summary.id) }];
  });
}

/** The client list as CSV or XLSX, with the list's search, status filter, archived switch and sort. */
export async function exportClients(ctx: ServiceContext, raw: ExportInput): Promise<ExportedFile> {
  requireActor(ctx);
  const parsed = exportClientsSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { format, ...query } = parsed.data;
  const rows = exportRows(ctx, listClients(ctx, query));
  const today = ctx.now().toISOString().slice(0, 10);
  const base = `clients-${today}`;
  if (format === 'csv') {
    return {
      fileName: `${base}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      data: Buffer.from(clientsCsv(rows), 'utf8').toString('base64'),
    };
  }
  const bytes = await clientsXlsx(rows, today);
  return {
    fileName: `${base}.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: bytes.toString('base64'),
  };
}
