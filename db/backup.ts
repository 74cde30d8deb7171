import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../shared/data/schema';

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
 * the app keeps writing, and it includes what is still in the WAL.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  backupDirectory: string,
  reason: string,
  now: Date = new Date(),
): Promise<BackupInfo> {
  fs.mkdirSync(backupDirectory, { recursive: true });
  let at = now;
  let file = path.join(backupDirectory, `audit-desk-${stamp(at)}-${reason}.sqlite`);
  while (fs.existsSync(file)) {
    at = new Date(at.getTime() + 1);
    file = path.join(backupDirectory, `audit-desk-${stamp(at)}-${reason}.sqlite`);
  }
  await sqlite.backup(file);
  return { file, createdAt: at.toISOString(), bytes: fs.statSync(file).size, reason };
}

/** Backups in a directory, newest first. */
export function listBackups(backupDirectory: string): BackupInfo[] {
  if (!fs.existsSync(backupDirectory)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(backupDirectory)) {
    const m = backupName.exec(name);
    if (!m?.[1] || !m[2]) continue;
    const file = path.join(backupDirectory, name);
    out.push({ file, createdAt: parseStamp(m[1]), bytes: fs.statSync(file).size, reason: m[2] });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Keep the newest `keep` backups made for one reason; older ones are deleted. */
export function pruneBackups(backupDirectory: string, reason: string, keep: number): void {
  const old = listBackups(backupDirectory).filter((b) => b.reason === reason);
  for (const b of old.slice(keep)) fs.rmSync(b.file, { force: true });
}

/** `PRAGMA quick_check` on a file, without changing it. */
export function integrityProblem(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
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
export function goodBackups(backupDirectory: string): BackupInfo[] {
  return listBackups(backupDirectory).filter((b) => integrityProblem(b.file) === null);
}
