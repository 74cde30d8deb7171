import { cbItemSchema, setCbItemActiveSchema, type CbItem } from '../iso42001/cb-items';
import { method, noInput } from './method';

/** Contract methods of the CB's own catalogue items (issue 6); names also go in method-names-catalogue-items.ts. */
export const catalogueItemsContract = {
  listCbItems: method<CbItem[]>()(noInput),
  createCbItem: method<CbItem>()(cbItemSchema),
  updateCbItem: method<CbItem>()(cbItemSchema),
  setCbItemActive: method<CbItem>()(setCbItemActiveSchema),
};
