import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { seedBench } from '../../electron/services/bench/bench-seed';
import { runBench } from '../../electron/services/bench/run-bench';
import { scales } from '../../electron/services/bench/scale';
import { runCliInProcess, temporaryFolder } from './helpers';

/**
 * The benchmark (issue 10) at its hidden `tiny` scale: the output's shape and the deterministic
 * seed. No timing is asserted: only that every figure is there and is a positive number.
 */

const folder = temporaryFolder('bench');

const percentiles = {
  p50Ms: expect.any(Number),
  p95Ms: expect.any(Number),
  p99Ms: expect.any(Number),
};

/** Row counts and a digest of the seeded rows, to compare two seedings. */
async function seededInto(name: string) {
  const opened = await openDatabase(path.join(folder, name));
  try {
    const seeded = seedBench(opened.sqlite, scales.tiny);
    const digest = opened.sqlite
      .prepare(
        `SELECT (SELECT group_concat(id || legal_name || status, ',') FROM clients) ||
                (SELECT group_concat(id || planned_start || state, ',') FROM audits) ||
                (SELECT group_concat(id || coalesce(result, '') || notes, ',') FROM checklist_answers) ||
                (SELECT group_concat(id || state || coalesce(next_due, ''), ',') FROM findings) AS d`,
      )
      .get() as { d: string };
    const count = (table: string) =>
      (opened.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const violations = opened.sqlite.pragma('foreign_key_check') as unknown[];
    return {
      counts: seeded.counts,
      digest: digest.d,
      tables: {
        people: count('people'),
        clients: count('clients'),
        audits: count('audits'),
        answers: count('checklist_answers'),
        findings: count('findings'),
      },
      violations,
    };
  } finally {
    opened.sqlite.close();
  }
}

describe('bench', () => {
  it('seeds exactly the scale, within every constraint, the same on every run', async () => {
    const first = await seededInto('first.sqlite');
    const second = await seededInto('second.sqlite');
    const tiny = scales.tiny;
    expect(first.tables).toEqual({
      people: tiny.auditors + 1,
      clients: tiny.clients,
      audits: tiny.audits,
      answers: tiny.answers,
      findings: tiny.findings,
    });
    expect(first.counts).toMatchObject({
      clients: tiny.clients,
      audits: tiny.audits,
      answers: tiny.answers,
      findings: tiny.findings,
    });
    expect(first.counts.multiSiteClients).toBeGreaterThan(0);
    expect(first.violations).toEqual([]);
    expect(second.counts).toEqual(first.counts);
    expect(second.digest).toBe(first.digest);
  });

  it('measures every hot path and prints the issue’s JSON shape', async () => {
    const lines: string[] = [];
    const { result } = await runBench({
      scale: 'tiny',
      log: (line) => lines.push(line),
      tempRoot: folder,
    });
    expect(result).toEqual({
      machine: {
        cpus: { model: expect.any(String), count: expect.any(Number) },
        memoryMb: expect.any(Number),
        node: process.version,
      },
      scale: 'tiny',
      seedSeconds: expect.any(Number),
      dbBytes: expect.any(Number),
      autosave: {
        ...percentiles,
        bareP50Ms: expect.any(Number),
        bareP95Ms: expect.any(Number),
        bareP99Ms: expect.any(Number),
        ratio: expect.any(Number),
      },
      clientSearch: percentiles,
      dashboard: {
        ...percentiles,
        afterChangeP50Ms: expect.any(Number),
        afterChangeP95Ms: expect.any(Number),
        afterChangeP99Ms: expect.any(Number),
      },
      openAudit: percentiles,
      ncRegister: percentiles,
      reportPdf: percentiles,
      rssMb: expect.any(Number),
    });
    expect(result.dbBytes).toBeGreaterThan(0);
    expect(result.rssMb).toBeGreaterThan(0);
    expect(result.autosave.ratio).toBeGreaterThan(0);
    for (const metric of ['clientSearch', 'openAudit', 'ncRegister', 'reportPdf'] as const) {
      expect(result[metric].p50Ms).toBeGreaterThan(0);
      expect(result[metric].p50Ms).toBeLessThanOrEqual(result[metric].p95Ms);
      expect(result[metric].p95Ms).toBeLessThanOrEqual(result[metric].p99Ms);
    }
    // Progress went to the log (stderr on the command line), seeding with a percentage.
    expect(lines.some((l) => /^seeding \[[#.]{20}\] 100%/.test(l))).toBe(true);
    // The temporary database is gone.
    expect(fs.readdirSync(folder).filter((f) => f.startsWith('audit-desk-bench-'))).toEqual([]);
  });

  it('refuses an unknown scale and a missing --out folder, naming the option', async () => {
    const scale = await runCliInProcess(['bench', '--scale', 'huge']);
    expect(scale.status).toBe(2);
    expect(JSON.parse(scale.stdout)).toMatchObject({
      error: { code: 'VALIDATION', field: 'scale' },
    });
    const out = await runCliInProcess([
      'bench',
      '--out',
      path.join(folder, 'no-such-folder', 'bench.json'),
    ]);
    expect(out.status).toBe(2);
    expect(JSON.parse(out.stdout)).toMatchObject({ error: { code: 'VALIDATION', field: 'out' } });
  });
});
