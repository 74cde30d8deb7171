import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { clients, impartialityDeclarations } from '../../db/schema';
import type { Db } from '../../db/open';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  mayRecordFor,
  type addDeclarationSchema,
  type ImpartialityDeclaration,
  type updateDeclarationSchema,
} from '../../shared/people/profile';
import type { RelationshipKind } from '../../shared/programme/vocabulary';
import { logEvent, logFieldChanges } from './change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { getPerson } from './people';

/**
 * Declared relationships between people and clients (ISO/IEC 17021-1 5.2: personnel reveal any
 * situation that may present a conflict of interest). Everyone declares their own; schedulers and
 * admins record what others tell them. Only an admin removes one (a record made by mistake); the
 * change log keeps what it said.
 */
type DeclarationRow = typeof impartialityDeclarations.$inferSelect;

const target = (row: Pick<DeclarationRow, 'id' | 'personId'>) => ({
  entity: 'impartiality_declaration',
  entityId: row.id,
  rootId: row.personId,
});

function fields(r: DeclarationRow) {
  return {
    clientId: r.clientId,
    kind: r.kind,
    fromDate: r.fromDate,
    toDate: r.toDate,
    notes: r.notes,
  };
}

/** Anyone may act for themself; otherwise the roles that keep staff records. */
export function requireRecorderFor(ctx: ServiceContext, personId: string, doing: string): void {
  const actor = requireActor(ctx);
  if (actor.kind === 'system' || mayRecordFor(actor.person, personId)) return;
  throw new AppError(
    'FORBIDDEN',
    `${actor.person.name} cannot ${doing} for someone else: that needs the role admin or scheduler.`,
  );
}

export function declarationsOf(
  db: Db,
  filter: { id?: string; personId?: string; personIds?: readonly string[]; clientId?: string },
): ImpartialityDeclaration[] {
  const where: SQL[] = [];
  if (filter.id !== undefined) where.push(eq(impartialityDeclarations.id, filter.id));
  if (filter.personId !== undefined)
    where.push(eq(impartialityDeclarations.personId, filter.personId));
  if (filter.personIds !== undefined) {
    if (filter.personIds.length === 0) return [];
    where.push(inArray(impartialityDeclarations.personId, [...filter.personIds]));
  }
  if (filter.clientId !== undefined)
    where.push(eq(impartialityDeclarations.clientId, filter.clientId));
  return db
    .select({
      id: impartialityDeclarations.id,
      personId: impartialityDeclarations.personId,
      clientId: impartialityDeclarations.clientId,
      clientName: clients.legalName,
      clientReference: clients.reference,
      kind: impartialityDeclarations.kind,
      fromDate: impartialityDeclarations.fromDate,
      toDate: impartialityDeclarations.toDate,
      notes: impartialityDeclarations.notes,
      createdAt: impartialityDeclarations.createdAt,
    })
    .from(impartialityDeclarations)
    .innerJoin(clients, eq(clients.id, impartialityDeclarations.clientId))
    .where(and(...where))
    .orderBy(asc(impartialityDeclarations.fromDate), asc(impartialityDeclarations.id))
    .all()
    .map((r) => ({ ...r, kind: r.kind as RelationshipKind }));
}

function requireClient(db: Db, clientId: string): void {
  const row = db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That client does not exist.', 'clientId');
}

function declarationRow(db: Db, id: string): DeclarationRow {
  const row = db
    .select()
    .from(impartialityDeclarations)
    .where(eq(impartialityDeclarations.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'That declaration does not exist.', 'id');
  return row;
}

function one(db: Db, id: string): ImpartialityDeclaration {
  const [found] = declarationsOf(db, { id });
  if (!found) throw new AppError('NOT_FOUND', 'That declaration does not exist.', 'id');
  return found;
}

export function addDeclaration(
  ctx: ServiceContext,
  input: z.output<typeof addDeclarationSchema>,
): ImpartialityDeclaration {
  requireRecorderFor(ctx, input.personId, 'declare a relationship with a client');
  getPerson(ctx.db, input.personId);
  requireClient(ctx.db, input.clientId);
  const at = nowIso(ctx);
  const row: DeclarationRow = { id: uuidv7(), ...input, createdAt: at, updatedAt: at };
  ctx.db.transaction((tx) => {
    tx.insert(impartialityDeclarations).values(row).run();
    logEvent(ctx, tx, target(row), 'created', fields(row), at);
  });
  return one(ctx.db, row.id);
}

export function updateDeclaration(
  ctx: ServiceContext,
  input: z.output<typeof updateDeclarationSchema>,
): ImpartialityDeclaration {
  const existing = declarationRow(ctx.db, input.id);
  requireRecorderFor(ctx, existing.personId, 'change a declared relationship');
  requireClient(ctx.db, input.clientId);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = declarationRow(tx, input.id);
    const next: DeclarationRow = { ...row, ...input, updatedAt: at };
    if (logFieldChanges(ctx, tx, target(row), fields(row), fields(next), at) > 0) {
      tx.update(impartialityDeclarations)
        .set(next)
        .where(eq(impartialityDeclarations.id, row.id))
        .run();
    }
  });
  return one(ctx.db, input.id);
}

export function removeDeclaration(ctx: ServiceContext, id: string): null {
  requireRole(ctx, ['admin'], 'remove a declared relationship');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = declarationRow(tx, id);
    tx.delete(impartialityDeclarations).where(eq(impartialityDeclarations.id, id)).run();
    logEvent(ctx, tx, target(row), 'deleted', fields(row), at);
  });
  return null;
}
