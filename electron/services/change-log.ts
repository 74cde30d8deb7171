import { desc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { changeLog, people } from '../../db/schema';
import type { ChangeLogEntry } from '../../shared/data/schema';
import type { Db } from '../../db/open';
import { actorId, type ServiceContext } from './context';

type Value = unknown;

function stringify(value: Value): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

interface Target {
  entity: string;
  entityId: string;
  rootId: string;
}

/** Appends one row per changed field; call inside the transaction that makes the change. */
export function logFieldChanges(
  ctx: ServiceContext,
  db: Db,
  target: Target,
  before: Record<string, Value>,
  after: Record<string, Value>,
  at: string,
): number {
  let n = 0;
  for (const field of Object.keys(after)) {
    const oldValue = stringify(before[field]);
    const newValue = stringify(after[field]);
    if (oldValue === newValue) continue;
    db.insert(changeLog)
      .values({ id: uuidv7(), ...target, field, oldValue, newValue, actorId: actorId(ctx), at })
      .run();
    n++;
  }
  return n;
}

/** A record's creation or deletion, stored as one entry with the whole record as JSON. */
export function logEvent(
  ctx: ServiceContext,
  db: Db,
  target: Target,
  event: 'created' | 'deleted' | 'archived' | 'restored',
  snapshot: Value,
  at: string,
): void {
  const json = stringify(snapshot);
  db.insert(changeLog)
    .values({
      id: uuidv7(),
      ...target,
      field: event,
      oldValue: event === 'deleted' ? json : null,
      newValue: event === 'deleted' ? null : json,
      actorId: actorId(ctx),
      at,
    })
    .run();
}

export function historyOf(db: Db, rootId: string): ChangeLogEntry[] {
  return db
    .select({
      id: changeLog.id,
      entity: changeLog.entity,
      entityId: changeLog.entityId,
      field: changeLog.field,
      oldValue: changeLog.oldValue,
      newValue: changeLog.newValue,
      actorId: changeLog.actorId,
      actorName: people.name,
      at: changeLog.at,
    })
    .from(changeLog)
    .leftJoin(people, eq(people.id, changeLog.actorId))
    .where(eq(changeLog.rootId, rootId))
    .orderBy(desc(changeLog.at), desc(changeLog.id))
    .all();
}
