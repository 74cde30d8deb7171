/**
 * Rules behind the finding screens found in the end-to-end review of issues 6 and 7: the
 * requirement picker's choices, the action forms' required fields, the gate messages as shown,
 * the checklist's current answer after an autosave, and the coverage matrix's columns.
 */
import { describe, expect, it } from 'vitest';
import { cycleCoverage } from '../../shared/checklists/coverage';
import { quoted } from '../../shared/checklists/generate';
import type { Checklist, ChecklistAnswer, ChecklistItem } from '../../shared/checklists/schema';
import type { DecisionBlockers, FindingRow } from '../../shared/findings/schema';
import { extendCatalogue } from '../../shared/iso42001/cb-items';
import { iso42001Catalogue } from '../../shared/iso42001/catalogue';
import { currentResult, withAnswer } from '../../renderer/features/checklist/checklistView';
import {
  matchRequirements,
  requirementOptions,
} from '../../renderer/features/findings/requirementOptions';
import {
  openFindingsNotRelied,
  readableGateMessage,
} from '../../renderer/features/nonconformities/gateText';
import { missingFields } from '../../renderer/features/nonconformities/transitionRequired';
import type { TransitionValues } from '../../renderer/features/nonconformities/transitionValues';

/** An action form as it opens (transitionForm.emptyTransition, with a fixed date). */
const emptyTransition = (): TransitionValues => ({
  onDate: '2026-11-23',
  reason: '',
  correction: '',
  rootCause: '',
  correctiveAction: '',
  plannedCompletion: '',
  method: '',
  effective: '',
  evidence: '',
});

describe('the requirement picker', () => {
  const extended = extendCatalogue(iso42001Catalogue, 'cb.test', [
    {
      id: 'CB.HEALTH.1',
      kind: 'clause',
      title: 'Clinical safety case for AI systems',
      parent: '8.4',
      stages: ['stage2'],
      prompt: 'Is there a clinical safety case?',
    },
  ]);
  if (!extended.ok) throw new Error(extended.message);
  const options = requirementOptions(extended.catalogue);
  const refs = options.map((o) => o.ref);

  it('offers every assessable clause, all 38 Annex A controls and the CB items, cited as a finding cites them', () => {
    expect(refs).toContain('ISO/IEC 42001:2023 6.1.4');
    expect(refs).toContain('ISO/IEC 42001:2023 Annex A A.6.2.4');
    expect(refs).toContain('CB item CB.HEALTH.1');
    expect(refs.filter((r) => r.includes('Annex A'))).toHaveLength(38);
    expect(new Set(refs).size).toBe(refs.length);
    expect(options.find((o) => o.ref === 'ISO/IEC 42001:2023 6.1.4')?.title).toBe(
      'AI system impact assessment',
    );
  });

  it('leaves out headings, which are not requirements a finding is raised against', () => {
    expect(refs).not.toContain('ISO/IEC 42001:2023 6');
    expect(refs).not.toContain('ISO/IEC 42001:2023 Annex A A.6');
  });

  it('finds an item by words of its number and title, in any order', () => {
    expect(matchRequirements(options, 'impact 6.1', 200).map((o) => o.ref)).toEqual([
      'ISO/IEC 42001:2023 6.1.4',
    ]);
    expect(matchRequirements(options, 'CLINICAL', 200).map((o) => o.ref)).toEqual([
      'CB item CB.HEALTH.1',
    ]);
    expect(matchRequirements(options, 'GDPR Art. 35', 200)).toEqual([]);
  });

  it('shows a prefilled reference with the items after it when the list is opened', () => {
    const shown = matchRequirements(options, 'ISO/IEC 42001:2023 8.1', 4).map((o) => o.ref);
    expect(shown).toEqual([
      'ISO/IEC 42001:2023 8.1',
      'ISO/IEC 42001:2023 8.2',
      'ISO/IEC 42001:2023 8.3',
      'ISO/IEC 42001:2023 8.4',
    ]);
    expect(matchRequirements(options, '', 5)).toHaveLength(5);
  });
});

describe('the finding action forms', () => {
  it('name every empty part of a client response at once, not one per attempt', () => {
    const values = { ...emptyTransition(), correction: 'Register completed.' };
    expect(missingFields('submitResponse', values)).toEqual({
      rootCause: 'Enter the root cause.',
      correctiveAction: 'Enter the corrective action.',
    });
  });

  it('ask for the method and the outcome of a verification together', () => {
    expect(Object.keys(missingFields('verify', emptyTransition()))).toEqual([
      'method',
      'effective',
    ]);
    expect(
      missingFields('verify', { ...emptyTransition(), method: 'documentReview', effective: 'no' }),
    ).toEqual({});
  });

  it('require a reason to reject, escalate or cancel, and none to accept or close', () => {
    for (const event of ['reject', 'escalate', 'cancel'] as const) {
      expect(Object.keys(missingFields(event, { ...emptyTransition(), reason: '  ' }))).toEqual([
        'reason',
      ]);
    }
    expect(missingFields('accept', emptyTransition())).toEqual({});
    expect(missingFields('close', emptyTransition())).toEqual({});
  });
});

