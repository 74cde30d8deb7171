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

/**
 * Makes a client's contacts and/or sites equal to the given lists: rows matched by id are updated
 * field by field, new ones inserted, missing ones deleted; every change goes to the change log.
 * Returns how many changes were made.
 */
export function replaceChildren(
  ctx: ServiceContext,
  tx: Db,
  clientId: string,
  lists: { contacts?: ContactValues[] | undefined; sites?: SiteValues[] | undefined },
  at: string,
): number {
  let changes = 0;
  if (lists.contacts) {
    const existing = new Map(
      tx
        .select()
        .from(clientContacts)
        .where(eq(clientContacts.clientId, clientId))
        .all()
        .map((r) => [r.id, r]),
    );
    const kept = new Set<string>();
    lists.contacts.forEach((c, i) => {
      const columns = contactColumns(c, i);
      const old = c.id ? existing.get(c.id) : undefined;
      if (old) {
        kept.add(old.id);
        const target = { entity: 'client_contact', entityId: old.id, rootId: clientId };
        const n = logFieldChanges(ctx, tx, target, { ...old }, columns, at);
        if (n > 0) {
          tx.update(clientContacts)
            .set({ ...columns, updatedAt: at })
            .where(eq(clientContacts.id, old.id))
            .run();
          changes += n;
        }
      } else {
        const id = uuidv7();
        tx.insert(clientContacts)
          .values({ id, clientId, ...columns, createdAt: at, updatedAt: at })
          .run();
        logEvent(
          ctx,
          tx,
          { entity: 'client_contact', entityId: id, rootId: clientId },
          'created',
          columns,
          at,
        );
        changes++;
      }
    });
    for (const old of existing.values()) {
      if (kept.has(old.id)) continue;
      tx.delete(clientContacts).where(eq(clientContacts.id, old.id)).run();
      logEvent(
        ctx,
        tx,
        { entity: 'client_contact', entityId: old.id, rootId: clientId },
        'deleted',
        old,
        at,
      );
      changes++;
    }
  }
  if (lists.sites) {
    const existing = new Map(
      tx
        .select()
        .from(clientSites)
        .where(eq(clientSites.clientId, clientId))
        .all()
        .map((r) => [r.id, r]),
    );
    const kept = new Set<string>();
    lists.sites.forEach((s, i) => {
      const columns = siteColumns(s, i);
      const old = s.id ? existing.get(s.id) : undefined;
      if (old) {
        kept.add(old.id);
        const target = { entity: 'client_site', entityId: old.id, rootId: clientId };
        const n = logFieldChanges(ctx, tx, target, { ...old }, columns, at);
        if (n > 0) {
          tx.update(clientSites)
            .set({ ...columns, updatedAt: at })
            .where(eq(clientSites.id, old.id))
            .run();
          changes += n;
        }
      } else {
        const id = uuidv7();
        tx.insert(clientSites)
          .values({ id, clientId, ...columns, createdAt: at, updatedAt: at })
          .run();
        logEvent(
          ctx,
          tx,
          { entity: 'client_site', entityId: id, rootId: clientId },
          'created',
          columns,
          at,
        );
        changes++;
      }
    });
    for (const old of existing.values()) {
      if (kept.has(old.id)) continue;
      tx.delete(clientSites).where(eq(clientSites.id, old.id)).run();
      logEvent(
        ctx,
        tx,
        { entity: 'client_site', entityId: old.id, rootId: clientId },
        'deleted',
        old,
        at,
      );
      changes++;
    }
  }
  return changes;
}
