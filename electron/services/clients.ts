import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { clientContacts, clients, clientSites } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  clientPatchSchema,
  type Client,
  type ClientListQuery,
  type ClientStatus,
  type ClientSummary,
  type ClientValues,
  type AiRole,
  clientListQuerySchema,
} from '../../shared/clients/schema';
import { countryName } from '../../shared/countries';
import type { ChangeLogEntry } from '../../shared/data/schema';
import { AppError } from '../../shared/errors';
import type { z } from 'zod';
import { historyOf, logEvent, logFieldChanges } from './change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { replaceChildren } from './client-children';

type ClientRow = typeof clients.$inferSelect;
type ClientPatch = z.output<typeof clientPatchSchema>;

/** Who may add, change, archive or restore clients (and import them). */
export const managers = ['admin', 'scheduler', 'lead_auditor'] as const;

export function searchText(
  c: Pick<ClientRow, 'reference' | 'legalName' | 'tradingName' | 'country'>,
) {
  return [c.reference, c.legalName, c.tradingName, c.country, countryName(c.country)]
    .join(' ')
    .toLowerCase();
}

/** `C-<year>-<4 digits>`, one more than the highest of that year. */
export function nextClientReference(db: Db, today: Date): string {
  const year = today.getUTCFullYear();
  const row = db
    .select({ reference: clients.reference })
    .from(clients)
    .where(sql`${clients.reference} GLOB ${`C-${year}-[0-9][0-9][0-9][0-9]*`}`)
    .orderBy(desc(sql`length(${clients.reference})`), desc(clients.reference))
    .limit(1)
    .get();
  const last = row ? Number(row.reference.slice(`C-${year}-`.length)) : 0;
  return `C-${year}-${String(last + 1).padStart(4, '0')}`;
}

function ensureReferenceFree(db: Db, reference: string, exceptId?: string): void {
  const row = db
    .select({ id: clients.id, legalName: clients.legalName })
    .from(clients)
    .where(eq(clients.reference, reference))
    .get();
  if (row && row.id !== exceptId) {
    throw new AppError(
      'CONFLICT',
      `Reference ${reference} is already used by ${row.legalName}.`,
      'reference',
    );
  }
}

