import { describe, expect, it } from 'vitest';
import { reportDocument, type ReportBlock } from '../../shared/reports/document';
import { completeReportData } from './report-fixtures';

const headings = (blocks: ReportBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
const texts = (blocks: ReportBlock[]) =>
  blocks
    .flatMap((b) =>
      b.kind === 'paragraph'
        ? [b.text]
        : b.kind === 'fields' || b.kind === 'finding'
          ? (b.kind === 'finding' ? b.fields : b.rows).flat()
          : b.kind === 'table'
            ? b.rows.flat()
            : [b.text],
    )
    .join('\n');

describe('the report document', () => {
  it('has the sections ISO/IEC 17021-1 9.4.8 asks for, in order', () => {
    expect(headings(reportDocument(completeReportData()).blocks)).toEqual([
      '1 Audit details',
      '2 Sites visited',
      '3 Audit team',
      '4 Audit time',
      '5 Results',
      '6 Nonconformities',
      '7 Opportunities for improvement',
      '8 Areas of concern',
      "9 Conclusion on the management system's effectiveness",
      '10 Unresolved diverging opinions',
      '11 Recommendation',
      '12 Confidentiality',
      '13 Issue',
    ]);
  });

  it('marks a draft and names the file after the client, type, date and revision', () => {
    const draft = reportDocument(completeReportData());
    expect(draft.draft).toBe(true);
    expect(draft.fileStem).toBe('audit-report-C-2026-0001-stage2-2026-02-16-rev1-draft');
    expect(draft.runningHeader).toContain('DRAFT');
    expect(draft.cover.status).toMatch(/^DRAFT — not issued/);
    expect(texts(draft.blocks)).toContain('Draft of revision 1: not issued.');
  });

  it('signs an issued revision with the lead auditor and the time, and prints the change note', () => {
    const data = {
      ...completeReportData(),
      revision: 2,
      state: 'issued' as const,
      issuedByName: 'Lena Lead',
      issuedAt: '2026-03-02T09:15:00.000Z',
      changeNote: 'NC-01 statement corrected.',
    };
    const doc = reportDocument(data);
    expect(doc.draft).toBe(false);
    expect(doc.fileStem).toBe('audit-report-C-2026-0001-stage2-2026-02-16-rev2');
    expect(doc.cover.status).toBe('Issued 2 March 2026, 09:15 UTC by Lena Lead, lead auditor');
    const text = texts(doc.blocks);
    expect(text).toContain('Lena Lead, lead auditor');
    expect(text).toContain('NC-01 statement corrected.');
    expect(text).toContain('The audit team recommends: Grant certification.');
  });

  it('gives a Stage 1 its readiness conclusion instead of a certification recommendation', () => {
    const data = completeReportData();
    data.audit.type = 'stage1';
    data.recommendation = null;
    data.checklist = {
      kind: 'readiness',
      answered: 10,
      total: 10,
      readinessConclusion: { conclusion: 'not_ready', summary: 'No internal audit yet.' },
    };
    const doc = reportDocument(data);
    expect(headings(doc.blocks)).toContain('9 Conclusion of the Stage 1 review');
    const text = texts(doc.blocks);
    expect(text).toContain('The audit team concludes the client is not ready for Stage 2.');
    expect(text).not.toContain('recommends');
    expect(doc.cover.outcome.map(([label]) => label)).not.toContain('Recommendation');
  });
});
