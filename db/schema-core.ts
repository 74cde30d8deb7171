import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AuditTimeEntry, AuditTimeResult, AuditTimeTable } from '../shared/audit-time';

/**
 * Every table: a time-sortable text id (UUIDv7, so records made offline on two laptops merge
 * without collisions) and created_at / updated_at as ISO-8601 UTC instants.
 */
const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const people = sqliteTable('people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  /** JSON array of roles. */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  pinHash: text('pin_hash'),
  pinSalt: text('pin_salt'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** ISO 639-1 codes of the languages the person audits in. */
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
  ...timestamps,
});

export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    reference: text('reference').notNull(),
    legalName: text('legal_name').notNull(),
    tradingName: text('trading_name').notNull().default(''),
    country: text('country').notNull(),
    address: text('address').notNull().default(''),
    status: text('status').notNull(),
    scope: text('scope').notNull().default(''),
    aiRoles: text('ai_roles', { mode: 'json' }).$type<string[]>().notNull(),
    aiSystemCount: integer('ai_system_count').notNull().default(0),
    otherCertifications: text('other_certifications', { mode: 'json' })
      .$type<{ standard: string; certificateNumber: string }[]>()
      .notNull(),
    notes: text('notes').notNull().default(''),
    /**
     * Application review (ISO/IEC 17021-1 9.1.2): the competence areas the client's scope needs,
     * chosen by the CB; every audit team must cover them.
     */
    requiredCompetenceAreas: text('required_competence_areas', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default([]),
    applicationReviewedBy: text('application_reviewed_by'),
    applicationReviewedAt: text('application_reviewed_at'),
    /** Lower-cased reference, names and country: what the list's search matches against. */
    searchText: text('search_text').notNull(),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('clients_reference_unique').on(t.reference),
    index('clients_legal_name_idx').on(sql`${t.legalName} COLLATE NOCASE`),
    index('clients_status_idx').on(t.status),
    // The client list's search (clients.ts listClients): name order with the id tie-break, and the
    // search text and archive mark in the index, so a search reads the index, not every row.
    index('clients_list_idx').on(
      sql`${t.legalName} COLLATE NOCASE`,
      t.id,
      t.archivedAt,
      t.searchText,
    ),
  ],
);

export const clientContacts = sqliteTable(
  'client_contacts',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [index('client_contacts_client_idx').on(t.clientId)],
);

export const clientSites = sqliteTable(
  'client_sites',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    country: text('country').notNull(),
    isCentral: integer('is_central', { mode: 'boolean' }).notNull().default(false),
    fullTimePersonnel: integer('full_time_personnel').notNull().default(0),
    partTimePersonnel: integer('part_time_personnel').notNull().default(0),
    partTimeAverageHours: real('part_time_average_hours').notNull().default(0),
    aiPersonnel: integer('ai_personnel').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('client_sites_client_idx').on(t.clientId)],
);

/**
 * Append-only record of who changed what, when, from what to what (ISO/IEC 17021-1 asks for
 * records that are kept and traceable). Written in the same transaction as the change itself.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: text('id').primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The record this change belongs to for history views (e.g. the client of a site). */
    rootId: text('root_id').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    actorId: text('actor_id'),
    at: text('at').notNull(),
  },
  (t) => [
    index('change_log_root_idx').on(t.rootId, t.at),
    // Audit packages merge field by field: which changes a record has had.
    index('change_log_entity_idx').on(t.entityId, t.field),
  ],
);

/** Small key/value settings (CB details, last backup time, numbering counters). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * Versions of the audit-time table (bands, role columns, caps, minimums, factor catalogue). A CB
 * edit is a new row; rows are never changed except which one is current, so every saved result
 * can be read and explained with the exact table it was calculated with.
 */
export const auditTimeTables = sqliteTable(
  'audit_time_tables',
  {
    id: text('id').primaryKey(),
    version: text('version').notNull(),
    /** YYYY-MM-DD: from when the CB applies this version. */
    effectiveDate: text('effective_date').notNull(),
    /** The whole table as JSON, in the shape shared/audit-time/table.ts validates. */
    table: text('table', { mode: 'json' }).$type<AuditTimeTable>().notNull(),
    isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by').references(() => people.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('audit_time_tables_version_unique').on(t.version),
    // At most one current version, enforced by the database itself.
    uniqueIndex('audit_time_tables_one_current')
      .on(t.isCurrent)
      .where(sql`${t.isCurrent} = 1`),
  ],
);

/**
 * A client's saved audit-time calculations (ISO/IEC 17021-1 9.1.4: the audit time determined and
 * its justification are recorded). Input and output are kept whole; an override of the days by a
 * lead auditor waits for approval by a second person.
 */
export const auditTimeResults = sqliteTable(
  'audit_time_results',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    tableId: text('table_id')
      .notNull()
      .references(() => auditTimeTables.id),
    tableVersion: text('table_version').notNull(),
    auditType: text('audit_type').notNull(),
    input: text('input', { mode: 'json' }).$type<AuditTimeEntry>().notNull(),
    output: text('output', { mode: 'json' }).$type<AuditTimeResult>().notNull(),
    calculatedDays: real('calculated_days').notNull(),
    overrideDays: real('override_days'),
    overrideReason: text('override_reason'),
    overriddenBy: text('overridden_by').references(() => people.id),
    overriddenAt: text('overridden_at'),
    /** notRequired | pending | approved | rejected */
    approvalState: text('approval_state').notNull().default('notRequired'),
    /** Who decided on the override, whether approved or rejected (never the overrider). */
    approvedBy: text('approved_by').references(() => people.id),
    approvedAt: text('approved_at'),
    approvalNote: text('approval_note'),
    createdBy: text('created_by').references(() => people.id),
    ...timestamps,
  },
  (t) => [index('audit_time_results_client_idx').on(t.clientId, t.createdAt)],
);
