/**
 * The audit report as a sequence of blocks (headings, fields, tables, findings, paragraphs), built
 * once from the report data so the PDF and the DOCX say exactly the same thing in the same order.
 * Sections follow what ISO/IEC 17021-1 9.4.8 asks a report to contain. Pure: no I/O, no clock.
 */
import { auditTypeLabels } from '../programme/vocabulary';
import type { ReportBlock, ReportDocument } from './blocks';
import { auditDates, cbNameOrPlaceholder, signedAt } from './format';
import { auditTime, details, sites, team } from './sections-audit';
import { findingBlocks, results } from './sections-results';
import { recommendationLabels, type ReportData } from './schema';

export type { BlockColumn, ReportBlock, ReportCover, ReportDocument } from './blocks';
export { cbNameOrPlaceholder, longDate, resultLabel, signedAt } from './format';

function conclusions(data: ReportData): ReportBlock[] {
  const stage1 = data.audit.type === 'stage1';
  const blocks: ReportBlock[] = [
    {
      kind: 'heading',
      level: 1,
      text: stage1
        ? '9 Conclusion of the Stage 1 review'
        : "9 Conclusion on the management system's effectiveness",
    },
    data.effectivenessConclusion.trim() === ''
      ? { kind: 'paragraph', text: 'No conclusion written yet.', muted: true }
      : { kind: 'paragraph', text: data.effectivenessConclusion.trim() },
    { kind: 'heading', level: 1, text: '10 Unresolved diverging opinions' },
    data.divergingOpinions.trim() === ''
      ? {
          kind: 'paragraph',
          text: 'None: the client and the audit team resolved every difference of opinion.',
          muted: true,
        }
      : { kind: 'paragraph', text: data.divergingOpinions.trim() },
    { kind: 'heading', level: 1, text: '11 Recommendation' },
  ];
  if (stage1) {
    const r = data.checklist?.readinessConclusion;
    blocks.push({
      kind: 'paragraph',
      text: r
        ? r.conclusion === 'ready'
          ? 'The audit team concludes the client is ready for Stage 2.'
          : 'The audit team concludes the client is not ready for Stage 2.'
        : 'The readiness conclusion is not recorded yet.',
      bold: true,
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: data.recommendation
        ? `The audit team recommends: ${recommendationLabels[data.recommendation]}.`
        : 'No recommendation made yet.',
      bold: true,
    });
  }
  if (data.recommendationNotes.trim() !== '')
    blocks.push({ kind: 'paragraph', text: data.recommendationNotes.trim() });
  blocks.push(
    {
      kind: 'paragraph',
      text: 'The certification decision is taken by the certification body, by people who were not on the audit team (ISO/IEC 17021-1 9.5).',
      muted: true,
    },
    { kind: 'heading', level: 1, text: '12 Confidentiality' },
    { kind: 'paragraph', text: data.confidentiality },
    { kind: 'heading', level: 1, text: '13 Issue' },
  );
  if (data.state === 'issued' && data.issuedAt) {
    blocks.push({
      kind: 'fields',
      rows: [
        ['Issued by', `${data.issuedByName ?? '—'}, lead auditor`],
        ['Issued on', signedAt(data.issuedAt)],
        ['Revision', String(data.revision)],
      ],
    });
    blocks.push({
      kind: 'paragraph',
      text: 'Signed electronically in Audit Desk: the certification body records the SHA-256 fingerprint of this file with the issue, so any later change to it can be detected.',
      muted: true,
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `Draft of revision ${data.revision}: not issued. Only the issued report, signed by the lead auditor, is the audit report.`,
      bold: true,
    });
  }
  if (data.changeNote.trim() !== '')
    blocks.push({
      kind: 'fields',
      rows: [[`Changes in revision ${data.revision}`, data.changeNote]],
    });
  return blocks;
}

function safeFilePart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The report's cover, sections and page furniture. */
export function reportDocument(data: ReportData): ReportDocument {
  const type = auditTypeLabels[data.audit.type];
  const cb = cbNameOrPlaceholder(data.certificationBodyName);
  const draft = data.state !== 'issued';
  const lead = data.team.find((m) => m.role === 'lead_auditor');
  const majors = data.nonconformities.filter((f) => f.grade === 'major').length;
  const minors = data.nonconformities.filter((f) => f.grade === 'minor').length;
  const outcome: [string, string][] = [
    ['Major nonconformities', String(majors)],
    ['Minor nonconformities', String(minors)],
    ['Opportunities for improvement', String(data.opportunities.length)],
  ];
  if (data.audit.type !== 'stage1') {
    outcome.push([
      'Recommendation',
      data.recommendation ? recommendationLabels[data.recommendation] : '—',
    ]);
  }
  return {
    cover: {
      certificationBodyName: cb,
      title: 'Audit report',
      subtitle: `${type} audit of the AI management system against ${data.standard}`,
      clientName: data.client.legalName,
      facts: [
        ['Client reference', data.client.reference],
        ['Audit dates', auditDates(data)],
        ['Sites visited', data.sites.map((s) => s.name).join(', ') || '—'],
        ['Lead auditor', lead?.name ?? '—'],
        ['Report revision', String(data.revision)],
      ],
      status: draft
        ? `DRAFT — not issued (prepared ${signedAt(data.preparedAt)})`
        : `Issued ${data.issuedAt ? signedAt(data.issuedAt) : ''} by ${data.issuedByName ?? '—'}, lead auditor`,
      outcome,
    },
    blocks: [
      ...details(data),
      ...sites(data),
      ...team(data),
      ...auditTime(data),
      ...results(data),
      ...findingBlocks(data),
      ...conclusions(data),
    ],
    runningHeader: `${cb} · Audit report · ${data.client.legalName} (${data.client.reference}) · ${type}, ${data.audit.startDate} · revision ${data.revision}${draft ? ' · DRAFT' : ''}`,
    footer: `Confidential: ${data.client.legalName} and ${cb}`,
    fileStem: `audit-report-${safeFilePart(data.client.reference)}-${data.audit.type}-${data.audit.startDate}-rev${data.revision}${draft ? '-draft' : ''}`,
    draft,
  };
}
