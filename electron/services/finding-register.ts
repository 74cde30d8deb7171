import type Database from 'better-sqlite3';
import { validationError } from '../../shared/errors';
import { terminalStates } from '../../shared/findings/lifecycle';
import { suspensionProposal } from '../../shared/findings/suspension';
import {
  findingListQuerySchema,
  findingStates,
  type FindingGrade,
  type FindingList,
  type FindingListQuery,
  type FindingRow,
  type FindingState,
} from '../../shared/findings/schema';
import { nowIso, requireActor, type ServiceContext } from './context';

/** The register's filters once parsed (the list's paging aside). */
export type RegisterFilters = Omit<
  ReturnType<typeof findingListQuerySchema.parse>,
  'offset' | 'limit'
>;

/** Every state that still needs something: the register's default "open". */
export const openStates: readonly FindingState[] = findingStates.filter(
  (s) => !terminalStates.includes(s),
);

interface RegisterSql {
  sql: string;
  params: unknown[];
}

/** `%text%` for LIKE, with the wildcards the person typed taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause of the register. Conditions are plain columns of findings (state, next_due,
 * audit, grade) so the findings_state_due_idx and findings_audit_idx indexes serve them; the
 * auditor filter is an EXISTS on the team's unique (audit, person) index.
 */
