import type { packagesContract } from '../../shared/api/contract-packages';
import * as packages from '../services/packages';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** Audit package methods mapped onto services (see handlers.ts). */
export function packagesImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof packagesContract> {
  const ctx = () => runtime.context();
  return {
    packageIdentity: () => packages.currentPackageIdentity(ctx()),
    renamePackageIdentity: (input) => packages.renamePackageIdentity(ctx(), input),
    exportAuditPackage: (input) => packages.exportAuditPackage(ctx(), input),
    previewAuditPackage: (input) => packages.previewAuditPackage(ctx(), input),
    importAuditPackage: (input) => packages.importAuditPackage(ctx(), input),
    packageHistory: () => packages.packageHistory(ctx()),
  };
}
