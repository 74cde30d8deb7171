import { eq } from 'drizzle-orm';
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
import { exportTable, type TableColumn } from './table-export';

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

/** A personnel count of the central site; empty for a client without one. */
const sitePersonnel = (
  key: 'fullTimePersonnel' | 'partTimePersonnel' | 'partTimeAverageHours' | 'aiPersonnel',
): TableColumn<ExportRow> => ({
  header: field(key),
  width: 10,
  value: (r) => (r.site ? String(r.site[key]) : ''),
});

/**
 * The columns of the client list files. The first ones carry the import's own field names, so a
 * file exported here imports again as it is (its clients then show as duplicates); the primary
 * contact and the central site fill the contact and site columns.
 */
export const clientColumns: TableColumn<ExportRow>[] = [
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
  sitePersonnel('fullTimePersonnel'),
  sitePersonnel('partTimePersonnel'),
  sitePersonnel('partTimeAverageHours'),
  sitePersonnel('aiPersonnel'),
  { header: 'Number of sites', width: 9, value: (r) => String(r.summary.siteCount) },
  { header: 'Archived', width: 12, value: (r) => r.summary.archivedAt?.slice(0, 10) ?? '' },
  { header: 'Changed', width: 12, value: (r) => r.summary.updatedAt.slice(0, 10) },
];

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
  // The byte-order mark lets a spreadsheet read accented names correctly (the import drops it again).
  return exportTable(format, {
    columns: clientColumns,
    rows,
    baseName: `clients-${today}`,
    sheetName: 'Clients',
    today,
    byteOrderMark: true,
  });
}
