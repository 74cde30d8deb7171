import { describe, expect, it } from 'vitest';
import {
  checklistKindFor,
  generateChecklist,
  noSoaMessage,
  type ChecklistGenerationInput,
  type GeneratedItem,
  type SoaForChecklist,
} from '../../shared/checklists/generate';
import { readinessTopics, surveillanceTopics } from '../../shared/checklists/readiness-topics';
import { annexAControls, iso42001Catalogue } from '../../shared/iso42001/catalogue';
import { extendCatalogue } from '../../shared/iso42001/cb-items';

/** Every control applicable except the ones named, excluded with a reason. */
function soaExcluding(...excluded: string[]): SoaForChecklist {
  return {
    controls: annexAControls().map((c) => ({
      controlId: c.id,
      applicable: !excluded.includes(c.id),
      justification: excluded.includes(c.id) ? `No ${c.title.toLowerCase()} in scope.` : '',
    })),
  };
}

function generate(overrides: Partial<ChecklistGenerationInput>): GeneratedItem[] {
  const result = generateChecklist({
    auditType: 'stage2',
    catalogue: iso42001Catalogue,
    soa: soaExcluding(),
    stage1Concerns: [],
    ...overrides,
  });
  if (!result.ok) throw new Error(result.message);
  return result.items;
}

const keys = (items: GeneratedItem[]) => items.map((i) => i.itemKey);
const stage2Clauses = iso42001Catalogue.items
  .filter((i) => i.kind === 'clause' && i.assessable && i.stages.includes('stage2'))
  .map((i) => i.id);

const withCbItems = (() => {
  const extended = extendCatalogue(iso42001Catalogue, 'cb.test', [
    {
      id: 'CB.HEALTH.1',
      kind: 'control',
      title: 'Clinical safety case',
      parent: 'A.6',
      stages: ['stage1', 'stage2'],
      prompt: 'Is there a clinical safety case for each AI system used in care?',
    },
    {
      id: 'CB.HEALTH.2',
      kind: 'clause',
      title: 'Post-market surveillance',
      parent: '8',
      stages: ['stage2'],
      prompt: 'How is the AI system watched once in use?',
    },
  ]);
  if (!extended.ok) throw new Error(extended.message);
  return extended.catalogue;
})();

describe('the kind of checklist an audit type gets', () => {
  it('reviews readiness at Stage 1, audits everything at Stage 2, recertification and transfer, and a selection at surveillance and special audits', () => {
    expect(checklistKindFor('stage1')).toBe('readiness');
    expect(checklistKindFor('stage2')).toBe('full');
    expect(checklistKindFor('recertification')).toBe('full');
    expect(checklistKindFor('transfer')).toBe('full');
    expect(checklistKindFor('surveillance')).toBe('selection');
    expect(checklistKindFor('special')).toBe('selection');
  });
});

describe('a Stage 1 readiness checklist', () => {
  it('lists the readiness topics, then one review per excluded control with its justification', () => {
    const items = generate({ auditType: 'stage1', soa: soaExcluding('A.10.4', 'A.7.3') });
    expect(keys(items)).toEqual([
      ...readinessTopics.map((t) => t.key),
      'EXCL.A.7.3',
      'EXCL.A.10.4',
    ]);
    expect(items.every((i) => i.scale === 'readiness' && i.selected)).toBe(true);
    expect(items[0]).toMatchObject({
      itemKey: 'S1.SCOPE',
      section: 'readiness',
      groupKey: 'S1',
      requirementRef: '',
      position: 0,
    });
    const customers = items.find((i) => i.itemKey === 'EXCL.A.10.4');
    expect(customers).toMatchObject({ section: 'exclusion', groupKey: 'SOA' });
    expect(customers?.title).toContain('Customers');
    expect(customers?.prompt).toContain('No customers in scope.');
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i));
  });

  it('cites the related clauses in each topic and covers the Stage 2 arrangements', () => {
    const byKey = new Map(readinessTopics.map((t) => [t.key, t.prompt]));
    expect(byKey.get('S1.SCOPE')).toMatch(/4\.3, 4\.4/);
    expect(byKey.get('S1.RISK')).toMatch(/6\.1\.2, 6\.1\.3, 8\.2, 8\.3/);
    expect(byKey.get('S1.IMPACT')).toMatch(/6\.1\.4, 8\.4/);
    expect(byKey.get('S1.INTERNAL-AUDIT')).toMatch(/9\.2/);
    expect(byKey.get('S1.MANAGEMENT-REVIEW')).toMatch(/9\.3/);
    expect(byKey.get('S1.STAGE2-ARRANGEMENTS')).toMatch(/17021-1 9\.3\.1\.2/);
  });

  it('can be prepared without a Statement of Applicability (then without exclusion items)', () => {
    const items = generate({ auditType: 'stage1', soa: null });
    expect(keys(items)).toEqual(readinessTopics.map((t) => t.key));
  });

  it('adds the CB items asked at Stage 1, on the readiness scale', () => {
    const items = generate({ auditType: 'stage1', catalogue: withCbItems, soa: null });
    expect(items.at(-1)).toMatchObject({
      itemKey: 'CB.HEALTH.1',
      section: 'cb',
      groupKey: 'A.6',
      scale: 'readiness',
      requirementRef: 'CB item CB.HEALTH.1',
    });
    expect(keys(items)).not.toContain('CB.HEALTH.2');
  });
});

