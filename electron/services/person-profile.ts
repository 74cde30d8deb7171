import { and, asc, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  people,
  personCompetences,
  personQualifications,
  personUnavailability,
} from '../../db/schema';
import type { Db } from '../../db/open';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  competenceRecorders,
  type addQualificationSchema,
  type addUnavailabilitySchema,
  type PersonProfile,
  type PersonQualification,
  type UnavailablePeriod,
  type updateCompetenceSchema,
  type updateQualificationSchema,
} from '../../shared/people/profile';
import type { CompetenceArea, QualificationKind } from '../../shared/programme/vocabulary';
import { logEvent, logFieldChanges } from './change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { declarationsOf, requireRecorderFor } from './impartiality';
import { getPerson } from './people';

type QualificationRow = typeof personQualifications.$inferSelect;
type UnavailabilityRow = typeof personUnavailability.$inferSelect;

const target = (entity: string, id: string, personId: string) => ({
  entity,
  entityId: id,
  rootId: personId,
});

export function competenceAreasOf(
  db: Db,
  personIds: readonly string[],
): Map<string, CompetenceArea[]> {
  const out = new Map<string, CompetenceArea[]>();
  if (personIds.length === 0) return out;
  const rows = db
    .select()
    .from(personCompetences)
    .where(inArray(personCompetences.personId, [...personIds]))
    .orderBy(asc(personCompetences.area))
    .all();
  for (const r of rows)
    out.set(r.personId, [...(out.get(r.personId) ?? []), r.area as CompetenceArea]);
  return out;
}

function toQualification(r: QualificationRow): PersonQualification {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind as QualificationKind,
    title: r.title,
    issuer: r.issuer,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
  };
}

function toPeriod(r: UnavailabilityRow): UnavailablePeriod {
  return {
    id: r.id,
    personId: r.personId,
    fromDate: r.fromDate,
    toDate: r.toDate,
    reason: r.reason,
  };
}

export function qualificationsOf(db: Db, personIds: readonly string[]): PersonQualification[] {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(personQualifications)
    .where(inArray(personQualifications.personId, [...personIds]))
    .orderBy(asc(personQualifications.validFrom), asc(personQualifications.id))
    .all()
    .map(toQualification);
}

export function unavailabilityOf(db: Db, personIds: readonly string[]): UnavailablePeriod[] {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(personUnavailability)
    .where(inArray(personUnavailability.personId, [...personIds]))
    .orderBy(asc(personUnavailability.fromDate), asc(personUnavailability.id))
    .all()
    .map(toPeriod);
}

export function getPersonProfile(ctx: ServiceContext, id: string): PersonProfile {
  requireActor(ctx);
  const person = getPerson(ctx.db, id);
  const row = ctx.db
    .select({ languages: people.languages })
    .from(people)
    .where(eq(people.id, id))
    .get();
  return {
    person,
    competenceAreas: competenceAreasOf(ctx.db, [id]).get(id) ?? [],
    languages: row?.languages ?? [],
    qualifications: qualificationsOf(ctx.db, [id]),
    unavailability: unavailabilityOf(ctx.db, [id]),
    declarations: declarationsOf(ctx.db, { personId: id }),
  };
}

/** Competence areas and languages are the CB's competence record (17021-1 7.2), kept by admins. */
export function updateCompetence(
  ctx: ServiceContext,
  input: z.output<typeof updateCompetenceSchema>,
): PersonProfile {
  requireRole(ctx, competenceRecorders, "record people's competence");
  getPerson(ctx.db, input.id);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const before = competenceAreasOf(tx, [input.id]).get(input.id) ?? [];
    const languagesBefore =
      tx.select({ l: people.languages }).from(people).where(eq(people.id, input.id)).get()?.l ?? [];
    const areas = [...input.competenceAreas].sort();
    const removed = before.filter((a) => !areas.includes(a));
    if (removed.length > 0) {
      tx.delete(personCompetences)
        .where(
          and(eq(personCompetences.personId, input.id), inArray(personCompetences.area, removed)),
        )
        .run();
    }
    for (const area of areas.filter((a) => !before.includes(a))) {
      tx.insert(personCompetences)
        .values({ id: uuidv7(), personId: input.id, area, createdAt: at, updatedAt: at })
        .run();
    }
    const changed = logFieldChanges(
      ctx,
      tx,
      target('person', input.id, input.id),
      { competenceAreas: before, languages: languagesBefore },
      { competenceAreas: areas, languages: input.languages },
      at,
    );
    if (changed > 0) {
      tx.update(people)
        .set({ languages: input.languages, updatedAt: at })
        .where(eq(people.id, input.id))
        .run();
    }
  });
  return getPersonProfile(ctx, input.id);
}

