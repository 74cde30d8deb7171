/**
 * A certification body's own catalogue items (e.g. sector questions for health care), added as
 * data on top of the shipped catalogue. They get their own version string, so an audit that used
 * them records exactly which set it used, and the shipped items are never changed.
 */
import { z } from 'zod';
import { findItem, type Catalogue, type CatalogueItem } from './catalogue';

export const cbItemSchema = z.object({
  id: z.string().regex(/^CB\.[A-Za-z0-9.-]+$/, {
    message: 'A CB item id starts with "CB.", e.g. CB.HEALTH.1.',
  }),
  kind: z.enum(['clause', 'control']),
  title: z.string().trim().min(1, { message: 'Enter a title.' }),
  /** The shipped item it belongs under, e.g. "8.4" or "A.5". */
  parent: z.string().min(1, { message: 'Choose where the item belongs.' }),
  stages: z.array(z.enum(['stage1', 'stage2'])).min(1, { message: 'Choose at least one stage.' }),
  prompt: z.string().trim().min(1, { message: 'Write the question the auditor asks.' }),
});
export type CbItemInput = z.infer<typeof cbItemSchema>;

export type CbExtension =
  { ok: true; catalogue: Catalogue } | { ok: false; field: string; message: string };

/** The shipped catalogue plus a CB's items, checked: unique ids, parents that exist. */
export function extendCatalogue(
  base: Catalogue,
  cbVersion: string,
  cbItems: readonly CbItemInput[],
): CbExtension {
  const added: CatalogueItem[] = [];
  const seen = new Set(base.items.map((i) => i.id));
  for (const [index, raw] of cbItems.entries()) {
    const parsed = cbItemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.path.join('.') ?? 'id';
      return { ok: false, field: `items[${index}].${key}`, message: issue?.message ?? 'Invalid.' };
    }
    const item = parsed.data;
    if (seen.has(item.id)) {
      return { ok: false, field: `items[${index}].id`, message: `${item.id} is already used.` };
    }
    const parent = findItem(base, item.parent) ?? added.find((a) => a.id === item.parent);
    if (!parent) {
      return {
        ok: false,
        field: `items[${index}].parent`,
        message: `${item.parent} is not in the catalogue.`,
      };
    }
    seen.add(item.id);
    added.push({ ...item, group: parent.group, assessable: true, source: 'cb' });
  }
  return {
    ok: true,
    catalogue: {
      ...base,
      version: `${base.version}+${cbVersion}`,
      items: [...base.items, ...added],
    },
  };
}

/** A CB item as stored: retired items stay (past checklists copied them) but are not offered. */
export interface CbItem extends CbItemInput {
  active: boolean;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export const setCbItemActiveSchema = z.object({
  id: z.string().min(1, { message: 'An item id is required.' }),
  active: z.boolean(),
});

/** Who maintains the CB's own catalogue items. */
export const cbItemEditors = ['admin', 'lead_auditor'] as const;
