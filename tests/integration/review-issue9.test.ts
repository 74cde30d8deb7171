/**
 * Review of issue 9 (audit packages): the cases the main package tests leave open. Packages are
 * re-signed here the way a careless or hostile exporter could make them: with the office's own
 * key after editing their data (an older installation, a file left out), or with another key that
 * claims the office's name.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../db/backup';
import { ensureIdentity, signBytes } from '../../electron/services/packages/identity';
import { writePackage, type PackageData } from '../../electron/services/packages/format';
import { fail, runCliInProcess, succeed, temporaryFolder, type TestApp } from './helpers';
import { patternBytes } from './evidence-fixtures';
import { OfficeAndLaptop, tableRows, writePackageFile } from './package-fixtures';

const folder = temporaryFolder('review-issue9');
let n = 0;
let world: OfficeAndLaptop | undefined;

async function start(): Promise<OfficeAndLaptop> {
  world = await OfficeAndLaptop.start(folder, `r${++n}`);
  return world;
}

afterEach(() => world?.close());

type Signer = Parameters<typeof signBytes>[0];

/** Another installation's key pair that claims `name`. */
function impostor(name: string): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    installationId: '01a20000-0000-7000-8000-00000000beef',
    name,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    createdAt: '2026-03-01T00:00:00.000Z',
  };
}

/**
 * The package with its data (and evidence files) changed by `edit`, then signed again by `signer`
 * with a manifest that matches: a package whose signature and hashes all hold.
 */
