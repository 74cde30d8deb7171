import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../db/open';
import { AppRuntime } from '../../electron/runtime';
import { repoRoot, temporaryFolder } from './helpers';

const writer = path.join(repoRoot, 'tests', 'integration', 'fixtures', 'crash-writer.ts');
const rounds = 20;
const folder = temporaryFolder('crash');

/**
 * Runs the writer until `delayMs` after its first acknowledgement, then SIGKILLs it: no chance to
 * close the database or flush anything. Resolves with every id it acknowledged.
 */
function writeUntilKilled(databasePath: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // node itself, not the tsx wrapper: SIGKILL must hit the process that holds the database.
    const child = spawn(process.execPath, ['--import', 'tsx', writer, databasePath], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 30_000);
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
      // Only whole lines are acknowledgements.
      const acknowledged = stdout.split('\n').slice(0, -1);
      if (signal !== 'SIGKILL' || killTimer === undefined) {
        reject(new Error(`writer ended by itself (code ${code}, ${signal}): ${stderr}`));
      } else {
        resolve(acknowledged);
      }
    });
  });
}

async function storedIds(databasePath: string) {
  const runtime = await AppRuntime.start({ databasePath, backupOnOpen: false });
  try {
    expect(runtime.recovery).toBeNull();
    const { sqlite } = runtime.database;
    const ids = new Set(
      (sqlite.prepare('SELECT id FROM clients').all() as { id: string }[]).map((r) => r.id),
    );
    return { ids, check: checkDatabase(sqlite) };
  } finally {
    runtime.close();
  }
}

describe('a crash of the app', () => {
  it('never loses a save that was acknowledged, and leaves a sound database', async () => {
    const databasePath = path.join(folder, 'audit-desk.sqlite');
    const acknowledged: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const delayMs = 100 + Math.floor(Math.random() * 500);
      const ids = await writeUntilKilled(databasePath, delayMs);
      expect(ids.length).toBeGreaterThan(0);
      acknowledged.push(...ids);

      const { ids: stored, check } = await storedIds(databasePath);
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `round ${round + 1}, killed ${delayMs} ms after the first save`).toEqual([]);
      expect(check).toEqual({ quickCheck: ['ok'], foreignKeyViolations: [] });
    }
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
  }, 120_000);
});
