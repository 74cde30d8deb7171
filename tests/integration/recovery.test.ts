import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../electron/cli/commands';
import { runCli } from '../../electron/cli/run';
import { seedClients } from '../../electron/services/seed';
import { storedPath } from '../../electron/services/evidence-store';
import { EvidenceWorld, patternBytes } from './evidence-fixtures';
import { sampleClient, startApp, succeed, temporaryFolder, tickingClock } from './helpers';

const root = temporaryFolder('recovery');
let counter = 0;
const newFile = () => path.join(root, `db-${++counter}`, 'audit-desk.sqlite');

/** Overwrites the middle third of the file with bytes that are no SQLite page. */
function damage(file: string): void {
  const size = fs.statSync(file).size;
  const garbage = Buffer.alloc(Math.floor(size / 3));
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 3));
  fs.closeSync(fd);
}

const clientCount = async (app: Awaited<ReturnType<typeof startApp>>) =>
  (await succeed(app, 'listClients', { includeArchived: true })).length;

describe('a damaged database file', () => {
  it('is not opened; the newest good backup is offered and restoring it reopens the data', async () => {
    const file = newFile();
    const app = await startApp(file, { now: tickingClock() });
    app.runtime.actAs(null, true);
    seedClients(app.runtime.context(), 200);
    const older = await app.runtime.backupNow();
    await succeed(app, 'createClient', sampleClient({ reference: 'C-LATE-0001' }));
    const newest = await app.runtime.backupNow();
    app.runtime.close();
    // A newer backup that is itself damaged must not be offered.
    const damagedBackup = path.join(
      path.dirname(newest.file),
      'audit-desk-20991231T000000000Z-manual.sqlite',
    );
    fs.copyFileSync(newest.file, damagedBackup);
    damage(damagedBackup);
    damage(file);

    const reopened = await startApp(file);
    const recovery = reopened.runtime.recovery;
    expect(recovery?.reason).toMatch(/integrity check/);
    expect(recovery?.backups.map((b) => b.file)).toEqual([newest.file, older.file]);
    const session = await succeed(reopened, 'getSession', {});
    expect(session.recovery?.backups[0]?.file).toBe(newest.file);
    const blocked = await reopened.handlers.listClients({});
    expect(blocked.ok).toBe(false);

    const status = await succeed(reopened, 'restoreBackup', { file: newest.file });
    expect(status.databasePath).toBe(file);
    expect(reopened.runtime.recovery).toBeNull();
    reopened.runtime.actAs(null, true);
    expect(await clientCount(reopened)).toBe(201);
    // The damaged file is set aside with its WAL (which may hold its last transactions).
    const setAside = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.damaged-'));
    expect(setAside.filter((f) => !f.endsWith('-wal'))).toHaveLength(1);
    reopened.runtime.close();
  });
});

describe('a file that is not a database at all', () => {
  it('is never opened, however often the app starts, and is left exactly as it was', async () => {
    const file = newFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const garbage = Buffer.from(
      'This is a spreadsheet someone saved over the database.\n'.repeat(200),
    );
    fs.writeFileSync(file, garbage);
    for (let start = 0; start < 2; start++) {
      const app = await startApp(file, { backupOnOpen: true, automaticBackups: true });
      expect(app.runtime.recovery?.reason).toMatch(/integrity check/);
      expect(app.runtime.recovery?.backups).toEqual([]);
      const session = await succeed(app, 'getSession', {});
      expect(session).toMatchObject({ setupRequired: false, current: null });
      expect(await app.handlers.dataStatus({})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(await app.runtime.backupScheduler?.tick()).toBeNull();
      app.runtime.close();
    }
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);

    // `cli check` says so with exit 1 and does not open it either.
    let stdout = '';
    const status = await runCli(['check', '--db', file], commands, {
      readStdin: () => Promise.resolve(''),
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      defaultDatabasePath: file,
    });
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, evidence: null, backups: [] });
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });
});

describe('restoring after the database and the evidence folder were both lost', () => {
  it('brings back the records and their evidence files from the backup folder alone', async () => {
    const file = newFile();
    const world = await EvidenceWorld.start(file);
    const audit = world.audit();
    await world.actAs(world.people.auditor);
    const bytes = patternBytes(4000, 9);
    const attached = await world.upload({ auditId: audit.auditId }, bytes, 'photo.bin');
    await succeed(world.app, 'backupNow', {});
    world.app.runtime.close();
    damage(file);
    fs.rmSync(path.join(path.dirname(file), 'evidence'), { recursive: true, force: true });

    const reopened = await startApp(file);
    const newest = reopened.runtime.recovery?.backups[0];
    expect(newest?.evidenceFiles).toBe(1);
    const status = await succeed(reopened, 'restoreBackup', { file: newest?.file ?? '' });
    expect(status.evidenceRestored).toEqual({ putBack: 1, unavailable: 0 });
    const evidence = path.join(path.dirname(file), 'evidence');
    expect(fs.readFileSync(storedPath(evidence, attached.sha256)).equals(bytes)).toBe(true);
    reopened.runtime.close();
  });
});

describe('restoring a backup of a healthy database', () => {
  it('brings back the backed-up state and keeps the replaced one as a backup', async () => {
    const file = newFile();
    const app = await startApp(file);
    app.runtime.actAs(null, true);
    await succeed(app, 'createClient', sampleClient({ reference: 'C-KEPT-0001' }));
    const backup = await succeed(app, 'backupNow', {});
    await succeed(app, 'createClient', sampleClient({ reference: 'C-AFTER-0001' }));

    await succeed(app, 'restoreBackup', { file: backup.file });
    const references = (await succeed(app, 'listClients', {})).map((c) => c.reference);
    expect(references).toEqual(['C-KEPT-0001']);

    const status = await succeed(app, 'dataStatus', {});
    const beforeRestore = status.backups.find((b) => b.reason === 'before-restore');
    expect(beforeRestore).toBeDefined();
    await succeed(app, 'restoreBackup', { file: beforeRestore?.file ?? '' });
    const undone = (await succeed(app, 'listClients', { sort: 'reference' })).map(
      (c) => c.reference,
    );
    expect(undone).toEqual(['C-AFTER-0001', 'C-KEPT-0001']);
    app.runtime.close();
  });

  it('refuses a file that is not in the backup folder', async () => {
    const app = await startApp(newFile());
    app.runtime.actAs(null, true);
    const result = await app.handlers.restoreBackup({ file: path.join(root, 'elsewhere.sqlite') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'file' } });
    app.runtime.close();
  });
});
