import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { hasAnyRole, type Person, type Role } from '../../shared/people/schema';

/**
 * Who is acting. A person, or the command line's `system` actor, which is used only when no
 * person exists yet (a fresh database driven from scripts).
 */
export type Actor = { kind: 'person'; person: Person } | { kind: 'system' };

/** What every service gets: a database handle, who is acting, and the clock (passed in). */
export interface ServiceContext {
  db: Db;
  sqlite: Database.Database;
  actor: Actor | null;
  now: () => Date;
  /** Where evidence files are stored, content-addressed (beside the database). */
  evidenceDirectory: string;
}

export function actorId(ctx: ServiceContext): string | null {
  return ctx.actor?.kind === 'person' ? ctx.actor.person.id : null;
}

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError('FORBIDDEN', 'Choose who is working before making changes.');
  return ctx.actor;
}

export function requireRole(ctx: ServiceContext, roles: readonly Role[], doing: string): Actor {
  const actor = requireActor(ctx);
  if (actor.kind === 'system') return actor;
  if (!hasAnyRole(actor.person, roles)) {
    throw new AppError(
      'FORBIDDEN',
      `${actor.person.name} cannot ${doing}: that needs the role ${roles.join(' or ')}.`,
    );
  }
  return actor;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
