import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';

/** A row as SQLite stores it: SQL column names to values. */
export type Row = Record<string, unknown>;

/** The rows chosen so far, by table: what the next table's selection starts from. */
export type Selected = Map<string, Row[]>;

export interface PackageTable {
  table: SQLiteTable;
  name: string;
  /** The primary key column when it is not `id` (tables with one row per audit). */
  key?: string;
  /** Which rows of this table belong in a package of these audits. */
  select: (sqlite: Database.Database, auditIds: string[], selected: Selected) => Row[];
  /**
   * Columns that identify the same record when two installations created it separately (e.g. one
   * auditor's answer to one item): such a row is merged into mine, under my id.
   */
  naturalKey?: string[];
  /** Columns the services derive from others: recomputed after a merge, never compared. */
  derived?: string[];
  /** Columns of "when last touched": the later of the two is kept, never a conflict. */
  latest?: string[];
  /**
   * Columns each installation keeps for itself: a package never changes them on a record that
   * already exists here (who may sign in, and with which roles, is decided locally).
   */
  local?: string[];
}

const chunk = 500;

/** `SELECT * FROM table WHERE column IN (...)`, in chunks, for any number of values. */
export function rowsWhereIn(
  sqlite: Database.Database,
  table: string,
  column: string,
  values: readonly unknown[],
): Row[] {
  const out: Row[] = [];
  const distinct = [...new Set(values.filter((v) => v !== null && v !== undefined))];
  for (let i = 0; i < distinct.length; i += chunk) {
    const part = distinct.slice(i, i + chunk);
    const marks = part.map(() => '?').join(',');
    const sql = `SELECT * FROM "${table}" WHERE "${column}" IN (${marks})`;
    out.push(...(sqlite.prepare(sql).all(...part) as Row[]));
  }
  return out;
}

function values(selected: Selected, table: string, column = 'id'): unknown[] {
  return (selected.get(table) ?? []).map((r) => r[column]);
}

/** Rows whose `column` points at a row already chosen in `parent`. */
function childOf(name: string, parent: string, column: string): PackageTable['select'] {
  return (sqlite, _audits, selected) => rowsWhereIn(sqlite, name, column, values(selected, parent));
}

