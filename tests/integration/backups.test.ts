import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRetention, listBackups } from '../../db/backup';
import { backupEvidenceStore, manifestPathFor, readManifest } from '../../db/backup-evidence';
import { checkEveryMs, type BackupTimer } from '../../electron/backup-scheduler';
import { storedPath } from '../../electron/services/evidence-store';
import { defaultBackupSettings, type EvidenceProblem } from '../../shared/data/schema';
import { EvidenceWorld, patternBytes, sha256 } from './evidence-fixtures';
import { fail, runCliProcess, sampleClient, startApp, succeed, temporaryFolder } from './helpers';

const root = temporaryFolder('backups');
let counter = 0;
const newFile = () => path.join(root, `db-${++counter}`, 'audit-desk.sqlite');
const minutes = (n: number) => n * 60_000;

/** A timer the test fires by hand, and a clock it moves. */
function handDriven(start = '2026-03-02T09:00:00.000Z') {
  let at = Date.parse(start);
  const runs: (() => Promise<unknown>)[] = [];
  const timer: BackupTimer = {
    every(ms, run) {
      expect(ms).toBe(checkEveryMs);
      runs.push(run);
      return { stop: () => runs.splice(0) };
    },
  };
  return {
    timer,
    now: () => new Date(at),
    advance: (ms: number) => {
      at += ms;
    },
    /** One timer check; resolves when it has finished, with the backup it made or null. */
    fire: async () => {
      const run = runs[0];
      if (!run) throw new Error('No automatic backup timer is running.');
      return run();
    },
  };
}

describe('automatic backups', () => {
  it('back up every interval only while the database has changed since the last backup', async () => {
    const clock = handDriven();
    const app = await startApp(newFile(), {
      automaticBackups: true,
      backupTimer: clock.timer,
      now: clock.now,
    });
    app.runtime.actAs(null, true);
    // Counted as made (retention may already have pruned some of them from the folder).
    const made: unknown[] = [];
    const check = async () => {
      const backup = await clock.fire();
      if (backup) made.push(backup);
    };

    clock.advance(minutes(60));
    await check();
    expect(made).toHaveLength(0);

    // After a quiet hour, a change is backed up at the next check.
    await succeed(app, 'createClient', sampleClient({ reference: 'C-AUTO-0001' }));
    await check();
    expect(made).toHaveLength(1);

    // Then at most once per interval.
    await succeed(app, 'createClient', sampleClient({ reference: 'C-AUTO-0002' }));
    clock.advance(minutes(14));
    await check();
    expect(made).toHaveLength(1);
    clock.advance(minutes(1));
    await check();
    expect(made).toHaveLength(2);

    // Nothing changed since: no new backup however long it waits.
    clock.advance(minutes(45));
    await check();
    expect(made).toHaveLength(2);

    // Another process writing to the same file counts as a change (data_version).
    const other = new Database(app.runtime.database.path);
    other
      .prepare(
        "INSERT INTO settings (key, value, created_at, updated_at) VALUES ('x', '1', 'a', 'a')",
      )
      .run();
    other.close();
    await check();
    expect(made).toHaveLength(3);

    // A backup made by hand restarts the wait: the change it holds is backed up already.
    await succeed(app, 'createClient', sampleClient({ reference: 'C-AUTO-0003' }));
    await succeed(app, 'backupNow', {});
    clock.advance(minutes(15));
    await check();
    expect(made).toHaveLength(3);

    // The interval is the CB's setting, read at every check.
    await succeed(app, 'updateBackupSettings', { ...defaultBackupSettings, intervalMinutes: 30 });
    await succeed(app, 'backupNow', {});
    await succeed(app, 'createClient', sampleClient({ reference: 'C-AUTO-0004' }));
    clock.advance(minutes(20));
    await check();
    expect(made).toHaveLength(3);
    clock.advance(minutes(10));
    await check();
    expect(made).toHaveLength(4);
    const status = await succeed(app, 'dataStatus', {});
    expect(status.automatic).toEqual({ enabled: true, intervalMinutes: 30, lastFailure: null });
    app.runtime.close();
  });

  it('apply the retention settings after each automatic backup', async () => {
    const clock = handDriven('2026-03-02T06:10:00.000Z');
    const app = await startApp(newFile(), {
      automaticBackups: true,
      backupTimer: clock.timer,
      now: clock.now,
    });
    app.runtime.actAs(null, true);
    await succeed(app, 'updateBackupSettings', {
      intervalMinutes: 15,
      keepHourly: 2,
      keepDaily: 0,
      keepMonthly: 0,
      keepPerReason: 1,
    });
    await succeed(app, 'backupNow', {});
    await succeed(app, 'backupNow', {});
    // Two automatic backups in each of four hours.
    for (let i = 0; i < 8; i++) {
      await succeed(app, 'createClient', sampleClient({ reference: `C-KEEP-000${i}` }));
      clock.advance(minutes(30));
      await clock.fire();
    }
    const left = listBackups(app.runtime.database.backupDirectory);
    expect(left.map((b) => [b.reason, b.createdAt])).toEqual([
      ['automatic', '2026-03-02T10:10:00.000Z'],
      ['automatic', '2026-03-02T09:40:00.000Z'],
      ['manual', '2026-03-02T06:10:00.001Z'],
    ]);
    app.runtime.close();
  });

  it('are not scheduled unless asked for (the command line)', async () => {
    const app = await startApp(newFile());
    expect(app.runtime.backupScheduler).toBeNull();
    expect((await succeed(app, 'dataStatus', {})).automatic.enabled).toBe(false);
    app.runtime.close();
  });
});

