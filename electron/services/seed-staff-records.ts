import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  impartialityDeclarations,
  people,
  personCompetences,
  personQualifications,
  personUnavailability,
} from '../../db/schema';
import { addCalendarDays, addCalendarMonths } from '../../shared/cycle';
import { logEvent, logFieldChanges } from './change-log';
import type { ServiceContext } from './context';
import { awayEmail, staffProfiles } from './seed-staff';
import type { StaffMember } from './seed-teams';

/** The demo staff's competence records, written straight to their tables, each change logged. */

/** One 'created' change-log entry, filed under the record the history view shows it with. */
export function logCreated(
  ctx: ServiceContext,
  entity: string,
  entityId: string,
  rootId: string,
  snapshot: unknown,
  at: string,
): void {
  logEvent(ctx, ctx.db, { entity, entityId, rootId }, 'created', snapshot, at);
}

export interface DemoStaff {
  /** Auditing staff by e-mail. */
  members: Map<string, StaffMember>;
  /** Who reviewed the demo applications (17021-1 9.1.2). */
  reviewerId: string | null;
  away: { personId: string; from: string; to: string } | null;
}

/** Languages, competence areas and qualifications of the auditing staff; one of them away soon. */
export function seedStaffRecords(ctx: ServiceContext, today: string, at: string): DemoStaff {
  const rows = ctx.db.select().from(people).all();
  const byEmail = new Map(rows.map((row) => [row.email.toLowerCase(), row]));
  const members = new Map<string, StaffMember>();
  for (const profile of staffProfiles) {
    const row = byEmail.get(profile.email);
    if (!row) continue;
    const languages = [...profile.languages];
    ctx.db.update(people).set({ languages, updatedAt: at }).where(eq(people.id, row.id)).run();
    const target = { entity: 'person', entityId: row.id, rootId: row.id };
    logFieldChanges(ctx, ctx.db, target, { languages: row.languages }, { languages }, at);
    for (const area of profile.competences) {
      const id = uuidv7();
      ctx.db
        .insert(personCompetences)
        .values({ id, personId: row.id, area, createdAt: at, updatedAt: at })
        .run();
      logCreated(ctx, 'person_competence', id, row.id, { area }, at);
    }
    for (const q of profile.qualifications) {
      const qualification = {
        kind: q.kind,
        title: q.title,
        issuer: q.issuer,
        validFrom: addCalendarMonths(today, q.fromYears * 12),
        validUntil: q.untilYears === null ? null : addCalendarMonths(today, q.untilYears * 12),
      };
      const id = uuidv7();
      ctx.db
        .insert(personQualifications)
        .values({ id, personId: row.id, ...qualification, createdAt: at, updatedAt: at })
        .run();
      logCreated(ctx, 'person_qualification', id, row.id, qualification, at);
    }
    members.set(profile.email, { id: row.id, competences: new Set(profile.competences) });
  }

  const awayId = members.get(awayEmail)?.id;
  let away: DemoStaff['away'] = null;
  if (awayId !== undefined) {
    away = { personId: awayId, from: addCalendarDays(today, 20), to: addCalendarDays(today, 34) };
    const period = { fromDate: away.from, toDate: away.to, reason: 'Annual leave' };
    const id = uuidv7();
    ctx.db
      .insert(personUnavailability)
      .values({ id, personId: awayId, ...period, createdAt: at, updatedAt: at })
      .run();
    logCreated(ctx, 'person_unavailability', id, awayId, period, at);
  }
  const reviewer = rows.find((row) => row.active && row.roles.includes('scheduler'));
  return { members, reviewerId: reviewer?.id ?? null, away };
}

/** Consultancy that ended 8 months ago: within 2 years, so a bar to auditing the client (5.2). */
export function seedConsultancy(
  ctx: ServiceContext,
  personId: string,
  clientId: string,
  today: string,
  at: string,
): void {
  const declaration = {
    personId,
    clientId,
    kind: 'consultancy',
    fromDate: addCalendarMonths(today, -26),
    toDate: addCalendarMonths(today, -8),
    notes: 'Helped write the AI risk assessment procedure before joining the certification body.',
  };
  const id = uuidv7();
  ctx.db
    .insert(impartialityDeclarations)
    .values({ id, ...declaration, createdAt: at, updatedAt: at })
    .run();
  logCreated(ctx, 'impartiality_declaration', id, clientId, declaration, at);
}
