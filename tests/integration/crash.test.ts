import Database from 'better-sqlite3';
import { build, type Plugin } from 'esbuild';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder } from '../../db/open';
import { AppRuntime } from '../../electron/runtime';
import { addToTeam } from './checklist-fixtures';
import { crashSave, type CrashSave, type CrashWriterPlan } from './fixtures/crash-plan';
import {
  repoRoot,
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
} from './helpers';

const rounds = 50;
const folder = temporaryFolder('crash');
const databasePath = path.join(folder, 'audit-desk.sqlite');
const bundle = path.join(folder, 'crash-writer.mjs');

/**
 * Bundles the writer once: `node --import tsx` costs over a second per start, a plain bundle a
 * tenth of that, which is what lets the test afford 50 rounds. better-sqlite3 (native) stays
 * outside the bundle, imported from the repository's node_modules by absolute path.
 */
async function bundleWriter(): Promise<void> {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const native: Plugin = {
    name: 'native-modules',
    setup(b) {
      b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite3, external: true }));
    },
  };
  await build({
    entryPoints: [path.join(repoRoot, 'tests', 'integration', 'fixtures', 'crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    plugins: [native],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

/** A Stage 1 audit with an auditor on its team and its readiness checklist prepared. */
async function auditWithChecklist(): Promise<Omit<CrashWriterPlan, 'round'>> {
  const app = await startApp(databasePath, { now: tickingClock() });
  try {
    await succeed(app, 'setupFirstPerson', {
      name: 'Margaret Okafor',
      email: 'margaret@cb.example',
      roles: ['admin'],
    });
    const client = await succeed(app, 'createClient', sampleClient());
    const auditor = await succeed(app, 'createPerson', {
      name: 'Abe Auditor',
      email: 'abe@cb.example',
      roles: ['auditor'],
    });
    const central = client.sites.find((s) => s.isCentral)?.id ?? '';
    const audit = await succeed(app, 'createAudit', {
      clientId: client.id,
      type: 'stage1',
      cycleNumber: 1,
      startDate: '2026-03-16',
      endDate: '2026-03-16',
      onsiteDays: 1,
      remoteDays: 0,
      siteIds: [central],
      criteria: 'ISO/IEC 42001:2023',
    });
    addToTeam(app, audit.id, auditor.id, 'auditor');
    await succeed(app, 'signIn', { personId: auditor.id });
    const checklist = await succeed(app, 'prepareChecklist', { auditId: audit.id });
    return {
      databasePath,
      migrationsFolder: defaultMigrationsFolder(),
      auditorId: auditor.id,
      itemIds: checklist.items.map((i) => i.id),
    };
  } finally {
    app.runtime.close();
  }
}

/**
 * Runs the writer until `delayMs` after its first acknowledgement, then SIGKILLs it: no chance to
 * close the database or flush anything. Resolves with every save it acknowledged.
 */
function writeUntilKilled(plan: CrashWriterPlan, delayMs: number): Promise<CrashSave[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, JSON.stringify(plan)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (killTimer === undefined && stdout.includes('\n')) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL' || killTimer === undefined) {
        reject(new Error(`writer ended by itself (code ${code}, ${signal}): ${stderr}`));
        return;
      }
      // Only whole lines are acknowledgements; a line cut by the kill is not one.
      resolve(
        stdout
          .split('\n')
          .slice(0, -1)
          .map((line) => JSON.parse(line) as CrashSave),
      );
    });
  });
}

interface StoredAnswer {
  id: string;
  itemId: string;
  result: string | null;
  notes: string;
}

type Answers = Map<string, { result: string | null; notes: string }>;

/**
 * Opens the database as the app does after a crash (integrity check at open, WAL recovery) and
 * reads the auditor's answers, the change log's last word on each, and SQLite's own checks.
 */
async function reopen(auditorId: string) {
  const runtime = await AppRuntime.start({ databasePath, backupOnOpen: false });
  try {
    expect(runtime.recovery).toBeNull();
  } finally {
    runtime.close();
  }
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        'SELECT id, checklist_item_id AS itemId, result, notes FROM checklist_answers WHERE auditor_id = ?',
      )
      .all(auditorId) as StoredAnswer[];
    const answers: Answers = new Map(
      rows.map((r) => [r.itemId, { result: r.result, notes: r.notes }]),
    );
    // The newest change-log entry per answer and field (uuidv7 ids sort by time).
    const newest = sqlite.prepare(
      'SELECT new_value AS newValue FROM change_log WHERE entity_id = ? AND field = ? ORDER BY id DESC LIMIT 1',
    );
    const lastLogged = (entityId: string, field: string) =>
      (newest.get(entityId, field) as { newValue: string | null } | undefined)?.newValue ?? null;
    const logged = rows.map((r) => ({
      notes: lastLogged(r.id, 'notes'),
      result: lastLogged(r.id, 'result'),
    }));
    const notesEntries = sqlite
      .prepare(
        "SELECT COUNT(*) AS n FROM change_log WHERE entity = 'checklist_answer' AND field = 'notes'",
      )
      .get() as { n: number };
    return {
      answers,
      rows,
      logged,
      notesEntries: notesEntries.n,
      integrity: (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      ),
      foreignKeyViolations: sqlite.pragma('foreign_key_check') as unknown[],
    };
  } finally {
    sqlite.close();
  }
}

let base: Omit<CrashWriterPlan, 'round'>;

beforeAll(async () => {
  await bundleWriter();
  base = await auditWithChecklist();
}, 60_000);

describe('a crash of the app while an auditor answers the checklist', () => {
  it('never loses an acknowledged save, and leaves a sound database', async () => {
    // What the database must hold: the latest committed value of every item answered so far.
    const expected: Answers = new Map();
    let committedSaves = 0;
    for (let round = 1; round <= rounds; round++) {
      const plan: CrashWriterPlan = { ...base, round };
      const delayMs = 20 + Math.floor(Math.random() * 281);
      const acknowledged = await writeUntilKilled(plan, delayMs);
      const what = `round ${round}, killed ${delayMs} ms after the first acknowledgement`;

      // The writer acknowledged its saves in order and each is the save the plan says.
      expect(acknowledged.length, what).toBeGreaterThan(0);
      expect(acknowledged, what).toEqual(acknowledged.map((_, n) => crashSave(plan, n)));
      for (const save of acknowledged) {
        expected.set(save.itemId, { result: save.result, notes: save.notes });
      }
      committedSaves += acknowledged.length;

      const stored = await reopen(base.auditorId);
      expect(stored.integrity, what).toEqual(['ok']);
      expect(stored.foreignKeyViolations, what).toEqual([]);

      // Saves run one at a time, so the only save that may have committed without being
      // acknowledged is the next one: its item holds either that value or the acknowledged one.
      const next = crashSave(plan, acknowledged.length);
      const nextValue = { result: next.result, notes: next.notes };
      if (isDeepStrictEqual(stored.answers.get(next.itemId), nextValue)) {
        expected.set(next.itemId, nextValue);
        committedSaves += 1;
      }
      expect(stored.answers, what).toEqual(expected);

      // Answer and change log commit together: the log's last entry is the stored value, and
      // there is one notes entry per committed save (the notes change on every save).
      expect(stored.notesEntries, what).toBe(committedSaves);
      expect(stored.logged, what).toEqual(
        stored.rows.map((r) => ({ notes: r.notes, result: r.result })),
      );
    }
    expect(expected.size).toBe(base.itemIds.length);
  }, 120_000);
});
