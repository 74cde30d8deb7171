import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../dev/node-bundle';
import { defaultMigrationsFolder } from '../../../db/open';
import { uuidv7 } from 'uuidv7';
import type { MethodName } from '../../../shared/api/contract';
import { createHandlers } from '../../ipc/handlers';
import { AppRuntime } from '../../runtime';
import { getPerson } from '../people';
import { benchToday } from './bench-plan';
import { seedBench, type SeedCounts, type SeededBench } from './bench-seed';
import { nowMs, percentiles, sample, type Percentiles } from './measure';
import { scales, type BenchScaleName } from './scale';

/**
 * The benchmark of issue 10: a temporary database (opened like the app's, so every migration
 * applies), seeded deterministically at the chosen scale, then each hot path measured through
 * the same handlers the app's IPC calls (contract parsing, services, the signed-in person), with
 * a warm-up and many repetitions.
 */

export interface BenchResult {
  machine: {
    cpus: { model: string; count: number };
    memoryMb: number;
    node: string;
  };
  scale: BenchScaleName;
  seedSeconds: number;
  dbBytes: number;
  autosave: Percentiles & {
    bareP50Ms: number;
    bareP95Ms: number;
    bareP99Ms: number;
    ratio: number;
  };
  clientSearch: Percentiles;
  /** A repeated load, and a load right after a change (computed afresh). */
  dashboard: Percentiles & {
    afterChangeP50Ms: number;
    afterChangeP95Ms: number;
    afterChangeP99Ms: number;
  };
  openAudit: Percentiles;
  ncRegister: Percentiles;
  reportPdf: Percentiles;
  rssMb: number;
}

export interface BenchRun {
  result: BenchResult;
  counts: SeedCounts;
}

export interface BenchOptions {
  scale: BenchScaleName;
  /** Progress lines (stderr on the command line). */
  log?: (line: string) => void;
  /** Where the temporary database goes (a new folder inside it, removed at the end). */
  tempRoot?: string;
}

/** Partial names typed into the client list's search, as a scheduler would. */
const searchTerms = ['nor', 'analytics', 'bluef', 'health ai', 'c-2025', 'gmbh', 'logist', 'qu'];

function machine(): BenchResult['machine'] {
  const cpus = os.cpus();
  return {
    cpus: { model: cpus[0]?.model.trim() ?? 'unknown', count: cpus.length },
    memoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
  };
}

