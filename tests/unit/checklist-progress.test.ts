import { describe, expect, it } from 'vitest';
import { checklistProgress, newestAnswer } from '../../shared/checklists/progress';
import { stage2ReadinessProblem } from '../../shared/checklists/stage2-gate';

describe('checklist progress', () => {
  it('counts selected items per group and overall; notes alone do not answer an item', () => {
    const { groups, progress } = checklistProgress(
      [
        { groupKey: 'SURV', selected: true, currentResult: 'conforming' },
        { groupKey: '4', selected: true, currentResult: null },
        { groupKey: '4', selected: true, currentResult: 'nonconformity' },
        { groupKey: '4', selected: false, currentResult: null },
        { groupKey: 'A.2', selected: false, currentResult: null },
      ],
      (key) => (key === '4' ? '4 Context of the organization' : key),
    );
    expect(groups).toEqual([
      { key: 'SURV', title: 'SURV', answered: 1, total: 1 },
      { key: '4', title: '4 Context of the organization', answered: 1, total: 2 },
      { key: 'A.2', title: 'A.2', answered: 0, total: 0 },
    ]);
    expect(progress).toEqual({ answered: 2, total: 3 });
  });

  it('takes the newest of the auditors’ answers as the current one', () => {
    const answers = [
      { id: 'a', answeredAt: '2026-03-02T09:00:00.000Z', result: 'conforming' },
      { id: 'b', answeredAt: '2026-03-02T10:00:00.000Z', result: 'nonconformity' },
      { id: 'c', answeredAt: '2026-03-02T08:00:00.000Z', result: null },
    ];
    expect(newestAnswer(answers)?.id).toBe('b');
    expect(newestAnswer([])).toBeNull();
  });
});

describe('the Stage 2 gate', () => {
  it('lets Stage 2 go ahead once a Stage 1 of the cycle concluded ready', () => {
    expect(
      stage2ReadinessProblem(
        [
          { state: 'cancelled', plannedStart: '2026-01-01', conclusion: null },
          { state: 'completed', plannedStart: '2026-02-01', conclusion: 'ready' },
        ],
        1,
        'start',
      ),
    ).toBeNull();
  });

  it('says exactly what is missing', () => {
    expect(stage2ReadinessProblem([], 1, 'start')).toBe(
      'Stage 2 cannot start yet: the client has no Stage 1 audit in certification cycle 1. Plan and hold the Stage 1, and record its readiness conclusion, first.',
    );
    expect(
      stage2ReadinessProblem(
        [{ state: 'cancelled', plannedStart: '2026-02-01', conclusion: 'ready' }],
        2,
        'prepare',
      ),
    ).toMatch(
      /^The Stage 2 checklist cannot be prepared yet: the client has no Stage 1 audit in certification cycle 2/,
    );
    expect(
      stage2ReadinessProblem(
        [{ state: 'in_progress', plannedStart: '2026-02-01', conclusion: null }],
        1,
        'start',
      ),
    ).toContain('the Stage 1 audit (starting 2026-02-01) has no readiness conclusion');
    expect(
      stage2ReadinessProblem(
        [{ state: 'completed', plannedStart: '2026-02-01', conclusion: 'not_ready' }],
        1,
        'start',
      ),
    ).toContain('the Stage 1 readiness conclusion is “not ready”');
  });
});
