/** Report sections 5 to 8: results per clause and control, nonconformities, OFIs, concerns. */
import { readinessMarkLabels } from '../checklists/schema';
import { findingStateLabels } from '../findings/lifecycle';
import { findingGradeLabels } from '../findings/schema';
import type { ReportBlock } from './blocks';
import { longDate, resultLabel } from './format';
import type { ReportData, ReportItemRow } from './schema';

function itemTable(rows: readonly ReportItemRow[], keyTitle: string): ReportBlock {
  return {
    kind: 'table',
    columns: [
      { title: keyTitle, width: 0.13 },
      { title: 'Title', width: 0.5 },
      { title: 'Result', width: 0.22 },
      { title: 'Findings', width: 0.15 },
    ],
    rows: rows.map((r) => [
      r.key,
      r.title,
      resultLabel(r.result),
      r.findingNumbers.join(', ') || '—',
    ]),
  };
}

export function results(data: ReportData): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '5 Results' }];
  const c = data.checklist;
  if (!c) {
    blocks.push({
      kind: 'paragraph',
      text: 'No checklist was prepared for this audit.',
      muted: true,
    });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text: `${c.answered} of ${c.total} checklist items answered.`,
    muted: true,
  });
  if (data.clauseSummary.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Clauses 4 to 10' },
      {
        kind: 'table',
        columns: [
          { title: 'Clause', width: 0.33 },
          { title: 'Items', width: 0.09, align: 'right' },
          { title: 'Conforming', width: 0.15, align: 'right' },
          { title: 'Nonconf.', width: 0.13, align: 'right' },
          { title: 'OFI', width: 0.08, align: 'right' },
          { title: 'N/A or not audited', width: 0.22, align: 'right' },
        ],
        rows: data.clauseSummary.map((g) => [
          `${g.key} ${g.title}`,
          String(g.total),
          String(g.conforming),
          String(g.nonconformity),
          String(g.opportunity),
          String(g.notApplicable + g.notAudited) +
            (g.unanswered > 0 ? ` (${g.unanswered} open)` : ''),
        ]),
      },
    );
  }
  if (data.controls.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Annex A controls applicable' },
      itemTable(data.controls, 'Control'),
    );
  }
  if (data.exclusions.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Exclusions reviewed' },
      itemTable(data.exclusions, 'Item'),
    );
  }
  if (data.otherItems.length > 0) {
    const title = c.kind === 'readiness' ? 'Stage 1 readiness review' : 'Other items audited';
    // Readiness, surveillance and CB items have internal keys: the title names them.
    blocks.push(
      { kind: 'heading', level: 2, text: title },
      {
        kind: 'table',
        columns: [
          { title: 'Item', width: 0.6 },
          { title: 'Result', width: 0.25 },
          { title: 'Findings', width: 0.15 },
        ],
        rows: data.otherItems.map((r) => [
          r.title,
          resultLabel(r.result),
          r.findingNumbers.join(', ') || '—',
        ]),
      },
    );
  }
  if (c.readinessConclusion) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Readiness conclusion' },
      {
        kind: 'paragraph',
        text:
          c.readinessConclusion.conclusion === 'ready'
            ? 'Ready for Stage 2.'
            : 'Not ready for Stage 2.',
        bold: true,
      },
      { kind: 'paragraph', text: c.readinessConclusion.summary },
    );
  }
  return blocks;
}

export function findingBlocks(data: ReportData): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '6 Nonconformities' }];
  if (data.nonconformities.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No nonconformities were raised.', muted: true });
  }
  for (const f of data.nonconformities) {
    const fields: [string, string][] = [
      ['Requirement', f.requirementRef || '—'],
      ['Statement', f.statement],
      ['Objective evidence', f.objectiveEvidence || '—'],
    ];
    if (f.gradeRationale.trim() !== '') fields.push(['Why this grade', f.gradeRationale]);
    if (f.siteName) fields.push(['Site', f.siteName]);
    fields.push([
      'State',
      `${findingStateLabels[f.state]} (raised ${longDate(f.raisedOn)}${f.raisedByName ? ` by ${f.raisedByName}` : ''})`,
    ]);
    blocks.push({
      kind: 'finding',
      title: `${f.number} · ${f.grade ? findingGradeLabels[f.grade] : 'Not graded yet'}`,
      fields,
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: '7 Opportunities for improvement' });
  if (data.opportunities.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No opportunities for improvement were recorded.',
      muted: true,
    });
  }
  for (const f of data.opportunities) {
    blocks.push({
      kind: 'finding',
      title: `${f.number} · ${f.requirementRef || 'Opportunity for improvement'}`,
      fields: [
        ['Observation', f.statement],
        ['Evidence', f.objectiveEvidence || '—'],
      ],
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: '8 Areas of concern' });
  if (data.concerns.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text:
        data.audit.type === 'stage1'
          ? 'No areas of concern were identified at Stage 1.'
          : 'No Stage 1 areas of concern were carried into this audit.',
      muted: true,
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text:
        data.audit.type === 'stage1'
          ? 'Areas that could be graded as nonconformities at Stage 2 (ISO/IEC 17021-1 9.3.1.2):'
          : 'Areas of concern identified at Stage 1 and how they were found at this audit:',
    });
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Item', width: 0.12 },
        { title: 'Area', width: 0.3 },
        { title: 'Stage 1', width: 0.14 },
        { title: 'Notes', width: 0.28 },
        { title: 'Follow-up', width: 0.16 },
      ],
      rows: data.concerns.map((c) => [
        c.key,
        c.title,
        readinessMarkLabels[c.mark],
        c.notes || '—',
        data.audit.type === 'stage1' ? '—' : c.followUp ? resultLabel(c.followUp) : 'Not answered',
      ]),
    });
  }
  return blocks;
}