function unique(rows: Row[]): Row[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** A row's primary key value. */
export function idOf(spec: Pick<PackageTable, 'key'>, row: Row): string {
  return String(row[spec.key ?? 'id']);
}

const always = ['updated_at'];

/**
 * The tables of an audit package, parents before children (the order rows are inserted in).
 * People come first and are chosen last: whoever the other rows point at (see `peopleOf`).
 */
export const packageTables: PackageTable[] = [
  {
    table: schema.people,
    name: 'people',
    select: () => [],
    latest: always,
    local: ['roles', 'pin_hash', 'pin_salt', 'active'],
  },
  {
    table: schema.clients,
    name: 'clients',
    select: (sqlite, _a, selected) =>
      rowsWhereIn(sqlite, 'clients', 'id', values(selected, 'audits', 'client_id')),
    derived: ['search_text'],
    latest: always,
  },
  {
    table: schema.clientSites,
    name: 'client_sites',
    select: childOf('client_sites', 'clients', 'client_id'),
    latest: always,
  },
  {
    table: schema.clientContacts,
    name: 'client_contacts',
    select: childOf('client_contacts', 'clients', 'client_id'),
    latest: always,
  },
  {
    table: schema.certificationCycles,
    name: 'certification_cycles',
    select: childOf('certification_cycles', 'clients', 'client_id'),
    naturalKey: ['client_id', 'cycle_number'],
    latest: always,
  },
  {
    table: schema.soaVersions,
    name: 'soa_versions',
    select: childOf('soa_versions', 'clients', 'client_id'),
    naturalKey: ['client_id', 'version_number'],
    latest: always,
  },
  {
    table: schema.soaControls,
    name: 'soa_controls',
    select: childOf('soa_controls', 'soa_versions', 'soa_version_id'),
    naturalKey: ['soa_version_id', 'control_id'],
    latest: always,
  },
  {
    table: schema.audits,
    name: 'audits',
    select: (sqlite, auditIds) => rowsWhereIn(sqlite, 'audits', 'id', auditIds),
    latest: always,
  },
  {
    table: schema.auditSites,
    name: 'audit_sites',
    select: childOf('audit_sites', 'audits', 'audit_id'),
    naturalKey: ['audit_id', 'site_id'],
    latest: always,
  },
  {
    table: schema.auditTeamMembers,
    name: 'audit_team_members',
    select: childOf('audit_team_members', 'audits', 'audit_id'),
    naturalKey: ['audit_id', 'person_id'],
    latest: always,
  },
  {
    table: schema.auditSoaLinks,
    name: 'audit_soa_links',
    key: 'audit_id',
    select: childOf('audit_soa_links', 'audits', 'audit_id'),
    latest: always,
  },
  {
    table: schema.readinessConclusions,
    name: 'readiness_conclusions',
    key: 'audit_id',
    select: childOf('readiness_conclusions', 'audits', 'audit_id'),
    latest: always,
  },
  {
    table: schema.checklists,
    name: 'checklists',
    select: childOf('checklists', 'audits', 'audit_id'),
    naturalKey: ['audit_id'],
    latest: always,
  },
  {
    table: schema.checklistItems,
    name: 'checklist_items',
    select: childOf('checklist_items', 'checklists', 'checklist_id'),
    naturalKey: ['checklist_id', 'item_key'],
    latest: always,
  },
  {
    table: schema.checklistAnswers,
    name: 'checklist_answers',
    select: childOf('checklist_answers', 'checklist_items', 'checklist_item_id'),
    naturalKey: ['checklist_item_id', 'auditor_id'],
    latest: ['updated_at', 'answered_at'],
  },
  {
    table: schema.checklistEvidence,
    name: 'checklist_evidence',
    select: childOf('checklist_evidence', 'checklist_items', 'checklist_item_id'),
    latest: always,
  },
  {
    table: schema.findings,
    name: 'findings',
    select: childOf('findings', 'audits', 'audit_id'),
    derived: ['audit_last_day', 'response_due', 'verification_due', 'hard_limit', 'next_due'],
    latest: always,
  },
  {
    table: schema.findingEvents,
    name: 'finding_events',
    select: childOf('finding_events', 'findings', 'finding_id'),
    latest: always,
  },
  {
    table: schema.evidenceFiles,
    name: 'evidence_files',
    select: (sqlite, auditIds, selected) =>
      unique([
        ...rowsWhereIn(sqlite, 'evidence_files', 'audit_id', auditIds),
        ...rowsWhereIn(sqlite, 'evidence_files', 'finding_id', values(selected, 'findings')),
        ...rowsWhereIn(
          sqlite,
          'evidence_files',
          'checklist_item_id',
          values(selected, 'checklist_items'),
        ),
      ]),
    latest: always,
  },
];

export const packageTableNames = new Set(packageTables.map((t) => t.name));

/**
 * The change log's entity names of the records the services delete outright (others are marked
 * removed or cancelled, which merges like any field), and their tables.
 */
export const deletedEntityTables: Record<string, string> = {
  audit_team_member: 'audit_team_members',
  client_contact: 'client_contacts',
  client_site: 'client_sites',
};

/** SQL column name → the change log's (drizzle's) field name, per table. */
export function fieldNames(table: SQLiteTable): Map<string, string> {
  return new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));
}

/** The columns of each package table that point at people (team members, authors, actors). */
export function peopleColumns(table: SQLiteTable): string[] {
  return getTableConfig(table)
    .foreignKeys.map((fk) => fk.reference())
    .filter((ref) => getTableConfig(ref.foreignTable).name === 'people')
    .flatMap((ref) => ref.columns.map((c) => c.name));
}

/** Columns of a table that reference another table, with the table they reference. */
export function foreignKeys(table: SQLiteTable): { column: string; references: string }[] {
  return getTableConfig(table).foreignKeys.flatMap((fk) => {
    const ref = fk.reference();
    const target = getTableConfig(ref.foreignTable).name;
    return ref.columns.map((c) => ({ column: c.name, references: target }));
  });
}
