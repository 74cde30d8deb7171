import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { audits } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { decideDeleted, decideField } from '../../../shared/packages/merge-rules';
import {
  conflictKey,
  type ImportCounts,
  type PackageConflict,
  type Resolution,
} from '../../../shared/packages/schema';
import { actorId, type ServiceContext } from '../context';
import { searchText } from '../clients';
import { recomputeAuditFindingDeadlines } from '../finding-deadline-columns';
import type { PackageData } from './format';
import {
  deletedEntityTables,
  fieldNames,
  foreignKeys,
  idOf,
  packageTables,
  type PackageTable,
  type Row,
} from './tables';

/** Free text a person may rewrite when resolving a conflict; codes, states and dates are kept or taken. */
const freeText = new Set([
  'notes',
  'statement',
  'objectiveEvidence',
  'gradeRationale',
  'acknowledgementNote',
  'objectives',
  'criteria',
  'scope',
  'legalName',
  'tradingName',
  'address',
  'name',
  'role',
  'phone',
  'email',
  'description',
  'detail',
  'summary',
  'justification',
  'daysDeviationReason',
  'cancelledReason',
  'carriedNote',
]);

const tableLabels: Record<string, string> = {
  people: 'Person',
  clients: 'Client',
  client_sites: 'Site',
  client_contacts: 'Contact',
  certification_cycles: 'Certification cycle',
  soa_versions: 'SoA version',
  soa_controls: 'SoA control',
  audits: 'Audit',
  audit_sites: 'Audit site',
  audit_team_members: 'Team member',
  audit_soa_links: 'Audited SoA',
  readiness_conclusions: 'Readiness conclusion',
  checklists: 'Checklist',
  checklist_items: 'Checklist item',
  checklist_answers: 'Answer',
  checklist_evidence: 'Evidence entry',
  findings: 'Finding',
  finding_events: 'Finding event',
  evidence_files: 'Evidence file',
};

export interface MergeOutcome extends ImportCounts {
  newPeople: { name: string; roles: string[] }[];
  conflicts: PackageConflict[];
  unresolved: PackageConflict[];
  resolved: number;
}

interface LogEntry {
  id: string;
  field: string;
  root_id: string;
}

interface Change {
  spec: PackageTable;
  mineId: string;
  /** The record its history belongs to (e.g. the client of a site), for the resolution's entry. */
  rootId: string;
  set: Record<string, unknown>;
  /** Columns set because a conflict was resolved, with the value mine had: logged as new changes. */
  resolved: { key: string; from: unknown; to: unknown }[];
}

function words(key: string): string {
  return key.replace(/([A-Z])/g, ' $1').toLowerCase();
}

