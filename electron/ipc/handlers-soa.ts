import type { soaContract } from '../../shared/api/contract-soa';
import { iso42001Catalogue } from '../../shared/iso42001/catalogue';
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
      requireActor(ctx());
      return iso42001Catalogue;
    },
    currentSoa: (input) => soa.currentSoa(ctx(), input.clientId),
    listSoaVersions: (input) => soa.listSoaVersions(ctx(), input.clientId),
    getSoaVersion: (input) => soa.getSoaVersion(ctx(), input.id),
    saveSoaVersion: (input) => soa.saveSoaVersion(ctx(), input),
    auditedSoaVersion: (input) => soa.auditedSoaVersion(ctx(), input.auditId),
    recordAuditedSoaVersion: (input) => soa.recordAuditedSoaVersion(ctx(), input),
  };
}