describe('decision gates as shown', () => {
  const major = '01a208db-a264-7861-b2d7-9be97c06547a';
  const minor = '01a208db-a1fe-7ad8-9d9d-7a8fa6d3a449';

  it('name findings by their requirement, not by their database ids', () => {
    expect(
      readableGateMessage(
        `A major nonconformity is not verified (finding ${major} on ISO/IEC 42001:2023 6.1.4): verify it.`,
        [major],
      ),
    ).toBe(
      'A major nonconformity is not verified (finding against ISO/IEC 42001:2023 6.1.4): verify it.',
    );
    const two = readableGateMessage(
      `(by 2025-09-14; findings ${major} on ISO/IEC 42001:2023 6.1.4, ${minor} on ISO/IEC 42001:2023 8.2)`,
      [major, minor],
    );
    expect(two).toBe(
      '(by 2025-09-14; findings against ISO/IEC 42001:2023 6.1.4, ISO/IEC 42001:2023 8.2)',
    );
  });

  it('count the open nonconformities of audits the decision does not rest on yet', () => {
    const row = (id: string, auditId: string, grade: FindingRow['grade']) =>
      ({ id, auditId, grade }) as FindingRow;
    const blockers: DecisionBlockers = {
      clientId: 'c',
      decision: 'grant',
      auditIds: ['stage1', 'stage2'],
      unmet: [],
      openFindings: [
        row('a', 'stage2', 'major'),
        row('b', 'running-surveillance', 'minor'),
        row('c', 'running-surveillance', 'ofi'),
        row('d', 'running-surveillance', null),
      ],
    };
    expect(openFindingsNotRelied(blockers)).toBe(2);
  });
});

describe('the checklist after an autosave', () => {
  const answer = (over: Partial<ChecklistAnswer>): ChecklistAnswer => ({
    id: 'a1',
    checklistItemId: 'i1',
    auditorId: 'daniel',
    auditorName: 'Daniel Weiss',
    result: 'nonconformity',
    notes: '',
    answeredAt: '2026-11-23T09:00:00.000Z',
    ...over,
  });
  const item = (answers: ChecklistAnswer[]): ChecklistItem => ({
    id: 'i1',
    itemKey: '7.2',
    section: 'clause',
    groupKey: '7',
    parentKey: null,
    position: 1,
    title: 'Competence',
    prompt: '',
    requirementRef: 'ISO/IEC 42001:2023 7.2',
    scale: 'result',
    mandatory: false,
    selected: true,
    carriedFromItemId: null,
    carriedNote: '',
    answers,
    evidence: [],
    fileCount: 0,
    findingIds: [],
  });
  const checklist = (items: ChecklistItem[]) =>
    ({
      id: 'c',
      kind: 'full',
      items,
      groups: [{ key: '7', title: '7 Support', answered: 0, total: 1 }],
      progress: { answered: 0, total: 1 },
    }) as unknown as Checklist;

  it('keeps a colleague’s result when another auditor writes only notes on the item later', () => {
    const before = checklist([item([answer({})])]);
    const after = withAnswer(
      before,
      answer({
        id: 'a2',
        auditorId: 'rajesh',
        auditorName: 'Rajesh Menon',
        result: null,
        notes: 'Asked for the competence matrix.',
        answeredAt: '2026-11-23T10:00:00.000Z',
      }),
    );
    const [only] = after.items;
    if (!only) throw new Error('the item is gone');
    expect(currentResult(only)).toBe('nonconformity');
    expect(only.answers.map((a) => a.auditorId)).toEqual(['daniel', 'rajesh']);
    expect(after.progress).toEqual({ answered: 1, total: 1 });
  });

  it('takes the newest result when two auditors both set one', () => {
    const after = withAnswer(
      checklist([item([answer({})])]),
      answer({
        id: 'a2',
        auditorId: 'rajesh',
        result: 'conforming',
        answeredAt: '2026-11-23T10:00:00.000Z',
      }),
    );
    expect(after.items[0] && currentResult(after.items[0])).toBe('conforming');
  });
});

describe('the coverage matrix columns', () => {
  it('mark the Stage 1 and an audit without a checklist as not audited item by item', () => {
    const coverage = cycleCoverage({
      clientId: 'c',
      cycleNumber: 1,
      catalogueOrder: ['4.1'],
      audits: [
        {
          auditId: 's1',
          type: 'stage1',
          plannedStart: '2025-01-10',
          state: 'completed',
          checklist: { kind: 'readiness', items: [] },
        },
        {
          auditId: 's2',
          type: 'stage2',
          plannedStart: '2025-02-10',
          state: 'completed',
          checklist: null,
        },
        {
          auditId: 'sv1',
          type: 'surveillance',
          plannedStart: '2026-01-10',
          state: 'confirmed',
          checklist: {
            kind: 'selection',
            items: [
              {
                itemKey: '4.1',
                title: 'Context',
                groupKey: '4',
                section: 'clause',
                selected: true,
                currentResult: null,
              },
            ],
          },
        },
      ],
    });
    expect(coverage.audits.map((a) => [a.auditId, a.itemsAudited])).toEqual([
      ['s1', false],
      ['s2', false],
      ['sv1', true],
    ]);
  });
});

describe('quoted words in generated prompts', () => {
  it('end with one full stop, not “….”.', () => {
    expect(quoted('No data is acquired from third parties.')).toBe(
      '“No data is acquired from third parties.”',
    );
    expect(quoted(' Impact assessments pending ')).toBe('“Impact assessments pending”.');
  });
});
