import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { historyOf } from '../../electron/services/change-log';
import { expiryFor } from '../../shared/cycle';
import { certifiedClient } from './certificate-fixtures';
import { findingTestBed } from './finding-fixtures';
import { fail, succeed } from './helpers';
import { pdfPageTexts } from './pdf-text';

const t = findingTestBed('certificates', '2026-11-10T09:00:00.000Z');
const { bed } = t;

function decode(data: string): Buffer {
  return Buffer.from(data, 'base64');
}

describe('certificates (issue 8, section 3)', () => {
  it('numbers certificates AD-42001-YYYY-NNNN by issue year, each year starting at 0001', async () => {
    const a = await certifiedClient(t, bed.decider, '2025-11-20', { legalName: 'Alpha AI Ltd' });
    const b = await certifiedClient(t, bed.decider, '2025-12-30', { legalName: 'Beta Models BV' });
    const c = await certifiedClient(t, bed.decider, '2026-01-05', { legalName: 'Gamma Vision SA' });
    const d = await certifiedClient(t, bed.decider, '2026-03-02', {
      legalName: 'Delta Robotics AB',
    });
    expect([a, b, c, d].map((x) => x.certificate.number)).toEqual([
      'AD-42001-2025-0001',
      'AD-42001-2025-0002',
      'AD-42001-2026-0001',
      'AD-42001-2026-0002',
    ]);
    // Expiry from the cycle rules: the day before the third anniversary of the decision.
    expect([a, b, c, d].map((x) => x.certificate.expiryDate)).toEqual([
      '2028-11-19',
      '2028-12-29',
      '2029-01-04',
      '2029-03-01',
    ]);
    expect(d.certificate.expiryDate).toBe(expiryFor('2026-03-02'));
  });

  it('takes a number format from the settings; bad formats are refused at the field; only an administrator changes it', async () => {
    await t.as(bed.admin);
    expect(await succeed(bed.app, 'certificateNumbering', undefined)).toMatchObject({
      format: 'AD-42001-YYYY-NNNN',
      isDefault: true,
      nextNumber: 'AD-42001-2026-0001',
    });
    for (const [format, says] of [
      ['AD-NNNN', 'Put the issue year'],
      ['AD-YYYY', 'Put the sequence'],
      ['AD YYYY NNNN', 'no spaces'],
      ['AD-YYY-NNNN', 'YYYY'],
      ['NNYYYYNN', 'more than once'],
    ] as const) {
      const error = await fail(bed.app, 'updateCertificateNumbering', { format });
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'format' });
      expect(error.message).toContain(says);
    }
    const set = await succeed(bed.app, 'updateCertificateNumbering', { format: 'CB/YY/NNNNN' });
    expect(set).toMatchObject({
      format: 'CB/YY/NNNNN',
      isDefault: false,
      nextNumber: 'CB/26/00001',
    });
    await t.as(bed.decider);
    expect((await fail(bed.app, 'updateCertificateNumbering', { format: 'X-YYYY-NNN' })).code).toBe(
      'FORBIDDEN',
    );
    const first = await certifiedClient(t, bed.decider, '2026-02-02', { legalName: 'Epsilon AI' });
    const second = await certifiedClient(t, bed.decider, '2026-02-09', { legalName: 'Zeta AI' });
    expect([first.certificate.number, second.certificate.number]).toEqual([
      'CB/26/00001',
      'CB/26/00002',
    ]);
    const history = historyOf(t.db(), 'settings');
    expect(history.find((e) => e.field === 'certificates.numberFormat')).toMatchObject({
      newValue: 'CB/YY/NNNNN',
      actorName: 'Margaret Okafor',
    });
  });

  it('derives expired after the expiry date; filters by status, search and expiry window', async () => {
    const old = await certifiedClient(t, bed.decider, '2023-05-10', {
      legalName: 'Old Systems GmbH',
      country: 'AT',
      sites: [{ name: 'Vienna', country: 'AT', isCentral: true, fullTimePersonnel: 10 }],
    });
    const soon = await certifiedClient(t, bed.decider, '2024-01-15', {
      legalName: 'Soon Expiring Oy',
      country: 'FI',
      sites: [{ name: 'Espoo', country: 'FI', isCentral: true, fullTimePersonnel: 10 }],
    });
    const fresh = await certifiedClient(t, bed.decider, '2026-06-01', {
      legalName: 'Fresh Start SRL',
    });
    expect(old.certificate.expiryDate).toBe('2026-05-09');

    const all = await succeed(bed.app, 'listCertificates', {});
    expect(all.today).toBe('2026-11-10');
    expect(all.rows.map((r) => [r.organisation, r.status])).toEqual([
      ['Fresh Start SRL', 'active'],
      ['Soon Expiring Oy', 'active'],
      ['Old Systems GmbH', 'expired'],
    ]);
    const expired = await succeed(bed.app, 'listCertificates', { status: 'expired' });
    expect(expired.rows.map((r) => r.number)).toEqual([old.certificate.number]);
    const within = await succeed(bed.app, 'listCertificates', { expiringWithinDays: 90 });
    expect(within.rows.map((r) => [r.number, r.expiryDate])).toEqual([
      [soon.certificate.number, '2027-01-14'],
    ]);
    const search = await succeed(bed.app, 'listCertificates', { search: 'fresh srl' });
    expect(search.rows.map((r) => r.number)).toEqual([fresh.certificate.number]);
    const byNumber = await succeed(bed.app, 'listCertificates', {
      search: soon.certificate.number.toLowerCase(),
    });
    expect(byNumber.total).toBe(1);
    // On an earlier day the old certificate was still active.
    const then = await succeed(bed.app, 'listCertificates', {
      today: '2026-05-09',
      status: 'active',
    });
    expect(then.rows.map((r) => r.organisation)).toContain('Old Systems GmbH');
    expect(await fail(bed.app, 'listCertificates', { status: 'lapsed' })).toMatchObject({
      code: 'VALIDATION',
      field: 'status',
    });
    expect(await fail(bed.app, 'listCertificates', { expiringWithinDays: -1 })).toMatchObject({
      field: 'expiringWithinDays',
    });
  });

  it('exports the register as CSV and XLSX in the public-register columns', async () => {
    const one = await certifiedClient(t, bed.decider, '2026-03-02', {
      legalName: 'Northwind Analytics Ltd',
      country: 'GB',
      scope: '=Design of credit scoring models',
      sites: [
        {
          name: 'Head office',
          address: '1 Dock Road, London',
          country: 'GB',
          isCentral: true,
          fullTimePersonnel: 120,
        },
        { name: 'Leeds lab', address: '4 Mill St', country: 'GB', fullTimePersonnel: 12 },
      ],
    });
    await certifiedClient(t, bed.decider, '2026-04-06', {
      legalName: 'Ørsted Søgning ApS',
      country: 'DK',
    });
    await t.as(bed.auditor);

    const csv = await succeed(bed.app, 'exportCertificates', {
      format: 'csv',
      search: 'northwind',
    });
    expect(csv).toMatchObject({
      fileName: 'certificate-register-2026-11-10.csv',
      mediaType: 'text/csv; charset=utf-8',
    });
    const parsed = Papa.parse<string[]>(decode(csv.data).toString('utf8').trim());
    expect(parsed.data).toEqual([
      [
        'Certificate number',
        'Organisation',
        'Country',
        'Scope',
        'Standard',
        'Issue date',
        'Expiry date',
        'Status',
        'Sites',
      ],
      [
        one.certificate.number,
        'Northwind Analytics Ltd',
        'GB',
        // A leading = is quoted so no spreadsheet runs it as a formula.
        "'=Design of credit scoring models",
        'ISO/IEC 42001:2023',
        '2026-03-02',
        '2029-03-01',
        'Active',
        'Head office (central function): 1 Dock Road, London, GB; Leeds lab: 4 Mill St, GB',
      ],
    ]);

    const xlsx = await succeed(bed.app, 'exportCertificates', { format: 'xlsx' });
    expect(xlsx.fileName).toBe('certificate-register-2026-11-10.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(decode(xlsx.data) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Certificates');
    const rows: string[][] = [];
    sheet?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(rows[0]?.[0]).toBe('Certificate number');
    expect(rows.slice(1).map((r) => [r[1], r[2], r[5], r[6], r[7]])).toEqual([
      ['Ørsted Søgning ApS', 'DK', '2026-04-06', '2029-04-05', 'Active'],
      ['Northwind Analytics Ltd', 'GB', '2026-03-02', '2029-03-01', 'Active'],
    ]);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(await fail(bed.app, 'exportCertificates', { format: 'pdf' })).toMatchObject({
      code: 'VALIDATION',
      field: 'format',
    });
  });

  it('renders the certificate as a one-page PDF with the number, organisation, standard, scope and dates', async () => {
    const { certificate } = await certifiedClient(t, bed.decider, '2026-03-02', {
      legalName: 'Škoda Vision s.r.o.',
    });
    const pdf = await succeed(bed.app, 'certificatePdf', { id: certificate.id });
    expect(pdf.fileName).toBe(`certificate-${certificate.number}.pdf`);
    const text = await pdfText(decode(pdf.data));
    for (const expected of [
      'CERTIFICATE',
      'Škoda Vision s.r.o.',
      'ISO/IEC 42001:2023',
      certificate.number,
      'Provision of AI-based document classification services.',
      '2 March 2026',
      '1 March 2029',
      'Dora Decider',
    ]) {
      expect(text).toContain(expected);
    }
    expect(await fail(bed.app, 'certificatePdf', { id: 'nope' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('marks a suspended certificate across the page and lists many sites in an annex', async () => {
    const sites = Array.from({ length: 7 }, (_, i) => ({
      name: `Site ${i + 1}`,
      address: `${i + 1} High Street`,
      country: 'GB',
      isCentral: i === 0,
      fullTimePersonnel: 5,
    }));
    const { client, certificate } = await certifiedClient(t, bed.decider, '2026-03-02', {
      legalName: 'Seven Sites Ltd',
      sites,
    });
    await succeed(bed.app, 'takeCertificationDecision', {
      clientId: client.id,
      kind: 'suspend',
      decisionDate: '2026-06-01',
      reasons: 'The client refused the surveillance audit.',
    });
    const pdf = await succeed(bed.app, 'certificatePdf', { id: certificate.id });
    const text = await pdfText(decode(pdf.data), 2);
    expect(text).toContain('SUSPENDED');
    expect(text).toContain('and 2 more sites listed in the annex');
    expect(text).toContain(`Annex to certificate ${certificate.number}`);
    expect(text).toContain('Site 7: 7 High Street, GB');
  });
});

async function pdfText(bytes: Buffer, pages = 1): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBe(pages);
  return pdfPageTexts(doc).join('\n');
}
