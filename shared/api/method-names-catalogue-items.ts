/** Method names of contract-catalogue-items.ts, for the preload (which must not import zod). */
export const catalogueItemsMethodNames = [
  'listCbItems',
  'createCbItem',
  'updateCbItem',
  'setCbItemActive',
] as const;
