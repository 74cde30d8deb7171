import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CertificateRow } from '../../shared/certificates/schema';
import { certifiedClient } from './certificate-fixtures';
import { findingTestBed } from './finding-fixtures';
import { runCliProcess, succeed, temporaryFolder } from './helpers';

const t = findingTestBed('certificates-cli', '2026-11-10T09:00:00.000Z');
const { bed } = t;
const out = temporaryFolder('certificates-cli-out');

/** Two certificates: one active, one expired on 2026-05-09; the database file path. */
async function register(): Promise<string> {
  await certifiedClient(t, bed.decider, '2023-05-10', { legalName: 'Old Systems GmbH' });
  await certifiedClient(t, bed.decider, '2026-06-01', { legalName: 'Fresh Start SRL' });
  // The command line opens the same file in its own process; the WAL keeps both in step.
  bed.app.runtime.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return bed.app.runtime.options.databasePath;
}

describe('`cli certificates`, run as a process', () => {
  it('prints the register as JSON, filtered by status; a bad status exits 2 with the error JSON', async () => {
    const db = await register();
    const all = runCliProcess(['certificates', '--db', db, '--today', '2026-11-10']);
    expect(all.stderr).toBe('');
    expect(all.status).toBe(0);
    const rows = all.json as CertificateRow[];
    expect(rows.map((r) => [r.number, r.organisation, r.status, r.expiryDate])).toEqual([
      ['AD-42001-2026-0001', 'Fresh Start SRL', 'active', '2029-05-31'],
      ['AD-42001-2023-0001', 'Old Systems GmbH', 'expired', '2026-05-09'],
    ]);
    expect(rows[0]?.sites.map((s) => s.name)).toEqual(['Head office', 'Lab']);

    const expired = runCliProcess([
      'certificates',
      '--db',
      db,
      '--status',
      'expired',
      '--today',
      '2026-11-10',
    ]);
    expect(expired.status).toBe(0);
    expect((expired.json as CertificateRow[]).map((r) => r.organisation)).toEqual([
      'Old Systems GmbH',
    ]);

    const bad = runCliProcess(['certificates', '--db', db, '--status', 'lapsed']);
    expect(bad.status).toBe(2);
    expect(bad.json).toEqual({
      error: {
        code: 'VALIDATION',
        field: 'status',
        message: 'Status is one of active, suspended, withdrawn, expired.',
      },
    });
    expect(bad.stderr).toBe(
      'error: status: Status is one of active, suspended, withdrawn, expired.\n',
    );

    const days = runCliProcess(['certificates', '--db', db, '--expiring-within', 'soon']);
    expect(days.status).toBe(2);
    expect(days.json).toMatchObject({ error: { code: 'VALIDATION', field: 'expiring-within' } });
  });

  it('exports CSV and XLSX files and prints {file, rows}; bad format or missing --out exit 2', async () => {
    const db = await register();
    const csvFile = path.join(out, 'register.csv');
    const csv = runCliProcess([
      'certificates',
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--today',
      '2026-11-10',
      '--out',
      csvFile,
    ]);
    expect(csv.stderr).toBe('');
    expect(csv.status).toBe(0);
    expect(csv.json).toEqual({ file: csvFile, rows: 2 });
    const lines = fs.readFileSync(csvFile, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Certificate number,Organisation,Country,Scope,Standard,Issue date,Expiry date,Status,Sites',
    );
    expect(lines[1]).toContain('AD-42001-2026-0001,Fresh Start SRL,DE,');

    const xlsxFile = path.join(out, 'nested', 'active.xlsx');
    const xlsx = runCliProcess([
      'certificates',
      'export',
      '--db',
      db,
      '--format',
      'xlsx',
      '--status',
      'active',
      '--today',
      '2026-11-10',
      '--out',
      xlsxFile,
    ]);
    expect(xlsx.status).toBe(0);
    expect(xlsx.json).toEqual({ file: xlsxFile, rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.getWorksheet('Certificates');
    expect(sheet?.getRow(2).getCell(1).value).toBe('AD-42001-2026-0001');
    expect(sheet?.getRow(2).getCell(8).value).toBe('Active');
    expect(sheet?.rowCount).toBe(2);

    const again = runCliProcess([
      'certificates',
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--today',
      '2026-11-10',
      '--out',
      csvFile,
    ]);
    expect(again.status).toBe(2);
    expect(again.json).toMatchObject({ error: { code: 'CONFLICT', field: 'out' } });
    const format = runCliProcess([
      'certificates',
      'export',
      '--db',
      db,
      '--format',
      'pdf',
      '--out',
      'x',
    ]);
    expect(format.status).toBe(2);
    expect(format.json).toMatchObject({ error: { code: 'VALIDATION', field: 'format' } });
    const noOut = runCliProcess(['certificates', 'export', '--db', db, '--format', 'csv']);
    expect(noOut.status).toBe(2);
    expect(noOut.json).toMatchObject({ error: { code: 'VALIDATION', field: 'out' } });
    expect(noOut.stderr).toContain('--out');
    await succeed(bed.app, 'listCertificates', {});
  });
});
