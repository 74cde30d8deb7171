import type { catalogueItemsContract } from '../../shared/api/contract-catalogue-items';
import * as cbItems from '../services/cb-items';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The certification body's own catalogue items mapped onto services (see handlers.ts). */
export function catalogueItemsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof catalogueItemsContract> {
  const ctx = () => runtime.context();
  return {
    listCbItems: () => cbItems.listCbItems(ctx()),
    createCbItem: (input) => cbItems.createCbItem(ctx(), input),
    updateCbItem: (input) => cbItems.updateCbItem(ctx(), input),
    setCbItemActive: (input) => cbItems.setCbItemActive(ctx(), input),
  };
}
