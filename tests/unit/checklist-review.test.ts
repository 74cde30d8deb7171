import { describe, expect, it } from 'vitest';
import { currentAnswer } from '../../shared/checklists/progress';
import { stage2ReadinessProblem } from '../../shared/checklists/stage2-gate';

describe('the current answer of an item with several auditors', () => {
  it('is the newest answer with a result; notes alone never undo a colleague’s mark', () => {
    const mark = { id: 'a', answeredAt: '2026-03-02T09:00:00.000Z', result: 'concern' };
    const notes = { id: 'b', answeredAt: '2026-03-02T10:00:00.000Z', result: null };
    const answers = [mark, notes];
    expect(currentAnswer(answers)?.id).toBe('a');
    expect(
      currentAnswer([
        ...answers,
        { id: 'c', answeredAt: '2026-03-02T11:00:00.000Z', result: 'ready' },
      ])?.id,
    ).toBe('c');
    expect(currentAnswer([notes])?.id).toBe('b');
    expect(currentAnswer([])).toBeNull();
  });
});

describe('the Stage 2 gate with more than one Stage 1', () => {
  it('follows the latest Stage 1 that reached a conclusion', () => {
    const ready = { state: 'completed', plannedStart: '2026-01-12', conclusion: 'ready' } as const;
    const notReady = {
      state: 'completed',
      plannedStart: '2026-06-15',
      conclusion: 'not_ready',
    } as const;
    expect(stage2ReadinessProblem([ready, notReady], 1, 'start')).toContain(
      'the Stage 1 readiness conclusion is “not ready” (Stage 1 starting 2026-06-15)',
    );
    expect(
      stage2ReadinessProblem([notReady, { ...ready, plannedStart: '2026-09-01' }], 1, 'start'),
    ).toBeNull();
    // A later Stage 1 still without a conclusion leaves the earlier "ready" standing.
    expect(
      stage2ReadinessProblem(
        [ready, { state: 'planned', plannedStart: '2026-06-15', conclusion: null }],
        1,
        'start',
      ),
    ).toBeNull();
  });
});
