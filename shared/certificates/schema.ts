/**
 * Certification decisions and certificates as they cross the API (issue 8, sections 2 and 3).
 */
import { z } from 'zod';
import type { ClientStatus } from '../clients/schema';
import type { ChangeLogEntry } from '../data/schema';
import { isCalendarDay } from '../dates';
import { decisionKinds, type DecisionKind } from '../findings/decisions';
import type { FindingGrade, FindingState } from '../findings/schema';
import type { AuditTeamMember } from '../programme/audit-schema';
import type { AuditType } from '../programme/vocabulary';
import { scopeDecisionKinds } from './decision-rules';
import { issuedCertificateStatuses, type IssuedCertificateStatus } from './status';

const calendarDay = (label: string) =>
  z
    .string({ message: `Enter ${label} as YYYY-MM-DD.` })
    .refine(isCalendarDay, { message: `Enter ${label} as a real date, YYYY-MM-DD.` });

const clientId = z.string().min(1, { message: 'Choose the client.' });
const decisionKindSchema = z.enum(decisionKinds, { message: 'Choose the decision.' });

export const takeCertificationDecisionSchema = z
  .object({
    clientId,
    kind: decisionKindSchema,
    decisionDate: calendarDay('the date of the decision'),
    /** The caller's calendar day: a decision is not dated in the future. Default: the service's. */
    today: calendarDay('today').optional(),
    reasons: z
      .string({ message: 'Give the reasons for the decision.' })
      .trim()
      .min(1, {
        message:
          'Give the reasons for the decision: they are recorded with it (ISO/IEC 17021-1 9.5).',
      })
      .max(5000, { message: 'Keep the reasons under 5000 characters.' }),
    conditions: z
      .string()
      .trim()
      .max(5000, { message: 'Keep the conditions under 5000 characters.' })
      .default(''),
    /** The scope of certification: required for a scope change; for a grant, the client's scope when empty. */
    scopeText: z
      .string()
      .trim()
      .max(5000, { message: 'Keep the scope under 5000 characters.' })
      .default(''),
  })
  .superRefine((input, ctx) => {
    if (scopeDecisionKinds.includes(input.kind) && input.scopeText === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['scopeText'],
        message: 'Enter the new scope of certification.',
      });
    }
    if (input.today !== undefined && input.decisionDate > input.today) {
      ctx.addIssue({
        code: 'custom',
        path: ['decisionDate'],
        message: `A decision is recorded once taken: choose ${input.today} or an earlier day.`,
      });
    }
  });
export type TakeCertificationDecisionInput = z.input<typeof takeCertificationDecisionSchema>;

export const decisionContextQuerySchema = z.object({
  clientId,
  kind: decisionKindSchema.optional(),
  decisionDate: calendarDay('the date of the decision').optional(),
  today: calendarDay('today').optional(),
});
export type DecisionContextQuery = z.input<typeof decisionContextQuerySchema>;

export const clientDecisionsQuerySchema = z.object({ clientId });

export const certificateStatusSchema = z.enum(issuedCertificateStatuses, {
  message: 'Status is one of active, suspended, withdrawn, expired.',
});

export const certificateListQuerySchema = z.object({
  /** Matches the certificate number, the organisation's legal or trading name, or its reference. */
  search: z.string().trim().max(200).optional(),
  status: certificateStatusSchema.optional(),
  /** Active or suspended certificates whose expiry falls within this many days of today. */
  expiringWithinDays: z
    .number({ message: 'Enter a number of days, e.g. 90.' })
    .int({ message: 'Enter a whole number of days.' })
    .min(0, { message: 'The number of days cannot be negative.' })
    .max(3650, { message: 'Choose at most 3650 days (10 years).' })
    .optional(),
  /** Also list certificates a renewal, restoration or scope change replaced. */
  includeReplaced: z.boolean().default(false),
  clientId: z.string().min(1).optional(),
  today: calendarDay('today').optional(),
});
export type CertificateListQuery = z.input<typeof certificateListQuerySchema>;

export const exportCertificatesSchema = certificateListQuerySchema.extend({
  format: z.enum(['csv', 'xlsx'], { message: 'Choose csv or xlsx.' }),
});
export type ExportCertificatesInput = z.input<typeof exportCertificatesSchema>;

