import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, clientSites, people } from './schema-core';

/**
 * The certification programme (issue 5): certification cycles, audits with their sites and team,
 * and what the CB knows about its people's competence, qualifications, availability and
 * impartiality (ISO/IEC 17021-1 7.1, 7.2, 5.2; ISO/IEC 42006 competence for AIMS audits).
 */
const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/**
 * One 3-year certification cycle of a client: the decision that started it and, for a continued
 * cycle, the previous expiry and recertification audit (the inputs of shared/cycle).
 */
export const certificationCycles = sqliteTable(
  'certification_cycles',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    cycleNumber: integer('cycle_number').notNull(),
    /** YYYY-MM-DD: the certification decision (initial or recertification) that started it. */
    decisionDate: text('decision_date').notNull(),
    previousExpiryDate: text('previous_expiry_date'),
    previousAuditDate: text('previous_audit_date'),
    /** YYYY-MM-DD: the recertification decision that closed it, once taken. */
    recertificationDecisionDate: text('recertification_decision_date'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('certification_cycles_client_number').on(t.clientId, t.cycleNumber)],
);

export const audits = sqliteTable(
  'audits',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    /** stage1 | stage2 | surveillance | recertification | special | transfer */
    type: text('type').notNull(),
    cycleNumber: integer('cycle_number').notNull(),
    /** planned | confirmed | in_progress | completed | cancelled */
    state: text('state').notNull(),
    plannedStart: text('planned_start').notNull(),
    plannedEnd: text('planned_end').notNull(),
    onsiteDays: real('onsite_days').notNull(),
    remoteDays: real('remote_days').notNull().default(0),
    /** The saved audit-time result the days came from, and the days it gave. */
    auditTimeResultId: text('audit_time_result_id'),
    calculatedDays: real('calculated_days'),
    /** Required when on-site + remote days differ from the calculated days. */
    daysDeviationReason: text('days_deviation_reason'),
    objectives: text('objectives').notNull().default(''),
    criteria: text('criteria').notNull().default(''),
    scope: text('scope').notNull().default(''),
    /** YYYY-MM-DD: the last day of the audit as held, once completed. */
    completedOn: text('completed_on'),
    cancelledReason: text('cancelled_reason'),
    ...timestamps,
  },
  (t) => [
    index('audits_client_idx').on(t.clientId, t.plannedStart),
    index('audits_state_start_idx').on(t.state, t.plannedStart),
  ],
);

/** The sites an audit visits (the multi-site sample; the central function included). */
export const auditSites = sqliteTable(
  'audit_sites',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .notNull()
      .references(() => clientSites.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('audit_sites_audit_site').on(t.auditId, t.siteId)],
);

export const auditTeamMembers = sqliteTable(
  'audit_team_members',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    /** lead_auditor | auditor | technical_expert | observer */
    role: text('role').notNull(),
    /** Checks that failed for this member and were overridden where the rules allow, with why. */
    overriddenChecks: text('overridden_checks', { mode: 'json' }).$type<string[]>().notNull(),
    overrideReason: text('override_reason'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('audit_team_audit_person').on(t.auditId, t.personId),
    index('audit_team_person_idx').on(t.personId),
  ],
);

/** Competence areas a person covers (codes from shared/programme competence list). */
export const personCompetences = sqliteTable(
  'person_competences',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('person_competences_person_area').on(t.personId, t.area)],
);

export const personQualifications = sqliteTable(
  'person_qualifications',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** e.g. auditorTraining, iso42001LeadAuditor, iso42001Auditor, technicalExpert */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull().default(''),
    validFrom: text('valid_from').notNull(),
    /** YYYY-MM-DD, or null for a qualification that does not expire. */
    validUntil: text('valid_until'),
    ...timestamps,
  },
  (t) => [index('person_qualifications_person_idx').on(t.personId)],
);

export const personUnavailability = sqliteTable(
  'person_unavailability',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    reason: text('reason').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('person_unavailability_person_idx').on(t.personId, t.fromDate)],
);

/** Declared relationships between a person and a client (ISO/IEC 17021-1 5.2 impartiality). */
export const impartialityDeclarations = sqliteTable(
  'impartiality_declarations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    /** consultancy | employment | family | financial | other */
    kind: text('kind').notNull(),
    fromDate: text('from_date').notNull(),
    /** null while the relationship continues. */
    toDate: text('to_date'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('impartiality_person_idx').on(t.personId),
    index('impartiality_client_idx').on(t.clientId),
  ],
);
