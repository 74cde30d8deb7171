import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, people } from './schema-core';
import { audits } from './schema-programme';

/**
 * Statements of Applicability (issue 6). A save is a new version with one row per Annex A control
 * (rows, not a JSON blob, so later merges between laptops work per control); versions are never
 * changed, so what an audit looked at stays readable.
 */
const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const soaVersions = sqliteTable(
  'soa_versions',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    versionNumber: integer('version_number').notNull(),
    /** The client's own SoA document id and version. */
    documentReference: text('document_reference').notNull(),
    /** The requirement catalogue the controls came from, e.g. audit-desk-42001-2023.1. */
    catalogueVersion: text('catalogue_version').notNull(),
    createdBy: text('created_by').references(() => people.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('soa_versions_client_number').on(t.clientId, t.versionNumber)],
);

export const soaControls = sqliteTable(
  'soa_controls',
  {
    id: text('id').primaryKey(),
    soaVersionId: text('soa_version_id')
      .notNull()
      .references(() => soaVersions.id),
    controlId: text('control_id').notNull(),
    position: integer('position').notNull(),
    applicable: integer('applicable', { mode: 'boolean' }).notNull(),
    justification: text('justification').notNull().default(''),
    /** implemented | partially_implemented | planned | not_implemented; null when excluded. */
    implementationStatus: text('implementation_status'),
    reference: text('reference').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('soa_controls_version_control').on(t.soaVersionId, t.controlId)],
);

/** Which SoA version an audit audited; its own table so the audits table stays as it is. */
export const auditSoaLinks = sqliteTable(
  'audit_soa_links',
  {
    auditId: text('audit_id')
      .primaryKey()
      .references(() => audits.id),
    soaVersionId: text('soa_version_id')
      .notNull()
      .references(() => soaVersions.id),
    recordedBy: text('recorded_by').references(() => people.id),
    ...timestamps,
  },
  (t) => [index('audit_soa_links_version_idx').on(t.soaVersionId)],
);
