import type Database from 'better-sqlite3';
import { asc, count, eq } from 'drizzle-orm';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { people } from '../../db/schema';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import type { Person, PersonInput, PersonUpdate, Role } from '../../shared/people/schema';
import { logEvent, logFieldChanges } from './change-log';
import { nowIso, requireRole, type ServiceContext } from './context';
import { prepared } from './prepared';

type PersonRow = typeof people.$inferSelect;

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles as Role[],
    hasPin: row.pinHash !== null,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// PINs are stored as salted scrypt hashes, never as typed.
function hashPin(pin: string): { pinHash: string; pinSalt: string } {
  const salt = randomBytes(16);
  return {
    pinHash: scryptSync(pin, salt, 32).toString('hex'),
    pinSalt: salt.toString('hex'),
  };
}

function pinMatches(row: PersonRow, pin: string): boolean {
  if (!row.pinHash || !row.pinSalt) return true;
  const expected = Buffer.from(row.pinHash, 'hex');
  const actual = scryptSync(pin, Buffer.from(row.pinSalt, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

export function peopleCount(db: Db): number {
  return db.select({ n: count() }).from(people).get()?.n ?? 0;
}

export function listPeople(db: Db): Person[] {
  return db.select().from(people).orderBy(asc(people.name)).all().map(toPerson);
}

/** The columns toPerson reads, as one prepared statement (every call to the app reads them). */
const personSql = `SELECT id, name, email, roles, pin_hash AS pinHash, active,
  created_at AS createdAt, updated_at AS updatedAt FROM people WHERE id = ?`;

export function getPerson(db: Db, id: string): Person {
  // A transaction handle has no $client; the connection's own handle does.
  const client = (db as { $client?: Database.Database }).$client;
  if (client) {
    const raw = prepared(client, personSql).get(id) as
      (Omit<PersonRow, 'roles' | 'active'> & { roles: string; active: number }) | undefined;
    if (!raw) throw new AppError('NOT_FOUND', 'That person does not exist.', 'id');
    return toPerson({ ...raw, roles: JSON.parse(raw.roles) as string[], active: raw.active === 1 });
  }
  const row = db.select().from(people).where(eq(people.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That person does not exist.', 'id');
  return toPerson(row);
}

export function firstAdmin(db: Db): Person | null {
  return listPeople(db).find((p) => p.active && p.roles.includes('admin')) ?? null;
}

function insertPerson(ctx: ServiceContext, input: PersonInput): Person {
  const at = nowIso(ctx);
  const row: PersonRow = {
    id: uuidv7(),
    name: input.name,
    email: input.email,
    roles: input.roles,
    pinHash: null,
    pinSalt: null,
    active: true,
    languages: [],
    createdAt: at,
    updatedAt: at,
    ...(input.pin ? hashPin(input.pin) : {}),
  };
  ctx.db.transaction((tx) => {
    tx.insert(people).values(row).run();
    const { pinHash: _h, pinSalt: _s, ...visible } = row;
    logEvent(
      ctx,
      tx,
      { entity: 'person', entityId: row.id, rootId: row.id },
      'created',
      visible,
      at,
    );
  });
  return toPerson(row);
}

/** Only while nobody exists: the first person, who must be an administrator. */
export function setupFirstPerson(ctx: ServiceContext, input: PersonInput): Person {
  if (peopleCount(ctx.db) > 0) {
    throw new AppError('CONFLICT', 'Audit Desk is already set up; an administrator adds people.');
  }
  return insertPerson({ ...ctx, actor: { kind: 'system' } }, input);
}

export function createPerson(ctx: ServiceContext, input: PersonInput): Person {
  requireRole(ctx, ['admin'], 'add people');
  return insertPerson(ctx, input);
}

export function updatePerson(ctx: ServiceContext, input: PersonUpdate): Person {
  requireRole(ctx, ['admin'], 'change people');
  const row = ctx.db.select().from(people).where(eq(people.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That person does not exist.', 'id');
  const at = nowIso(ctx);
  const next: PersonRow = {
    ...row,
    name: input.name ?? row.name,
    email: input.email ?? row.email,
    roles: input.roles ?? row.roles,
    active: input.active ?? row.active,
    updatedAt: at,
  };
  if (input.pin === null) Object.assign(next, { pinHash: null, pinSalt: null });
  else if (input.pin) Object.assign(next, hashPin(input.pin));
  const wasAdmin = row.active && row.roles.includes('admin');
  const staysAdmin = next.active && next.roles.includes('admin');
  if (wasAdmin && !staysAdmin) {
    const admins = listPeople(ctx.db).filter((p) => p.active && p.roles.includes('admin'));
    if (admins.length <= 1) {
      throw new AppError('CONFLICT', 'Keep at least one active administrator.', 'roles');
    }
  }
  ctx.db.transaction((tx) => {
    tx.update(people).set(next).where(eq(people.id, row.id)).run();
    const target = { entity: 'person', entityId: row.id, rootId: row.id };
    const pick = (r: PersonRow) => ({
      name: r.name,
      email: r.email,
      roles: r.roles,
      active: r.active,
      pin: r.pinHash ? 'set' : 'none',
    });
    logFieldChanges(ctx, tx, target, pick(row), pick(next), at);
  });
  return toPerson(next);
}

export function verifySignIn(db: Db, personId: string, pin: string | undefined): Person {
  const row = db.select().from(people).where(eq(people.id, personId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That person does not exist.', 'personId');
  if (!row.active) {
    throw new AppError('FORBIDDEN', `${row.name} is no longer active in Audit Desk.`, 'personId');
  }
  if (row.pinHash && !pin) throw new AppError('VALIDATION', 'Enter your PIN.', 'pin');
  if (row.pinHash && pin && !pinMatches(row, pin)) {
    throw new AppError('VALIDATION', 'That PIN is not right.', 'pin');
  }
  return toPerson(row);
}