describe('a Stage 2 checklist', () => {
  it('audits every clause item and every applicable control, and re-checks each exclusion', () => {
    const items = generate({ soa: soaExcluding('A.10.4') });
    const clauses = items.filter((i) => i.section === 'clause');
    expect(keys(clauses)).toEqual(stage2Clauses);
    const controls = items.filter((i) => i.section === 'control');
    expect(controls).toHaveLength(37);
    expect(keys(controls)).not.toContain('A.10.4');
    expect(items.find((i) => i.itemKey === 'EXCL.A.10.4')).toMatchObject({
      section: 'exclusion',
      groupKey: 'SOA',
      scale: 'result',
    });
    expect(items.every((i) => i.scale === 'result' && i.selected && !i.mandatory)).toBe(true);
  });

  it('copies titles, prompts and requirement references, with groups and parents for the tree', () => {
    const items = generate({});
    expect(items.find((i) => i.itemKey === '6.1.4')).toMatchObject({
      title: 'AI system impact assessment',
      groupKey: '6',
      parentKey: '6.1',
      requirementRef: 'ISO/IEC 42001:2023 6.1.4',
    });
    expect(items.find((i) => i.itemKey === 'A.6.2.4')).toMatchObject({
      title: 'AI system verification and validation',
      groupKey: 'A.6',
      parentKey: 'A.6.2',
      requirementRef: 'ISO/IEC 42001:2023 Annex A A.6.2.4',
    });
    expect(items.every((i) => i.prompt.length > 20)).toBe(true);
    // Headings are audited through their subclauses, never as items.
    expect(keys(items)).not.toContain('6.1');
    expect(keys(items)).not.toContain('A.6');
  });

  it('carries each Stage 1 concern and not-ready item first, with its note', () => {
    const items = generate({
      stage1Concerns: [
        {
          itemId: 's1-risk',
          itemKey: 'S1.RISK',
          title: 'AI risk assessment and treatment: method and results',
          requirementRef: '',
          mark: 'concern',
          notes: 'Risk criteria not yet approved.',
        },
        {
          itemId: 's1-scope',
          itemKey: 'S1.SCOPE',
          title: 'Scope',
          requirementRef: '',
          mark: 'ready',
          notes: '',
        },
      ],
    });
    expect(items[0]).toMatchObject({
      itemKey: 'CONCERN.S1.RISK',
      section: 'concern',
      groupKey: 'CONCERNS',
      carriedFromItemId: 's1-risk',
      carriedNote: 'Risk criteria not yet approved.',
      scale: 'result',
      position: 0,
    });
    expect(items[0]?.prompt).toContain('Risk criteria not yet approved.');
    expect(keys(items)).not.toContain('CONCERN.S1.SCOPE');
    expect(items[1]?.itemKey).toBe('4.1');
  });

  it('carries no concerns into a recertification or transfer', () => {
    const concern = {
      itemId: 'x',
      itemKey: 'S1.POLICY',
      title: 'AI policy',
      requirementRef: '',
      mark: 'not_ready' as const,
      notes: '',
    };
    for (const auditType of ['recertification', 'transfer'] as const) {
      expect(keys(generate({ auditType, stage1Concerns: [concern] }))).not.toContain(
        'CONCERN.S1.POLICY',
      );
    }
  });

  it('adds the CB items asked at Stage 2 last', () => {
    const items = generate({ catalogue: withCbItems });
    expect(keys(items).slice(-2)).toEqual(['CB.HEALTH.1', 'CB.HEALTH.2']);
    expect(items.at(-1)).toMatchObject({ section: 'cb', groupKey: '8', parentKey: '8' });
  });

  it('needs the client’s Statement of Applicability', () => {
    for (const auditType of ['stage2', 'surveillance', 'recertification'] as const) {
      expect(
        generateChecklist({
          auditType,
          catalogue: iso42001Catalogue,
          soa: null,
          stage1Concerns: [],
        }),
      ).toEqual({ ok: false, field: 'soaVersionId', message: noSoaMessage });
    }
  });
});

describe('a surveillance checklist', () => {
  const mandatory = [
    'SURV.NC-FOLLOW-UP',
    'SURV.CHANGES',
    'SURV.COMPLAINTS',
    'SURV.MARKS',
    '6.3',
    '9.2.1',
    '9.2.2',
    '9.3.1',
    '9.3.2',
    '9.3.3',
    '10.2',
  ];

  it('offers every Stage 2 item plus the surveillance topics, and selects only the mandatory ones', () => {
    const items = generate({ auditType: 'surveillance', soa: soaExcluding('A.10.4') });
    const stage2 = generate({ soa: soaExcluding('A.10.4') });
    expect(keys(items)).toEqual([...surveillanceTopics.map((t) => t.key), ...keys(stage2)]);
    const selected = items.filter((i) => i.selected);
    expect(keys(selected).sort()).toEqual([...mandatory].sort());
    expect(selected.every((i) => i.mandatory)).toBe(true);
    expect(items.filter((i) => i.mandatory)).toHaveLength(mandatory.length);
    expect(items[0]).toMatchObject({ section: 'surveillance', groupKey: 'SURV', scale: 'result' });
  });

  it('applies the same rule to a special audit', () => {
    const items = generate({ auditType: 'special' });
    expect(keys(items.filter((i) => i.selected)).sort()).toEqual([...mandatory].sort());
  });
});
