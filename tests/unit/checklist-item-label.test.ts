import { describe, expect, it } from 'vitest';
import { generateChecklist, type GeneratedItem } from '../../shared/checklists/generate';
import { isCatalogueKey, itemKeyLabel, itemName } from '../../shared/checklists/item-label';
import type { AuditType } from '../../shared/programme/vocabulary';
import { annexAControls, iso42001Catalogue } from '../../shared/iso42001/catalogue';
import { extendCatalogue } from '../../shared/iso42001/cb-items';

const catalogue = (() => {
  const extended = extendCatalogue(iso42001Catalogue, 'cb.test', [
    {
      id: 'CB.HEALTH.1',
      kind: 'control',
      title: 'Clinical safety case',
      parent: 'A.6',
      stages: ['stage1', 'stage2'],
      prompt: 'Is there a clinical safety case for each AI system used in care?',
    },
  ]);
  if (!extended.ok) throw new Error(extended.message);
  return extended.catalogue;
})();

function items(auditType: AuditType): GeneratedItem[] {
  const generated = generateChecklist({
    auditType,
    catalogue,
    soa: {
      controls: annexAControls().map((c) => ({
        controlId: c.id,
        applicable: c.id !== 'A.10.4',
        justification: c.id === 'A.10.4' ? 'No AI products for customers.' : '',
      })),
    },
    stage1Concerns:
      auditType === 'stage2'
        ? [
            {
              itemId: 'a',
              itemKey: 'S1.IMPACT',
              title: 'AI system impact assessment',
              requirementRef: '',
              mark: 'concern',
              notes: '',
            },
            {
              itemId: 'b',
              itemKey: 'EXCL.A.10.4',
              title: 'Exclusion of A.10.4',
              requirementRef: '',
              mark: 'concern',
              notes: '',
            },
            {
              itemId: 'c',
              itemKey: 'CB.HEALTH.1',
              title: 'Clinical safety case',
              requirementRef: '',
              mark: 'not_ready',
              notes: '',
            },
          ]
        : [],
  });
  if (!generated.ok) throw new Error(generated.message);
  return generated.items;
}

describe('how a checklist item’s key is shown', () => {
  const all = [...items('stage1'), ...items('stage2'), ...items('surveillance')];
  const label = (key: string) => itemKeyLabel(key);

  it('shows catalogue ids as they are and never an internal key', () => {
    const sections = new Set(all.map((i) => i.section));
    expect(sections).toEqual(
      new Set(['readiness', 'clause', 'control', 'exclusion', 'concern', 'cb', 'surveillance']),
    );
    for (const item of all) {
      const shown = label(item.itemKey);
      if (['clause', 'control', 'cb'].includes(item.section)) {
        expect(shown, item.itemKey).toBe(item.itemKey);
        expect(isCatalogueKey(item.itemKey)).toBe(true);
      } else {
        expect(isCatalogueKey(item.itemKey), item.itemKey).toBe(false);
        expect(shown ?? '', item.itemKey).not.toMatch(/^(S1|SURV|EXCL|CONCERN)\./);
      }
      if (item.section === 'readiness' || item.section === 'surveillance') {
        expect(shown, item.itemKey).toBeNull();
      }
    }
  });

  it('reads an exclusion and a carried concern as people would', () => {
    expect(label('4.1')).toBe('4.1');
    expect(label('A.6.2.4')).toBe('A.6.2.4');
    expect(label('CB.HEALTH.1')).toBe('CB.HEALTH.1');
    expect(label('S1.SCOPE')).toBeNull();
    expect(label('SURV.CHANGES')).toBeNull();
    expect(label('EXCL.A.10.4')).toBe('Exclusion A.10.4');
    expect(label('CONCERN.S1.IMPACT')).toBeNull();
    expect(label('CONCERN.EXCL.A.10.4')).toBe('Exclusion A.10.4');
    expect(label('CONCERN.CB.HEALTH.1')).toBe('CB.HEALTH.1');
    const concern = all.find((i) => i.itemKey === 'CONCERN.S1.IMPACT');
    expect(concern && itemName(concern)).toBe('Stage 1 concern: AI system impact assessment');
    const clause = all.find((i) => i.itemKey === '6.1.2');
    expect(clause && itemName(clause)).toBe(`6.1.2 ${clause?.title}`);
    const exclusion = all.find((i) => i.itemKey === 'EXCL.A.10.4');
    expect(exclusion && itemName(exclusion)).toMatch(/^Exclusion of A\.10\.4 /);
    const topic = all.find((i) => i.itemKey === 'SURV.CHANGES');
    expect(topic && itemName(topic)).toBe(topic?.title);
  });
});
