import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { backupDatabase, backupDirectoryFor, goodBackups, integrityProblem } from './backup';
import type { BackupInfo } from '../shared/data/schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  sqlite: Database.Database;
  db: Db;
  path: string;
  backupDirectory: string;
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** better-sqlite3's nativeBinding: the Electron-ABI build when running inside Electron. */
  nativeBinding?: string;
  /** Back up an existing database at open ('start'), or only before migrations. */
  backupOnOpen?: boolean;
  backupDirectory?: string;
}

/** The database failed its integrity check and was not opened. */
export class DamagedDatabaseError extends Error {
  readonly backups: BackupInfo[];
  constructor(reason: string, backups: BackupInfo[]) {
    super(`The database failed its integrity check: ${reason}`);
    this.name = 'DamagedDatabaseError';
    this.backups = backups;
  }
}

export function defaultMigrationsFolder(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged save survives a power cut, not only an app crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (SQLite's default is 2 MiB): a large CB's dashboard and registers read
  // the same few tens of megabytes on every load (issue 10's benchmark).
  sqlite.pragma('cache_size = -65536');
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return journal.entries.length;
  const row = sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as {
    n: number;
  };
  return journal.entries.length - row.n;
}

/**
 * Migrations run with foreign keys off: drizzle's table rebuilds emit `PRAGMA foreign_keys=OFF`,
 * which SQLite ignores inside the migrator's transaction, so ON DELETE CASCADE could silently
 * delete child rows. Turned off before, checked with foreign_key_check after.
 */
export function runMigrations(sqlite: Database.Database, db: Db, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration left ${violations.length} foreign key violation(s).`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  const databasePath = path.resolve(file);
  const backupDirectory = options.backupDirectory ?? backupDirectoryFor(databasePath);
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });

  const existed = fs.existsSync(databasePath) && fs.statSync(databasePath).size > 0;
  if (existed) {
    const problem = integrityProblem(databasePath, options.nativeBinding);
    if (problem !== null) {
      throw new DamagedDatabaseError(problem, goodBackups(backupDirectory, options.nativeBinding));
    }
  }

  const sqlite = new Database(
    databasePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    applyPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    const pending = pendingMigrations(sqlite, migrationsFolder);
    if (existed && (pending > 0 || options.backupOnOpen)) {
      // Retention (which old backups go) is the runtime's, with the CB's settings.
      await backupDatabase(sqlite, backupDirectory, pending > 0 ? 'before-migration' : 'start');
    }
    if (pending > 0) runMigrations(sqlite, db, migrationsFolder);
    return { sqlite, db, path: databasePath, backupDirectory };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Integrity and foreign key checks, as `cli check` reports them. */
export function checkDatabase(sqlite: Database.Database): {
  quickCheck: string[];
  foreignKeyViolations: unknown[];
} {
  const quick = (sqlite.pragma('quick_check') as { quick_check: string }[]).map(
    (r) => r.quick_check,
  );
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  return { quickCheck: quick, foreignKeyViolations: fk };
}
