import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { openDatabase } from '../../db/open';
import { listAudits } from '../../electron/services/audit-records';
import { auditTeamsQuery, listAuditPage } from '../../electron/services/audits';
import { benchToday } from '../../electron/services/bench/bench-plan';
import { seedBench, type SeededBench } from '../../electron/services/bench/bench-seed';
import { scales } from '../../electron/services/bench/scale';
import type { ServiceContext } from '../../electron/services/context';
import { getPerson } from '../../electron/services/people';
import { AppError } from '../../shared/errors';
import type { AuditPageQuery } from '../../shared/programme/audit-schema';
import { temporaryFolder } from './helpers';

/**
 * `listAuditPage`, the audit list's paged query (issue 10), on the benchmark's tiny data set
 * (40 clients, 120 audits with their teams): the same audits as `listAudits` in the same order,
 * a page at a time with the total, its teams read for the page only, and its statements' plans
 * (EXPLAIN QUERY PLAN) reading the audits through their indexes.
 */

const folder = temporaryFolder('audit-list-page');
const file = path.join(folder, 'audits.sqlite');
let seeded: SeededBench;
let sqlite: Database.Database;
let ctx: ServiceContext;
const executed: string[] = [];

beforeAll(async () => {
  const opened = await openDatabase(file);
  seeded = seedBench(opened.sqlite, scales.tiny);
  opened.sqlite.close();
  sqlite = new Database(file, { verbose: (sql) => executed.push(String(sql)) });
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  ctx = {
    db,
    sqlite,
    actor: { kind: 'person', person: getPerson(db, seeded.schedulerId) },
    now: () => new Date(`${benchToday}T10:00:00.000Z`),
    evidenceDirectory: folder,
  };
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Every audit of the query, page after page. */
function everyPage(query: AuditPageQuery, limit: number) {
  const first = listAuditPage(ctx, { ...query, limit });
  const rows = [...first.rows];
  while (rows.length < first.total) {
    const next = listAuditPage(ctx, { ...query, limit, offset: rows.length });
    expect(next.total).toBe(first.total);
    expect(next.rows.length).toBeGreaterThan(0);
    rows.push(...next.rows);
  }
  return { total: first.total, rows };
}

/** The statements `work` executed, each with its query plan. */
function plansOf(work: () => unknown) {
  executed.length = 0;
  work();
  return executed
    .filter((sql) => /^\s*SELECT/i.test(sql))
    .map((sql) => ({
      sql,
      plan: (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map(
        (r) => r.detail,
      ),
    }));
}

function errorOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected an error.');
}

describe('listAuditPage', () => {
  it('pages through every audit newest start first, as listAudits orders them, with the total', () => {
    const all = listAudits(ctx, {});
    expect(all.length).toBe(seeded.counts.audits);
    const first = listAuditPage(ctx, {});
    expect(first.total).toBe(all.length);
    expect(first.rows).toHaveLength(100);
    expect(first.rows).toEqual(all.slice(0, 100));
    const paged = everyPage({}, 7);
    expect(ids(paged.rows)).toEqual(ids(all));
    for (let i = 1; i < paged.rows.length; i++) {
      const [before, after] = [paged.rows[i - 1], paged.rows[i]];
      expect((before?.startDate ?? '') >= (after?.startDate ?? '')).toBe(true);
    }
    // Past the end: the total still, and no rows.
    expect(listAuditPage(ctx, { offset: all.length, limit: 10 })).toEqual({
      total: all.length,
      rows: [],
    });
  });

  it('filters by type, state and client as listAudits does', () => {
    const all = listAudits(ctx, {});
    const sample = all[17];
    if (!sample) throw new Error('The seed has too few audits.');
    const queries = [
      { type: 'surveillance' as const },
      { state: 'completed' as const },
      { state: sample.state, type: sample.type },
      { clientId: sample.clientId },
      { clientId: sample.clientId, state: sample.state },
    ];
    for (const query of queries) {
      const expected = listAudits(ctx, query);
      expect(expected.length).toBeGreaterThan(0);
      const paged = everyPage(query, 5);
      expect(paged.total).toBe(expected.length);
      expect(ids(paged.rows)).toEqual(ids(expected));
    }
  });

  it('searches the client’s name or reference, ignoring case and taking wildcards literally', () => {
    const all = listAudits(ctx, {});
    const sample = all[3];
    if (!sample) throw new Error('The seed has too few audits.');
    const ofClient = all.filter((a) => a.clientId === sample.clientId);

    const byReference = everyPage({ search: ` ${sample.clientReference.toLowerCase()} ` }, 4);
    expect(ids(byReference.rows)).toEqual(ids(ofClient));

    // Any case; every audit of a client so named, in the list's order (the search also matches
    // a trading name, as the client list's does, so more clients may match).
    const word = sample.clientName.split(' ')[0] ?? '';
    const byName = listAuditPage(ctx, { search: word.toUpperCase(), limit: 500 });
    const found = new Set(ids(byName.rows));
    expect(byName.total).toBe(found.size);
    expect(ids(byName.rows)).toEqual(ids(all.filter((a) => found.has(a.id))));
    const named = all.filter((a) => a.clientName.toLowerCase().includes(word.toLowerCase()));
    expect(named.length).toBeGreaterThan(0);
    expect(ids(byName.rows)).toEqual(expect.arrayContaining(ids(named)));

    const narrowed = listAuditPage(ctx, { search: sample.clientReference, state: sample.state });
    expect(ids(narrowed.rows)).toEqual(ids(ofClient.filter((a) => a.state === sample.state)));
    expect(
      listAuditPage(ctx, { search: sample.clientReference, clientId: sample.clientId }).total,
    ).toBe(ofClient.length);

    // `%` and `_` match themselves, not any text: no client name or reference holds them.
    expect(listAuditPage(ctx, { search: '%' })).toEqual({ total: 0, rows: [] });
    expect(listAuditPage(ctx, { search: '_' })).toEqual({ total: 0, rows: [] });
    expect(listAuditPage(ctx, { search: 'no client is called this' }).total).toBe(0);
    // An empty search is no search.
    expect(listAuditPage(ctx, { search: '   ', limit: 1 }).total).toBe(all.length);
  });

  it('reads the teams of the page’s audits only, in one query, lead auditor first', () => {
    const all = listAudits(ctx, {});
    const withTeams = all.filter((a) => a.team.length > 1);
    expect(withTeams.length).toBeGreaterThan(0);
    const offset = all.indexOf(withTeams[0] as (typeof all)[number]);
    let page: ReturnType<typeof listAuditPage> | undefined;
    const planned = plansOf(() => {
      page = listAuditPage(ctx, { offset, limit: 10 });
    });
    expect(page?.rows).toEqual(all.slice(offset, offset + 10));
    expect(page?.rows[0]?.team[0]?.role).toBe('lead_auditor');
    // Count, page, teams: three statements, never one per audit.
    expect(planned).toHaveLength(3);
    const teams = planned.filter((p) => p.sql.includes('audit_team_members'));
    expect(teams).toHaveLength(1);
    // The page's ids go in as one JSON array; each audit's team is found by the team's index.
    expect(teams[0]?.sql).toContain(`json_each('["${(page?.rows[0]?.id ?? '').slice(0, 24)}`);
    expect(teams[0]?.plan.filter((d) => /^SCAN m\b/.test(d))).toEqual([]);
    expect(teams[0]?.plan).toContain('SEARCH m USING INDEX audit_team_audit_person (audit_id=?)');
    // An empty page reads no team.
    expect(plansOf(() => listAuditPage(ctx, { search: 'no client is called this' }))).toHaveLength(
      2,
    );
    expect(auditTeamsQuery).toContain('json_each');
  });

  it('chooses the page through the audits’ indexes whenever a filter or search narrows it', () => {
    const sample = listAudits(ctx, {})[0];
    if (!sample) throw new Error('The seed has no audits.');
    const cases: { query: AuditPageQuery; index: string }[] = [
      { query: { search: 'nor' }, index: 'SEARCH a USING INDEX audits_client_idx (client_id=?)' },
      {
        query: { search: 'nor', type: 'surveillance', state: 'planned' },
        index: 'SEARCH a USING INDEX audits_client_idx (client_id=?)',
      },
      {
        query: { state: 'planned' },
        index: 'SEARCH a USING INDEX audits_state_start_idx (state=?)',
      },
      {
        query: { clientId: sample.clientId },
        index: 'SEARCH a USING INDEX audits_client_idx (client_id=?)',
      },
      {
        query: { clientId: sample.clientId, state: sample.state },
        index: 'SEARCH a USING INDEX audits_client_idx (client_id=?)',
      },
    ];
    for (const { query, index } of cases) {
      const planned = plansOf(() => listAuditPage(ctx, query));
      const page = planned.find((p) => /LIMIT/i.test(p.sql));
      expect(page?.plan, JSON.stringify(query)).toContain(index);
      // Only the page's rows are then read by key and joined to their client.
      expect(page?.plan).toContain('SEARCH a USING INDEX sqlite_autoindex_audits_1 (id=?)');
      expect(page?.plan).toContain('SEARCH c USING INDEX sqlite_autoindex_clients_1 (id=?)');
      const all = planned.flatMap((p) => p.plan);
      // No audit or client row is read unless it matched: the search reads the clients' index.
      expect(
        all.filter((d) => /^SCAN (a|c|audits|clients)$/.test(d)),
        JSON.stringify(query),
      ).toEqual([]);
      if (query.search) expect(all).toContain('SCAN c USING COVERING INDEX clients_list_idx');
    }
    // With nothing to narrow it, the count reads an index, not the audit rows.
    const count = plansOf(() => listAuditPage(ctx, {})).find((p) => /count\(\*\)/i.test(p.sql));
    expect(count?.plan.every((d) => /USING COVERING INDEX/.test(d))).toBe(true);
  });

  it('rejects a page size or offset out of range at its field', () => {
    expect(errorOf(() => listAuditPage(ctx, { limit: 501 }))).toMatchObject({
      code: 'VALIDATION',
      field: 'limit',
      message: 'A page holds at most 500 audits.',
    });
    expect(errorOf(() => listAuditPage(ctx, { limit: 0 }))).toMatchObject({ field: 'limit' });
    expect(errorOf(() => listAuditPage(ctx, { offset: -1 }))).toMatchObject({
      code: 'VALIDATION',
      field: 'offset',
    });
    expect(errorOf(() => listAuditPage(ctx, { search: 'x'.repeat(201) }))).toMatchObject({
      field: 'search',
    });
    expect(listAuditPage(ctx, { limit: 500 }).rows.length).toBe(seeded.counts.audits);
  });
});