export function getClient(db: Db, id: string): Client {
  const row = db.select().from(clients).where(eq(clients.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That client does not exist.', 'id');
  const contacts = db
    .select()
    .from(clientContacts)
    .where(eq(clientContacts.clientId, id))
    .orderBy(asc(clientContacts.position))
    .all();
  const sites = db
    .select()
    .from(clientSites)
    .where(eq(clientSites.clientId, id))
    .orderBy(asc(clientSites.position))
    .all();
  return {
    id: row.id,
    reference: row.reference,
    legalName: row.legalName,
    tradingName: row.tradingName,
    country: row.country,
    address: row.address,
    status: row.status as ClientStatus,
    scope: row.scope,
    aiRoles: row.aiRoles as AiRole[],
    aiSystemCount: row.aiSystemCount,
    otherCertifications: row.otherCertifications,
    notes: row.notes,
    contacts: contacts.map((c) => ({
      id: c.id,
      name: c.name,
      role: c.role,
      email: c.email,
      phone: c.phone,
      primary: c.isPrimary,
    })),
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      address: s.address,
      country: s.country,
      isCentral: s.isCentral,
      fullTimePersonnel: s.fullTimePersonnel,
      partTimePersonnel: s.partTimePersonnel,
      partTimeAverageHours: s.partTimeAverageHours,
      aiPersonnel: s.aiPersonnel,
    })),
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

type ScalarColumns = Pick<
  ClientRow,
  | 'reference'
  | 'legalName'
  | 'tradingName'
  | 'country'
  | 'address'
  | 'status'
  | 'scope'
  | 'aiRoles'
  | 'aiSystemCount'
  | 'otherCertifications'
  | 'notes'
>;

export function scalarFields(c: ScalarColumns) {
  return {
    reference: c.reference,
    legalName: c.legalName,
    tradingName: c.tradingName,
    country: c.country,
    address: c.address,
    status: c.status,
    scope: c.scope,
    aiRoles: c.aiRoles,
    aiSystemCount: c.aiSystemCount,
    otherCertifications: c.otherCertifications,
    notes: c.notes,
  };
}

export function createClient(ctx: ServiceContext, input: ClientValues): Client {
  requireRole(ctx, managers, 'add clients');
  const at = nowIso(ctx);
  const id = uuidv7();
  ctx.db.transaction((tx) => {
    const reference = input.reference ?? nextClientReference(tx, ctx.now());
    ensureReferenceFree(tx, reference);
    const row: ClientRow = {
      id,
      ...scalarFields({ ...input, reference }),
      searchText: searchText({ ...input, reference }),
      requiredCompetenceAreas: [],
      applicationReviewedBy: null,
      applicationReviewedAt: null,
      archivedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(clients).values(row).run();
    logEvent(
      ctx,
      tx,
      { entity: 'client', entityId: id, rootId: id },
      'created',
      scalarFields(row),
      at,
    );
    replaceChildren(ctx, tx, id, { contacts: input.contacts, sites: input.sites }, at);
  });
  return getClient(ctx.db, id);
}

export function updateClient(ctx: ServiceContext, id: string, patch: ClientPatch): Client {
  requireRole(ctx, managers, 'change clients');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = tx.select().from(clients).where(eq(clients.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', 'That client does not exist.', 'id');
    const { contacts, sites, ...scalars } = patch;
    const next = { ...row, ...scalars };
    if (next.reference !== row.reference) ensureReferenceFree(tx, next.reference, id);
    const changed = logFieldChanges(
      ctx,
      tx,
      { entity: 'client', entityId: id, rootId: id },
      scalarFields(row),
      scalarFields(next),
      at,
    );
    const childChanges = replaceChildren(ctx, tx, id, { contacts, sites }, at);
    if (changed + childChanges === 0) return;
    tx.update(clients)
      .set({ ...scalarFields(next), searchText: searchText(next), updatedAt: at })
      .where(eq(clients.id, id))
      .run();
  });
  return getClient(ctx.db, id);
}

function setArchived(ctx: ServiceContext, id: string, archived: boolean): Client {
  requireRole(ctx, managers, archived ? 'archive clients' : 'restore clients');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = tx.select().from(clients).where(eq(clients.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', 'That client does not exist.', 'id');
    if ((row.archivedAt !== null) === archived) return;
    tx.update(clients)
      .set({ archivedAt: archived ? at : null, updatedAt: at })
      .where(eq(clients.id, id))
      .run();
    const target = { entity: 'client', entityId: id, rootId: id };
    logFieldChanges(
      ctx,
      tx,
      target,
      { archivedAt: row.archivedAt },
      { archivedAt: archived ? at : null },
      at,
    );
  });
  return getClient(ctx.db, id);
}

export const archiveClient = (ctx: ServiceContext, id: string) => setArchived(ctx, id, true);
export const restoreClient = (ctx: ServiceContext, id: string) => setArchived(ctx, id, false);

const sortColumns = {
  reference: clients.reference,
  legalName: sql`${clients.legalName} COLLATE NOCASE`,
  country: clients.country,
  status: clients.status,
  updatedAt: clients.updatedAt,
} as const;

export function listClients(ctx: ServiceContext, query: ClientListQuery): ClientSummary[] {
  requireActor(ctx);
  const q = clientListQuerySchema.parse(query);
  const where: SQL[] = [];
  const term = q.search?.trim().toLowerCase();
  if (term) {
    const escaped = term.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    where.push(sql`${clients.searchText} LIKE ${`%${escaped}%`} ESCAPE '\\'`);
  }
  if (q.status) where.push(eq(clients.status, q.status));
  if (!q.includeArchived) where.push(isNull(clients.archivedAt));
  const column = sortColumns[q.sort];
  return ctx.db
    .select({
      id: clients.id,
      reference: clients.reference,
      legalName: clients.legalName,
      tradingName: clients.tradingName,
      country: clients.country,
      status: sql<ClientStatus>`${clients.status}`,
      // Qualified: drizzle renders a bare column as "id", which in the subquery would mean s.id.
      siteCount: sql<number>`(SELECT COUNT(*) FROM client_sites s WHERE s.client_id = ${clients}.${clients.id})`,
      archivedAt: clients.archivedAt,
      updatedAt: clients.updatedAt,
    })
    .from(clients)
    .where(and(...where))
    .orderBy(q.direction === 'asc' ? asc(column) : desc(column), asc(clients.id))
    .all();
}

export function clientHistory(ctx: ServiceContext, id: string): ChangeLogEntry[] {
  requireActor(ctx);
  getClient(ctx.db, id);
  return historyOf(ctx.db, id);
}
