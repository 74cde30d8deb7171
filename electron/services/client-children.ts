import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { clientContacts, clientSites } from '../../db/schema';
import type { Db } from '../../db/open';
import type { z } from 'zod';
import type { contactSchema, siteSchema } from '../../shared/clients/schema';
import { logEvent, logFieldChanges } from './change-log';
import type { ServiceContext } from './context';

type ContactValues = z.output<typeof contactSchema>;
type SiteValues = z.output<typeof siteSchema>;

export function contactColumns(c: ContactValues, position: number) {
  return {
    position,
    name: c.name,
    role: c.role,
    email: c.email,
    phone: c.phone,
    isPrimary: c.primary,
  };
}

export function siteColumns(s: SiteValues, position: number) {
  return {
    position,
    name: s.name,
    address: s.address,
    country: s.country,
    isCentral: s.isCentral,
    fullTimePersonnel: s.fullTimePersonnel,
    partTimePersonnel: s.partTimePersonnel,
    partTimeAverageHours: s.partTimeAverageHours,
    aiPersonnel: s.aiPersonnel,
  };
}

/** How one kind of child row of a client is read, written and named in the change log. */
interface ChildTable<Values, Columns> {
  entity: string;
  columns: (values: Values, position: number) => Columns;
  load: (tx: Db, clientId: string) => ({ id: string } & Record<string, unknown>)[];
  insert: (
    tx: Db,
    row: Columns & { id: string; clientId: string; createdAt: string; updatedAt: string },
  ) => void;
  update: (tx: Db, id: string, columns: Columns & { updatedAt: string }) => void;
  remove: (tx: Db, id: string) => void;
}

const contactTable: ChildTable<ContactValues, ReturnType<typeof contactColumns>> = {
  entity: 'client_contact',
  columns: contactColumns,
  load: (tx, clientId) =>
    tx.select().from(clientContacts).where(eq(clientContacts.clientId, clientId)).all(),
  insert: (tx, row) => void tx.insert(clientContacts).values(row).run(),
  update: (tx, id, columns) =>
    void tx.update(clientContacts).set(columns).where(eq(clientContacts.id, id)).run(),
  remove: (tx, id) => void tx.delete(clientContacts).where(eq(clientContacts.id, id)).run(),
};

const siteTable: ChildTable<SiteValues, ReturnType<typeof siteColumns>> = {
  entity: 'client_site',
  columns: siteColumns,
  load: (tx, clientId) =>
    tx.select().from(clientSites).where(eq(clientSites.clientId, clientId)).all(),
  insert: (tx, row) => void tx.insert(clientSites).values(row).run(),
  update: (tx, id, columns) =>
    void tx.update(clientSites).set(columns).where(eq(clientSites.id, id)).run(),
  remove: (tx, id) => void tx.delete(clientSites).where(eq(clientSites.id, id)).run(),
};

/**
 * Makes one child list equal to `list`: rows matched by id are updated field by field, new ones
 * inserted, missing ones deleted; every change goes to the change log. Returns the change count.
 */
function syncChildren<
  Values extends { id?: string | undefined },
  Columns extends Record<string, unknown>,
>(
  ctx: ServiceContext,
  tx: Db,
  clientId: string,
  table: ChildTable<Values, Columns>,
  list: Values[],
  at: string,
): number {
  let changes = 0;
  const existing = new Map(table.load(tx, clientId).map((r) => [r.id, r]));
  const kept = new Set<string>();
  list.forEach((values, position) => {
    const columns = table.columns(values, position);
    const old = values.id ? existing.get(values.id) : undefined;
    if (old) {
      kept.add(old.id);
      const target = { entity: table.entity, entityId: old.id, rootId: clientId };
      const n = logFieldChanges(ctx, tx, target, old, columns, at);
      if (n > 0) table.update(tx, old.id, { ...columns, updatedAt: at });
      changes += n;
    } else {
      const id = uuidv7();
      table.insert(tx, { id, clientId, ...columns, createdAt: at, updatedAt: at });
      logEvent(
        ctx,
        tx,
        { entity: table.entity, entityId: id, rootId: clientId },
        'created',
        columns,
        at,
      );
      changes++;
    }
  });
  for (const old of existing.values()) {
    if (kept.has(old.id)) continue;
    table.remove(tx, old.id);
    logEvent(
      ctx,
      tx,
      { entity: table.entity, entityId: old.id, rootId: clientId },
      'deleted',
      old,
      at,
    );
    changes++;
  }
  return changes;
}

/** Makes a client's contacts and/or sites equal to the given lists (see syncChildren). */
export function replaceChildren(
  ctx: ServiceContext,
  tx: Db,
  clientId: string,
  lists: { contacts?: ContactValues[] | undefined; sites?: SiteValues[] | undefined },
  at: string,
): number {
  let changes = 0;
  if (lists.contacts) changes += syncChildren(ctx, tx, clientId, contactTable, lists.contacts, at);
  if (lists.sites) changes += syncChildren(ctx, tx, clientId, siteTable, lists.sites, at);
  return changes;
}