export interface CertificateSite {
  id: string;
  name: string;
  address: string;
  country: string;
  isCentral: boolean;
}

export interface CertificateRow {
  id: string;
  number: string;
  clientId: string;
  clientReference: string;
  organisation: string;
  /** ISO 3166 alpha-2 of the organisation. */
  country: string;
  scopeText: string;
  standard: string;
  issueDate: string;
  expiryDate: string;
  status: IssuedCertificateStatus;
  sites: CertificateSite[];
  decisionId: string | null;
  replacesId: string | null;
  replacesNumber: string | null;
  replacedById: string | null;
  replacedByNumber: string | null;
  /** The issue date of the certificate that replaced it. */
  replacedOn: string | null;
}

export interface CertificateList {
  today: string;
  total: number;
  rows: CertificateRow[];
}

export interface CertificationDecisionRecord {
  id: string;
  clientId: string;
  kind: DecisionKind;
  decisionDate: string;
  decidedBy: string | null;
  decidedByName: string | null;
  reasons: string;
  conditions: string;
  auditIds: string[];
  reportId: string | null;
  scopeText: string | null;
  /** The certificate this decision issued, if any. */
  certificateId: string | null;
  certificateNumber: string | null;
  createdAt: string;
}

export interface CertificateDetail extends CertificateRow {
  /** The decision that issued it. */
  decision: CertificationDecisionRecord | null;
  /** Decisions on this certificate since it was issued (suspensions, reinstatements, withdrawal). */
  statusDecisions: CertificationDecisionRecord[];
  /** The issue date of the first certificate of the chain it belongs to (initial certification). */
  originalIssueDate: string;
  /** The change log of this certificate, newest first. */
  history: ChangeLogEntry[];
}

/** The audit report a decision maker reviews (H8's audit_reports): its latest issued revision. */
export interface DecisionReportSummary {
  reportId: string;
  revision: number;
  state: string;
  issuedAt: string | null;
  issuedByName: string | null;
  recommendation: string | null;
  recommendationNotes: string;
  effectivenessConclusion: string;
}

export interface DecisionAudit {
  id: string;
  type: AuditType;
  cycleNumber: number;
  startDate: string;
  endDate: string;
  completedOn: string | null;
  team: AuditTeamMember[];
  /** The latest issued report revision, else the latest draft, else null. */
  report: DecisionReportSummary | null;
}

export interface DecisionFinding {
  id: string;
  auditId: string;
  grade: FindingGrade | null;
  state: FindingState;
  requirementRef: string;
  statement: string;
  verifiedOn: string | null;
  closedOn: string | null;
}

export interface DecisionKindOption {
  kind: DecisionKind;
  allowed: boolean;
  /** Why it cannot be taken now (null when allowed). */
  reason: string | null;
}

export interface CertificationDecisionContext {
  client: {
    id: string;
    legalName: string;
    reference: string;
    status: ClientStatus;
    scope: string;
    country: string;
  };
  today: string;
  decisionDate: string;
  /** The decision assessed: the one asked about, else the one suggested. */
  kind: DecisionKind;
  suggestedKind: DecisionKind;
  kinds: DecisionKindOption[];
  audits: DecisionAudit[];
  findings: DecisionFinding[];
  /** The lead auditor's recommendation in the report of the latest relied-on audit. */
  recommendation: {
    auditId: string;
    reportId: string;
    kind: string | null;
    notes: string;
  } | null;
  /** Gates G1–G5 not met for this decision and date (nonconformities.md 5). */
  unmet: { gate: string; message: string; findingIds: string[] }[];
  /** Whether the person asking may take it: the role, and not on a relied-on audit team (9.5.1). */
  decider: { allowed: boolean; reason: string | null };
  currentCertificate: CertificateRow | null;
  /** What a decision issuing a certificate would issue (its expiry by the cycle rules). */
  newCertificate: {
    expiryDate: string | null;
    scopeText: string;
    replacesNumber: string | null;
  } | null;
  decisions: CertificationDecisionRecord[];
}

export interface TakeCertificationDecisionResult {
  decision: CertificationDecisionRecord;
  certificate: CertificateRow | null;
  clientStatus: ClientStatus;
}
