import type { ExportedFile } from '../findings/schema';
import {
  exportPackageSchema,
  importPackageSchema,
  previewPackageSchema,
  renameIdentitySchema,
  type PackageHistoryEntry,
  type PackageIdentity,
  type PackageImportResult,
  type PackagePreview,
} from '../packages/schema';
import { method, noInput } from './method';

/** Contract methods of audit packages (issue 9); names also go in method-names-packages.ts. */
export const packagesContract = {
  packageIdentity: method<PackageIdentity>()(noInput),
  renamePackageIdentity: method<PackageIdentity>()(renameIdentitySchema),
  exportAuditPackage: method<
    ExportedFile & { packageId: string; rows: number; evidenceFiles: number }
  >()(exportPackageSchema),
  previewAuditPackage: method<PackagePreview>()(previewPackageSchema),
  importAuditPackage: method<PackageImportResult>()(importPackageSchema),
  packageHistory: method<PackageHistoryEntry[]>()(noInput),
};
