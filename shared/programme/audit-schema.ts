/**
 * An audit of the programme as it crosses the API: the plan a scheduler or lead auditor makes
 * (ISO/IEC 17021-1 9.2.3 audit plan: objectives, scope, criteria, dates, sites, team) and the
 * inputs of the calls that change it.
 */
import { z } from 'zod';
import { isCalendarDay } from '../dates';
import type { Role } from '../people/schema';
import {
  auditStateSchema,
  auditTypeSchema,
  type AuditState,
  type AuditType,
  type TeamRole,
} from './vocabulary';

/** Who plans audits and moves them on: the scheduler, an administrator, the lead auditor (9.1.3, 9.2). */
export const auditPlanners: readonly Role[] = ['scheduler', 'admin', 'lead_auditor'];

/**
 * Who records a certification decision here until the decision workflow (issue 8) records them:
 * the decision maker (9.5.1), or the scheduler or an administrator entering one taken elsewhere.
 */
export const decisionRecorders: readonly Role[] = ['scheduler', 'admin', 'decision_maker'];

export const defaultAuditCriteria =
  "ISO/IEC 42001:2023 and the client's Statement of Applicability";

const calendarDay = (label: string) =>
  z
    .string({ message: `Enter ${label} as YYYY-MM-DD.` })
    .refine(isCalendarDay, { message: `Enter ${label} as a real date, YYYY-MM-DD.` });