function whereOf(q: RegisterFilters, today: string, inUrgencyOrder = false): RegisterSql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.state === 'open') {
    // The page in urgency order: `+` keeps SQLite from picking the state index and sorting every
    // open finding; it reads findings_urgency_idx in order, filtering inside the index instead.
    const state = inUrgencyOrder ? '+f.state' : 'f.state';
    clauses.push(`${state} IN (${openStates.map(() => '?').join(', ')})`);
    params.push(...openStates);
  } else if (q.state !== 'all') {
    clauses.push('f.state = ?');
    params.push(q.state);
  }
  if (q.overdueOnly) {
    clauses.push('f.next_due < ?');
    params.push(today);
  }
  if (q.auditId) {
    clauses.push('f.audit_id = ?');
    params.push(q.auditId);
  }
  if (q.clientId) {
    clauses.push('a.client_id = ?');
    params.push(q.clientId);
  }
  if (q.grade) {
    clauses.push('f.grade = ?');
    params.push(q.grade);
  }
  if (q.auditorId) {
    clauses.push(
      '(f.raised_by = ? OR EXISTS (SELECT 1 FROM audit_team_members m WHERE m.audit_id = f.audit_id AND m.person_id = ?))',
    );
    params.push(q.auditorId, q.auditorId);
  }
  if (q.search) {
    const like = containing(q.search);
    clauses.push(
      "(f.statement LIKE ? ESCAPE '\\' OR f.requirement_ref LIKE ? ESCAPE '\\' OR c.search_text LIKE ? ESCAPE '\\')",
    );
    params.push(like, like, like);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The joins a filter needs: the audit for the client filter, the client for the search. */
function joinsOf(q: RegisterFilters): string {
  if (q.search) return 'JOIN audits a ON a.id = f.audit_id JOIN clients c ON c.id = a.client_id';
  if (q.clientId) return 'JOIN audits a ON a.id = f.audit_id';
  return '';
}

const urgency = 'f.next_due IS NULL, f.next_due, f.raised_on, f.id';

const columns = `f.id AS id, f.audit_id AS auditId, a.type AS auditType, a.client_id AS clientId,
    c.legal_name AS clientName, c.reference AS clientReference, f.requirement_ref AS requirementRef,
    f.grade AS grade, f.state AS state, f.statement AS statement, f.raised_on AS raisedOn,
    p.name AS raisedByName, f.response_due AS responseDue, f.verification_due AS verificationDue,
    f.next_due AS nextDue`;

const rowJoins = `JOIN audits a ON a.id = f.audit_id
  JOIN clients c ON c.id = a.client_id
  LEFT JOIN people p ON p.id = f.raised_by`;

/**
 * (CROSS JOIN keeps the page as the outer loop: SQLite would otherwise walk every finding in
 * urgency order to avoid sorting the page's few rows.)
 *
 * The register's main query, in urgency order: overdue first (an overdue finding's next deadline
 * is before today), then the next deadline ascending with none last, then the date raised. The
 * page is chosen on the findings table alone (joining only what a filter needs), and only its
 * rows are joined to their audit, client and raiser: no per-row queries.
 */
export function registerQuery(
  q: RegisterFilters,
  today: string,
  page: { offset: number; limit: number },
): RegisterSql {
  const where = whereOf(q, today, true);
  const sql = `SELECT ${columns}
  FROM (SELECT f.id AS id FROM findings f ${joinsOf(q)} ${where.sql}
        ORDER BY ${urgency} LIMIT ? OFFSET ?) page
  CROSS JOIN findings f ON f.id = page.id
  ${rowJoins}
  ORDER BY ${urgency}`;
  return { sql, params: [...where.params, page.limit, page.offset] };
}

/** Every matching finding in urgency order (for exports, read a row at a time). */
function registerExportQuery(q: RegisterFilters, today: string): RegisterSql {
  const where = whereOf(q, today);
  const sql = `SELECT ${columns}
  FROM findings f
  ${rowJoins}
  ${where.sql}
  ORDER BY ${urgency}`;
  return { sql, params: where.params };
}

export function registerCountQuery(q: RegisterFilters, today: string): RegisterSql {
  const where = whereOf(q, today);
  return {
    sql: `SELECT count(*) AS n FROM findings f ${joinsOf(q)} ${where.sql}`,
    params: where.params,
  };
}

type RawRow = Omit<FindingRow, 'overdue' | 'suspensionProposed' | 'grade' | 'state'> & {
  grade: string | null;
  state: string;
};

function toRow(raw: RawRow, today: string): FindingRow {
  const grade = raw.grade as FindingGrade | null;
  const state = raw.state as FindingState;
  return {
    ...raw,
    grade,
    state,
    overdue: raw.nextDue !== null && raw.nextDue < today,
    suspensionProposed:
      suspensionProposal({
        grade,
        auditType: raw.auditType,
        state,
        responseDue: raw.responseDue,
        verificationDue: raw.verificationDue,
        today,
      }) !== null,
  };
}

/** The service's calendar day, unless the query names one. */
export function registerToday(ctx: ServiceContext, today: string | undefined): string {
  return today ?? nowIso(ctx).slice(0, 10);
}

export function parseRegisterQuery(raw: FindingListQuery) {
  const parsed = findingListQuerySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** One page of the register and how many findings match in all. */
export function queryRegister(
  sqlite: Database.Database,
  q: RegisterFilters,
  today: string,
  page: { offset: number; limit: number },
): FindingList {
  const count = registerCountQuery(q, today);
  const total = (sqlite.prepare(count.sql).get(...count.params) as { n: number }).n;
  const main = registerQuery(q, today, page);
  const rows = (sqlite.prepare(main.sql).all(...main.params) as RawRow[]).map((r) =>
    toRow(r, today),
  );
  return { total, rows };
}

/** Every matching finding in register order, read a row at a time (for exports). */
export function* iterateRegister(
  sqlite: Database.Database,
  q: RegisterFilters,
  today: string,
): Generator<FindingRow> {
  const main = registerExportQuery(q, today);
  for (const raw of sqlite.prepare(main.sql).iterate(...main.params)) {
    yield toRow(raw as RawRow, today);
  }
}

/** The nonconformity register across all clients (anyone signed in may read it). */
export function listFindings(ctx: ServiceContext, raw: FindingListQuery): FindingList {
  requireActor(ctx);
  const q = parseRegisterQuery(raw);
  const { offset, limit, ...filters } = q;
  return queryRegister(ctx.sqlite, filters, registerToday(ctx, q.today), { offset, limit });
}
