import { z } from 'zod';
import type { AppErrorInfo } from '../errors';
import { issueToError, plainEnglish, typeMessage } from './zod-issues';

/**
 * Where a figure in an audit-time table comes from. ISO/IEC 42006:2025 is paywalled, so most of the
 * AIMS table is the certification body's own documented choice (ISO/IEC 17021-1 9.1.4 requires a
 * documented procedure); the UI and every justification say which figures are published and which
 * are ours.
 */
export const tableSources = [
  'iso42006',
  'iso27006',
  'iafMd1',
  'iafMd5',
  'iafMd11',
  'ourChoice',
] as const;
export const tableSourceSchema = z.enum(tableSources, {
  message: `The source is one of ${tableSources.join(', ')}.`,
});
export type TableSource = z.infer<typeof tableSourceSchema>;
export const tableSourceLabels: Record<TableSource, string> = {
  iso42006: 'ISO/IEC 42006:2025',
  iso27006: 'ISO/IEC 27006',
  iafMd1: 'IAF MD 1',
  iafMd5: 'IAF MD 5',
  iafMd11: 'IAF MD 11',
  ourChoice: 'the CB’s own choice',
};

/** The role columns of the ISO/IEC 42006 table (the higher-value role may be used if unsure). */
export const aiRoleColumns = ['developerProviderUser', 'producer', 'multipleRoles'] as const;
export const aiRoleColumnSchema = z.enum(aiRoleColumns, {
  message: 'The AI role is developerProviderUser, producer or multipleRoles.',
});
export type AiRoleColumn = z.infer<typeof aiRoleColumnSchema>;
export const aiRoleColumnLabels: Record<AiRoleColumn, string> = {
  developerProviderUser: 'AI developer, provider or user',
  producer: 'AI producer',
  multipleRoles: 'several AI roles',
};

const halfDays = (what: string, min: number, max: number) =>
  z
    .number({ error: typeMessage(what, `${what} is a number of days, e.g. 3.5.`) })
    .min(min, { message: `${what} is at least ${min} days.` })
    .max(max, { message: `${what} is at most ${max} days.` })
    .refine((days) => Number.isInteger(days * 2), {
      message: `${what} is a whole number of half days, e.g. 3 or 3.5.`,
    });

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: typeMessage(what, `${what} is a whole number.`) })
    .int({ message: `${what} is a whole number.` })
    .min(min, { message: `${what} is at least ${min}.` })
    .max(max, { message: `${what} is at most ${max}.` });

const bandDays = (role: AiRoleColumn) =>
  halfDays(`The ${aiRoleColumnLabels[role]} value`, 0.5, 1000);

const bandSchema = z.strictObject({
  min: wholeNumber('The band’s smallest head count', 1, 10_000_000),
  max: wholeNumber('The band’s largest head count', 1, 10_000_000),
  developerProviderUser: bandDays('developerProviderUser'),
  producer: bandDays('producer'),
  multipleRoles: bandDays('multipleRoles'),
  source: tableSourceSchema,
});
export type AuditTimeBand = z.infer<typeof bandSchema>;

const extrapolationStep = (role: AiRoleColumn) =>
  halfDays(`The ${aiRoleColumnLabels[role]} step`, 0, 100);

/** A share of the initial audit time as an exact fraction, so that 1/3 is not 0.333…. */
const shareSchema = z.strictObject({
  numerator: wholeNumber('The numerator', 1, 100),
  denominator: wholeNumber('The denominator', 1, 100),
  source: tableSourceSchema,
});
export type AuditTimeShare = z.infer<typeof shareSchema>;

const factorSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,49}$/, {
    message: 'A factor code is capital letters, digits and underscores, e.g. AI_HIGH_IMPACT.',
  }),
  meaning: z.string().trim().min(1, { message: 'Say what the factor means.' }).max(300),
  min: wholeNumber('The smallest percentage', -100, 100),
  max: wholeNumber('The largest percentage', -100, 100),
  source: tableSourceSchema,
});
export type AuditTimeFactor = z.infer<typeof factorSchema>;

const minimumDays = (what: string) => halfDays(`The ${what} minimum`, 0.5, 100);

