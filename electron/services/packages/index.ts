import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { changeLog, people } from '../../../db/schema';
import { AppError, validationError } from '../../../shared/errors';
import {
  importPackageSchema,
  previewPackageSchema,
  renameIdentitySchema,
  type PackageHistoryEntry,
  type PackageIdentity,
  type PackageImportResult,
  type PackagePreview,
  type PackageSummary,
  type Resolution,
  packageRoles,
} from '../../../shared/packages/schema';
import { logFieldChanges } from '../change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from '../context';
import { hashStoredFile, storedPath } from '../evidence-store';
import { auditLine } from './export';
import { readPackage, type ReadPackage } from './format';
import { describeSigner, packageIdentity, rememberSigner, renameIdentity } from './identity';
import { mergePackage, type MergeOutcome } from './merge';

export { exportAuditPackage, collectPackageRows } from './export';
export { packageIdentity } from './identity';

function summaryOf(ctx: ServiceContext, read: ReadPackage): PackageSummary {
  return {
    packageId: read.manifest.packageId,
    createdAt: read.manifest.createdAt,
    createdBy: read.manifest.createdBy,
    signer: describeSigner(ctx.db, read.manifest.signer),
    audits: read.manifest.audits,
    evidenceFiles: read.evidence.size,
  };
}

function importedBefore(ctx: ServiceContext, packageId: string): boolean {
  return (
    ctx.db
      .select({ id: changeLog.id })
      .from(changeLog)
      .where(and(eq(changeLog.entityId, packageId), eq(changeLog.field, 'imported')))
      .get() !== undefined
  );
}

/** Every evidence row's file must come with the package or already be here. */
function checkEvidence(ctx: ServiceContext, read: ReadPackage): void {
  for (const row of read.data.tables.evidence_files ?? []) {
    const sha = String(row.sha256);
    if (read.evidence.has(sha)) continue;
    // Already here, and intact (a file altered here is not "already here").
    if (hashStoredFile(storedPath(ctx.evidenceDirectory, sha)) === sha) continue;
    throw new AppError(
      'VALIDATION',
      `This package was refused: the evidence file "${String(row.file_name)}" is listed but not included.`,
      'file',
    );
  }
}

