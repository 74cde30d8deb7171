/**
 * What the CB records about a person beyond their account: qualifications, the competence areas
 * they cover and languages (ISO/IEC 17021-1 7.1, 7.2 competence records), the days they are away,
 * and their declared relationships with clients (5.2: personnel reveal any situation that may
 * be a conflict of interest).
 */
import { z } from 'zod';
import { isCalendarDay } from '../dates';
import {
  competenceAreaSchema,
  qualificationKindSchema,
  relationshipKindSchema,
  type CompetenceArea,
  type QualificationKind,
  type RelationshipKind,
} from '../programme/vocabulary';
import { hasAnyRole, type Person, type Role } from './schema';

const calendarDay = (label: string) =>
  z
    .string({ message: `Enter ${label} as YYYY-MM-DD.` })
    .refine(isCalendarDay, { message: `Enter ${label} as a real date, YYYY-MM-DD.` });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep this under ${max} characters.` });

const noRepeats = (list: readonly string[]) => new Set(list).size === list.length;

/** Who keeps the CB's competence records (17021-1 7.2: the CB evaluates competence). */
export const competenceRecorders: readonly Role[] = ['admin'];
/** Who may record days away or relationships for someone else. */
export const staffRecorders: readonly Role[] = ['admin', 'scheduler'];

/** Everyone records their own days away and declarations; schedulers and admins anyone's. */
export function mayRecordFor(actor: Pick<Person, 'id' | 'roles'>, personId: string): boolean {
  return actor.id === personId || hasAnyRole(actor, staffRecorders);
}

export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, { message: 'Use a two-letter ISO 639-1 language code, e.g. en or de.' });

export const updateCompetenceSchema = z.object({
  id: z.string().min(1),
  competenceAreas: z
    .array(competenceAreaSchema)
    .refine(noRepeats, { message: 'A competence area is listed twice.' }),
  languages: z
    .array(languageCodeSchema)
    .max(30)
    .refine(noRepeats, { message: 'A language is listed twice.' }),
});
export type UpdateCompetenceInput = z.input<typeof updateCompetenceSchema>;

const qualificationFields = z.object({
  kind: qualificationKindSchema,
  title: text(200).min(1, { message: 'Name the qualification, e.g. the course or certificate.' }),
  issuer: text(200).default(''),
  validFrom: calendarDay('the date it is valid from'),
  validUntil: calendarDay('the expiry date').nullable().default(null),
});

function untilAfterFrom(
  v: { validFrom: string; validUntil: string | null },
  ctx: z.RefinementCtx,
): void {
  if (v.validUntil !== null && v.validUntil < v.validFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['validUntil'],
      message: `It expires before it is valid: choose a date on or after ${v.validFrom}.`,
    });
  }
}

export const addQualificationSchema = qualificationFields
  .extend({ personId: z.string().min(1) })
  .superRefine(untilAfterFrom);
export const updateQualificationSchema = qualificationFields
  .extend({ id: z.string().min(1) })
  .superRefine(untilAfterFrom);
export type QualificationInput = z.input<typeof qualificationFields>;

export const addUnavailabilitySchema = z
  .object({
    personId: z.string().min(1),
    fromDate: calendarDay('the first day away'),
    toDate: calendarDay('the last day away'),
    reason: text(500).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['toDate'],
        message: `The last day away is before the first: choose ${v.fromDate} or later.`,
      });
    }
  });
export type UnavailabilityInput = z.input<typeof addUnavailabilitySchema>;

const declarationFields = z.object({
  clientId: z.string().min(1, { message: 'Choose the client.' }),
  kind: relationshipKindSchema,
  fromDate: calendarDay('the date the relationship began'),
  toDate: calendarDay('the date it ended').nullable().default(null),
  notes: text(2000).default(''),
});

function endAfterStart(v: { fromDate: string; toDate: string | null }, ctx: z.RefinementCtx) {
  if (v.toDate !== null && v.toDate < v.fromDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['toDate'],
      message: `It ended before it began: choose ${v.fromDate} or later, or leave it empty while it continues.`,
    });
  }
}

export const addDeclarationSchema = declarationFields
  .extend({ personId: z.string().min(1) })
  .superRefine(endAfterStart);
export const updateDeclarationSchema = declarationFields
  .extend({ id: z.string().min(1) })
  .superRefine(endAfterStart);
export type DeclarationInput = z.input<typeof declarationFields>;

export interface PersonQualification {
  id: string;
  personId: string;
  kind: QualificationKind;
  title: string;
  issuer: string;
  validFrom: string;
  validUntil: string | null;
}

export interface UnavailablePeriod {
  id: string;
  personId: string;
  fromDate: string;
  toDate: string;
  reason: string;
}

export interface ImpartialityDeclaration {
  id: string;
  personId: string;
  clientId: string;
  clientName: string;
  clientReference: string;
  kind: RelationshipKind;
  fromDate: string;
  toDate: string | null;
  notes: string;
  /** When it was recorded (ISO instant); who recorded it is in the change log. */
  createdAt: string;
}

export interface PersonProfile {
  person: Person;
  competenceAreas: CompetenceArea[];
  languages: string[];
  qualifications: PersonQualification[];
  unavailability: UnavailablePeriod[];
  declarations: ImpartialityDeclaration[];
}