function shown(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Their value for a column in my column's type (SQLite gives numbers and strings back). */
function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

class Merger {
  private readonly remap = new Map<string, string>();
  private readonly theirLogIds: Set<string>;
  private readonly theirLog = new Map<string, LogEntry[]>();
  private readonly statements = new Map<string, Database.Statement>();
  readonly inserts: { spec: PackageTable; row: Row }[] = [];
  readonly changes: Change[] = [];
  readonly conflicts: PackageConflict[] = [];
  readonly unresolved: PackageConflict[] = [];
  readonly touchedClients = new Set<string>();
  readonly newPeople: { name: string; roles: string[] }[] = [];
  counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  readonly deletes: { spec: PackageTable; mineId: string }[] = [];

  constructor(
    private readonly sqlite: Database.Database,
    private readonly data: PackageData,
    private readonly resolutions: Map<string, Resolution>,
  ) {
    this.theirLogIds = new Set(data.changeLog.map((e) => String(e.id)));
    for (const e of data.changeLog) {
      const list = this.theirLog.get(String(e.entity_id)) ?? [];
      list.push({ id: String(e.id), field: String(e.field), root_id: String(e.root_id) });
      this.theirLog.set(String(e.entity_id), list);
    }
  }

  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private mineLog(ids: string[]): LogEntry[] {
    const out: LogEntry[] = [];
    for (const id of new Set(ids)) {
      out.push(
        ...(this.prepare('SELECT id, field, root_id FROM change_log WHERE entity_id = ?').all(
          id,
        ) as LogEntry[]),
      );
    }
    return out;
  }

  private theirsFor(ids: string[]): LogEntry[] {
    return [...new Set(ids)].flatMap((id) => this.theirLog.get(id) ?? []);
  }

  private findMine(spec: PackageTable, row: Row): Row | undefined {
    const key = spec.key ?? 'id';
    const byId = this.prepare(`SELECT * FROM "${spec.name}" WHERE "${key}" = ?`).get(row[key]) as
      Row | undefined;
    if (byId || !spec.naturalKey) return byId;
    const where = spec.naturalKey.map((c) => `"${c}" = ?`).join(' AND ');
    return this.prepare(`SELECT * FROM "${spec.name}" WHERE ${where}`).get(
      ...spec.naturalKey.map((c) => row[c]),
    ) as Row | undefined;
  }

  private label(spec: PackageTable, mine: Row, key: string): string {
    let what = '';
    if (spec.name === 'checklist_answers' || spec.name === 'checklist_evidence') {
      const item = this.prepare(
        'SELECT requirement_ref, title FROM checklist_items WHERE id = ?',
      ).get(mine.checklist_item_id) as { requirement_ref: string; title: string } | undefined;
      const person = this.prepare('SELECT name FROM people WHERE id = ?').get(mine.auditor_id) as
        { name: string } | undefined;
      what = [item ? `${item.requirement_ref} ${item.title}` : '', person ? `(${person.name})` : '']
        .filter(Boolean)
        .join(' ');
    } else {
      for (const c of ['legal_name', 'name', 'requirement_ref', 'reference', 'title', 'type']) {
        if (typeof mine[c] === 'string' && mine[c]) {
          what = String(mine[c]);
          break;
        }
      }
    }
    if (!what && typeof mine.person_id === 'string') {
      const person = this.prepare('SELECT name FROM people WHERE id = ?').get(mine.person_id) as
        { name: string } | undefined;
      what = person?.name ?? '';
    }
    return `${tableLabels[spec.name] ?? spec.name}${what ? ` ${what}` : ''}: ${words(key)}`;
  }

  private resolve(
    spec: PackageTable,
    mineId: string,
    key: string,
    column: string,
    mine: Row,
    theirs: Row,
    editable: boolean,
  ): { value: unknown } | null {
    const conflict: PackageConflict = {
      entity: spec.name,
      id: mineId,
      field: key,
      mine: shown(mine[column]),
      theirs: shown(theirs[column]),
      label: this.label(spec, mine, key),
      editable,
    };
    this.conflicts.push(conflict);
    const chosen = this.resolutions.get(conflictKey(conflict));
    if (!chosen) {
      this.unresolved.push(conflict);
      return null;
    }
    if (chosen.choice === 'mine') return { value: mine[column] };
    if (chosen.choice === 'theirs') return { value: theirs[column] };
    if (!editable) {
      throw new AppError(
        'VALIDATION',
        `${conflict.label} can only be kept or taken, not edited.`,
        'resolutions',
      );
    }
    return { value: chosen.value ?? '' };
  }

  /** Plans one table: inserts for rows only they have, field decisions for rows both have. */
  planTable(spec: PackageTable): void {
    const keyColumn = spec.key ?? 'id';
    const names = fieldNames(spec.table);
    const fks = foreignKeys(spec.table);
    const skip = new Set([
      keyColumn,
      'id',
      'created_at',
      ...(spec.derived ?? []),
      ...(spec.local ?? []),
    ]);
    const latest = new Set(spec.latest ?? []);
    for (const original of this.data.tables[spec.name] ?? []) {
      const theirs: Row = { ...original };
      for (const fk of fks) {
        const mapped = this.remap.get(String(theirs[fk.column]));
        if (mapped) theirs[fk.column] = mapped;
      }
      if (spec.key) {
        const mapped = this.remap.get(String(theirs[keyColumn]));
        if (mapped) theirs[keyColumn] = mapped;
      }
      const theirId = idOf(spec, original);
      const mine = this.findMine(spec, theirs);
      if (!mine) {
        this.planInsert(spec, theirs, theirId);
        continue;
      }
      const mineId = idOf(spec, mine);
      if (mineId !== theirId) this.remap.set(theirId, mineId);
      const recordIds = [mineId, theirId];
      const mineLog = this.mineLog(recordIds);
      const mineIds = new Set(mineLog.map((e) => e.id));
      const theirsUnseen = this.theirsFor(recordIds).filter((e) => !mineIds.has(e.id));
      const mineUnseen = mineLog.filter((e) => !this.theirLogIds.has(e.id));
      const set: Record<string, unknown> = {};
      const resolved: Change['resolved'] = [];
      const unresolvedBefore = this.unresolved.length;
      const rootId = (mineLog[0] ?? this.theirsFor(recordIds)[0])?.root_id ?? mineId;
      let changed = false;
      for (const column of Object.keys(mine)) {
        if (skip.has(column) || !(column in theirs)) continue;
        if (latest.has(column)) {
          if (String(theirs[column] ?? '') > String(mine[column] ?? ''))
            set[column] = theirs[column];
          continue;
        }
        const key = names.get(column) ?? column;
        const outcome = decideField({
          equal: same(mine[column], theirs[column]),
          theirsChangedField: theirsUnseen.some((e) => e.field === key),
          mineChangedField: mineUnseen.some((e) => e.field === key),
          theirsChangedRecord: theirsUnseen.length > 0,
          mineChangedRecord: mineUnseen.length > 0,
        });
        if (outcome === 'theirs') {
          set[column] = theirs[column];
          changed = true;
        } else if (outcome === 'conflict') {
          const editable = freeText.has(key) && typeof mine[column] === 'string';
          const chosen = this.resolve(spec, mineId, key, column, mine, theirs, editable);
          if (chosen) {
            resolved.push({ key, from: mine[column], to: chosen.value });
            if (!same(chosen.value, mine[column])) {
              set[column] = chosen.value;
              changed = true;
            }
          }
        }
      }
      // A record still waiting on a decision is neither updated nor unchanged yet: the preview
      // lists it among the conflicts only.
      const waiting = this.unresolved.length > unresolvedBefore;
      if (changed || resolved.length > 0) {
        this.counts.updated += changed ? 1 : 0;
        this.counts.unchanged += changed || waiting ? 0 : 1;
        this.changes.push({ spec, mineId, rootId, set, resolved });
        this.noteClient(spec, mine);
      } else {
        this.counts.unchanged += waiting ? 0 : 1;
        if (Object.keys(set).length > 0) this.changes.push({ spec, mineId, rootId, set, resolved });
      }
    }
  }

  /**
   * Records they deleted that I still have: deleted here too when I have not changed them since;
   * a conflict when I have. A record one of their rows was merged into is never deleted.
   */
  planDeletions(): void {
    const merged = new Set(this.remap.values());
    for (const e of this.data.changeLog) {
      if (e.field !== 'deleted') continue;
      const table = deletedEntityTables[String(e.entity)];
      const spec = packageTables.find((t) => t.name === table);
      const id = String(e.entity_id);
      if (!spec || merged.has(id)) continue;
      // They still hold the record: a decision there (a conflict resolved by keeping or taking
      // it back) overruled that deletion, so it is not carried out here.
      if ((this.data.tables[spec.name] ?? []).some((r) => idOf(spec, r) === id)) continue;
      const mine = this.prepare(`SELECT * FROM "${spec.name}" WHERE id = ?`).get(id) as
        Row | undefined;
      if (!mine) continue;
      const mineLog = this.mineLog([id]);
      if (mineLog.some((m) => m.id === String(e.id))) continue;
      const mineChanged = mineLog.some((m) => !this.theirLogIds.has(m.id));
      if (mineChanged) {
        const chosen = this.resolve(
          spec,
          id,
          'deleted',
          'deleted',
          { ...mine, deleted: 'changed here' },
          { ...mine, deleted: 'deleted there' },
          false,
        );
        if (!chosen || chosen.value === 'changed here') continue;
      }
      this.deletes.push({ spec, mineId: id });
      this.counts.deleted++;
    }
  }

  private planInsert(spec: PackageTable, theirs: Row, theirId: string): void {
    const myLog = this.mineLog([theirId]);
    const myDeletions = myLog.filter((e) => e.field === 'deleted');
    // Their log holds every deletion of mine and they still have the record: they decided to keep
    // it (a conflict resolved there), so it comes back without asking the same question again.
    const theirLogIds = new Set(this.theirsFor([theirId]).map((e) => e.id));
    const keptThere = myDeletions.every((e) => theirLogIds.has(e.id));
    const deletedHere = myDeletions.length > 0 && !keptThere;
    if (deletedHere) {
      const mineIds = new Set(myLog.map((e) => e.id));
      const theirsChanged = this.theirsFor([theirId]).some((e) => !mineIds.has(e.id));
      if (decideDeleted(theirsChanged) === 'mine') {
        this.counts.unchanged++;
        return;
      }
      const chosen = this.resolve(
        spec,
        theirId,
        'deleted',
        'deleted',
        { deleted: 'deleted here' },
        { deleted: 'changed there' },
        false,
      );
      if (!chosen || chosen.value === 'deleted here') {
        this.counts.unchanged++;
        return;
      }
    }
    if (spec.name === 'clients') {
      const other = this.prepare('SELECT legal_name FROM clients WHERE reference = ?').get(
        theirs.reference,
      ) as { legal_name: string } | undefined;
      if (other) {
        throw new AppError(
          'CONFLICT',
          `The package's client ${String(theirs.legal_name)} has the reference ${String(theirs.reference)}, which ${other.legal_name} already has here. Change one of the references, then import again.`,
          'file',
        );
      }
    }
    if (spec.name === 'people') {
      // Administrators are made here, never by a package (Audit Desk rule): whoever signed it,
      // a person it adds arrives without the administrator role.
      let roles: string[] = [];
      try {
        roles = (JSON.parse(String(theirs.roles)) as string[]).filter((r) => r !== 'admin');
      } catch {
        roles = [];
      }
      theirs.roles = JSON.stringify(roles);
      this.newPeople.push({ name: String(theirs.name), roles });
    }
    this.inserts.push({ spec, row: theirs });
    this.counts.inserted++;
    this.noteClient(spec, theirs);
  }

  private noteClient(spec: PackageTable, row: Row): void {
    if (spec.name === 'clients') this.touchedClients.add(String(row.id));
  }

  /** Writes the plan: inserts, field changes, their change-log entries, resolutions, derived columns. */
  apply(ctx: ServiceContext, at: string): void {
    const { sqlite } = this;
    for (const { spec, mineId } of this.deletes) {
      sqlite.prepare(`DELETE FROM "${spec.name}" WHERE id = ?`).run(mineId);
    }
    for (const { spec, row } of this.inserts) {
      const columns = Object.keys(row);
      const sql = `INSERT INTO "${spec.name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      sqlite.prepare(sql).run(...columns.map((c) => row[c]));
    }
    for (const change of this.changes) {
      const columns = Object.keys(change.set);
      if (columns.length === 0) continue;
      const keyColumn = change.spec.key ?? 'id';
      const sql = `UPDATE "${change.spec.name}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE "${keyColumn}" = ?`;
      sqlite.prepare(sql).run(...columns.map((c) => change.set[c]), change.mineId);
    }
    const insertLog = sqlite.prepare(
      'INSERT OR IGNORE INTO change_log (id, entity, entity_id, root_id, field, old_value, new_value, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // A record they made separately (merged into mine by its natural key) keeps its history
    // under my id, so my next package carries it and the other side sees it as already known.
    for (const e of this.data.changeLog) {
      insertLog.run(
        e.id,
        e.entity,
        this.remap.get(String(e.entity_id)) ?? e.entity_id,
        e.root_id,
        e.field,
        e.old_value ?? null,
        e.new_value ?? null,
        e.actor_id ?? null,
        e.at,
      );
    }
    // A resolved conflict is a change made here: logged, so the other side takes it next time.
    for (const change of this.changes) {
      for (const r of change.resolved) {
        insertLog.run(
          uuidv7(),
          change.spec.name,
          change.mineId,
          change.rootId,
          r.key,
          shown(r.from) === null ? null : String(shown(r.from)),
          shown(r.to) === null ? null : String(shown(r.to)),
          actorId(ctx),
          at,
        );
      }
    }
    this.recomputeDerived(ctx, at);
  }

  private recomputeDerived(ctx: ServiceContext, at: string): void {
    const update = this.sqlite.prepare('UPDATE clients SET search_text = ? WHERE id = ?');
    for (const id of this.touchedClients) {
      const c = this.sqlite
        .prepare('SELECT reference, legal_name, trading_name, country FROM clients WHERE id = ?')
        .get(id) as
        | { reference: string; legal_name: string; trading_name: string; country: string }
        | undefined;
      if (!c) continue;
      update.run(
        searchText({
          reference: c.reference,
          legalName: c.legal_name,
          tradingName: c.trading_name,
          country: c.country,
        }),
        id,
      );
    }
    for (const audit of this.data.tables.audits ?? []) {
      const auditId = this.remap.get(String(audit.id)) ?? String(audit.id);
      const row = ctx.db.select().from(audits).where(eq(audits.id, auditId)).get();
      if (row) recomputeAuditFindingDeadlines(ctx.db, row, at.slice(0, 10), at);
    }
  }
}

/**
 * Merges a package's records into this database, record by record and field by field (see
 * merge-rules.ts), inside the caller's transaction. With `dryRun` nothing is written.
 */
export function mergePackage(
  ctx: ServiceContext,
  data: PackageData,
  options: { resolutions: Resolution[]; dryRun: boolean; at: string },
): MergeOutcome {
  const unknown = Object.keys(data.tables).filter(
    (name) => !packageTables.some((t) => t.name === name),
  );
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      `This package was refused: it holds records this version of Audit Desk does not know (${unknown.join(', ')}); update Audit Desk first.`,
      'file',
    );
  }
  for (const spec of packageTables) {
    const columns = Object.values(getTableColumns(spec.table));
    const known = new Set(columns.map((c) => c.name));
    // Columns an insert cannot do without: a package from an older Audit Desk lacks them.
    const required = columns.filter((c) => c.notNull && !c.hasDefault).map((c) => c.name);
    for (const row of data.tables[spec.name] ?? []) {
      const extra = Object.keys(row).filter((c) => !known.has(c));
      if (extra.length > 0) {
        throw new AppError(
          'VALIDATION',
          `This package was refused: it was made by a newer Audit Desk (${spec.name} has ${extra.join(', ')}); update Audit Desk first.`,
          'file',
        );
      }
      const missing = required.filter((c) => !(c in row));
      if (missing.length > 0) {
        throw new AppError(
          'VALIDATION',
          `This package was refused: it was made by an older Audit Desk (${spec.name} lacks ${missing.join(', ')}); update Audit Desk where it was exported, then export it again.`,
          'file',
        );
      }
    }
  }
  const merger = new Merger(
    ctx.sqlite,
    data,
    new Map(options.resolutions.map((r) => [conflictKey(r), r])),
  );
  for (const spec of packageTables) merger.planTable(spec);
  merger.planDeletions();
  if (!options.dryRun && merger.unresolved.length === 0) merger.apply(ctx, options.at);
  return {
    ...merger.counts,
    newPeople: merger.newPeople,
    conflicts: merger.conflicts,
    unresolved: merger.unresolved,
    resolved: merger.conflicts.length - merger.unresolved.length,
  };
}
