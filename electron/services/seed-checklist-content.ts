/**
 * What the demo auditors wrote: notes and evidence for the demo checklists, and the demo clients'
 * Statements of Applicability. Deterministic, chosen by the item, so every run writes the same.
 */
import type { EvidenceKind, ItemResult, ReadinessMark } from '../../shared/checklists/schema';
import { blankSoaControls, type SoaControlInput } from '../../shared/soa/schema';

/** Controls every demo SoA excludes, with the client's reasons. */
const demoExclusions: Record<string, string> = {
  'A.7.3':
    'All training and evaluation data is generated in-house from our own operations; no data is acquired from third parties.',
  'A.10.4':
    'Our AI systems are used internally only; no AI product or service is provided to customers.',
};

export function demoSoaControls(): SoaControlInput[] {
  return blankSoaControls().map((c, i) => {
    const reason = demoExclusions[c.controlId];
    if (reason)
      return { ...c, applicable: false, justification: reason, implementationStatus: null };
    return {
      ...c,
      justification: 'Needed by the AI risk treatment plan.',
      implementationStatus: i % 9 === 4 ? 'partially_implemented' : 'implemented',
      reference: `AIMS-PR-${String(i + 1).padStart(2, '0')}`,
    };
  });
}

const readinessNotes: Record<ReadinessMark, string> = {
  ready: 'Documented, approved and in use; reviewed with the AIMS manager.',
  concern: 'In place but incomplete; to be followed up at Stage 2.',
  not_ready: 'Not yet in place; Stage 2 cannot evaluate it.',
};

/** Specific Stage 1 notes where a demo marks a topic concern or not ready. */
export const stage1Remarks: Record<string, string> = {
  'S1.RISK':
    'Risk acceptance criteria exist only as a draft (RA-CRIT v0.3); the risk assessment of the chatbot uses provisional criteria.',
  'S1.IMPACT':
    'Impact assessments done for 2 of the 5 AI systems in scope; the other three are scheduled for next month.',
  'S1.INTERNAL-AUDIT':
    'No internal audit of the AIMS yet; the first one is planned for next quarter.',
  'S1.MANAGEMENT-REVIEW': 'Top management has not yet reviewed the AIMS.',
};

export function readinessNote(itemKey: string, mark: ReadinessMark): string {
  return mark === 'ready' ? readinessNotes.ready : (stage1Remarks[itemKey] ?? readinessNotes[mark]);
}

const resultNotes: Record<ItemResult, readonly string[]> = {
  conforming: [
    'Conforming. Procedure and records seen; sampled two AI systems, both followed it.',
    'Conforming. Interviewed the process owner; records complete for the last two quarters.',
    'Conforming. Evidence consistent across the head office and the site visited.',
  ],
  nonconformity: [
    'Nonconforming: the requirement is not met for at least one AI system in scope (see finding).',
  ],
  opportunity: [
    'Met, but the records are spread over three tools; a single register would make review easier.',
  ],
  not_audited: ['Not audited this time: the people concerned were not available.'],
  not_applicable: ['Not applicable to the AI systems in scope.'],
};

export function resultNote(result: ItemResult, position: number): string {
  const notes = resultNotes[result];
  return notes[position % notes.length] ?? '';
}

export interface DemoEvidence {
  kind: EvidenceKind;
  description: string;
  detail: string;
}

const documentReviewed: DemoEvidence = {
  kind: 'document',
  description: 'AIMS manual, section on this requirement',
  detail: 'AIMS-MAN v4',
};

const evidenceCycle: readonly DemoEvidence[] = [
  documentReviewed,
  { kind: 'interview', description: 'Interview with the AIMS manager', detail: 'AIMS manager' },
  { kind: 'record', description: 'Sampled records of the last quarter', detail: 'REC-2025-Q4-07' },
  {
    kind: 'observation',
    description: 'Walked through the process with the data science team',
    detail: '',
  },
];

export function demoEvidence(position: number): DemoEvidence {
  return evidenceCycle[position % evidenceCycle.length] ?? documentReviewed;
}

/** The nonconformity the demo Stage 2 audits find. */
export const demoFinding = {
  itemKey: '6.1.4',
  statement:
    'AI system impact assessments have not been carried out for all AI systems in scope, as the AIMS requires.',
  objectiveEvidence:
    'Impact assessment register IA-REG v2 lists assessments for 2 of the 5 AI systems in scope; none for the credit-limit model, the document classifier or the support chatbot.',
  gradeRationale: '',
};
