import { asc, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { cbCatalogueItems } from '../../db/schema';
import { findItem, iso42001Catalogue } from '../../shared/iso42001/catalogue';
import {
  cbItemEditors,
  cbItemSchema,
  setCbItemActiveSchema,
  type CbItem,
  type CbItemInput,
} from '../../shared/iso42001/cb-items';
import { AppError, validationError } from '../../shared/errors';
import { logEvent, logFieldChanges } from './change-log';
import { actorId, nowIso, requireActor, requireRole, type ServiceContext } from './context';

/**
 * The certification body's own catalogue items (e.g. sector questions). Checklists copy an item's
 * title and prompt when they are prepared, so changing or retiring an item here never changes a
 * past audit; it only changes what new checklists are prepared from (electron/services/catalogue.ts).
 */

type Row = typeof cbCatalogueItems.$inferSelect;

const target = (id: string) => ({ entity: 'cb_item', entityId: id, rootId: id });

function toItem(row: Row): CbItem {
  return {
    id: row.id,
    kind: row.kind as CbItem['kind'],
    title: row.title,
    parent: row.parent,
    stages: row.stages,
    prompt: row.prompt,
    active: row.active,
    position: row.position,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function allRows(db: Db): Row[] {
  return db.select().from(cbCatalogueItems).orderBy(asc(cbCatalogueItems.position)).all();
}

function parse(raw: CbItemInput): CbItemInput {
  const parsed = cbItemSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * Where an item may sit: under a shipped item, or under a CB item added before it (so the catalogue
 * always lists a parent before its children, and no item can end up under itself). An Audit Desk
 * rule, as is that the item's kind follows its parent's: an item under clause 8.4 is a clause item.
 */
function checkPlacement(
  rows: readonly Row[],
  item: CbItemInput,
  own: { position: number; active: boolean } | null,
): void {
  const shipped = findItem(iso42001Catalogue, item.parent);
  const cbParent = rows.find((r) => r.id === item.parent);
  if (!shipped && !cbParent) {
    throw new AppError(
      'VALIDATION',
      `${item.parent} is not in the catalogue; choose a clause, control or CB item it belongs under.`,
      'parent',
    );
  }
  if (cbParent) {
    if (cbParent.id === item.id) {
      throw new AppError('VALIDATION', 'An item cannot sit under itself.', 'parent');
    }
    if (own && cbParent.position > own.position) {
      throw new AppError(
        'VALIDATION',
        `${cbParent.id} was added after ${item.id}; a CB item can only sit under a shipped item or a CB item added before it (Audit Desk rule).`,
        'parent',
      );
    }
    if (!cbParent.active && (own?.active ?? true)) {
      throw new AppError(
        'VALIDATION',
        `${cbParent.id} is retired; reactivate it first or choose another parent.`,
        'parent',
      );
    }
  }
  const parentKind = shipped?.kind ?? cbParent?.kind;
  if (parentKind !== item.kind) {
    throw new AppError(
      'VALIDATION',
      parentKind === 'control'
        ? `${item.parent} is in Annex A: an item under it is a control item (Audit Desk rule).`
        : `${item.parent} is a clause: an item under it is a clause item (Audit Desk rule).`,
      'kind',
    );
  }
}

function requireRow(db: Db, id: string): Row {
  const row = db.select().from(cbCatalogueItems).where(eq(cbCatalogueItems.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `There is no CB item ${id}.`, 'id');
  return row;
}

/** Every CB item, retired ones included (marked), in the order they were added. */
export function listCbItems(ctx: ServiceContext): CbItem[] {
  requireActor(ctx);
  return allRows(ctx.db).map(toItem);
}

export function createCbItem(ctx: ServiceContext, raw: CbItemInput): CbItem {
  requireRole(ctx, cbItemEditors, "add the certification body's own catalogue items");
  const item = parse(raw);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    if (findItem(iso42001Catalogue, item.id)) {
      throw new AppError(
        'VALIDATION',
        `${item.id} is an item of ${iso42001Catalogue.standard}; choose another id.`,
        'id',
      );
    }
    const rows = allRows(tx);
    // Ids that differ only in case would read as the same item on a checklist.
    const clash = rows.find((r) => r.id.toLowerCase() === item.id.toLowerCase());
    if (clash) {
      throw new AppError(
        'VALIDATION',
        clash.active
          ? `${clash.id} is already used by "${clash.title}"; choose another id.`
          : `${clash.id} is already used by the retired item "${clash.title}"; reactivate it or choose another id.`,
        'id',
      );
    }
    checkPlacement(rows, item, null);
    const last = tx
      .select({ n: max(cbCatalogueItems.position) })
      .from(cbCatalogueItems)
      .get();
    const row = {
      ...item,
      active: true,
      position: (last?.n ?? 0) + 1,
      createdBy: actorId(ctx),
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(cbCatalogueItems).values(row).run();
    logEvent(ctx, tx, target(item.id), 'created', row, at);
  });
  return toItem(requireRow(ctx.db, item.id));
}

/** Changes an item's wording, place and stages; its id stays (checklists refer to it). */
export function updateCbItem(ctx: ServiceContext, raw: CbItemInput): CbItem {
  requireRole(ctx, cbItemEditors, "change the certification body's own catalogue items");
  const item = parse(raw);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const before = requireRow(tx, item.id);
    checkPlacement(allRows(tx), item, before);
    const after = {
      kind: item.kind,
      title: item.title,
      parent: item.parent,
      stages: item.stages,
      prompt: item.prompt,
    };
    const changed = logFieldChanges(ctx, tx, target(item.id), before, after, at);
    if (changed === 0) return;
    tx.update(cbCatalogueItems)
      .set({ ...after, updatedAt: at })
      .where(eq(cbCatalogueItems.id, item.id))
      .run();
  });
  return toItem(requireRow(ctx.db, item.id));
}

/**
 * Retires an item (new checklists leave it out; past checklists keep their copy) or reactivates
 * it. An item with active items under it stays until they are retired or moved, and an item goes
 * back only under an active parent, so the current catalogue never has an item without its parent.
 */
export function setCbItemActive(ctx: ServiceContext, raw: { id: string; active: boolean }): CbItem {
  requireRole(ctx, cbItemEditors, "retire or reactivate the certification body's own items");
  const parsed = setCbItemActiveSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, active } = parsed.data;
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const before = requireRow(tx, id);
    if (before.active === active) return;
    const rows = allRows(tx);
    if (!active) {
      const children = rows.filter((r) => r.parent === id && r.active).map((r) => r.id);
      if (children.length > 0) {
        throw new AppError(
          'CONFLICT',
          `${id} has active items under it (${children.join(', ')}); retire them or move them under another item first.`,
          'active',
        );
      }
    } else {
      const parent = rows.find((r) => r.id === before.parent);
      if (parent && !parent.active) {
        throw new AppError(
          'CONFLICT',
          `${id} sits under ${parent.id}, which is retired; reactivate ${parent.id} first.`,
          'active',
        );
      }
    }
    tx.update(cbCatalogueItems)
      .set({ active, updatedAt: at })
      .where(eq(cbCatalogueItems.id, id))
      .run();
    logFieldChanges(ctx, tx, target(id), { active: before.active }, { active }, at);
  });
  return toItem(requireRow(ctx.db, id));
}
