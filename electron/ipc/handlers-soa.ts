import type { soaContract } from '../../shared/api/contract-soa';
import { currentCatalogue } from '../services/catalogue';
import * as soa from '../services/soa';
import { requireActor } from '../services/context';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The catalogue and Statement of Applicability methods mapped onto services (see handlers.ts). */
export function soaImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof soaContract> {
  const ctx = () => runtime.context();
  return {
    requirementCatalogue: () => {
      const context = ctx();
      requireActor(context);
      // The shipped catalogue plus the CB's active items: what new checklists are prepared from.
      return currentCatalogue(context.db);
    },
    currentSoa: (input) => soa.currentSoa(ctx(), input.clientId),
    listSoaVersions: (input) => soa.listSoaVersions(ctx(), input.clientId),
    getSoaVersion: (input) => soa.getSoaVersion(ctx(), input.id),
    saveSoaVersion: (input) => soa.saveSoaVersion(ctx(), input),
    auditedSoaVersion: (input) => soa.auditedSoaVersion(ctx(), input.auditId),
    recordAuditedSoaVersion: (input) => soa.recordAuditedSoaVersion(ctx(), input),
  };
}
