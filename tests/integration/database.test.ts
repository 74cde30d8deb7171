import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { defaultMigrationsFolder, openDatabase } from '../../db/open';
import { sampleClient, startApp, succeed, temporaryFolder } from './helpers';

const root = temporaryFolder('database');
let fileCounter = 0;
const newFile = () => path.join(root, `db-${++fileCounter}`, 'audit-desk.sqlite');

function appliedMigrations(file: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number })
      .n;
  } finally {
    sqlite.close();
  }
}

const journalEntries = () =>
  (
    JSON.parse(
      fs.readFileSync(path.join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] }
  ).entries.length;

/**
 * A copy of the migrations folder plus one migration written the way drizzle-kit writes a table
 * rebuild (adding a `website` column to clients): PRAGMA foreign_keys=OFF, new table, copy, drop,
 * rename. Inside the migrator's transaction that PRAGMA does nothing.
 */
function migrationsWithClientsRebuild(): string {
  const folder = path.join(root, `migrations-${++fileCounter}`);
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const foundation = fs.readFileSync(path.join(folder, '0000_foundation.sql'), 'utf8');
  const createClients = /CREATE TABLE `clients` \(([\s\S]*?)\n\);/.exec(foundation);
  if (!createClients?.[1]) throw new Error('clients table not found in the foundation migration');
  const columns = [...createClients[1].matchAll(/^\s*`(\w+)`/gm)].map((m) => `"${m[1]}"`);
  const statements = [
    'PRAGMA foreign_keys=OFF;',
    `CREATE TABLE \`__new_clients\` (${createClients[1]},\n\t\`website\` text DEFAULT '' NOT NULL\n);`,
    `INSERT INTO \`__new_clients\`(${columns.join(', ')}) SELECT ${columns.join(', ')} FROM \`clients\`;`,
    'DROP TABLE `clients`;',
    'ALTER TABLE `__new_clients` RENAME TO `clients`;',
    'PRAGMA foreign_keys=ON;',
    'CREATE UNIQUE INDEX `clients_reference_unique` ON `clients` (`reference`);',
    'CREATE INDEX `clients_legal_name_idx` ON `clients` ("legal_name" COLLATE NOCASE);',
    'CREATE INDEX `clients_status_idx` ON `clients` (`status`);',
  ];
  fs.writeFileSync(
    path.join(folder, '0001_client_website.sql'),
    statements.join('--> statement-breakpoint\n'),
  );
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
  };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('empty journal');
  journal.entries.push({
    ...last,
    idx: last.idx + 1,
    when: last.when + 1000,
    tag: '0001_client_website',
  });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  return folder;
}

/** A database at the checked-in schema with one client that has two sites and a contact. */
async function databaseWithOneClient(): Promise<{ file: string; clientId: string }> {
  const file = newFile();
  const app = await startApp(file);
  app.runtime.actAs(null, true);
  const client = await succeed(app, 'createClient', sampleClient());
  app.runtime.close();
  return { file, clientId: client.id };
}

function childCounts(sqlite: Database.Database) {
  const count = (table: string) =>
    (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { sites: count('client_sites'), contacts: count('client_contacts') };
}

describe('opening a database', () => {
  it('applies every migration to a fresh file, and nothing on the second open', async () => {
    const file = newFile();
    const first = await openDatabase(file);
    first.sqlite.close();
    expect(appliedMigrations(file)).toBe(journalEntries());

    const second = await openDatabase(file);
    second.sqlite.close();
    expect(appliedMigrations(file)).toBe(journalEntries());
    expect(listBackups(second.backupDirectory)).toEqual([]);
  });

  it('sets WAL, synchronous FULL, foreign keys on and a busy timeout', async () => {
    const { sqlite } = await openDatabase(newFile());
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      sqlite.close();
    }
  });

  it('backs up an existing database at start only when asked to', async () => {
    const file = newFile();
    (await openDatabase(file)).sqlite.close();
    const opened = await openDatabase(file, { backupOnOpen: true });
    opened.sqlite.close();
    expect(listBackups(opened.backupDirectory).map((b) => b.reason)).toEqual(['start']);
  });
});

describe('migrating an existing database', () => {
  it('backs the file up before applying a pending migration', async () => {
    const { file, clientId } = await databaseWithOneClient();
    const migrationsFolder = migrationsWithClientsRebuild();

    const opened = await openDatabase(file, { migrationsFolder });
    const columns = (opened.sqlite.pragma('table_info(clients)') as { name: string }[]).map(
      (c) => c.name,
    );
    opened.sqlite.close();
    expect(columns).toContain('website');

    const backups = listBackups(opened.backupDirectory);
    expect(backups.map((b) => b.reason)).toEqual(['before-migration']);
    const backup = new Database(backups[0]?.file ?? '', { readonly: true });
    const backedUpColumns = (backup.pragma('table_info(clients)') as { name: string }[]).map(
      (c) => c.name,
    );
    const backedUpClient = backup.prepare('SELECT id FROM clients').get();
    backup.close();
    expect(backedUpColumns).not.toContain('website');
    expect(backedUpClient).toEqual({ id: clientId });

    const again = await openDatabase(file, { migrationsFolder });
    again.sqlite.close();
    expect(listBackups(again.backupDirectory)).toHaveLength(1);
  });

  it('keeps sites and contacts when a migration rebuilds the clients table', async () => {
    const { file } = await databaseWithOneClient();
    const opened = await openDatabase(file, { migrationsFolder: migrationsWithClientsRebuild() });
    try {
      expect(childCounts(opened.sqlite)).toEqual({ sites: 2, contacts: 1 });
      expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      opened.sqlite.close();
    }
  });

  it('would lose them to ON DELETE CASCADE if migrate() ran with foreign keys on (the pitfall)', async () => {
    const { file } = await databaseWithOneClient();
    const sqlite = new Database(file);
    sqlite.pragma('foreign_keys = ON');
    migrate(drizzle(sqlite), { migrationsFolder: migrationsWithClientsRebuild() });
    const counts = childCounts(sqlite);
    sqlite.close();
    expect(counts).toEqual({ sites: 0, contacts: 0 });
  });
});
