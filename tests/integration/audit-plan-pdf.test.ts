import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditTeamMembers } from '../../db/schema';
import type { Audit, AuditPlanDocument } from '../../shared/programme/audit-schema';
import { pdfPageTexts } from './pdf-text';
import {
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
  type TestApp,
} from './helpers';

const root = temporaryFolder('audit-plan');
let app: TestApp;
let audit: Audit;
let plan: AuditPlanDocument;

/** Every stream of the file, inflated where it is compressed, as Latin-1 text. */
function streamTexts(doc: PDFDocument): string[] {
  return doc.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [object] : []))
    .map((stream) => {
      const bytes = stream.getContents();
      const filter = stream.dict.get(PDFName.of('Filter'));
      const raw = filter === PDFName.of('FlateDecode') ? inflateSync(bytes) : Buffer.from(bytes);
      return raw.toString('latin1');
    });
}

beforeAll(async () => {
  app = await startApp(path.join(root, 'plan.sqlite'), { now: tickingClock() });
  const admin = await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin', 'lead_auditor'],
  });
  const client = await succeed(app, 'createClient', sampleClient({ legalName: 'Zürich Lumen AG' }));
  audit = await succeed(app, 'createAudit', {
    clientId: client.id,
    type: 'stage2',
    cycleNumber: 1,
    startDate: '2026-05-04',
    endDate: '2026-05-06',
    onsiteDays: 3,
    siteIds: client.sites.map((s) => s.id),
    criteria: "ISO/IEC 42001:2023 and the client's Statement of Applicability",
  });
  const at = '2026-03-02T09:00:00.000Z';
  app.runtime.database.db
    .insert(auditTeamMembers)
    .values({
      id: 'team-1',
      auditId: audit.id,
      personId: admin.id,
      role: 'lead_auditor',
      overriddenChecks: [],
      createdAt: at,
      updatedAt: at,
    })
    .run();
  plan = await succeed(app, 'auditPlanPdf', { id: audit.id });
});

describe('the audit plan PDF', () => {
  it('is a PDF with a file name naming the client reference, type and start date', () => {
    const bytes = Buffer.from(plan.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(plan.contentType).toBe('application/pdf');
    expect(plan.fileName).toMatch(/^audit-plan-C-\d{4}-0001-stage2-2026-05-04\.pdf$/);
  });

  it('parses back with numbered pages, its title and author set', async () => {
    const doc = await PDFDocument.load(Buffer.from(plan.base64, 'base64'));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe('Audit plan: Zürich Lumen AG, Stage 2 2026-05-04 to 2026-05-06');
    expect(doc.getAuthor()).toContain('Certification body');
    expect(doc.getSubject()).toContain('Zürich Lumen AG');
    // The fonts are embedded (DejaVu, subset), so any client name can be written.
    const texts = streamTexts(doc);
    expect(texts.some((t) => t.includes('DejaVuSans'))).toBe(true);
    // Text is drawn as glyph ids: one content stream per page, each with text-showing operators.
    const pageStreams = texts.filter((t) => t.includes(' Tj') || t.includes('TJ'));
    expect(pageStreams.length).toBeGreaterThanOrEqual(doc.getPageCount());
  });

  it('shows the client, sites, team, an agenda by day over clauses 4-10 and Annex A, and page numbers', async () => {
    const doc = await PDFDocument.load(Buffer.from(plan.base64, 'base64'));
    const pages = pdfPageTexts(doc);
    const text = pages.join('\n');
    expect(text).toContain('Audit plan');
    expect(text).toContain('Zürich Lumen AG');
    expect(text).toMatch(/C-\d{4}-0001/);
    expect(text).toContain('Stage 2 (certification cycle 1)');
    expect(text).toContain('Monday 4 May 2026 to Wednesday 6 May 2026');
    expect(text).toContain('Head office (central function)');
    expect(text).toContain('Margaret Okafor: Lead auditor');
    expect(text).toContain("ISO/IEC 42001:2023 and the client's Statement of Applicability");
    for (const day of [
      'Day 1: Monday 4 May 2026',
      'Day 2: Tuesday 5 May 2026',
      'Day 3: Wednesday 6 May 2026',
    ]) {
      expect(text).toContain(day);
    }
    expect(text.indexOf('Opening meeting')).toBeLessThan(
      text.indexOf('Clause 4 Context of the organization'),
    );
    expect(text).toContain('Clause 10 Improvement');
    expect(text).toContain('6.1.1 Actions to address risks and opportunities: General');
    expect(text).toContain('9.2.2 Internal audit programme');
    expect(text).toContain('A.6.2.4 AI system verification and validation');
    expect(text.indexOf('A.10 ')).toBeLessThan(text.lastIndexOf('Closing meeting'));
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('carries the certification body name an administrator set', async () => {
    await succeed(app, 'updateCertificationBody', { name: 'Northbridge Certification Ltd' });
    const named = await succeed(app, 'auditPlanPdf', { id: audit.id });
    const doc = await PDFDocument.load(Buffer.from(named.base64, 'base64'));
    expect(doc.getAuthor()).toBe('Northbridge Certification Ltd');
    expect(pdfPageTexts(doc).join('\n')).toContain('Northbridge Certification Ltd');
  });

  it('refuses an audit that does not exist', async () => {
    const result = await app.handlers.auditPlanPdf({ id: 'nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