describe('backup settings', () => {
  it('are refused at the field when out of range, and only an administrator changes them', async () => {
    const world = await EvidenceWorld.start(newFile());
    const error = await world.fail('updateBackupSettings', {
      ...defaultBackupSettings,
      keepDaily: -1,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'keepDaily' });
    expect(error.message).toBe('Daily backups: 0 or more days.');
    await world.actAs(world.people.auditor);
    expect(await world.fail('updateBackupSettings', defaultBackupSettings)).toMatchObject({
      code: 'FORBIDDEN',
    });
    world.app.runtime.close();
  });
});

describe('evidence files in backups', () => {
  it('are listed in a manifest, kept in the backup folder and put back by a restore', async () => {
    const world = await EvidenceWorld.start(newFile());
    const audit = world.audit();
    await world.actAs(world.people.auditor);
    const first = patternBytes(3000, 1);
    const second = patternBytes(5000, 2);
    const a = await world.upload({ auditId: audit.auditId, checklistItemId: audit.itemId }, first);
    const b = await world.upload({ auditId: audit.auditId, findingId: audit.findingId }, second);
    const backup = await succeed(world.app, 'backupNow', {});
    expect(backup).toMatchObject({ evidenceFiles: 2, evidenceNotCopied: 0 });
    expect(
      readManifest(backup.file)
        ?.files.map((f) => f.sha256)
        .sort(),
    ).toEqual([a.sha256, b.sha256].sort());
    const store = backupEvidenceStore(path.dirname(backup.file));
    expect(sha256(fs.readFileSync(storedPath(store, a.sha256)))).toBe(a.sha256);

    // A third file after the backup, then the evidence folder is lost.
    const third = await world.upload({ auditId: audit.auditId }, patternBytes(100, 3));
    fs.rmSync(world.evidenceDirectory, { recursive: true, force: true });
    // Only an administrator replaces every record with a backup's, and it is recorded.
    expect(await fail(world.app, 'restoreBackup', { file: backup.file })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await world.actAs(world.admin);
    const status = await succeed(world.app, 'restoreBackup', { file: backup.file });
    const restored = world.app.runtime.database.sqlite
      .prepare("SELECT actor_id, new_value FROM change_log WHERE entity = 'database'")
      .all();
    expect(restored).toEqual([
      { actor_id: world.admin.id, new_value: JSON.stringify({ from: path.basename(backup.file) }) },
    ]);
    expect(status.evidenceRestored).toEqual({ putBack: 2, unavailable: 0 });
    await world.actAs(world.people.auditor);
    expect((await world.download(a.id)).equals(first)).toBe(true);
    expect((await world.download(b.id)).equals(second)).toBe(true);
    const check = await succeed(world.app, 'verifyEvidenceFiles', {});
    expect(check).toMatchObject({ filesChecked: 2, problems: [] });

    // The state replaced by the restore was backed up with its evidence: the third file was
    // already gone, so that backup says it could not be copied.
    const beforeRestore = status.backups.find((x) => x.reason === 'before-restore');
    expect(beforeRestore).toMatchObject({ evidenceFiles: 3, evidenceNotCopied: 1 });
    expect(
      readManifest(beforeRestore?.file ?? '')?.files.find((f) => f.sha256 === third.sha256),
    ).toMatchObject({ stored: false, problem: 'missing' });

    world.app.runtime.close();
  });

  it('are deleted by retention once no remaining backup refers to them', async () => {
    const world = await EvidenceWorld.start(newFile());
    const audit = world.audit();
    await world.actAs(world.people.auditor);
    const kept = await world.upload({ auditId: audit.auditId }, patternBytes(700, 10));
    const first = await succeed(world.app, 'backupNow', {});
    const dropped = await world.upload({ auditId: audit.auditId }, patternBytes(700, 11));
    await succeed(world.app, 'backupNow', {});
    // Back to before the second file: from now on no new backup refers to it.
    await world.actAs(world.admin);
    await succeed(world.app, 'restoreBackup', { file: first.file });
    const newest = await succeed(world.app, 'backupNow', {});
    const dir = path.dirname(newest.file);
    const store = backupEvidenceStore(dir);
    expect(fs.existsSync(storedPath(store, dropped.sha256))).toBe(true);
    const orphan = 'f'.repeat(64);
    fs.mkdirSync(path.dirname(storedPath(store, orphan)), { recursive: true });
    fs.writeFileSync(storedPath(store, orphan), 'no backup refers to this');

    const before = listBackups(dir);
    const result = applyRetention(dir, new Date('2026-03-03T00:00:00.000Z'), {
      keepHourly: 0,
      keepDaily: 0,
      keepMonthly: 0,
      keepPerReason: 0,
    });
    expect(listBackups(dir).map((x) => x.file)).toEqual([newest.file]);
    expect(result.removed).toHaveLength(before.length - 1);
    for (const file of result.removed) expect(fs.existsSync(manifestPathFor(file))).toBe(false);
    expect(fs.existsSync(storedPath(store, kept.sha256))).toBe(true);
    expect(fs.existsSync(storedPath(store, dropped.sha256))).toBe(false);
    expect(fs.existsSync(storedPath(store, orphan))).toBe(false);
    world.app.runtime.close();
  });
});

describe('an evidence file already altered when a backup is made', () => {
  it('is marked in the manifest and never copied into the backup as if it were good', async () => {
    const world = await EvidenceWorld.start(newFile());
    const audit = world.audit();
    await world.actAs(world.people.auditor);
    const file = await world.upload({ auditId: audit.auditId }, patternBytes(500, 8));
    fs.appendFileSync(storedPath(world.evidenceDirectory, file.sha256), 'tampered');
    const backup = await succeed(world.app, 'backupNow', {});
    expect(backup).toMatchObject({ evidenceFiles: 1, evidenceNotCopied: 1 });
    expect(readManifest(backup.file)?.files).toEqual([
      { sha256: file.sha256, kinds: ['evidence_file'], stored: false, problem: 'altered' },
    ]);
    const store = backupEvidenceStore(path.dirname(backup.file));
    expect(fs.existsSync(storedPath(store, file.sha256))).toBe(false);
    world.app.runtime.close();
  });
});

describe('cli check', () => {
  it('verifies every evidence file and names the records behind an altered and a missing one', async () => {
    const file = newFile();
    const world = await EvidenceWorld.start(file);
    const audit = world.audit();
    await world.actAs(world.people.auditor);
    const altered = await world.upload(
      { auditId: audit.auditId, checklistItemId: audit.itemId },
      patternBytes(2000, 4),
      'interview-notes.pdf',
    );
    const missing = await world.upload(
      { auditId: audit.auditId, findingId: audit.findingId },
      patternBytes(2000, 5),
      'risk-register.xlsx',
    );
    const fine = await world.upload({ auditId: audit.auditId }, patternBytes(10, 6));
    fs.appendFileSync(storedPath(world.evidenceDirectory, altered.sha256), 'x');
    fs.rmSync(storedPath(world.evidenceDirectory, missing.sha256));
    world.app.runtime.close();

    const run = runCliProcess(['check', '--db', file]);
    expect(run.status).toBe(1);
    const report = run.json as {
      ok: boolean;
      quickCheck: string[];
      evidence: { filesChecked: number; problems: EvidenceProblem[] };
    };
    expect(report.ok).toBe(false);
    expect(report.quickCheck).toEqual(['ok']);
    expect(report.evidence.filesChecked).toBe(3);
    const byHash = new Map(report.evidence.problems.map((p) => [p.sha256, p]));
    expect(byHash.size).toBe(2);
    expect(byHash.has(fine.sha256)).toBe(false);
    expect(byHash.get(altered.sha256)).toMatchObject({
      problem: 'altered',
      actualSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      records: [
        {
          kind: 'evidence_file',
          id: altered.id,
          name: 'interview-notes.pdf',
          auditId: audit.auditId,
          checklistItemId: audit.itemId,
          itemKey: '9.2',
          findingId: null,
          clientName: 'Lumen Analytics GmbH',
        },
      ],
    });
    expect(byHash.get(missing.sha256)).toMatchObject({
      problem: 'missing',
      actualSha256: null,
      records: [
        {
          kind: 'evidence_file',
          id: missing.id,
          name: 'risk-register.xlsx',
          findingId: audit.findingId,
          findingRequirement: 'ISO/IEC 42001:2023 9.2',
        },
      ],
    });
  });
});
