import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { openDatabase } from '../../db/open';
import { saveChecklistAnswer } from '../../electron/services/checklist-answers';
import { getChecklist } from '../../electron/services/checklists';
import { listClients } from '../../electron/services/clients';
import type { ServiceContext } from '../../electron/services/context';
import { listFindings } from '../../electron/services/finding-register';
import { listAuditFindings } from '../../electron/services/findings';
import { getPerson } from '../../electron/services/people';
import { programmeOverview } from '../../electron/services/programme';
import { benchToday } from '../../electron/services/bench/bench-plan';
import { seedBench, type SeededBench } from '../../electron/services/bench/bench-seed';
import { scales } from '../../electron/services/bench/scale';
import { temporaryFolder } from './helpers';

/**
 * The hot queries of issue 10 use their indexes. Each service runs on a connection that records
 * every statement it executes (better-sqlite3's `verbose`, with the values bound in), and each
 * statement's EXPLAIN QUERY PLAN is checked: deterministic, unlike timings.
 */

const folder = temporaryFolder('query-plans');
const file = path.join(folder, 'plans.sqlite');
let seeded: SeededBench;
let sqlite: Database.Database;
const executed: string[] = [];

function contextAs(personId: string): ServiceContext {
  const db = drizzle(sqlite, { schema });
  return {
    db,
    sqlite,
    actor: { kind: 'person', person: getPerson(db, personId) },
    now: () => new Date(`${benchToday}T10:00:00.000Z`),
    evidenceDirectory: folder,
  };
}

interface Planned {
  sql: string;
  plan: string[];
}

/** The statements `work` executed, each with its query plan. */
function plansOf(work: () => unknown): Planned[] {
  executed.length = 0;
  work();
  const statements = executed.filter((s) => /^\s*(SELECT|INSERT|UPDATE|WITH)/i.test(s));
  return statements.map((sql) => ({
    sql,
    plan: (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map(
      (r) => r.detail,
    ),
  }));
}

const details = (planned: Planned[]) => planned.flatMap((p) => p.plan);

/**
 * Plan lines that read a whole table without any index ("SCAN findings", "SCAN f"); the register's
 * page of at most 200 rows ("SCAN page") is its own subquery, not a table.
 */
const unindexedScans = (planned: Planned[]) =>
  details(planned).filter((d) => /^SCAN \w+$/.test(d) && d !== 'SCAN page');

beforeAll(async () => {
  // Migrated as the app opens it, then seeded with the benchmark's tiny data set.
  const opened = await openDatabase(file);
  seeded = seedBench(opened.sqlite, scales.tiny);
  opened.sqlite.close();
  sqlite = new Database(file, { verbose: (sql) => executed.push(String(sql)) });
  sqlite.pragma('foreign_keys = ON');
});

describe('query plans of the hot paths', () => {
  it('client search reads the list index, never the whole table, and sorts nothing', () => {
    const ctx = contextAs(seeded.schedulerId);
    const planned = plansOf(() => listClients(ctx, { search: 'nor' }));
    const list = planned.find((p) => /FROM "clients"/i.test(p.sql));
    expect(list?.plan).toContain('SCAN clients USING INDEX clients_list_idx');
    expect(details(planned).some((d) => d.includes('TEMP B-TREE'))).toBe(false);
    // The site count of each row found goes through the sites' client index.
    expect(details(planned).some((d) => d.includes('client_sites_client_idx'))).toBe(true);
  });

  it('the dashboard is one statement per table and reads teams by the (audit, person) index', () => {
    const ctx = contextAs(seeded.schedulerId);
    const planned = plansOf(() => programmeOverview(ctx, { today: benchToday }));
    const queries = planned.filter(
      (p) => /^\s*SELECT/i.test(p.sql) && !/total_changes/.test(p.sql),
    );
    // clients, cycles, audits, teams: never a query per client.
    expect(queries).toHaveLength(4);
    const team = queries.find((p) => p.sql.includes('audit_team_members'));
    expect(team?.plan.some((d) => d.includes('audit_team_audit_person (audit_id=?)'))).toBe(true);
    // Every client, cycle and audit is read once, on purpose; nothing else whole.
    expect(new Set(unindexedScans(planned))).toEqual(
      new Set(['SCAN clients', 'SCAN certification_cycles', 'SCAN audits']),
    );
  });

  it('the nonconformity register reads its first page in urgency order from its index', () => {
    const ctx = contextAs(seeded.schedulerId);
    for (const filters of [{}, { grade: 'major' as const }, { overdueOnly: true }]) {
      const planned = plansOf(() =>
        listFindings(ctx, { state: 'open', today: benchToday, limit: 200, ...filters }),
      );
      const page = planned.find((p) => /LIMIT/i.test(p.sql));
      // The page is chosen in index order (nothing sorted), then only its rows are joined.
      expect(page?.plan).toContain('SCAN f USING COVERING INDEX findings_urgency_idx');
      expect(page?.plan).toContain('SCAN page');
      expect(page?.plan.filter((d) => d.startsWith('SCAN f'))).toHaveLength(1);
      expect(page?.plan).toContain('SEARCH f USING INDEX sqlite_autoindex_findings_1 (id=?)');
      const count = planned.find((p) => /count\(\*\)/i.test(p.sql));
      expect(count?.plan.every((d) => /USING COVERING INDEX/.test(d))).toBe(true);
      expect(unindexedScans(planned)).toEqual([]);
    }
  });

  it('opening an audit reads its checklist, answers and findings through their indexes', () => {
    const ctx = contextAs(seeded.showcase.leadId);
    const { auditId } = seeded.showcase;
    const planned = plansOf(() => {
      getChecklist(ctx, auditId);
      listAuditFindings(ctx, auditId);
    });
    const all = details(planned);
    expect(all.some((d) => d.includes('checklists_audit (audit_id=?)'))).toBe(true);
    expect(all.some((d) => d.includes('checklist_items_position_idx (checklist_id=?)'))).toBe(true);
    expect(all.some((d) => d.includes('checklist_answers_item_auditor'))).toBe(true);
    expect(all.some((d) => d.includes('findings_audit_idx (audit_id=?)'))).toBe(true);
    expect(unindexedScans(planned)).toEqual([]);
  });

  it('autosave finds the item, the team role and the answer by key', () => {
    const ctx = contextAs(seeded.showcase.leadId);
    const checklistItemId = seeded.showcase.itemIds[0] as string;
    const planned = plansOf(() =>
      saveChecklistAnswer(ctx, { checklistItemId, result: 'conforming', notes: 'Plans.' }),
    );
    const all = details(planned);
    expect(all).toContain('SEARCH i USING INDEX sqlite_autoindex_checklist_items_1 (id=?)');
    expect(
      all.some((d) => d.includes('audit_team_audit_person (audit_id=? AND person_id=?)')),
    ).toBe(true);
    expect(
      all.some((d) =>
        d.includes('checklist_answers_item_auditor (checklist_item_id=? AND auditor_id=?)'),
      ),
    ).toBe(true);
    expect(unindexedScans(planned)).toEqual([]);
  });
});
