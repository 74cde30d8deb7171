import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../electron/cli/commands';
import type { CliCommand } from '../../electron/cli/command';
import { runCli } from '../../electron/cli/run';
import type { Client, ClientSummary } from '../../shared/clients/schema';
import { runCliProcess, sampleClient, temporaryFolder } from './helpers';

const root = temporaryFolder('cli');
let counter = 0;
const newFile = () => path.join(root, `db-${++counter}.sqlite`);

/** The command line in this process: same code as the binary, quicker than spawning. */
async function cli(argv: string[], stdin = '', commandList: readonly CliCommand[] = commands) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, commandList, {
    readStdin: () => Promise.resolve(stdin),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    defaultDatabasePath: path.join(root, 'default', 'audit-desk.sqlite'),
  });
  return { status, stdout, stderr, json: JSON.parse(stdout) as unknown };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('the command line, run as a process', () => {
  const db = newFile();
  let id = '';

  it('adds a client from stdin and prints the stored client', () => {
    // Started as `npm run cli` starts it (tsx); the other runs use the bundled command line.
    const run = runCliProcess(
      ['client', 'add', '--db', db],
      JSON.stringify(sampleClient()),
      undefined,
      'tsx',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const client = run.json as Client;
    expect(client.reference).toMatch(/^C-\d{4}-0001$/);
    expect(client.sites).toHaveLength(2);
    id = client.id;
  });

  it('lists, gets, updates and archives that client', () => {
    const list = runCliProcess(['client', 'list', '--db', db, '--search', 'lumen']);
    expect(list.status).toBe(0);
    expect((list.json as ClientSummary[]).map((c) => c.id)).toEqual([id]);

    const got = runCliProcess(['client', 'get', id, '--db', db]);
    expect((got.json as Client).legalName).toBe('Lumen Analytics GmbH');

    const updated = runCliProcess(['client', 'update', id, '--db', db], '{"status":"certified"}');
    expect(updated.status).toBe(0);
    expect((updated.json as Client).status).toBe('certified');

    const archived = runCliProcess(['client', 'archive', id, '--db', db]);
    expect(archived.status).toBe(0);
    expect((archived.json as Client).archivedAt).not.toBeNull();
  });

  it('rejects bad input with exit 2, the error as JSON on stdout and one line on stderr', () => {
    const input = sampleClient({
      sites: [{ name: 'HQ', country: 'XX', isCentral: true, fullTimePersonnel: 3 }],
    });
    const run = runCliProcess(['client', 'add', '--db', db], JSON.stringify(input));
    expect(run.status).toBe(2);
    expect(run.json).toEqual({
      error: {
        code: 'VALIDATION',
        field: 'sites[0].country',
        message: 'Use a two-letter ISO 3166 country code, e.g. GB or DE.',
      },
    });
    expect(lines(run.stderr)).toEqual([
      'error: sites[0].country: Use a two-letter ISO 3166 country code, e.g. GB or DE.',
    ]);
  });

  it('checks the database and backs it up to a new file', () => {
    const check = runCliProcess(['check', '--db', db]);
    expect(check.status).toBe(0);
    expect(check.json).toEqual({
      ok: true,
      quickCheck: ['ok'],
      foreignKeyViolations: [],
      evidence: { filesChecked: 0, problems: [] },
    });

    const out = path.join(root, 'copies', 'backup.sqlite');
    const backup = runCliProcess(['backup', '--db', db, '--out', out]);
    expect(backup.status).toBe(0);
    expect(backup.json).toEqual({ file: out, bytes: fs.statSync(out).size });
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT id FROM clients').all()).toEqual([{ id }]);
    copy.close();
  });

  it('seeds the demo data, then generated clients', () => {
    const demoDb = newFile();
    const demo = runCliProcess(['seed', '--demo', '--db', demoDb]);
    expect(demo.json).toMatchObject({ people: 10, clients: 40 });
    const listed = runCliProcess(['client', 'list', '--db', demoDb]);
    expect(listed.json).toHaveLength(40);
    const generated = runCliProcess(['seed', '--clients', '2000', '--db', demoDb]);
    expect(generated.status).toBe(0);
    expect(generated.json).toEqual({ people: 0, clients: 2000 });
  });

  it('opens the app’s own database when there is no --db', () => {
    const home = path.join(root, 'home');
    const run = runCliProcess(['check'], '', home);
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(home, 'Audit Desk', 'audit-desk.sqlite'))).toBe(true);
  });
});

