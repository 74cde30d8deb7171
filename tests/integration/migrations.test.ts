import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase, runMigrations } from '../../db/open';
import * as schema from '../../db/schema';
import { fillEveryTable, rowKeys } from './fixtures/fill-database';
import { temporaryFolder } from './helpers';

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

const migrations = defaultMigrationsFolder();
const journal = JSON.parse(
  fs.readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8'),
) as Journal;
const folder = temporaryFolder('migrations');
const rowsPerTable = 3;

/** A migrations folder holding only the first `count` migrations of the journal. */
function migrationsUpTo(count: number): string {
  const target = path.join(folder, `up-to-${count}`);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.join(target, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const entry of entries) {
    fs.copyFileSync(
      path.join(migrations, `${entry.tag}.sql`),
      path.join(target, `${entry.tag}.sql`),
    );
  }
  fs.writeFileSync(
    path.join(target, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries }, null, 2),
  );
  return target;
}

const pragmaList = (sqlite: Database.Database, pragma: string) =>
  (sqlite.pragma(pragma) as Record<string, unknown>[]).map((r) => Object.values(r)[0]);

describe('every migration, on a database filled by the schema before it', () => {
  it('knows the migrations of the journal', () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    journal.entries.forEach((entry, n) => expect(entry.idx).toBe(n));
  });

  it.each(journal.entries.map((entry) => [entry.tag, entry.idx] as const))(
    '%s loses no row and leaves no broken reference',
    async (tag, n) => {
      const file = path.join(folder, `${tag}.sqlite`);
      // The schema before migration n, opened (and migrated) as the app opens a database.
      const before = await openDatabase(file, { migrationsFolder: migrationsUpTo(n) });
      let keysBefore: Map<string, string[]>;
      try {
        fillEveryTable(before.sqlite, rowsPerTable);
        keysBefore = rowKeys(before.sqlite);
        for (const [table, keys] of keysBefore) expect(keys.length, table).toBe(rowsPerTable);
        expect(before.sqlite.pragma('foreign_key_check')).toEqual([]);
      } finally {
        before.sqlite.close();
      }

      // Migration n, applied as at the app's start: backup, foreign keys off, checked after.
      const after = await openDatabase(file, { migrationsFolder: migrationsUpTo(n + 1) });
      try {
        const { sqlite } = after;
        expect(sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get()).toEqual({
          n: n + 1,
        });
        const keysAfter = rowKeys(sqlite);
        for (const [table, keys] of keysBefore) {
          const now = keysAfter.get(table);
          if (now === undefined) continue; // dropped or renamed by the migration
          expect(now.length, `rows in ${table}`).toBeGreaterThanOrEqual(keys.length);
          expect(
            keys.filter((k) => !now.includes(k)),
            `rows of ${table} lost by ${tag}`,
          ).toEqual([]);
        }
        expect(sqlite.pragma('foreign_key_check')).toEqual([]);
        expect(pragmaList(sqlite, 'integrity_check')).toEqual(['ok']);
        expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      } finally {
        after.sqlite.close();
      }
    },
  );
});

/**
 * A table rebuild as drizzle-kit generates it (e.g. for a changed column): its own
 * `PRAGMA foreign_keys=OFF` is ignored inside the migrator's transaction.
 */
const pitfall = [
  {
    tag: '0000_parent_child',
    sql: `CREATE TABLE \`parent\` (\`id\` text PRIMARY KEY NOT NULL, \`name\` text NOT NULL);
--> statement-breakpoint
CREATE TABLE \`child\` (
\t\`id\` text PRIMARY KEY NOT NULL,
\t\`parent_id\` text NOT NULL,
\tFOREIGN KEY (\`parent_id\`) REFERENCES \`parent\`(\`id\`) ON UPDATE no action ON DELETE cascade
);`,
  },
  {
    tag: '0001_rebuild_parent',
    sql: `PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE \`__new_parent\` (\`id\` text PRIMARY KEY NOT NULL, \`name\` text NOT NULL, \`notes\` text DEFAULT '' NOT NULL);
--> statement-breakpoint
INSERT INTO \`__new_parent\`("id", "name") SELECT "id", "name" FROM \`parent\`;--> statement-breakpoint
DROP TABLE \`parent\`;--> statement-breakpoint
ALTER TABLE \`__new_parent\` RENAME TO \`parent\`;--> statement-breakpoint
PRAGMA foreign_keys=ON;`,
  },
];

/** A migrations folder with the first `count` of the pitfall's migrations. */
function pitfallMigrations(count: number): string {
  const target = path.join(folder, `pitfall-${count}`);
  fs.mkdirSync(path.join(target, 'meta'), { recursive: true });
  const entries = pitfall.slice(0, count).map(({ tag, sql }, idx) => {
    fs.writeFileSync(path.join(target, `${tag}.sql`), sql);
    return { idx, version: '6', when: 1_700_000_000_000 + idx, tag, breakpoints: true };
  });
  fs.writeFileSync(
    path.join(target, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'sqlite', entries }),
  );
  return target;
}

/** A database at the parent/child schema with one parent and two children, foreign keys on. */
function parentWithChildren(name: string) {
  const sqlite = new Database(path.join(folder, name));
  sqlite.pragma('foreign_keys = ON');
  // runMigrations takes the app's schema-typed handle; the migrator ignores the schema.
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: pitfallMigrations(1) });
  sqlite.exec(`INSERT INTO parent VALUES ('p1', 'Parent');
    INSERT INTO child VALUES ('c1', 'p1'), ('c2', 'p1');`);
  return { sqlite, db };
}

const children = (sqlite: Database.Database) =>
  (sqlite.prepare('SELECT id FROM child ORDER BY id').all() as { id: string }[]).map((r) => r.id);

describe('a table-rebuilding migration (the drizzle cascade pitfall)', () => {
  it('deletes the child rows when drizzle runs it with foreign keys on', () => {
    const { sqlite, db } = parentWithChildren('pitfall.sqlite');
    try {
      migrate(db, { migrationsFolder: pitfallMigrations(2) });
      expect(children(sqlite)).toEqual([]);
    } finally {
      sqlite.close();
    }
  });

  it('keeps them under runMigrations, which turns foreign keys off first and checks after', () => {
    const { sqlite, db } = parentWithChildren('guarded.sqlite');
    try {
      runMigrations(sqlite, db, pitfallMigrations(2));
      expect(children(sqlite)).toEqual(['c1', 'c2']);
      expect(sqlite.prepare("SELECT notes FROM parent WHERE id = 'p1'").get()).toEqual({
        notes: '',
      });
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      sqlite.close();
    }
  });
});
