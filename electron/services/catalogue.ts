import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { cbCatalogueItems } from '../../db/schema';
import { iso42001Catalogue, type Catalogue } from '../../shared/iso42001/catalogue';
import { extendCatalogue, type CbItemInput } from '../../shared/iso42001/cb-items';
import { AppError } from '../../shared/errors';

/** The CB's active items in their order, as catalogue input. */
export function activeCbItems(db: Db): CbItemInput[] {
  return db
    .select()
    .from(cbCatalogueItems)
    .where(eq(cbCatalogueItems.active, true))
    .orderBy(asc(cbCatalogueItems.position))
    .all()
    .map(({ id, kind, title, parent, stages, prompt }) => ({
      id,
      kind: kind as CbItemInput['kind'],
      title,
      parent,
      stages,
      prompt,
    }));
}

/**
 * The catalogue checklists are generated from now: the shipped one plus the CB's active items.
 * The CB part of the version is a hash of those items, so the same set always has the same
 * version and any change to it gives a new one (a checklist records the version it used).
 */
export function currentCatalogue(db: Db): Catalogue {
  const items = activeCbItems(db);
  if (items.length === 0) return iso42001Catalogue;
  const digest = createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 8);
  const extended = extendCatalogue(iso42001Catalogue, `cb.${digest}`, items);
  if (!extended.ok) {
    // Items are checked when saved; a failure here means the table was edited by hand.
    throw new AppError(
      'INTERNAL',
      `The CB's catalogue items are inconsistent: ${extended.message}`,
    );
  }
  return extended.catalogue;
}