describe('the command line, in process', () => {
  it('lists the commands for help or no command', async () => {
    for (const argv of [[], ['help']]) {
      const run = await cli(argv);
      expect(run.status).toBe(0);
      const names = (run.json as { commands: { name: string }[] }).commands.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['audit-time', 'client add', 'seed', 'check']));
    }
  });

  it('reads input from a file, and reports unreadable or invalid JSON on the input field', async () => {
    const db = newFile();
    const file = path.join(root, 'client.json');
    fs.writeFileSync(file, JSON.stringify(sampleClient()));
    expect((await cli(['client', 'add', file, '--db', db])).status).toBe(0);
    const invalid = await cli(['client', 'add', '-', '--db', db], '{"legalName": ');
    expect(invalid.status).toBe(2);
    expect(invalid.json).toMatchObject({ error: { code: 'VALIDATION', field: 'input' } });
    const missing = await cli(['client', 'add', path.join(root, 'nope.json'), '--db', db]);
    expect(missing.json).toMatchObject({ error: { field: 'input' } });
    expect(lines(missing.stderr)).toHaveLength(1);
  });

  it('names patch fields as written in an update', async () => {
    const db = newFile();
    const { json } = await cli(['client', 'add', '--db', db], JSON.stringify(sampleClient()));
    const id = (json as Client).id;
    const run = await cli(
      ['client', 'update', id, '--db', db],
      '{"contacts":[{"name":"A","email":"x"}]}',
    );
    expect(run.json).toMatchObject({ error: { code: 'VALIDATION', field: 'contacts[0].email' } });
  });

  it('shows archived clients with --include-archived and restores them', async () => {
    const db = newFile();
    const { json } = await cli(['client', 'add', '--db', db], JSON.stringify(sampleClient()));
    const id = (json as Client).id;
    await cli(['client', 'archive', id, '--db', db]);
    expect((await cli(['client', 'list', '--db', db])).json).toEqual([]);
    const all = await cli(['client', 'list', '--include-archived', '--db', db]);
    expect((all.json as ClientSummary[]).map((c) => c.id)).toEqual([id]);
    const restored = await cli(['client', 'restore', id, '--db', db]);
    expect((restored.json as Client).archivedAt).toBeNull();
    const history = await cli(['client', 'history', id, '--db', db]);
    const fields = (history.json as { field: string }[]).map((h) => h.field);
    expect(fields.filter((f) => f === 'archivedAt')).toHaveLength(2);
  });

  it('acts as --as, refusing an unknown id and what that person may not do', async () => {
    const db = newFile();
    await cli(
      ['person', 'add', '--db', db],
      '{"name":"Ada","email":"ada@cb.example","roles":["admin"]}',
    );
    const auditor = await cli(
      ['person', 'add', '--db', db],
      '{"name":"Bo","email":"bo@cb.example","roles":["auditor"]}',
    );
    const auditorId = (auditor.json as { id: string }).id;
    const unknown = await cli(['client', 'list', '--db', db, '--as', 'nobody']);
    expect(unknown.status).toBe(2);
    expect(unknown.json).toMatchObject({ error: { code: 'NOT_FOUND', field: 'as' } });
    const forbidden = await cli(
      ['client', 'add', '--db', db, '--as', auditorId],
      JSON.stringify(sampleClient()),
    );
    expect(forbidden.status).toBe(2);
    expect(forbidden.json).toMatchObject({ error: { code: 'FORBIDDEN', field: null } });
    const everyone = await cli(['person', 'list', '--db', db, '--as', auditorId]);
    expect(everyone.json).toHaveLength(2);
  });

  it('makes the first person an administrator', async () => {
    const run = await cli(
      ['person', 'add', '--db', newFile()],
      '{"name":"Bo","email":"bo@cb.example","roles":["auditor"]}',
    );
    expect(run.json).toMatchObject({ error: { code: 'VALIDATION', field: 'roles' } });
  });

  it('reports an unknown command on the command field', async () => {
    const run = await cli(['client', 'frobnicate']);
    expect(run.status).toBe(2);
    expect(run.json).toMatchObject({ error: { code: 'VALIDATION', field: 'command' } });
  });

  it('exits 1 with an INTERNAL error for an unexpected failure, still one stderr line', async () => {
    const broken: CliCommand = {
      name: 'broken',
      summary: 'fails',
      needsDatabase: false,
      run: () => Promise.reject(new Error('disk on fire')),
    };
    const run = await cli(['broken'], '', [broken]);
    expect(run.status).toBe(1);
    expect(run.json).toMatchObject({ error: { code: 'INTERNAL', field: null } });
    expect(lines(run.stderr)).toEqual([expect.stringContaining('disk on fire')]);
  });

  it('check exits 1 on a damaged file and names the backups to restore', async () => {
    const db = newFile();
    await cli(['seed', '--clients', '300', '--db', db]);
    const size = fs.statSync(db).size;
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(Math.floor(size / 2), 0x5a), 0, Math.floor(size / 2), 8192);
    fs.closeSync(fd);
    const run = await cli(['check', '--db', db]);
    expect(run.status).toBe(1);
    expect(run.json).toMatchObject({ ok: false, foreignKeyViolations: [] });
    const list = await cli(['client', 'list', '--db', db]);
    expect(list.json).toMatchObject({ error: { code: 'CONFLICT' } });
  });
});
