import { z } from 'zod';
import type { Result } from '../errors';
import { ceilDiv, ceilSqrtRatio } from './half-days';
import { aiRoleColumnSchema, type AuditTimeTable } from './table';
import { issueToError, plainEnglish, typeMessage } from './zod-issues';

export const auditTypes = ['initial', 'surveillance', 'recertification'] as const;
export const auditTypeSchema = z.enum(auditTypes, {
  message: 'The audit type is initial, surveillance or recertification.',
});
export type AuditType = z.infer<typeof auditTypeSchema>;

const MAX_PERSONS = 10_000_000;
const MAX_SITES = 10_000;

const count = (what: string, min: number, max: number) =>
  z
    .number({ error: typeMessage(what, `${what} is a whole number.`) })
    .int({ message: `${what} is a whole number.` })
    .min(min, { message: `${what} is at least ${min}.` })
    .max(max, { message: `${what} is at most ${max}.` });

const repetitiveGroupSchema = z.strictObject({
  label: z.string().trim().max(200).optional(),
  count: count('The number of persons in the group', 1, MAX_PERSONS),
});

/** The raw counts effective personnel is derived from (IAF MD 5 2.3; ISO/IEC 27006-1 C.3.4). */
export const personnelSchema = z.strictObject({
  fullTime: count('The number of full-time persons', 0, MAX_PERSONS),
  /** Weekly hours of all part-timers together. */
  partTimeHours: count('The part-time hours per week', 0, 40 * MAX_PERSONS).default(0),
  fullTimeWeeklyHours: count('A full-time week', 1, 168).default(40),
  /** Groups doing identical, simple, directed work; each counts as √count, rounded up. */
  repetitiveGroups: z.array(repetitiveGroupSchema).max(1000).default([]),
});
export type Personnel = z.infer<typeof personnelSchema>;

const factorInputSchema = z.strictObject({
  code: z.string({ message: 'Give the factor’s code, e.g. AI_HIGH_IMPACT.' }),
  percent: z
    .number({ message: 'Enter the factor’s percentage.' })
    .int({ message: 'The percentage is a whole number.' }),
});

/**
 * The shape of a calculation request. Rules that need the table (factor codes and ranges, the
 * integration cap, the table version) are checked by `parseAuditTimeInput`.
 */
export const auditTimeInputSchema = z.strictObject({
  tableVersion: z.string().trim().min(1).optional(),
  auditType: auditTypeSchema.default('initial'),
  aiRole: aiRoleColumnSchema,
  effectivePersonnel: count('Effective personnel', 1, MAX_PERSONS).optional(),
  personnel: personnelSchema.optional(),
  sites: count('The number of sites', 1, MAX_SITES).default(1),
  additionalSampledSites: count('The number of additional sampled sites', 0, MAX_SITES).default(0),
  factors: z.array(factorInputSchema).max(100).default([]),
  combinedWith: z
    .array(z.string().trim().min(1, { message: 'Name the standard, e.g. ISO/IEC 27001.' }))
    .max(20)
    .default([]),
  // IAF MD 11 never allows more than 20%; a table may allow less.
  integrationReductionPercent: count('The integration reduction', 0, 20).default(0),
});
type ParsedShape = z.infer<typeof auditTimeInputSchema>;
export type AuditTimeRequest = z.input<typeof auditTimeInputSchema>;
/** A checked request; `tableVersion` is always filled in with the table it was checked against. */
export type AuditTimeInput = ParsedShape & { tableVersion: string };

export interface PersonnelBreakdown {
  fullTime: number;
  groups: { label: string | undefined; count: number; counted: number }[];
  partTimeHours: number;
  fullTimeWeeklyHours: number;
  partTimeEquivalent: number;
  total: number;
}