async function resigned(
  data: string,
  signer: Signer,
  edit: (d: PackageData, evidence: Map<string, Buffer>) => void = () => undefined,
): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(data, 'base64'));
  const text = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the package`);
    return file.async('string');
  };
  const manifest = JSON.parse(await text('manifest.json')) as Record<string, unknown>;
  const packageData = JSON.parse(await text('data.json')) as PackageData;
  const evidence = new Map<string, Buffer>();
  for (const file of zip.file(/^evidence\//)) {
    evidence.set(file.name.slice('evidence/'.length), await file.async('nodebuffer'));
  }
  edit(packageData, evidence);
  const { files: _files, ...rest } = manifest;
  void _files;
  const bytes = await writePackage(
    {
      ...(rest as unknown as Parameters<typeof writePackage>[0]),
      signer: {
        installationId: signer.installationId,
        name: signer.name,
        publicKey: signer.publicKey,
      },
    },
    packageData,
    evidence,
    (m) => signBytes(signer, m),
  );
  return bytes.toString('base64');
}

function only<T>(list: T[]): T {
  const [first] = list;
  if (list.length !== 1 || first === undefined) throw new Error(`expected one, got ${list.length}`);
  return first;
}

function evidenceFileCount(app: TestApp): number {
  const dir = app.runtime.context().evidenceDirectory;
  if (!fs.existsSync(dir)) return 0;
  let count = 0;
  for (const sub of fs.readdirSync(dir)) {
    const inner = path.join(dir, sub);
    if (fs.statSync(inner).isDirectory()) count += fs.readdirSync(inner).length;
  }
  return count;
}

describe('audit packages (review of issue 9)', () => {
  it('shows a package re-signed with another key under the office’s name as a different signer', async () => {
    const w = await start();
    await w.sendToLaptop();
    const office = ensureIdentity(w.office.app.runtime.context());
    const data = await w.exportFrom(w.office.app);
    const forged = await resigned(data, impostor(office.name), (d) => {
      const finding = d.tables.findings?.[0];
      if (finding) finding.statement = 'Nothing to see here.';
    });

    const preview = await succeed(w.laptop, 'previewAuditPackage', { data: forged });
    expect(preview.package.signer.name).toBe(office.name);
    expect(preview.package.signer.fingerprint).not.toBe(
      (await succeed(w.office.app, 'packageIdentity', {})).fingerprint,
    );
    expect(preview.package.signer.firstSeen).toBe(true);
    expect(preview.package.signer.nameSeenWithOtherKey).toBe(true);

    // The command line says so too, instead of printing only a name the reader already trusts.
    const file = writePackageFile(folder, `r${n}-forged.adpkg`, forged);
    const run = await runCliInProcess([
      'package',
      'import',
      '--db',
      w.laptop.runtime.database.path,
      file,
      '--dry-run',
    ]);
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({
      signer: { name: office.name, firstSeen: true, nameSeenWithOtherKey: true },
    });
  });

  it('refuses a package whose evidence row has no file in the package, and writes nothing', async () => {
    const w = await start();
    await w.office.actAs(w.people.lead);
    await w.office.upload(
      { auditId: w.audit.auditId, checklistItemId: w.audit.itemId },
      patternBytes(2_000, 3),
      'notes.pdf',
      'application/pdf',
    );
    const office = ensureIdentity(w.office.app.runtime.context());
    const data = await w.exportFrom(w.office.app);
    const incomplete = await resigned(data, office, (_d, evidence) => evidence.clear());

    const error = await fail(w.laptop, 'importAuditPackage', { data: incomplete });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(error.message).toMatch(/notes\.pdf.*not included/);
    expect(tableRows(w.laptop, 'audits')).toEqual([]);
    expect(evidenceFileCount(w.laptop)).toBe(0);
  });

  it('refuses a package from an installation whose records lack a column this one needs, at the file', async () => {
    const w = await start();
    const office = ensureIdentity(w.office.app.runtime.context());
    const data = await w.exportFrom(w.office.app);
    // As an older Audit Desk would write it: the audits' newest column is not there yet.
    const older = await resigned(data, office, (d) => {
      for (const row of d.tables.audits ?? []) delete row.planned_start;
    });

    const error = await fail(w.laptop, 'previewAuditPackage', { data: older });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(error.message).toMatch(/refused/);
    const error2 = await fail(w.laptop, 'importAuditPackage', { data: older });
    expect(error2).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(tableRows(w.laptop, 'audits')).toEqual([]);
  });

  it('writes no evidence file when conflicts stop the import', async () => {
    const w = await start();
    await w.answer(w.office.app, w.people.lead, { notes: 'Before the trip' });
    await w.sendToLaptop();
    // On site: a new evidence file, and the note rewritten; in the office the same note differently.
    await w.answer(w.laptop, w.people.lead, { notes: 'On site' });
    const bytes = patternBytes(1_000, 9);
    const { uploadId } = await succeed(w.laptop, 'beginEvidenceUpload', {
      auditId: w.audit.auditId,
      checklistItemId: w.audit.itemId,
      fileName: 'site-photo.png',
      mediaType: 'image/png',
      sizeBytes: bytes.length,
    });
    await succeed(w.laptop, 'appendEvidenceUpload', {
      uploadId,
      index: 0,
      data: bytes.toString('base64'),
    });
    await succeed(w.laptop, 'finishEvidenceUpload', { uploadId });
    await w.answer(w.office.app, w.people.lead, { notes: 'In the office' });

    const before = evidenceFileCount(w.office.app);
    const data = await w.exportFrom(w.laptop);
    const refused = await fail(w.office.app, 'importAuditPackage', { data });
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'resolutions' });
    expect(evidenceFileCount(w.office.app)).toBe(before);
  });

  it('reports a deletion conflict once: kept here, the way back does not ask again', async () => {
    const w = await start();
    await w.sendToLaptop();
    const clientId = w.office.clientId;
    // On the laptop the Lab site is removed; in the office it is renamed meanwhile.
    const onLaptop = await succeed(w.laptop, 'getClient', { id: clientId });
    await succeed(w.laptop, 'updateClient', {
      id: clientId,
      patch: { sites: onLaptop.sites.filter((site) => site.name !== 'Lab') },
    });
    await w.office.actAs(w.office.admin);
    const inOffice = await succeed(w.office.app, 'getClient', { id: clientId });
    await succeed(w.office.app, 'updateClient', {
      id: clientId,
      patch: {
        sites: inOffice.sites.map((s) => (s.name === 'Lab' ? { ...s, name: 'AI lab' } : s)),
      },
    });

    const fromLaptop = await w.exportFrom(w.laptop);
    const preview = await succeed(w.office.app, 'previewAuditPackage', { data: fromLaptop });
    expect(preview.conflicts).toHaveLength(1);
    const conflict = only(preview.conflicts);
    expect(conflict).toMatchObject({ entity: 'client_sites', field: 'deleted' });
    // The office keeps its renamed site.
    await w.importInto(w.office.app, fromLaptop, [
      { entity: conflict.entity, id: conflict.id, field: conflict.field, choice: 'mine' },
    ]);
    const officeSites = () =>
      tableRows(w.office.app, 'client_sites')
        .map((r) => r.name as string)
        .sort();
    expect(officeSites()).toEqual(['AI lab', 'Head office']);

    // Back to the laptop: the decision made in the office travels; no second question.
    const backData = await w.exportFrom(w.office.app);
    const back = await succeed(w.laptop, 'previewAuditPackage', { data: backData });
    expect(back.conflicts).toEqual([]);
    await w.importInto(w.laptop, backData);
    const laptopSites = tableRows(w.laptop, 'client_sites')
      .map((r) => r.name as string)
      .sort();
    expect(laptopSites).toEqual(['AI lab', 'Head office']);
    // And once more to the office: nothing left to ask or to change.
    const again = await w.importInto(w.office.app, await w.exportFrom(w.laptop));
    expect(again).toMatchObject({ inserted: 0, updated: 0, deleted: 0, conflicts: [] });
  });
  it('keeps a record brought back by a decision (take theirs over a deletion here) on the way back', async () => {
    const w = await start();
    await w.sendToLaptop();
    const clientId = w.office.clientId;
    // The office removes the Lab site after the laptop left; on site the lead renames it.
    await w.office.actAs(w.office.admin);
    const inOffice = await succeed(w.office.app, 'getClient', { id: clientId });
    await succeed(w.office.app, 'updateClient', {
      id: clientId,
      patch: { sites: inOffice.sites.filter((site) => site.name !== 'Lab') },
    });
    const onLaptop = await succeed(w.laptop, 'getClient', { id: clientId });
    await succeed(w.laptop, 'updateClient', {
      id: clientId,
      patch: {
        sites: onLaptop.sites.map((s) => (s.name === 'Lab' ? { ...s, name: 'AI lab' } : s)),
      },
    });

    const fromLaptop = await w.exportFrom(w.laptop);
    const preview = await succeed(w.office.app, 'previewAuditPackage', { data: fromLaptop });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ entity: 'client_sites', field: 'deleted' }),
    ]);
    const conflict = only(preview.conflicts);
    // The office takes the laptop's renamed site back.
    await w.importInto(w.office.app, fromLaptop, [
      { entity: conflict.entity, id: conflict.id, field: conflict.field, choice: 'theirs' },
    ]);
    const names = (app: TestApp) =>
      tableRows(app, 'client_sites')
        .map((r) => r.name as string)
        .sort();
    expect(names(w.office.app)).toEqual(['AI lab', 'Head office']);

    // Back on the laptop the site stays: the office's old deletion was overruled there.
    const back = await w.exportFrom(w.office.app);
    const previewBack = await succeed(w.laptop, 'previewAuditPackage', { data: back });
    expect(previewBack).toMatchObject({ deleted: 0, conflicts: [] });
    await w.importInto(w.laptop, back);
    expect(names(w.laptop)).toEqual(['AI lab', 'Head office']);
  });
});

describe('retention (review of issue 9)', () => {
  it('deletes what checking a backup left beside it (-shm, -wal) with the backup', () => {
    const dir = path.join(folder, 'retention-litter');
    fs.mkdirSync(dir, { recursive: true });
    const old = path.join(dir, 'audit-desk-20260101T000000000Z-automatic.sqlite');
    const newest = path.join(dir, 'audit-desk-20260301T000000000Z-automatic.sqlite');
    for (const file of [old, `${old}-shm`, `${old}-wal`, newest, `${newest}-shm`]) {
      fs.writeFileSync(file, 'x');
    }
    const { removed } = applyRetention(dir, new Date('2026-03-01T12:00:00.000Z'), {
      keepHourly: 1,
      keepDaily: 0,
      keepMonthly: 0,
      keepPerReason: 0,
    });
    expect(removed).toEqual([old]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      path.basename(newest),
      `${path.basename(newest)}-shm`,
    ]);
  });
});
