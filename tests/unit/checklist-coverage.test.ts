import { describe, expect, it } from 'vitest';
import {
  cycleCoverage,
  type CoverageAuditInput,
  type CoverageItemInput,
} from '../../shared/checklists/coverage';
import type { AnswerValue } from '../../shared/checklists/schema';

const order = ['4.1', '4.2', '9.2.1', 'A.2.2', 'CB.X.1'];

function item(
  itemKey: string,
  selected: boolean,
  currentResult: AnswerValue | null = null,
  section: CoverageItemInput['section'] = itemKey.startsWith('A.') ? 'control' : 'clause',
): CoverageItemInput {
  return {
    itemKey,
    title: `Title ${itemKey}`,
    groupKey: itemKey.split('.')[0] ?? '',
    section,
    selected,
    currentResult,
  };
}

function audit(
  auditId: string,
  type: CoverageAuditInput['type'],
  plannedStart: string,
  state: CoverageAuditInput['state'],
  items: CoverageItemInput[] | null,
): CoverageAuditInput {
  return {
    auditId,
    type,
    plannedStart,
    state,
    checklist:
      items === null ? null : { kind: type === 'surveillance' ? 'selection' : 'full', items },
  };
}

const stage2 = audit('s2', 'stage2', '2025-02-01', 'completed', [
  item('CONCERN.S1.RISK', true, 'conforming', 'concern'),
  item('4.1', true, 'conforming'),
  item('4.2', true, 'not_audited'),
  item('9.2.1', true, 'conforming'),
  item('A.2.2', true, 'nonconformity'),
  item('EXCL.A.10.4', true, 'conforming', 'exclusion'),
]);

describe('the coverage matrix of a cycle', () => {
  it('has a column per audit in planned order and a row per requirement item in catalogue order', () => {
    const coverage = cycleCoverage({
      clientId: 'c',
      cycleNumber: 1,
      catalogueOrder: order,
      audits: [
        audit('sv1', 'surveillance', '2026-01-10', 'completed', [
          item('SURV.CHANGES', true, 'conforming', 'surveillance'),
          item('A.2.2', true, 'conforming'),
          item('4.1', false),
        ]),
        audit('cancelled', 'surveillance', '2026-01-01', 'cancelled', []),
        stage2,
        audit('s1', 'stage1', '2025-01-01', 'completed', null),
      ],
    });
    expect(coverage.audits.map((a) => a.auditId)).toEqual(['s1', 's2', 'sv1']);
    expect(coverage.audits.map((a) => a.label)).toEqual([
      'Stage 1, 2025-01-01',
      'Stage 2, 2025-02-01',
      'Surveillance 1, 2026-01-10',
    ]);
    expect(coverage.rows.map((r) => r.itemKey)).toEqual(['4.1', '4.2', '9.2.1', 'A.2.2']);
    const cells = Object.fromEntries(coverage.rows.map((r) => [r.itemKey, r.cells]));
    expect(cells['4.1']).toEqual({ s1: 'absent', s2: 'covered', sv1: 'absent' });
    // Marked "not audited" in a completed audit: not covered there.
    expect(cells['4.2']).toEqual({ s1: 'absent', s2: 'absent', sv1: 'absent' });
    expect(cells['A.2.2']).toEqual({ s1: 'absent', s2: 'covered', sv1: 'covered' });
    expect(coverage.rows.find((r) => r.itemKey === 'A.2.2')?.coveredInCycle).toBe(true);
    // Covered at Stage 2 only: Stage 2 is shown for information, it does not count.
    expect(coverage.uncovered).toEqual(['4.1', '4.2', '9.2.1']);
    // One surveillance so far: the next one can still cover the rest.
    expect(coverage.warning).toBeNull();
  });

  it('counts items selected but not yet answered as planned, and "not audited" as planned while the audit runs', () => {
    const coverage = cycleCoverage({
      clientId: 'c',
      cycleNumber: 1,
      catalogueOrder: order,
      audits: [
        audit('sv1', 'surveillance', '2026-01-10', 'in_progress', [
          item('4.1', true),
          item('4.2', true, 'not_audited'),
          item('9.2.1', true, 'not_applicable'),
          item('A.2.2', false),
        ]),
      ],
    });
    const cells = Object.fromEntries(coverage.rows.map((r) => [r.itemKey, r.cells['sv1']]));
    expect(cells).toEqual({
      '4.1': 'planned',
      '4.2': 'planned',
      '9.2.1': 'covered',
      'A.2.2': 'absent',
    });
    expect(coverage.uncovered).toEqual(['A.2.2']);
  });

  it('warns, as an Audit Desk rule, when the last surveillance is planned and items stay uncovered', () => {
    const coverage = cycleCoverage({
      clientId: 'c',
      cycleNumber: 1,
      catalogueOrder: order,
      audits: [
        stage2,
        audit('sv1', 'surveillance', '2026-01-10', 'completed', [
          item('4.1', true, 'conforming'),
          item('4.2', false),
          item('9.2.1', true, 'conforming'),
          item('A.2.2', false),
        ]),
        audit('sv2', 'surveillance', '2027-01-10', 'planned', [
          item('4.1', false),
          item('4.2', true),
          item('9.2.1', true),
          item('A.2.2', false),
        ]),
      ],
    });
    expect(coverage.uncovered).toEqual(['A.2.2']);
    expect(coverage.warning).toContain('1 item is covered by no surveillance audit');
    expect(coverage.warning).toContain('A.2.2');
    expect(coverage.warning).toContain('Audit Desk rule');
  });

  it('names a surveillance without a checklist in the warning', () => {
    const coverage = cycleCoverage({
      clientId: 'c',
      cycleNumber: 1,
      catalogueOrder: order,
      audits: [
        audit('sv1', 'surveillance', '2026-01-10', 'completed', [
          item('4.1', true, 'conforming'),
          item('4.2', false),
        ]),
        audit('sv2', 'surveillance', '2027-01-10', 'planned', null),
      ],
    });
    expect(coverage.uncovered).toEqual(['4.2']);
    expect(coverage.warning).toContain(
      'No checklist has been prepared yet for: Surveillance 2, 2027-01-10',
    );
  });

  it('gives no warning once every item is covered or planned', () => {
    const coverage = cycleCoverage({
      clientId: 'c',
      cycleNumber: 1,
      catalogueOrder: order,
      audits: [
        audit('sv1', 'surveillance', '2026-01-10', 'completed', [
          item('4.1', true, 'conforming'),
          item('4.2', false),
        ]),
        audit('sv2', 'surveillance', '2027-01-10', 'planned', [
          item('4.1', false),
          item('4.2', true),
        ]),
      ],
    });
    expect(coverage.uncovered).toEqual([]);
    expect(coverage.warning).toBeNull();
  });

  it('shortens a long list of uncovered items', () => {
    const many = Array.from({ length: 12 }, (_, i) => `CB.X.${i + 1}`);
    const coverage = cycleCoverage({
      clientId: 'c',
      cycleNumber: 1,
      catalogueOrder: [],
      audits: ['sv1', 'sv2'].map((id, n) =>
        audit(
          id,
          'surveillance',
          `202${6 + n}-01-10`,
          'planned',
          many.map((k) => item(k, false, null, 'cb')),
        ),
      ),
    });
    expect(coverage.uncovered).toEqual(many);
    expect(coverage.warning).toContain('12 items are');
    expect(coverage.warning).toContain('CB.X.8 and 4 more');
  });
});
