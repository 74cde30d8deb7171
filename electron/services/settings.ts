import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Db } from '../../db/open';
import { logFieldChanges } from './change-log';
import type { ServiceContext } from './context';

/** One value of the CB's settings table, or null when never set. */
export function readSetting(db: Db, key: string): string | null {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

function logSettingChange(
  ctx: ServiceContext,
  tx: Db,
  key: string,
  before: string | null,
  after: string | null,
  at: string,
): void {
  logFieldChanges(
    ctx,
    tx,
    { entity: 'setting', entityId: key, rootId: 'settings' },
    { [key]: before },
    { [key]: after },
    at,
  );
}

/** Sets one value inside the caller's transaction, with its change-log entry. */
export function writeSetting(
  ctx: ServiceContext,
  tx: Db,
  key: string,
  value: string,
  at: string,
): void {
  const before = readSetting(tx, key);
  tx.insert(settings)
    .values({ key, value, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run();
  logSettingChange(ctx, tx, key, before, value, at);
}

/** Removes one value (back to "never set") inside the caller's transaction, with its change-log entry. */
export function clearSetting(ctx: ServiceContext, tx: Db, key: string, at: string): void {
  const before = readSetting(tx, key);
  if (before === null) return;
  tx.delete(settings).where(eq(settings.key, key)).run();
  logSettingChange(ctx, tx, key, before, null, at);
}
