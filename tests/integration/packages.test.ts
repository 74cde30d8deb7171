import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../db/open';
import { readPackage } from '../../electron/services/packages/format';
import { fail, runCliInProcess, runCliProcess, succeed, temporaryFolder } from './helpers';
import { patternBytes } from './evidence-fixtures';
import { OfficeAndLaptop, tableRows, tamperedPackage, writePackageFile } from './package-fixtures';

const folder = temporaryFolder('packages');
/** The rows a package holds, by table. */
async function tablesOf(data: string): Promise<Record<string, unknown[]>> {
  return (await readPackage(Buffer.from(data, 'base64'))).data.tables;
}

/** Columns the importing side recomputes (finding deadlines) or stamps when it does. */
const derived = [
  'updated_at',
  'next_due',
  'response_due',
  'verification_due',
  'hard_limit',
  'audit_last_day',
];
let n = 0;
let world: OfficeAndLaptop;

async function start(): Promise<OfficeAndLaptop> {
  world = await OfficeAndLaptop.start(folder, `w${++n}`);
  return world;
}

afterEach(() => world?.close());

describe('audit packages', () => {
  it('carry an audit with its evidence file to a new database, and importing twice changes nothing', async () => {
    const w = await start();
    await w.office.actAs(w.people.lead);
    const bytes = patternBytes(300_000, 7);
    const file = await w.office.upload(
      { auditId: w.audit.auditId, checklistItemId: w.audit.itemId },
      bytes,
      'interview.pdf',
      'application/pdf',
    );
    await w.answer(w.office.app, w.people.lead, { notes: 'Programme seen', result: 'conforming' });
    const data = await w.exportFrom(w.office.app);

    const preview = await succeed(w.laptop, 'previewAuditPackage', { data });
    expect(preview.conflicts).toEqual([]);
    expect(preview.package.signer.firstSeen).toBe(true);
    expect(preview.package.audits.map((a) => a.id)).toEqual([w.audit.auditId]);
    expect(preview.package.evidenceFiles).toBe(1);
    expect(tableRows(w.laptop, 'audits')).toEqual([]);

    const first = await w.importInto(w.laptop, data);
    expect(first.inserted).toBe(preview.inserted);
    expect(first.inserted).toBeGreaterThan(10);
    for (const table of [
      'audits',
      'checklist_items',
      'checklist_answers',
      'findings',
      'evidence_files',
      'audit_team_members',
    ]) {
      expect(tableRows(w.laptop, table, derived), table).toEqual(
        tableRows(w.office.app, table, derived),
      );
    }
    expect(checkDatabase(w.laptop.runtime.database.sqlite)).toEqual({
      quickCheck: ['ok'],
      foreignKeyViolations: [],
    });
    // The evidence file arrived and opens (its hash is checked on read).
    await w.as(w.laptop, w.people.lead);
    const chunk = await succeed(w.laptop, 'readEvidenceChunk', { id: file.id, offset: 0 });
    expect(
      Buffer.from(chunk.data, 'base64').equals(
        bytes.subarray(0, Buffer.from(chunk.data, 'base64').length),
      ),
    ).toBe(true);

    const log = () => tableRows(w.laptop, 'change_log').length;
    const before = log();
    const again = await w.importInto(w.laptop, data);
    expect(again).toMatchObject({ inserted: 0, updated: 0, conflicts: [] });
    expect(again.unchanged).toBe(first.inserted);
    expect(log()).toBe(before);
    const preview2 = await succeed(w.laptop, 'previewAuditPackage', { data });
    expect(preview2.importedBefore).toBe(true);
    expect(preview2.package.signer.firstSeen).toBe(false);
  });

  it('takes a change made on one side only, and shows a change made on both sides as a conflict to resolve', async () => {
    const w = await start();
    await w.answer(w.office.app, w.people.lead, { notes: 'Before the trip' });
    await w.sendToLaptop();

    // On site: the lead rewrites the note and the finding's statement.
    await w.answer(w.laptop, w.people.lead, { notes: 'Seen on site: programme approved' });
    await succeed(w.laptop, 'updateFinding', {
      id: w.audit.findingId,
      statement: 'The internal audit of 2025 did not cover Annex A controls A.6 and A.7.',
    });
    // Meanwhile in the office: the same note, differently; the auditor answers the item too.
    await w.answer(w.office.app, w.people.lead, { notes: 'Office: check the programme' });
    await w.answer(w.office.app, w.people.auditor, { result: 'conforming' });

    const fromLaptop = await w.exportFrom(w.laptop);
    const preview = await succeed(w.office.app, 'previewAuditPackage', { data: fromLaptop });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({
        entity: 'checklist_answers',
        field: 'notes',
        mine: 'Office: check the programme',
        theirs: 'Seen on site: programme approved',
        editable: true,
      }),
    ]);
    expect(preview.conflicts[0]?.label).toContain('Lena Lead');
    // The answer in conflict is neither "updated" nor "unchanged" until it is decided.
    const rows = Object.values(await tablesOf(fromLaptop)).reduce((n, t) => n + t.length, 0);
    expect(preview.inserted + preview.updated + preview.unchanged).toBe(rows - 1);

    // Without a decision nothing is written.
    const refused = await fail(w.office.app, 'importAuditPackage', { data: fromLaptop });
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'resolutions' });
    const finding = () => succeed(w.office.app, 'getFinding', { id: w.audit.findingId });
    expect((await finding()).statement).toBe('The internal audit of 2025 did not cover Annex A.');

    const conflict = preview.conflicts[0];
    if (!conflict) throw new Error('expected a conflict');
    const result = await w.importInto(w.office.app, fromLaptop, [
      {
        entity: conflict.entity,
        id: conflict.id,
        field: conflict.field,
        choice: 'edit',
        value: 'Programme approved; office to check the sampling',
      },
    ]);
    expect(result.resolved).toBe(1);
    expect((await finding()).statement).toContain('A.6 and A.7');
    const notes = () =>
      tableRows(w.office.app, 'checklist_answers')
        .filter((r) => r.auditor_id === w.people.lead.id)
        .map((r) => r.notes);
    expect(notes()).toEqual(['Programme approved; office to check the sampling']);
    // The resolution is a change of its own, with who made it.
    await w.office.actAs(w.people.lead);
    const history = tableRows(w.office.app, 'change_log').filter(
      (e) => e.entity === 'checklist_answers' && e.field === 'notes',
    );
    expect(history.at(-1)).toMatchObject({
      new_value: 'Programme approved; office to check the sampling',
    });

    // Back to the laptop: no conflict is reported a second time, and both sides agree.
    const fromOffice = await w.exportFrom(w.office.app);
    const back = await w.importInto(w.laptop, fromOffice);
    expect(back.conflicts).toEqual([]);
    for (const table of ['checklist_answers', 'findings', 'audits', 'clients']) {
      const skip = [
        'updated_at',
        'next_due',
        'response_due',
        'verification_due',
        'hard_limit',
        'audit_last_day',
      ];
      expect(tableRows(w.laptop, table, skip), table).toEqual(tableRows(w.office.app, table, skip));
    }
  });

  it('merges one auditor’s answer to one item made separately on both sides into one record', async () => {
    const w = await start();
    await w.sendToLaptop();
    await w.answer(w.laptop, w.people.auditor, { result: 'conforming' });
    await w.answer(w.office.app, w.people.auditor, { notes: 'Asked for the audit plan' });
    const data = await w.exportFrom(w.laptop);
    const result = await w.importInto(w.office.app, data);
    expect(result.conflicts).toEqual([]);
    const answers = tableRows(w.office.app, 'checklist_answers');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ result: 'conforming', notes: 'Asked for the audit plan' });
  });

  it('carries a deletion (a site removed on the laptop) unless the office changed that record since', async () => {
    const w = await start();
    await w.sendToLaptop();
    const clientId = w.office.clientId;
    const client = await succeed(w.laptop, 'getClient', { id: clientId });
    const lab = client.sites.find((site) => site.name === 'Lab');
    const keep = client.sites.filter((site) => site.name !== 'Lab');
    await succeed(w.laptop, 'updateClient', { id: clientId, patch: { sites: keep } });
    const sites = (app: typeof w.laptop) =>
      tableRows(app, 'client_sites').map((r) => r.name as string);

    const preview = await succeed(w.office.app, 'previewAuditPackage', {
      data: await w.exportFrom(w.laptop),
    });
    expect(preview).toMatchObject({ deleted: 1, conflicts: [] });
    const result = await w.importInto(w.office.app, await w.exportFrom(w.laptop));
    expect(result.deleted).toBe(1);
    expect(sites(w.office.app)).toEqual(['Head office']);
    expect(lab).toBeDefined();

    // A site the office renamed after the laptop deleted it is a conflict, not a silent delete.
    const w2 = await start();
    await w2.sendToLaptop();
    const c2 = await succeed(w2.laptop, 'getClient', { id: w2.office.clientId });
    await succeed(w2.laptop, 'updateClient', {
      id: c2.id,
      patch: { sites: c2.sites.filter((site) => site.name !== 'Lab') },
    });
    await w2.office.actAs(w2.office.admin);
    const o2 = await succeed(w2.office.app, 'getClient', { id: c2.id });
    await succeed(w2.office.app, 'updateClient', {
      id: c2.id,
      patch: {
        sites: o2.sites.map((site) => (site.name === 'Lab' ? { ...site, name: 'AI lab' } : site)),
      },
    });
    const preview2 = await succeed(w2.office.app, 'previewAuditPackage', {
      data: await w2.exportFrom(w2.laptop),
    });
    expect(preview2.deleted).toBe(0);
    expect(preview2.conflicts).toEqual([
      expect.objectContaining({ entity: 'client_sites', field: 'deleted', editable: false }),
    ]);
  });

  it('never changes who may sign in or their roles here, lists the people it would add, and adds no administrator', async () => {
    const w = await start();
    const preview = await succeed(w.laptop, 'previewAuditPackage', {
      data: await w.exportFrom(w.office.app),
    });
    expect(preview.newPeople.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Lena Lead', 'Omar Auditor']),
    );
    // The office's administrator arrives, but not as an administrator: those are made locally.
    expect(preview.newPeople).toContainEqual({ name: 'Ana Admin', roles: ['scheduler'] });
    await w.sendToLaptop();
    const ana = tableRows(w.laptop, 'people').find((p) => p.name === 'Ana Admin');
    expect(ana).toMatchObject({ roles: '["scheduler"]' });
    // The laptop's administrator makes the auditor an administrator there, and renames him.
    const laptopDb = w.laptop.runtime.database.sqlite;
    laptopDb
      .prepare("UPDATE people SET roles = '[\"admin\"]', name = 'Omar A. Auditor' WHERE id = ?")
      .run(w.people.auditor.id);
    laptopDb
      .prepare(
        "INSERT INTO change_log (id, entity, entity_id, root_id, field, old_value, new_value, actor_id, at) VALUES ('01a20000-0000-7000-8000-000000000001', 'person', ?, ?, 'roles', '[\"auditor\"]', '[\"admin\"]', NULL, '2026-03-03T00:00:00.000Z')",
      )
      .run(w.people.auditor.id, w.people.auditor.id);
    await w.as(w.laptop, w.people.lead);
    const back = await w.importInto(w.office.app, await w.exportFrom(w.laptop));
    expect(back.conflicts).toEqual([]);
    const office = tableRows(w.office.app, 'people').find((p) => p.id === w.people.auditor.id);
    expect(office).toMatchObject({ roles: '["auditor"]' });
  });

  it('refuses a package that was altered after signing, saying why, and writes nothing', async () => {
    const w = await start();
    const data = await w.exportFrom(w.office.app);
    for (const file of ['data.json', 'manifest.json']) {
      const error = await fail(w.laptop, 'previewAuditPackage', {
        data: await tamperedPackage(data, file),
      });
      expect(error.field).toBe('file');
      expect(error.message).toMatch(/refused/);
    }
    const altered = await fail(w.laptop, 'importAuditPackage', {
      data: await tamperedPackage(data),
    });
    expect(altered.message).toMatch(/data\.json does not match the hash in its signed manifest/);
    const notZip = await fail(w.laptop, 'importAuditPackage', {
      data: Buffer.from('hello').toString('base64'),
    });
    expect(notZip).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(tableRows(w.laptop, 'audits')).toEqual([]);
  });

  it('export (as a process) and import from the command line, with a dry run and a refusal while conflicts are open', async () => {
    const w = await start();
    await w.answer(w.office.app, w.people.lead, { notes: 'v1' });
    await w.sendToLaptop();
    await w.answer(w.laptop, w.people.lead, { notes: 'laptop' });
    await w.answer(w.office.app, w.people.lead, { notes: 'office' });
    const laptopPath = w.laptop.runtime.database.path;
    const officePath = w.office.app.runtime.database.path;
    w.close();

    const out = `${folder}/cli-${n}.adpkg`;
    const exported = runCliProcess([
      'package',
      'export',
      '--db',
      laptopPath,
      '--audit',
      w.audit.auditId,
      '--out',
      out,
    ]);
    expect(exported.status).toBe(0);
    expect(exported.json).toMatchObject({ file: out, evidenceFiles: 0 });

    const dry = await runCliInProcess(['package', 'import', '--db', officePath, out, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.json).toMatchObject({
      dryRun: true,
      inserted: expect.any(Number),
      updated: expect.any(Number),
      unchanged: expect.any(Number),
      newPeople: [],
      conflicts: [
        { entity: 'checklist_answers', field: 'notes', mine: 'office', theirs: 'laptop' },
      ],
    });
    const open = await runCliInProcess(['package', 'import', '--db', officePath, out]);
    expect(open.status).toBe(1);
    expect(open.json).toMatchObject({ imported: false });
    expect(open.stderr).toMatch(/need a decision/);

    const bad = writePackageFile(
      folder,
      `bad-${n}.adpkg`,
      await tamperedPackage(fs.readFileSync(out).toString('base64')),
    );
    const refused = await runCliInProcess(['package', 'import', '--db', officePath, bad]);
    expect(refused.status).toBe(2);
    expect(refused.json).toMatchObject({ error: { code: 'VALIDATION', field: 'file' } });
  }, 60_000);
});
