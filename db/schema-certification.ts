import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, people } from './schema-core';
import { audits } from './schema-programme';

/**
 * Audit reports, certification decisions and certificates (issue 8). An issued report revision
 * is never changed: a change makes a new revision with a change note.
 */
const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const auditReports = sqliteTable(
  'audit_reports',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => audits.id),
    revision: integer('revision').notNull(),
    /** draft | issued */
    state: text('state').notNull(),
    /** Why this revision exists (required from revision 2). */
    changeNote: text('change_note').notNull().default(''),
    /** The lead auditor's conclusion on the management system's effectiveness. */
    effectivenessConclusion: text('effectiveness_conclusion').notNull().default(''),
    /** grant | refuse | maintain | renew | suspend | withdraw | reduceScope | extendScope | restore | reinstate; null until chosen. */
    recommendation: text('recommendation'),
    recommendationNotes: text('recommendation_notes').notNull().default(''),
    /** Unresolved diverging opinions between the team and the client. */
    divergingOpinions: text('diverging_opinions').notNull().default(''),
    /** Multi-site: why these sites were sampled. */
    samplingBasis: text('sampling_basis').notNull().default(''),
    /** Audit days actually spent, and why they differ from the plan or the calculation. */
    daysSpent: real('days_spent'),
    daysSpentReason: text('days_spent_reason').notNull().default(''),
    /** Lint warning codes the lead auditor acknowledged before issue. */
    acknowledgedWarnings: text('acknowledged_warnings', { mode: 'json' })
      .$type<string[]>()
      .notNull(),
    issuedBy: text('issued_by').references(() => people.id),
    issuedAt: text('issued_at'),
    /** SHA-256 of the PDF rendered at issue. */
    pdfSha256: text('pdf_sha256'),
    ...timestamps,
  },
  (t) => [uniqueIndex('audit_reports_audit_revision').on(t.auditId, t.revision)],
);

export const certificationDecisions = sqliteTable(
  'certification_decisions',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    /** grant | refuse | maintain | renew | suspend | withdraw | reduceScope | extendScope | restore | reinstate */
    kind: text('kind').notNull(),
    decisionDate: text('decision_date').notNull(),
    decidedBy: text('decided_by').references(() => people.id),
    reasons: text('reasons').notNull(),
    conditions: text('conditions').notNull().default(''),
    /** The audits the decision relies on, and the report revision reviewed. */
    auditIds: text('audit_ids', { mode: 'json' }).$type<string[]>().notNull(),
    reportId: text('report_id').references(() => auditReports.id),
    /** For scope changes: the new scope text. */
    scopeText: text('scope_text'),
    ...timestamps,
  },
  (t) => [index('certification_decisions_client_idx').on(t.clientId, t.decisionDate)],
);

export const certificates = sqliteTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    number: text('number').notNull(),
    standard: text('standard').notNull(),
    scopeText: text('scope_text').notNull(),
    /** Client site ids covered. */
    siteIds: text('site_ids', { mode: 'json' }).$type<string[]>().notNull(),
    issueDate: text('issue_date').notNull(),
    expiryDate: text('expiry_date').notNull(),
    /** The decision that issued it. */
    decisionId: text('decision_id').references(() => certificationDecisions.id),
    /** The certificate a renewal or scope change replaced. */
    replacesId: text('replaces_id'),
    /** active | suspended | withdrawn | expired — kept in step with decisions and dates by the service. */
    status: text('status').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('certificates_number').on(t.number),
    index('certificates_client_idx').on(t.clientId),
    index('certificates_status_idx').on(t.status, t.expiryDate),
  ],
);
