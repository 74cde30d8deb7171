import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per connection, for the hot paths (autosave, sign-in checks on every
 * call): SQL text is compiled once, not built and prepared again on every call. Statements die
 * with their connection (a restore opens a new one).
 */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(sqlite);
  if (!byText) {
    byText = new Map();
    statements.set(sqlite, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}