const days = (what: string) =>
  z
    .number({ message: `Enter the ${what}, e.g. 2 or 2.5.` })
    .min(0, { message: `The ${what} cannot be negative.` })
    .max(1000, { message: `The ${what} are more than 1000.` })
    .refine((d) => Number.isInteger(d * 2), {
      message: `The ${what} are a whole number of half days, e.g. 2 or 2.5.`,
    });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep this under ${max} characters.` });

/** What a planner decides about an audit; the same fields on create and update. */
export const auditPlanSchema = z.object({
  startDate: calendarDay('the first audit day'),
  endDate: calendarDay('the last audit day'),
  onsiteDays: days('on-site days'),
  remoteDays: days('remote days').default(0),
  /** Why the days differ from the audit-time calculation (17021-1 9.1.4: the CB justifies). */
  daysDeviationReason: text(2000).default(''),
  siteIds: z
    .array(z.string().min(1))
    .min(1, { message: 'Choose at least one site to visit.' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'A site is chosen twice.' }),
  objectives: text(5000).default(''),
  criteria: text(2000).min(1, { message: 'State the audit criteria.' }),
  scope: text(5000).default(''),
});
export type AuditPlanInput = z.input<typeof auditPlanSchema>;
export type AuditPlan = z.output<typeof auditPlanSchema>;

type PlanShape = Pick<AuditPlan, 'startDate' | 'endDate' | 'onsiteDays' | 'remoteDays'>;

/** Checks between plan fields, reported at the field a person would correct. */
function checkPlan(plan: PlanShape, ctx: z.RefinementCtx): void {
  if (plan.endDate < plan.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: `The audit ends before it starts: choose a last day on or after ${plan.startDate}.`,
    });
  }
  if (plan.onsiteDays + plan.remoteDays < 0.5) {
    ctx.addIssue({
      code: 'custom',
      path: ['onsiteDays'],
      message: 'An audit takes at least half a day, on site or remote.',
    });
  }
}

export const createAuditSchema = auditPlanSchema
  .extend({
    clientId: z.string().min(1, { message: 'Choose the client.' }),
    type: auditTypeSchema,
    cycleNumber: z
      .number({ message: 'Enter the cycle number, e.g. 1.' })
      .int({ message: 'The cycle number is a whole number.' })
      .min(1, { message: 'Cycles are numbered from 1.' })
      .max(100),
  })
  .superRefine(checkPlan);
export type CreateAuditInput = z.input<typeof createAuditSchema>;

export const updateAuditSchema = auditPlanSchema
  .extend({ id: z.string().min(1) })
  .superRefine(checkPlan);
export type UpdateAuditInput = z.input<typeof updateAuditSchema>;

export const changeAuditStateSchema = z.discriminatedUnion(
  'to',
  [
    z.object({ id: z.string().min(1), to: z.literal(['confirmed', 'in_progress']) }),
    z.object({
      id: z.string().min(1),
      to: z.literal('completed'),
      completedOn: calendarDay('the last day the audit was held'),
    }),
    z.object({
      id: z.string().min(1),
      to: z.literal('cancelled'),
      reason: text(2000).min(1, { message: 'Say why the audit is cancelled.' }),
    }),
  ],
  { message: 'Choose the state to move the audit to.' },
);
export type ChangeAuditStateInput = z.input<typeof changeAuditStateSchema>;
export type AuditStateChange = z.output<typeof changeAuditStateSchema>;

export const auditListQuerySchema = z.object({
  clientId: z.string().min(1).optional(),
  type: auditTypeSchema.optional(),
  state: auditStateSchema.optional(),
});
export type AuditListQuery = z.input<typeof auditListQuerySchema>;

/** How many audits one page of the audit list holds unless the call says (and at most). */
export const auditPageDefaultLimit = 100;
export const auditPageMaxLimit = 500;

/**
 * One page of the audit list (`listAuditPage`): the list's filters, a search on the client (its
 * name or reference, as the client list's search matches) and the page's place in the list.
 */
export const auditPageQuerySchema = auditListQuerySchema.extend({
  search: z.string().trim().max(200, { message: 'Search with at most 200 characters.' }).optional(),
  offset: z
    .number()
    .int({ message: 'The offset is a whole number.' })
    .min(0, { message: 'The offset is 0 or more.' })
    .default(0),
  limit: z
    .number()
    .int({ message: 'The page size is a whole number.' })
    .min(1, { message: 'A page holds at least 1 audit.' })
    .max(auditPageMaxLimit, { message: `A page holds at most ${auditPageMaxLimit} audits.` })
    .default(auditPageDefaultLimit),
});
export type AuditPageQuery = z.input<typeof auditPageQuerySchema>;

export const auditPlanDefaultsQuerySchema = z.object({
  clientId: z.string().min(1, { message: 'Choose the client.' }),
  type: auditTypeSchema,
});

export interface AuditTeamMember {
  personId: string;
  name: string;
  role: TeamRole;
}

/** One row of the audit list (and of `cli audit list`). */
export interface AuditSummary {
  id: string;
  clientId: string;
  clientName: string;
  clientReference: string;
  type: AuditType;
  cycleNumber: number;
  state: AuditState;
  startDate: string;
  endDate: string;
  onsiteDays: number;
  remoteDays: number;
  completedOn: string | null;
  team: AuditTeamMember[];
}

/** One page of the audit list and how many audits match in all. */
export interface AuditPage {
  total: number;
  rows: AuditSummary[];
}

export interface AuditSite {
  siteId: string;
  name: string;
  country: string;
  address: string;
  isCentral: boolean;
}

export interface Audit extends AuditSummary {
  auditTimeResultId: string | null;
  /** The days the audit-time calculation gave when the audit was planned; null without one. */
  calculatedDays: number | null;
  daysDeviationReason: string | null;
  sites: AuditSite[];
  objectives: string;
  criteria: string;
  scope: string;
  cancelledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a new audit of a type starts from: the saved audit-time result and the client's record. */
export interface AuditPlanDefaults {
  clientId: string;
  type: AuditType;
  /** The saved, usable audit-time result the days come from; null when there is none. */
  auditTimeResultId: string | null;
  calculatedDays: number | null;
  /** 80 % of the audit on site (IAF MD 5 via the audit-time table); null without a result. */
  minOnsiteDays: number | null;
  onsiteDays: number;
  remoteDays: number;
  /** How many sites besides the central function the multi-site sample visits (IAF MD 1). */
  sampleSize: number;
  siteIds: string[];
  objectives: string;
  criteria: string;
  scope: string;
  /** Where the figures come from, in a sentence for the form. */
  source: string;
}

/** The audit plan PDF as it crosses the API: bytes as base64, with the file name to save it as. */
export interface AuditPlanDocument {
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}