/** Step 1: full-time + Σ ⌈√count⌉ per repetitive group + ⌈part-time hours / full-time week⌉. */
export function personnelBreakdown(personnel: Personnel): PersonnelBreakdown {
  const groups = personnel.repetitiveGroups.map((group) => ({
    label: group.label,
    count: group.count,
    counted: ceilSqrtRatio(group.count),
  }));
  const partTimeEquivalent = ceilDiv(personnel.partTimeHours, personnel.fullTimeWeeklyHours);
  const total =
    personnel.fullTime + groups.reduce((sum, g) => sum + g.counted, 0) + partTimeEquivalent;
  return {
    fullTime: personnel.fullTime,
    groups,
    partTimeHours: personnel.partTimeHours,
    fullTimeWeeklyHours: personnel.fullTimeWeeklyHours,
    partTimeEquivalent,
    total,
  };
}

type Check = { field: string; message: string } | null;

function personnelCheck(input: ParsedShape): Check {
  if (input.effectivePersonnel !== undefined && input.personnel !== undefined) {
    return {
      field: 'personnel',
      message: 'Give either effectivePersonnel or the personnel counts, not both.',
    };
  }
  if (input.personnel !== undefined) {
    const total = personnelBreakdown(input.personnel).total;
    if (total < 1) {
      return {
        field: 'personnel',
        message: 'The personnel counts add up to 0 effective persons; at least 1 is needed.',
      };
    }
    if (total > MAX_PERSONS) {
      return {
        field: 'personnel',
        message: `The personnel counts add up to ${total} effective persons; at most ${MAX_PERSONS} are supported.`,
      };
    }
    return null;
  }
  if (input.effectivePersonnel === undefined) {
    return {
      field: 'effectivePersonnel',
      message: 'Give effectivePersonnel, or the personnel counts it is derived from.',
    };
  }
  return null;
}

function factorCheck(input: ParsedShape, table: AuditTimeTable): Check {
  const seen = new Set<string>();
  for (const [i, entry] of input.factors.entries()) {
    const known = table.factors.find((f) => f.code === entry.code);
    if (!known) {
      return {
        field: `factors[${i}].code`,
        message: `${entry.code} is not a factor in table ${table.version}.`,
      };
    }
    if (seen.has(entry.code)) {
      return { field: `factors[${i}].code`, message: `${entry.code} is listed twice.` };
    }
    seen.add(entry.code);
    if (entry.percent < known.min || entry.percent > known.max) {
      return {
        field: `factors[${i}].percent`,
        message: `${entry.code} lies between ${known.min}% and ${known.max}%; ${entry.percent}% is outside that range.`,
      };
    }
  }
  return null;
}

function versionCheck(input: ParsedShape, table: AuditTimeTable): Check {
  if (input.tableVersion === undefined || input.tableVersion === table.version) return null;
  return {
    field: 'tableVersion',
    message: `Table ${input.tableVersion} is not the one in use (${table.version}).`,
  };
}

// IAF MD 11: the integration reduction applies only to a combined or integrated audit.
function integrationCheck(input: ParsedShape, table: AuditTimeTable): Check {
  if (input.integrationReductionPercent > 0 && input.combinedWith.length === 0) {
    return {
      field: 'integrationReductionPercent',
      message:
        'An integration reduction needs a combined audit: name the other standard in combinedWith.',
    };
  }
  if (input.integrationReductionPercent > table.integrationCap.percent) {
    return {
      field: 'integrationReductionPercent',
      message: `The integration reduction is at most ${table.integrationCap.percent}% in table ${table.version}.`,
    };
  }
  return null;
}

/** Checks a calculation request against the table it will be calculated with. */
export function parseAuditTimeInput(raw: unknown, table: AuditTimeTable): Result<AuditTimeInput> {
  const parsed = auditTimeInputSchema.safeParse(raw, { error: plainEnglish });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: first
        ? issueToError(first)
        : { code: 'VALIDATION', message: 'The input is not valid.' },
    };
  }
  const input = parsed.data;
  const problem =
    versionCheck(input, table) ??
    personnelCheck(input) ??
    factorCheck(input, table) ??
    integrationCheck(input, table);
  if (problem) return { ok: false, error: { code: 'VALIDATION', ...problem } };
  return { ok: true, value: { ...input, tableVersion: table.version } };
}
