import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    /** Lower-cased reference, names and country: what the list's search matches against. */
    searchText: text('search_text').notNull(),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('clients_reference_unique').on(t.reference),
    index('clients_legal_name_idx').on(sql`${t.legalName} COLLATE NOCASE`),
    index('clients_status_idx').on(t.status),
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
  (t) => [index('change_log_root_idx').on(t.rootId, t.at)],
);

/** Small key/value settings (CB details, last backup time, numbering counters). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  createdAt: text('created_at').notNull(),
});