/** Stores the package's evidence files (content-addressed, so writing one twice changes nothing). */
function storeEvidence(ctx: ServiceContext, read: ReadPackage): void {
  for (const [sha, bytes] of read.evidence) {
    const target = storedPath(ctx.evidenceDirectory, sha);
    if (hashStoredFile(target) === sha) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const part = `${target}.${process.pid}.part`;
    const fd = fs.openSync(part, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(part, target);
  }
}

async function opened(raw: string): Promise<ReadPackage> {
  return readPackage(Buffer.from(raw, 'base64'));
}

/** Reads and checks a package and plans its merge without writing anything: the preview. */
export async function previewAuditPackage(
  ctx: ServiceContext,
  raw: unknown,
): Promise<PackagePreview> {
  requireRole(ctx, packageRoles, 'import audit packages');
  const parsed = previewPackageSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const read = await opened(parsed.data.data);
  return previewRead(ctx, read);
}

export function previewRead(ctx: ServiceContext, read: ReadPackage): PackagePreview {
  checkEvidence(ctx, read);
  const outcome = ctx.db.transaction(() =>
    mergePackage(ctx, read.data, { resolutions: [], dryRun: true, at: nowIso(ctx) }),
  );
  return {
    package: summaryOf(ctx, read),
    inserted: outcome.inserted,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    deleted: outcome.deleted,
    conflicts: outcome.conflicts,
    importedBefore: importedBefore(ctx, read.manifest.packageId),
    newPeople: outcome.newPeople,
  };
}

/**
 * Imports a checked package in one transaction: all of it or nothing. Every conflict needs a
 * resolution (keep mine, take theirs, or an edited value); otherwise nothing is written.
 */
export function importRead(
  ctx: ServiceContext,
  read: ReadPackage,
  resolutions: Resolution[],
  options: { dryRun?: boolean } = {},
): MergeOutcome & { package: PackageSummary } {
  checkEvidence(ctx, read);
  const summary = summaryOf(ctx, read);
  const at = nowIso(ctx);
  const outcome = ctx.db.transaction((tx) => {
    // Rows arrive parents first, but a finding may point at one later in the same package.
    ctx.sqlite.pragma('defer_foreign_keys = ON');
    const result = mergePackage(ctx, read.data, {
      resolutions,
      dryRun: options.dryRun === true,
      at,
    });
    if (options.dryRun || result.unresolved.length > 0) return result;
    const violations = ctx.sqlite.pragma('foreign_key_check') as { table: string }[];
    if (violations.length > 0) {
      throw new AppError(
        'VALIDATION',
        `This package was refused: ${violations.length} of its records point at records it does not hold (${[...new Set(violations.map((v) => v.table))].join(', ')}).`,
        'file',
      );
    }
    // Only once the merge is certain: a package stopped by a conflict leaves no file behind.
    // A file written here stays if the commit still failed; it is content-addressed and harmless.
    storeEvidence(ctx, read);
    const changedSomething =
      result.inserted + result.updated + result.deleted + result.resolved > 0;
    if (changedSomething || !importedBefore(ctx, read.manifest.packageId)) {
      logFieldChanges(
        ctx,
        tx,
        { entity: 'package', entityId: read.manifest.packageId, rootId: 'packages' },
        { imported: null },
        {
          imported: {
            signer: summary.signer.name,
            fingerprint: summary.signer.fingerprint,
            audits: summary.audits.map(auditLine),
            inserted: result.inserted,
            updated: result.updated,
            unchanged: result.unchanged,
            deleted: result.deleted,
            resolved: result.resolved,
          },
        },
        at,
      );
    }
    rememberSigner(tx, read.manifest.signer, at);
    return result;
  });
  return { ...outcome, package: summary };
}

export async function importAuditPackage(
  ctx: ServiceContext,
  raw: unknown,
): Promise<PackageImportResult> {
  requireRole(ctx, packageRoles, 'import audit packages');
  const parsed = importPackageSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const read = await opened(parsed.data.data);
  const outcome = importRead(ctx, read, parsed.data.resolutions);
  if (outcome.unresolved.length > 0) {
    throw new AppError(
      'CONFLICT',
      `${outcome.unresolved.length} conflict${outcome.unresolved.length === 1 ? '' : 's'} still need${outcome.unresolved.length === 1 ? 's' : ''} a decision (keep mine, take theirs or edit); nothing was imported.`,
      'resolutions',
    );
  }
  return {
    package: outcome.package,
    inserted: outcome.inserted,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    deleted: outcome.deleted,
    conflicts: outcome.conflicts,
    resolved: outcome.resolved,
  };
}

export function renamePackageIdentity(ctx: ServiceContext, raw: unknown): PackageIdentity {
  requireRole(ctx, ['admin'], 'rename this installation');
  const parsed = renameIdentitySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return renameIdentity(ctx, parsed.data.name);
}

export function currentPackageIdentity(ctx: ServiceContext): PackageIdentity {
  requireActor(ctx);
  return packageIdentity(ctx);
}

function importCounts(value: Record<string, unknown>): string {
  const n = (key: string) => Number(value[key] ?? 0);
  const parts = [`${n('inserted')} new`, `${n('updated')} updated`];
  if (n('deleted') > 0) parts.push(`${n('deleted')} deleted`);
  if (n('resolved') > 0) {
    parts.push(`${n('resolved')} ${n('resolved') === 1 ? 'conflict' : 'conflicts'} resolved`);
  }
  return parts.join(', ');
}

/** Packages exported from and imported into this database, newest first. */
export function packageHistory(ctx: ServiceContext): PackageHistoryEntry[] {
  requireActor(ctx);
  const rows = ctx.db
    .select({
      id: changeLog.id,
      entityId: changeLog.entityId,
      field: changeLog.field,
      newValue: changeLog.newValue,
      at: changeLog.at,
      byName: people.name,
    })
    .from(changeLog)
    .leftJoin(people, eq(people.id, changeLog.actorId))
    .where(eq(changeLog.rootId, 'packages'))
    .orderBy(desc(changeLog.at), desc(changeLog.id))
    .limit(200)
    .all();
  return rows.map((r) => {
    const value = r.newValue ? (JSON.parse(r.newValue) as Record<string, unknown>) : {};
    const imported = r.field === 'imported';
    const audits = (value.audits as string[] | undefined) ?? [];
    return {
      id: r.id,
      kind: imported ? 'imported' : 'exported',
      packageId: r.entityId,
      at: r.at,
      byName: r.byName,
      detail: imported
        ? `Signed by ${String(value.signer)} (${String(value.fingerprint)}): ${importCounts(value)}. ${audits.join('; ')}.`
        : audits.join('; '),
    };
  });
}
