import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClientImportMapping } from '../../shared/clients/import';
import {
  fail,
  runCliProcess,
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
  type TestApp,
} from './helpers';

const root = temporaryFolder('client-import');
let counter = 0;
let app: TestApp;
let dbPath: string;

beforeEach(async () => {
  app?.runtime.close();
  dbPath = path.join(root, `db-${++counter}.sqlite`);
  app = await startApp(dbPath, { now: tickingClock() });
  await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin'],
  });
});

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** As Excel writes "CSV UTF-8" in a country whose list separator is `;`: a BOM, `;`, CRLF. */
const semicolonCsv = [
  '\uFEFFLegal name;Country;Headcount;Contact person;E-Mail;Reference;Phone',
  'Lumen Analytics GmbH;DE;"1.200";Anna Schmidt;anna@lumen.example;;+49 30 1234',
  'Nordlicht AG;Deutschland;40;Jonas Berg;jonas@nordlicht.example;;',
  ';;;;;;',
  'Café Crème SARL;France;12;Élodie Roux;elodie@creme.example;CR-1;',
  'Broken Ltd;GB;many;Bob;bob@broken;;',
].join('\r\n');

const clientCount = () =>
  app.runtime.context().sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number };
const changeLogCount = () =>
  app.runtime.context().sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as {
    n: number;
  };

async function readCsv(text: string, fileName = 'clients.csv') {
  return succeed(app, 'readClientImportFile', { fileName, data: base64(text) });
}

describe('reading a file', () => {
  it('reads a semicolon CSV with a BOM and suggests a column for each field it recognises', async () => {
    const file = await readCsv(semicolonCsv);
    expect(file).toMatchObject({ format: 'csv', delimiter: ';', headerRow: 1, rowCount: 4 });
    expect(file.headers[0]).toBe('Legal name');
    expect(file.suggestedMapping).toEqual({
      legalName: 0,
      country: 1,
      fullTimePersonnel: 2,
      contactName: 3,
      contactEmail: 4,
      reference: 5,
      contactPhone: 6,
    });
    expect(file.samples[0]?.[0]).toBe('Lumen Analytics GmbH');
  });

  it('reads a comma CSV, Windows-1252 as older Excel writes it', async () => {
    const latin1 = Buffer.from(
      'Company,Country,Employees,Contact,Email\r\nCafé SA,FR,3,Zoé,z@cafe.example\r\n',
      'latin1',
    );
    const file = await succeed(app, 'readClientImportFile', {
      fileName: 'old.csv',
      data: latin1.toString('base64'),
    });
    expect(file.delimiter).toBe(',');
    expect(file.samples[0]).toEqual(['Café SA', 'FR', '3', 'Zoé', 'z@cafe.example']);
  });

  it('refuses what it cannot import, saying why, at the file', async () => {
    const pdf = await fail(app, 'readClientImportFile', {
      fileName: 'clients.pdf',
      data: base64('%PDF-1.7'),
    });
    expect(pdf).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(pdf.message).toMatch(/CSV or XLSX/);
    const headerOnly = await fail(app, 'readClientImportFile', {
      fileName: 'x.csv',
      data: base64('Legal name;Country\r\n'),
    });
    expect(headerOnly.message).toMatch(/no rows below/);
    const manyRows = ['Legal name', ...Array.from({ length: 2001 }, (_, i) => `Client ${i}`)];
    const tooMany = await fail(app, 'readClientImportFile', {
      fileName: 'many.csv',
      data: base64(manyRows.join('\n')),
    });
    expect(tooMany).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(tooMany.message).toMatch(/2,001 rows; Audit Desk imports at most 2,000/);
    const large = await fail(app, 'readClientImportFile', {
      fileName: 'big.csv',
      data: 'A'.repeat(15_000_000),
    });
    expect(large).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(large.message).toMatch(/at most 10 MB/);
  });

  it('lets only those who may add clients import them', async () => {
    const auditor = await succeed(app, 'createPerson', {
      name: 'Chloé Martin',
      email: 'chloe@cb.example',
      roles: ['auditor'],
    });
    await succeed(app, 'signIn', { personId: auditor.id });
    expect(
      (await fail(app, 'readClientImportFile', { fileName: 'c.csv', data: base64(semicolonCsv) }))
        .code,
    ).toBe('FORBIDDEN');
  });
});