const tableShape = z.strictObject({
  version: z.string().trim().min(1, { message: 'Give the table a version.' }).max(100),
  bands: z.array(bandSchema).min(1, { message: 'The table needs at least one band.' }).max(200),
  /** Above the last band: add one step per `everyPersons` persons (or part of them). */
  extrapolation: z.strictObject({
    everyPersons: wholeNumber('The extrapolation interval', 1, 1_000_000),
    developerProviderUser: extrapolationStep('developerProviderUser'),
    producer: extrapolationStep('producer'),
    multipleRoles: extrapolationStep('multipleRoles'),
    source: tableSourceSchema,
  }),
  // IAF MD 5: the total reduction from the table value is at most 30%.
  reductionCap: z.strictObject({
    percent: wholeNumber('The reduction cap', 0, 30),
    source: tableSourceSchema,
  }),
  // IAF MD 11: an integrated audit may be reduced by at most 20%.
  integrationCap: z.strictObject({
    percent: wholeNumber('The integration cap', 0, 20),
    source: tableSourceSchema,
  }),
  stage1Share: shareSchema,
  surveillanceShare: shareSchema,
  recertificationShare: shareSchema,
  minimums: z.strictObject({
    stage1: minimumDays('Stage 1'),
    stage2: minimumDays('Stage 2'),
    surveillance: minimumDays('surveillance'),
    recertification: minimumDays('recertification'),
    source: tableSourceSchema,
  }),
  // IAF MD 5 4.1: planning and reporting may not push on-site time below 80%.
  onSiteFloor: z.strictObject({
    percent: wholeNumber('The on-site floor', 80, 100),
    source: tableSourceSchema,
  }),
  perSampledSite: z.strictObject({
    days: halfDays('The time per sampled site', 0, 10),
    source: tableSourceSchema,
  }),
  factors: z.array(factorSchema).max(100),
});

type TableShape = z.infer<typeof tableShape>;
type Issue = { path: (string | number)[]; message: string };

/** Rules across fields that keep every calculation monotonic and consistent. */
function crossFieldIssues(table: TableShape): Issue[] {
  const issues: Issue[] = [];
  table.bands.forEach((band, i) => {
    const previous = table.bands[i - 1];
    const expectedMin = previous ? previous.max + 1 : 1;
    if (band.min !== expectedMin) {
      issues.push({
        path: ['bands', i, 'min'],
        message: previous
          ? `This band must start at ${expectedMin}, right after the previous band ends at ${previous.max}.`
          : 'The first band must start at 1 person.',
      });
    }
    if (band.max < band.min) {
      issues.push({
        path: ['bands', i, 'max'],
        message: `The band ends (${band.max}) before it starts (${band.min}).`,
      });
    }
    for (const role of aiRoleColumns) {
      if (previous && band[role] < previous[role]) {
        issues.push({
          path: ['bands', i, role],
          message: `More persons may not mean fewer days: ${band[role]} is less than the previous band’s ${previous[role]}.`,
        });
      }
    }
  });
  const seen = new Set<string>();
  table.factors.forEach((factor, i) => {
    if (seen.has(factor.code)) {
      issues.push({ path: ['factors', i, 'code'], message: `${factor.code} is listed twice.` });
    }
    seen.add(factor.code);
    if (factor.min > factor.max) {
      issues.push({
        path: ['factors', i, 'min'],
        message: `The smallest percentage (${factor.min}) is above the largest (${factor.max}).`,
      });
    }
  });
  const { stage1Share: s1, surveillanceShare: sv, recertificationShare: rc } = table;
  if (s1.numerator >= s1.denominator) {
    issues.push({
      path: ['stage1Share', 'numerator'],
      message: 'Stage 1 is less than the whole audit.',
    });
  }
  if (rc.numerator > rc.denominator) {
    issues.push({
      path: ['recertificationShare', 'numerator'],
      message: 'Recertification takes at most the initial audit time.',
    });
  }
  if (sv.numerator * rc.denominator > rc.numerator * sv.denominator) {
    issues.push({
      path: ['surveillanceShare', 'numerator'],
      message: 'Surveillance takes no larger a share than recertification.',
    });
  }
  const { minimums: m } = table;
  if (m.surveillance > m.recertification) {
    issues.push({
      path: ['minimums', 'surveillance'],
      message: 'The surveillance minimum is at most the recertification minimum.',
    });
  }
  if (m.recertification > m.stage1 + m.stage2) {
    issues.push({
      path: ['minimums', 'recertification'],
      message: 'The recertification minimum is at most the Stage 1 and Stage 2 minimums together.',
    });
  }
  return issues;
}

export const auditTimeTableSchema = tableShape.superRefine((table, ctx) => {
  for (const issue of crossFieldIssues(table)) ctx.addIssue({ code: 'custom', ...issue });
});
export type AuditTimeTable = z.infer<typeof auditTimeTableSchema>;

export type AuditTimeTableValidation =
  { ok: true; value: AuditTimeTable } | { ok: false; errors: AppErrorInfo[] };

/** Checks a CB-edited table; every error names its JSON path, e.g. `bands[3].producer`. */
export function validateAuditTimeTable(raw: unknown): AuditTimeTableValidation {
  const parsed = auditTimeTableSchema.safeParse(raw, { error: plainEnglish });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => issueToError(issue)) };
}

// The shipped table lives in its own file; it is part of this module's public surface.
export { defaultAuditTimeTable, defaultAuditTimeTableVersion } from './default-table';