export function addQualification(
  ctx: ServiceContext,
  input: z.output<typeof addQualificationSchema>,
): PersonQualification {
  requireRole(ctx, competenceRecorders, 'record qualifications');
  getPerson(ctx.db, input.personId);
  const at = nowIso(ctx);
  const row: QualificationRow = { id: uuidv7(), ...input, createdAt: at, updatedAt: at };
  ctx.db.transaction((tx) => {
    tx.insert(personQualifications).values(row).run();
    logEvent(
      ctx,
      tx,
      target('person_qualification', row.id, row.personId),
      'created',
      toQualification(row),
      at,
    );
  });
  return toQualification(row);
}

function qualificationRow(db: Db, id: string): QualificationRow {
  const row = db.select().from(personQualifications).where(eq(personQualifications.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That qualification does not exist.', 'id');
  return row;
}

export function updateQualification(
  ctx: ServiceContext,
  input: z.output<typeof updateQualificationSchema>,
): PersonQualification {
  requireRole(ctx, competenceRecorders, 'record qualifications');
  const at = nowIso(ctx);
  return ctx.db.transaction((tx) => {
    const row = qualificationRow(tx, input.id);
    const next: QualificationRow = { ...row, ...input, updatedAt: at };
    const changed = logFieldChanges(
      ctx,
      tx,
      target('person_qualification', row.id, row.personId),
      { ...toQualification(row) },
      { ...toQualification(next) },
      at,
    );
    if (changed > 0)
      tx.update(personQualifications).set(next).where(eq(personQualifications.id, row.id)).run();
    return toQualification(changed > 0 ? next : row);
  });
}

export function removeQualification(ctx: ServiceContext, id: string): null {
  requireRole(ctx, competenceRecorders, 'record qualifications');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = qualificationRow(tx, id);
    tx.delete(personQualifications).where(eq(personQualifications.id, id)).run();
    logEvent(
      ctx,
      tx,
      target('person_qualification', id, row.personId),
      'deleted',
      toQualification(row),
      at,
    );
  });
  return null;
}

export function addUnavailability(
  ctx: ServiceContext,
  input: z.output<typeof addUnavailabilitySchema>,
): UnavailablePeriod {
  requireRecorderFor(ctx, input.personId, 'record days away');
  getPerson(ctx.db, input.personId);
  const at = nowIso(ctx);
  const row: UnavailabilityRow = { id: uuidv7(), ...input, createdAt: at, updatedAt: at };
  ctx.db.transaction((tx) => {
    tx.insert(personUnavailability).values(row).run();
    logEvent(
      ctx,
      tx,
      target('person_unavailability', row.id, row.personId),
      'created',
      toPeriod(row),
      at,
    );
  });
  return toPeriod(row);
}

export function removeUnavailability(ctx: ServiceContext, id: string): null {
  const row = ctx.db
    .select()
    .from(personUnavailability)
    .where(eq(personUnavailability.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'That period does not exist.', 'id');
  requireRecorderFor(ctx, row.personId, 'remove days away');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    tx.delete(personUnavailability).where(eq(personUnavailability.id, id)).run();
    logEvent(
      ctx,
      tx,
      target('person_unavailability', id, row.personId),
      'deleted',
      toPeriod(row),
      at,
    );
  });
  return null;
}