describe('preview and import', () => {
  const mapping: ClientImportMapping = {
    legalName: 0,
    country: 1,
    fullTimePersonnel: 2,
    contactName: 3,
    contactEmail: 4,
    reference: 5,
    contactPhone: 6,
  };
  const input = { fileName: 'clients.csv', data: base64(semicolonCsv), mapping };

  it('names each bad row by its number in the file and its field, and writes nothing', async () => {
    const before = changeLogCount().n;
    const preview = await succeed(app, 'previewClientImport', input);
    expect(preview).toMatchObject({ rowCount: 4, validCount: 3, errorRowCount: 1, newCount: 3 });
    expect(preview.errors).toEqual([
      {
        row: 6,
        field: 'fullTimePersonnel',
        column: 'Headcount',
        message: '“many” is not a number.',
      },
      {
        row: 6,
        field: 'contactEmail',
        column: 'E-Mail',
        message: 'Enter a valid email address, e.g. name@example.org.',
      },
    ]);
    expect(preview.rows.map((r) => [r.row, r.country, r.fullTimePersonnel])).toEqual([
      [2, 'DE', 1200],
      [3, 'DE', 40],
      [5, 'FR', 12],
    ]);
    expect(clientCount().n).toBe(0);
    expect(changeLogCount().n).toBe(before);
  });

  it('refuses a mapping without a required field, at that field', async () => {
    const { contactEmail: _left, ...partial } = mapping;
    const error = await fail(app, 'previewClientImport', { ...input, mapping: partial });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'mapping.contactEmail' });
  });

  it('imports the valid rows as createClient does, logged as created, and reports the rest', async () => {
    const result = await succeed(app, 'importClients', input);
    expect(result).toMatchObject({ imported: 3, skipped: 0, errorRowCount: 1, dryRun: false });
    expect(result.clients.map((c) => [c.row, c.reference])).toEqual([
      [2, 'C-2026-0001'],
      [3, 'C-2026-0002'],
      [5, 'CR-1'],
    ]);
    const lumen = await succeed(app, 'getClient', { id: result.clients[0]?.id ?? '' });
    expect(lumen).toMatchObject({
      legalName: 'Lumen Analytics GmbH',
      status: 'prospect',
      contacts: [{ name: 'Anna Schmidt', phone: '+49 30 1234', primary: true }],
      sites: [{ name: 'Head office', country: 'DE', isCentral: true, fullTimePersonnel: 1200 }],
    });
    const history = await succeed(app, 'clientHistory', { id: lumen.id });
    const created = history.find((e) => e.field === 'created' && e.entity === 'client');
    expect(created?.actorName).toBe('Margaret Okafor');
    expect(JSON.parse(created?.newValue ?? '{}')).toMatchObject({
      legalName: 'Lumen Analytics GmbH',
    });
  });

  it('finds duplicates in the database and in the file, skips them unless chosen, never by reference', async () => {
    await succeed(
      app,
      'createClient',
      sampleClient({ legalName: 'LUMEN  analytics gmbh', country: 'DE' }),
    );
    await succeed(app, 'createClient', sampleClient({ legalName: 'Other', reference: 'CR-1' }));
    const csv = `${semicolonCsv}\r\nNordlicht  AG;DE;41;Jonas Berg;jonas@nordlicht.example;;`;
    const withDuplicates = { ...input, data: base64(csv) };
    const preview = await succeed(app, 'previewClientImport', withDuplicates);
    expect(
      preview.duplicates.map((d) => [
        d.row,
        d.matches.map((m) => `${m.source}:${m.by}`),
        d.canImport,
      ]),
    ).toEqual([
      [2, ['database:name'], true],
      [5, ['database:reference'], false],
      [7, ['file:name'], true],
    ]);
    expect(preview.newCount).toBe(1);

    const result = await succeed(app, 'importClients', {
      ...withDuplicates,
      importDuplicates: [2, 5],
    });
    expect(result.clients.map((c) => c.row)).toEqual([2, 3]);
    expect(result).toMatchObject({ imported: 2, skipped: 2 });
    expect(result.duplicates.map((d) => [d.row, d.imported])).toEqual([
      [2, true],
      [5, false],
      [7, false],
    ]);
    expect(clientCount().n).toBe(4);
  });

  it('imports in one transaction: when one row fails, none is stored', async () => {
    app.runtime
      .context()
      .sqlite.exec(
        "CREATE TRIGGER refuse_cafe BEFORE INSERT ON clients WHEN NEW.legal_name LIKE 'Caf%' BEGIN SELECT RAISE(ABORT, 'refused'); END",
      );
    const before = changeLogCount().n;
    const error = await fail(app, 'importClients', input);
    expect(error.code).toBe('INTERNAL');
    expect(clientCount().n).toBe(0);
    expect(changeLogCount().n).toBe(before);
  });

  it('reads the first worksheet of an XLSX workbook, numbers, links and rich text included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Clients');
    workbook.addWorksheet('Notes').addRow(['not read']);
    sheet.addRow([]);
    sheet.addRow([
      'Organisation',
      'Country',
      'Employees',
      'Contact',
      'Email',
      'Status',
      'AI roles',
    ]);
    sheet.addRow([
      { richText: [{ text: 'Helio ' }, { text: 'Systems', font: { bold: true } }] },
      'NL',
      250,
      'Ines Vos',
      { text: 'ines@helio.example', hyperlink: 'mailto:ines@helio.example' },
      'Certified',
      'AI developer, AI provider',
    ]);
    sheet.addRow(['Quanta BV', 'NL', -4, 'Piet', 'piet@quanta.example', 'applicant', 'oracle']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const data = bytes.toString('base64');
    const file = await succeed(app, 'readClientImportFile', { fileName: 'clients.xlsx', data });
    expect(file).toMatchObject({ format: 'xlsx', sheetName: 'Clients', headerRow: 2, rowCount: 2 });
    const preview = await succeed(app, 'previewClientImport', {
      fileName: 'clients.xlsx',
      data,
      mapping: { ...file.suggestedMapping, status: 5, aiRoles: 6 },
    });
    expect(preview.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'aiRoles'],
      [4, 'fullTimePersonnel'],
    ]);
    const result = await succeed(app, 'importClients', {
      fileName: 'clients.xlsx',
      data,
      mapping: { ...file.suggestedMapping, status: 5, aiRoles: 6 },
    });
    const helio = await succeed(app, 'getClient', { id: result.clients[0]?.id ?? '' });
    expect(helio).toMatchObject({
      legalName: 'Helio Systems',
      status: 'certified',
      aiRoles: ['developer', 'provider'],
      contacts: [{ email: 'ines@helio.example' }],
      sites: [{ fullTimePersonnel: 250 }],
    });
  });
});

