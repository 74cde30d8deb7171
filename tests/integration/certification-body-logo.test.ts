import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { historyOf } from '../../electron/services/change-log';
import { storedPath } from '../../electron/services/evidence-store';
import { certifiedClient } from './certificate-fixtures';
import { findingTestBed } from './finding-fixtures';
import { greyPng } from '../unit/png-builder';
import { fail, repoRoot, succeed, type TestApp } from './helpers';
import { cbName, reportTestBed } from './report-fixtures';

const png = fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'cb-logo.png'));
const jpeg = fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'cb-logo.jpg'));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const t = findingTestBed('cb-logo', '2026-03-02T09:00:00.000Z');
const r = reportTestBed('cb-logo-report');
const { bed } = t;

async function pdfOf(data: string): Promise<PDFDocument> {
  return PDFDocument.load(Buffer.from(data, 'base64'), { updateMetadata: false });
}

/** The file's image XObjects (/Subtype /Image among its indirect objects). */
function imageObjects(doc: PDFDocument): PDFRawStream[] {
  return doc.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [object] : []))
    .filter((stream) => stream.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
}

/** Whether page `index` draws an image: its resources name an image XObject. */
function pageHasImage(doc: PDFDocument, index: number): boolean {
  const resources = doc.getPage(index).node.Resources();
  const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xObjects) return false;
  return xObjects
    .keys()
    .some((key) => xObjects.lookup(key) instanceof PDFRawStream && isImage(xObjects.lookup(key)));
}

function isImage(object: unknown): boolean {
  return (
    object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')
  );
}

function logoLog(app: TestApp) {
  return historyOf(app.runtime.database.db, 'settings')
    .filter((entry) => entry.field === 'cb.logo')
    .reverse();
}

describe('the certification body’s logo setting', () => {
  it('is set, replaced and removed by an administrator, each change logged with the file’s SHA-256', async () => {
    await t.as(bed.admin);
    expect(await succeed(bed.app, 'certificationBodyLogo', {})).toBeNull();

    const set = await succeed(bed.app, 'setCertificationBodyLogo', {
      fileName: 'cb-logo.png',
      logo: base64(png),
    });
    expect(set).toEqual({
      status: 'stored',
      sha256: sha256(png),
      mediaType: 'image/png',
      sizeBytes: png.length,
      width: 480,
      height: 160,
      data: base64(png),
    });
    expect(await succeed(bed.app, 'certificationBodyLogo', {})).toEqual(set);
    const evidence = bed.app.runtime.context().evidenceDirectory;
    expect(fs.readFileSync(storedPath(evidence, sha256(png)))).toEqual(png);

    const replaced = await succeed(bed.app, 'setCertificationBodyLogo', {
      fileName: 'Logo (print).JPG',
      logo: base64(jpeg),
    });
    expect(replaced).toMatchObject({ status: 'stored', mediaType: 'image/jpeg', width: 480 });

    expect(await succeed(bed.app, 'removeCertificationBodyLogo', {})).toBeNull();
    expect(await succeed(bed.app, 'certificationBodyLogo', {})).toBeNull();
    // Removing twice changes nothing and logs nothing.
    await succeed(bed.app, 'removeCertificationBodyLogo', {});

    expect(logoLog(bed.app).map((e) => [e.oldValue, e.newValue, e.actorName])).toEqual([
      [null, sha256(png), 'Margaret Okafor'],
      [sha256(png), sha256(jpeg), 'Margaret Okafor'],
      [sha256(jpeg), null, 'Margaret Okafor'],
    ]);
    // The files stay: the change log names them, and evidence may share the same bytes.
    expect(fs.existsSync(storedPath(evidence, sha256(png)))).toBe(true);
    expect(fs.existsSync(storedPath(evidence, sha256(jpeg)))).toBe(true);
  });

  it('refuses anything but a readable PNG or JPEG of at most 1 MB, at the logo field, and keeps the logo it had', async () => {
    await t.as(bed.admin);
    await succeed(bed.app, 'setCertificationBodyLogo', { fileName: 'a.png', logo: base64(png) });
    const refused = async (fileName: string, bytes: Uint8Array | string) => {
      const logo = typeof bytes === 'string' ? bytes : base64(bytes);
      const error = await fail(bed.app, 'setCertificationBodyLogo', { fileName, logo });
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'logo' });
      return error.message;
    };

    // The name says PNG, the bytes say text: the bytes decide.
    expect(await refused('logo.png', Buffer.from('Nordic AI Certification AB\n'))).toBe(
      '“logo.png” is not a PNG or JPEG image (judged by its content, not its name). Save the logo as PNG or JPEG and choose that file.',
    );
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(await refused('logo.gif', gif)).toContain('is not a PNG or JPEG image');

    const justOver = Buffer.concat([png, Buffer.alloc(1024 * 1024 + 1 - png.length)]);
    expect(await refused('huge.png', justOver)).toBe(
      '“huge.png” is 1.0 MB; the logo may be at most 1 MB (an Audit Desk limit). Save a smaller image: a few hundred pixels across is plenty.',
    );
    const twoMegabytes = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    expect(await refused('huge.png', twoMegabytes)).toContain('at most 1 MB');

    expect(await refused('cut.png', png.subarray(0, 200))).toContain(
      'starts like a PNG image but cannot be read',
    );
    const wide = Buffer.from(png);
    wide.writeUInt32BE(5000, 16);
    expect(await refused('wide.png', wide)).toBe(
      '“wide.png” is 5000 × 160 pixels; the logo may be at most 4000 pixels on each side (an Audit Desk limit).',
    );
    expect(await refused('empty.png', Buffer.alloc(0))).toBe('Choose a PNG or JPEG image.');
    expect(await refused('x.png', 'not base64!')).toBe(
      'The logo did not arrive as base64; choose the file again.',
    );

    expect(await succeed(bed.app, 'certificationBodyLogo', {})).toMatchObject({
      sha256: sha256(png),
    });
    expect(logoLog(bed.app)).toHaveLength(1);
  });

  it('takes an interlaced PNG and a 1 × 1 image, which pdf-lib embeds', async () => {
    await t.as(bed.admin);
    for (const image of [greyPng(37, 11, true), greyPng(1, 1)]) {
      const set = await succeed(bed.app, 'setCertificationBodyLogo', {
        fileName: 'grey.png',
        logo: base64(image),
      });
      expect(set).toMatchObject({ status: 'stored', sha256: sha256(image) });
    }
    const broken = greyPng(37, 11, true);
    // The header promises more rows than the image data holds.
    broken.writeUInt32BE(12, 20);
    expect(
      await fail(bed.app, 'setCertificationBodyLogo', { fileName: 'b.png', logo: base64(broken) }),
    ).toMatchObject({ field: 'logo', message: expect.stringContaining('cannot be read') });
  });

  it('is shown to anyone signed in, and changed by administrators only', async () => {
    await t.as(bed.admin);
    await succeed(bed.app, 'setCertificationBodyLogo', { fileName: 'a.png', logo: base64(png) });
    await t.as(bed.auditor);
    expect(await succeed(bed.app, 'certificationBodyLogo', {})).toMatchObject({
      status: 'stored',
    });
    expect(
      await fail(bed.app, 'setCertificationBodyLogo', { fileName: 'b.jpg', logo: base64(jpeg) }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(bed.app, 'removeCertificationBodyLogo', {})).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(logoLog(bed.app)).toHaveLength(1);
  });
});

