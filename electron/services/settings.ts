import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Db } from '../../db/open';
import { logFieldChanges } from './change-log';
import type { ServiceContext } from './context';

/** One value of the CB's settings table, or null when never set. */
export function readSetting(db: Db, key: string): string | null {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
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
  logFieldChanges(
    ctx,
    tx,
    { entity: 'setting', entityId: key, rootId: 'settings' },
    { [key]: before },
    { [key]: value },
    at,
  );
}
