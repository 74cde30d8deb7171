import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runCliProcess, succeed, temporaryFolder } from './helpers';
import { pdfPageTexts } from './pdf-text';
import { majorStatement, reportTestBed } from './report-fixtures';

const t = reportTestBed('report-cli');
const { bed } = t;
const out = temporaryFolder('report-cli-out');

/** The database of the current test, closed so the command line opens it alone. */
function databaseFile(): string {
  const file = bed.app.runtime.options.databasePath;
  bed.app.runtime.close();
  return file;
}

describe('`cli report` and `cli report-lint`, run as processes', () => {
  it('report-lint prints the problems of the draft as JSON, each with where to fix it', async () => {
    const held = await t.heldStage2({ leaveOpen: ['9.2.2'] });
    const run = runCliProcess(['report-lint', '--db', databaseFile(), '--audit', held.auditId]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const problems = run.json as {
      severity: string;
      code: string;
      message: string;
      ref: unknown;
    }[];
    expect(problems).toContainEqual({
      severity: 'error',
      code: 'checklistItemUnanswered',
      message: expect.stringContaining('9.2.2'),
      ref: { kind: 'checklistItem', auditId: held.auditId, itemKey: '9.2.2' },
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'recommendationMissing',
        ref: { kind: 'report', field: 'recommendation' },
      }),
    );
  });

  it('report writes the issued PDF, printing its SHA-256 (the one recorded at issue), and the DOCX', async () => {
    const held = await t.heldStage2();
    await succeed(bed.app, 'updateAuditReportDraft', {
      auditId: held.auditId,
      ...t.completeDraft,
      acknowledgedWarnings: ['favourableRecommendationWithOpenMajor'],
    });
    const issued = await succeed(bed.app, 'issueAuditReport', {
      auditId: held.auditId,
      revision: 1,
    });
    const db = databaseFile();
    const pdfFile = path.join(out, 'report.pdf');
    const pdf = runCliProcess([
      'report',
      '--db',
      db,
      '--audit',
      held.auditId,
      '--format',
      'pdf',
      '--out',
      pdfFile,
    ]);
    expect(pdf.stderr).toBe('');
    expect(pdf.status).toBe(0);
    expect(pdf.json).toEqual({
      file: pdfFile,
      sha256: issued.pdfSha256,
      revision: 1,
      state: 'issued',
    });
    const bytes = fs.readFileSync(pdfFile);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued.pdfSha256);
    const text = pdfPageTexts(await PDFDocument.load(bytes))
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain(majorStatement);

    const docxFile = path.join(out, 'report.docx');
    const docx = runCliProcess([
      'report',
      '--db',
      db,
      '--audit',
      held.auditId,
      '--format',
      'docx',
      '--out',
      docxFile,
    ]);
    expect(docx.status).toBe(0);
    expect(docx.json).toMatchObject({ file: docxFile, revision: 1, state: 'issued' });
    expect(fs.readFileSync(docxFile).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('exits 2 with the standard error JSON for a bad format, a missing option or an unknown audit', async () => {
    const held = await t.stage2();
    const db = databaseFile();
    const badFormat = runCliProcess([
      'report',
      '--db',
      db,
      '--audit',
      held.auditId,
      '--format',
      'odt',
      '--out',
      path.join(out, 'x.odt'),
    ]);
    expect(badFormat.status).toBe(2);
    expect(badFormat.json).toEqual({
      error: {
        code: 'VALIDATION',
        field: 'format',
        message: 'Choose --format pdf or --format docx, not "odt".',
      },
    });
    expect(badFormat.stderr.trim().split('\n')).toHaveLength(1);
    const noOut = runCliProcess(['report', '--db', db, '--audit', held.auditId, '--format', 'pdf']);
    expect(noOut.status).toBe(2);
    expect(noOut.json).toMatchObject({ error: { code: 'VALIDATION', field: 'out' } });
    const unknown = runCliProcess(['report-lint', '--db', db, '--audit', 'no-such-audit']);
    expect(unknown.status).toBe(2);
    expect(unknown.json).toEqual({
      error: { code: 'NOT_FOUND', field: 'auditId', message: 'That audit does not exist.' },
    });
  });
});