describe('exporting the client list', () => {
  beforeEach(async () => {
    await succeed(
      app,
      'createClient',
      sampleClient({ legalName: 'Lumen Analytics GmbH', status: 'certified' }),
    );
    await succeed(
      app,
      'createClient',
      sampleClient({
        legalName: '=Formula Ltd',
        country: 'GB',
        status: 'prospect',
        contacts: [
          { name: 'Ada', email: 'ada@formula.example', phone: '+44 20 7946', primary: true },
        ],
        sites: [{ name: 'HQ', country: 'GB', isCentral: true, fullTimePersonnel: 9 }],
      }),
    );
  });

  it('writes CSV with the list’s filters, which imports again as duplicates', async () => {
    const file = await succeed(app, 'exportClients', { format: 'csv', status: 'certified' });
    expect(file.fileName).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = Buffer.from(file.data, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    const header = rows[0] ?? [];
    const row = rows[1] ?? [];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Legal name')).toBe('Lumen Analytics GmbH');
    expect(cell('Contact email')).toBe('anna@lumen.example');
    expect(cell('Central site name')).toBe('Head office');
    expect(cell('Full-time personnel')).toBe('120');
    expect(cell('Number of sites')).toBe('2');

    const all = await succeed(app, 'exportClients', { format: 'csv', sort: 'legalName' });
    const again = await succeed(app, 'readClientImportFile', {
      fileName: all.fileName,
      data: all.data,
    });
    const preview = await succeed(app, 'previewClientImport', {
      fileName: all.fileName,
      data: all.data,
      mapping: again.suggestedMapping,
    });
    expect(preview).toMatchObject({ errorRowCount: 0, validCount: 2, newCount: 0 });
    expect(preview.duplicates.every((d) => d.matches.some((m) => m.by === 'reference'))).toBe(true);
    // The formula guard's quote is dropped again on import; a phone keeps its +.
    const { reference: _reference, ...byName } = again.suggestedMapping;
    const formula = await succeed(app, 'previewClientImport', {
      fileName: all.fileName,
      data: all.data,
      mapping: byName,
    });
    expect(formula.duplicates.map((d) => d.legalName).sort()).toEqual([
      '=Formula Ltd',
      'Lumen Analytics GmbH',
    ]);
  });

  it('writes XLSX with the search applied', async () => {
    const file = await succeed(app, 'exportClients', { format: 'xlsx', search: 'formula' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Clients');
    expect(sheet?.rowCount).toBe(2);
    const values = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(values.slice(0, 4)).toEqual(['C-2026-0002', '=Formula Ltd', 'Lumen Analytics', 'GB']);
    expect(values).toContain('+44 20 7946');
  });
});

describe('client import on the command line', () => {
  it('prints what it would import with --dry-run and writes nothing', async () => {
    app.runtime.close();
    const csvPath = path.join(root, 'cli-clients.csv');
    fs.writeFileSync(csvPath, semicolonCsv);
    const dry = runCliProcess(['client', 'import', '--db', dbPath, '--dry-run', csvPath], '', root);
    expect(dry.status).toBe(0);
    expect(dry.json).toMatchObject({
      imported: 3,
      skipped: 0,
      dryRun: true,
      errors: [
        { row: 6, field: 'fullTimePersonnel', message: '“many” is not a number.' },
        { row: 6, field: 'contactEmail' },
      ],
      duplicates: [],
    });
    app = await startApp(dbPath, { now: tickingClock() });
    expect(clientCount().n).toBe(0);
  });
});
