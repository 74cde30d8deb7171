import type Database from 'better-sqlite3';

/**
 * Where a connection's database stood at one moment. `total_changes()` counts every row this
 * connection has inserted, updated or deleted since it was opened, and the app writes through this
 * one connection; `PRAGMA data_version` changes when another connection (a second process, the
 * command line) commits. `data_version` alone would miss our own writes, `total_changes()` alone
 * would miss theirs; together they say "changed since" exactly. A rolled-back write still counts
 * (SQLite does not take it back), which costs at most one unneeded backup (or one
 * recomputed programme overview).
 */
export interface ChangeMark {
  connection: Database.Database;
  totalChanges: number;
  dataVersion: number;
}

export function changeMark(sqlite: Database.Database): ChangeMark {
  const { n } = sqlite.prepare('SELECT total_changes() AS n').get() as { n: number };
  return {
    connection: sqlite,
    totalChanges: n,
    dataVersion: Number(sqlite.pragma('data_version', { simple: true })),
  };
}

export function changedSince(mark: ChangeMark, sqlite: Database.Database): boolean {
  if (mark.connection !== sqlite) return true;
  const now = changeMark(sqlite);
  return now.totalChanges !== mark.totalChanges || now.dataVersion !== mark.dataVersion;
}