function fileBytes(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

function seedProgress(log: (line: string) => void) {
  let shown = -1;
  return (done: number, total: number, what: string) => {
    const percent = Math.min(100, Math.floor((done / total) * 100));
    if (percent < shown + 5 && percent !== 100) return;
    shown = percent;
    const filled = Math.round(percent / 5);
    log(`seeding [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${percent}% (${what})`);
  };
}

/**
 * The resident memory of a fresh process that opened the database and loaded the dashboard, as
 * the app's main process does at start (this process still holds the seeding's garbage). The
 * probe is bundled first, as the app's main process is, so no TypeScript loader is counted.
 */
function rssAfterDashboard(folder: string, databasePath: string, personId: string): number {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const repoRoot = path.resolve(here, '..', '..', '..');
  const probeFolder = path.join(folder, 'probe');
  fs.mkdirSync(probeFolder);
  // better-sqlite3 stays outside the bundle (a native module) and resolves from here.
  fs.symlinkSync(
    path.join(repoRoot, 'node_modules'),
    path.join(probeFolder, 'node_modules'),
    'dir',
  );
  const outfile = path.join(probeFolder, 'rss-probe.mjs');
  bundleForNode(path.join(here, 'rss-probe.ts'), outfile, repoRoot);
  const out = spawnSync(
    process.execPath,
    [outfile, databasePath, personId, benchToday, defaultMigrationsFolder()],
    { encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(`The memory probe failed: ${out.stderr || out.error}`);
  return (JSON.parse(out.stdout) as { rssMb: number }).rssMb;
}

export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const scale = scales[options.scale];
  const log = options.log ?? (() => {});
  const folder = fs.mkdtempSync(path.join(options.tempRoot ?? os.tmpdir(), 'audit-desk-bench-'));
  const databasePath = path.join(folder, 'bench.sqlite');
  const runtime = await AppRuntime.start({ databasePath, backupOnOpen: false });
  try {
    const { sqlite } = runtime.database;
    const load = () =>
      os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ');
    log(`bench: ${scale.name} scale, database ${databasePath}; load average ${load()}`);
    // Seeding only: no fsync per transaction and a large page cache; both restored before measuring.
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -262144');
    const seedStart = nowMs();
    let seeded: SeededBench;
    try {
      seeded = seedBench(sqlite, scale, seedProgress(log));
    } finally {
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma(`cache_size = ${cacheSize}`);
    }
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const seedSeconds = Math.round((nowMs() - seedStart) / 10) / 100;
    const dbBytes = fileBytes(databasePath) + fileBytes(`${databasePath}-wal`);
    log(`bench: seeded in ${seedSeconds} s, ${Math.round(dbBytes / 2 ** 20)} MB`);

    const handlers = createHandlers(runtime, { error: (...args) => log(args.join(' ')) });
    const call = async (method: MethodName, input: unknown) => {
      const result = await handlers[method](input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    };
    const actAs = (personId: string) => runtime.actAs(getPerson(runtime.database.db, personId));
    const { showcase } = seeded;
    const { runs } = scale;

    // Autosave: the service through its handler, and the bare statement, interleaved.
    log('bench: autosave');
    actAs(showcase.leadId);
    const bare = sqlite.prepare(
      `INSERT INTO checklist_answers
         (id, checklist_item_id, auditor_id, result, notes, answered_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (checklist_item_id, auditor_id) DO UPDATE SET
         result = excluded.result, notes = excluded.notes,
         answered_at = excluded.answered_at, updated_at = excluded.updated_at`,
    );
    const items = showcase.itemIds;
    const itemAt = (i: number) => items[i % items.length] as string;
    const serviceSave = (i: number) =>
      call('saveChecklistAnswer', {
        checklistItemId: itemAt(i),
        result: 'conforming',
        notes: `Checked the monitoring records, pass ${i}.`,
      });
    const bareSave = (i: number) => {
      const at = new Date().toISOString();
      bare.run(
        uuidv7(),
        itemAt(i),
        showcase.auditorId,
        'conforming',
        `Checked the monitoring records, pass ${i}.`,
        at,
        at,
        at,
      );
    };
    const serviceMs: number[] = [];
    const bareMs: number[] = [];
    const warmUp = Math.max(2, Math.round(runs.autosave / 10));
    for (let i = 0; i < warmUp + runs.autosave; i++) {
      const pair: [number[], (i: number) => unknown][] = [
        [serviceMs, serviceSave],
        [bareMs, bareSave],
      ];
      // Alternate which goes first, so neither always follows the other's commit.
      if (i % 2 === 1) pair.reverse();
      for (const [samples, save] of pair) {
        const start = nowMs();
        await save(i);
        if (i >= warmUp) samples.push(nowMs() - start);
      }
    }
    const service = percentiles(serviceMs);
    const bareP = percentiles(bareMs);
    const autosave = {
      ...service,
      bareP50Ms: bareP.p50Ms,
      bareP95Ms: bareP.p95Ms,
      bareP99Ms: bareP.p99Ms,
      ratio: Math.round((service.p50Ms / bareP.p50Ms) * 100) / 100,
    };

    const readWarmUp = Math.max(1, Math.round(runs.read / 10));
    actAs(seeded.schedulerId);
    log('bench: client search');
    const clientSearch = percentiles(
      await sample(readWarmUp, runs.read, (i) =>
        call('listClients', { search: searchTerms[i % searchTerms.length] }),
      ),
    );

    log('bench: programme dashboard');
    const loadDashboard = () => call('programmeOverview', { today: benchToday });
    const firstStart = nowMs();
    await loadDashboard();
    log(`bench: first dashboard load after start ${Math.round(nowMs() - firstStart)} ms`);
    const dashboardWarmUp = Math.max(1, Math.round(runs.dashboard / 10));
    // As the app serves it again with nothing changed (the overview is kept per database state).
    const repeated = percentiles(await sample(dashboardWarmUp, runs.dashboard, loadDashboard));
    // Right after a change (here one answer saved), when the overview is computed afresh.
    const afterChange: number[] = [];
    for (let i = 0; i < runs.dashboard; i++) {
      bareSave(100_000 + i);
      const start = nowMs();
      await loadDashboard();
      afterChange.push(nowMs() - start);
    }
    const fresh = percentiles(afterChange);
    const dashboard = {
      ...repeated,
      afterChangeP50Ms: fresh.p50Ms,
      afterChangeP95Ms: fresh.p95Ms,
      afterChangeP99Ms: fresh.p99Ms,
    };
    const rssMb = rssAfterDashboard(folder, databasePath, seeded.schedulerId);

    log('bench: nonconformity register');
    const filters = [{}, { grade: 'major' }, { overdueOnly: true }, { auditorId: showcase.leadId }];
    const ncRegister = percentiles(
      await sample(readWarmUp, runs.read, (i) =>
        call('listFindings', {
          state: 'open',
          ...filters[i % filters.length],
          today: benchToday,
          offset: 0,
          limit: 200,
        }),
      ),
    );

    log('bench: open audit');
    actAs(showcase.leadId);
    const openAudit = percentiles(
      await sample(readWarmUp, runs.read, () =>
        Promise.all([
          call('getChecklist', { auditId: showcase.auditId }),
          call('listAuditFindings', { auditId: showcase.auditId }),
        ]),
      ),
    );

    log('bench: report PDF');
    const reportPdf = percentiles(
      await sample(runs.reportPdf > 1 ? 1 : 0, runs.reportPdf, () =>
        call('auditReportFile', { auditId: showcase.auditId, format: 'pdf' }),
      ),
    );

    log(`bench: done; load average ${load()} (other work on the machine slows every figure)`);
    return {
      counts: seeded.counts,
      result: {
        machine: machine(),
        scale: scale.name,
        seedSeconds,
        dbBytes,
        autosave,
        clientSearch,
        dashboard,
        openAudit,
        ncRegister,
        reportPdf,
        rssMb,
      },
    };
  } finally {
    runtime.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