describe('the logo on the certificate and the audit plan', () => {
  it('prints on the certificate and in every page header of the audit plan, and not without one', async () => {
    await t.as(bed.admin);
    await succeed(bed.app, 'updateCertificationBody', { name: cbName });
    const { certificate } = await certifiedClient(t, bed.decider, '2026-03-02');
    const auditId = t.audit('surveillance', '2026-09-01', '2026-09-02', { state: 'planned' });

    const plain = await pdfOf(
      (await succeed(bed.app, 'certificatePdf', { id: certificate.id })).data,
    );
    const plainPlan = await pdfOf((await succeed(bed.app, 'auditPlanPdf', { id: auditId })).base64);
    expect(imageObjects(plain)).toHaveLength(0);
    expect(imageObjects(plainPlan)).toHaveLength(0);

    await t.as(bed.admin);
    await succeed(bed.app, 'setCertificationBodyLogo', { fileName: 'a.jpg', logo: base64(jpeg) });
    const withLogo = await pdfOf(
      (await succeed(bed.app, 'certificatePdf', { id: certificate.id })).data,
    );
    expect(imageObjects(withLogo)).toHaveLength(1);
    expect(pageHasImage(withLogo, 0)).toBe(true);

    await succeed(bed.app, 'setCertificationBodyLogo', { fileName: 'a.png', logo: base64(png) });
    const plan = await pdfOf((await succeed(bed.app, 'auditPlanPdf', { id: auditId })).base64);
    // A PNG with transparency is one image and its soft mask: embedded once for all pages.
    expect(imageObjects(plan)).toHaveLength(2);
    expect(plan.getPageCount()).toBeGreaterThan(1);
    plan.getPages().forEach((_, i) => expect(pageHasImage(plan, i)).toBe(true));
  });

  it('prints without it when its file has gone missing, and the setting says so', async () => {
    await t.as(bed.admin);
    await succeed(bed.app, 'setCertificationBodyLogo', { fileName: 'a.png', logo: base64(png) });
    const evidence = bed.app.runtime.context().evidenceDirectory;
    fs.rmSync(storedPath(evidence, sha256(png)));
    expect(await succeed(bed.app, 'certificationBodyLogo', {})).toEqual({
      status: 'missing',
      sha256: sha256(png),
    });
    const { certificate } = await certifiedClient(t, bed.decider, '2026-03-02');
    const pdf = await pdfOf(
      (await succeed(bed.app, 'certificatePdf', { id: certificate.id })).data,
    );
    expect(imageObjects(pdf)).toHaveLength(0);
  });
});

describe('the logo on the audit report', () => {
  it('prints on the cover and in the running header of drafts, stays in the issued PDF, and is absent without one', async () => {
    const held = await r.heldStage2();
    const app = r.bed.app;
    const reportPdf = async () =>
      pdfOf((await succeed(app, 'auditReportFile', { auditId: held.auditId, format: 'pdf' })).data);

    const plain = await reportPdf();
    expect(imageObjects(plain)).toHaveLength(0);

    await r.signIn(r.bed.admin);
    await succeed(app, 'setCertificationBodyLogo', { fileName: 'a.png', logo: base64(png) });
    await r.signIn(held.lead);
    const draft = await reportPdf();
    expect(imageObjects(draft)).toHaveLength(2);
    draft.getPages().forEach((_, i) => expect(pageHasImage(draft, i)).toBe(true));

    await succeed(app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      ...r.completeDraft,
      acknowledgedWarnings: ['favourableRecommendationWithOpenMajor'],
    });
    await succeed(app, 'issueAuditReport', { auditId: held.auditId, revision: 1 });
    await r.signIn(r.bed.admin);
    await succeed(app, 'removeCertificationBodyLogo', {});
    // The signed file is the record: it keeps the logo it was issued with.
    const issued = await reportPdf();
    expect(imageObjects(issued)).toHaveLength(2);
    expect(pageHasImage(issued, 0)).toBe(true);
  });
});
