import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../shared/data/schema';
import { retainBackups, type RetentionPolicy } from '../shared/data/retention';
import {
  manifestPathFor,
  readManifest,
  recordBackupEvidence,
  referencedFiles,
  sweepBackupEvidence,
  unionOfReferences,
} from './backup-evidence';

const backupName = /^audit-desk-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite$/;

export function backupDirectoryFor(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

/** Evidence files live content-addressed beside the database, like its backups. */
export function evidenceDirectoryFor(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'evidence');
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  // 20261123T111055123Z → 2026-11-23T11:10:55.123Z
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/**
 * Online backup through SQLite's backup API (better-sqlite3 `db.backup`): consistent even while
 * the app keeps writing, and it includes what is still in the WAL. Then the evidence manifest:
 * the files the backed-up database refers to, copied into the backup folder's store when new
 * (db/backup-evidence.ts). The evidence folder is the one beside the database unless named.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  backupDirectory: string,
  reason: string,
  now: Date = new Date(),
  evidenceDirectory: string = evidenceDirectoryFor(sqlite.name),
): Promise<BackupInfo> {
  fs.mkdirSync(backupDirectory, { recursive: true });
  let at = now;
  let file = path.join(backupDirectory, `audit-desk-${stamp(at)}-${reason}.sqlite`);
  while (fs.existsSync(file)) {
    at = new Date(at.getTime() + 1);
    file = path.join(backupDirectory, `audit-desk-${stamp(at)}-${reason}.sqlite`);
  }
  // The files referenced before and after the backup: a superset of what the backup holds (rows
  // that name a file are never deleted, only marked), read on the same connection. Opening the
  // backup file itself would need a second connection, and inside Electron the right native
  // binding for it.
  const before = referencedFiles(sqlite);
  await sqlite.backup(file);
  const references = unionOfReferences(before, referencedFiles(sqlite));
  const manifest = recordBackupEvidence(file, evidenceDirectory, at.toISOString(), references);
  return {
    file,
    createdAt: at.toISOString(),
    bytes: fs.statSync(file).size,
    reason,
    evidenceFiles: manifest.files.length,
    evidenceNotCopied: manifest.files.filter((f) => !f.stored).length,
  };
}

/** Backups in a directory, newest first. */
export function listBackups(backupDirectory: string): BackupInfo[] {
  if (!fs.existsSync(backupDirectory)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(backupDirectory)) {
    const m = backupName.exec(name);
    if (!m?.[1] || !m[2]) continue;
    const file = path.join(backupDirectory, name);
    const manifest = readManifest(file);
    out.push({
      file,
      createdAt: parseStamp(m[1]),
      bytes: fs.statSync(file).size,
      reason: m[2],
      evidenceFiles: manifest ? manifest.files.length : null,
      evidenceNotCopied: manifest ? manifest.files.filter((f) => !f.stored).length : 0,
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Deletes a backup file and its evidence manifest (the stored copies go in the sweep). */
function deleteBackup(file: string): void {
  fs.rmSync(file, { force: true });
  fs.rmSync(manifestPathFor(file), { force: true });
  // Checking a backup (quick_check at a damaged start) leaves SQLite's -shm and -wal beside it.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Applies the retention rule (shared/data/retention.ts) to a backup folder: deletes the backups it
 * does not keep, then the stored evidence copies no remaining backup refers to.
 */
export function applyRetention(
  backupDirectory: string,
  now: Date,
  policy: RetentionPolicy,
): { removed: string[]; evidenceCopiesRemoved: number } {
  const decision = retainBackups(listBackups(backupDirectory), now, policy);
  for (const file of decision.remove) deleteBackup(file);
  const evidenceCopiesRemoved = sweepBackupEvidence(
    backupDirectory,
    listBackups(backupDirectory).map((b) => b.file),
  );
  return { removed: decision.remove, evidenceCopiesRemoved };
}

/**
 * `PRAGMA quick_check` on a file, without changing it. `nativeBinding`: the Electron-ABI build
 * inside Electron (see db/open.ts), or a load failure would read as a damaged file.
 */
export function integrityProblem(file: string, nativeBinding?: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0 ? null : problems.slice(0, 5).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/** Backups that pass quick_check, newest first. */
export function goodBackups(backupDirectory: string, nativeBinding?: string): BackupInfo[] {
  return listBackups(backupDirectory).filter(
    (b) => integrityProblem(b.file, nativeBinding) === null,
  );
}
