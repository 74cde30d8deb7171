import { desc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { changeLog, people } from '../../db/schema';
import type { ChangeLogEntry } from '../../shared/data/schema';
import type { Db } from '../../db/open';
import { actorId, type ServiceContext } from './context';
import { prepared } from './prepared';

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

const insertChangeSql = `INSERT INTO change_log
    (id, entity, entity_id, root_id, field, old_value, new_value, actor_id, at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * logFieldChanges through one prepared statement on ctx's own connection, for hot paths (the
 * checklist autosave) that run their transaction on that connection: the same rows.
 */
export function logFieldChangesOnConnection(
  ctx: ServiceContext,
  target: Target,
  before: Record<string, Value>,
  after: Record<string, Value>,
  at: string,
): number {
  const insert = prepared(ctx.sqlite, insertChangeSql);
  let n = 0;
  for (const field of Object.keys(after)) {
    const oldValue = stringify(before[field]);
    const newValue = stringify(after[field]);
    if (oldValue === newValue) continue;
    insert.run(
      uuidv7(),
      target.entity,
      target.entityId,
      target.rootId,
      field,
      oldValue,
      newValue,
      actorId(ctx),
      at,
    );
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
