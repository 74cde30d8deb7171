import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canTransition,
  illegalTransitionMessage,
  isPlanEditable,
  stage2CompletionProblem,
} from '../../shared/programme/audit-states';
import { auditStates } from '../../shared/programme/vocabulary';

describe('the audit state machine', () => {
  it('runs planned → confirmed → in progress → completed', () => {
    expect(canTransition('planned', 'confirmed')).toBe(true);
    expect(canTransition('confirmed', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'completed')).toBe(true);
  });

  it('cancels from any state before completion, and never moves a completed or cancelled audit', () => {
    for (const from of ['planned', 'confirmed', 'in_progress'] as const) {
      expect(canTransition(from, 'cancelled')).toBe(true);
    }
    for (const to of auditStates) {
      expect(canTransition('completed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });

  it('skips no step and never goes back', () => {
    expect(canTransition('planned', 'in_progress')).toBe(false);
    expect(canTransition('planned', 'completed')).toBe(false);
    expect(canTransition('confirmed', 'completed')).toBe(false);
    expect(canTransition('in_progress', 'confirmed')).toBe(false);
    expect(canTransition('confirmed', 'planned')).toBe(false);
    for (const state of auditStates) expect(canTransition(state, state)).toBe(false);
  });

  it('names the current state and the allowed ones when it refuses', () => {
    expect(illegalTransitionMessage('planned', 'completed')).toBe(
      'The audit is planned and cannot become completed: from planned it can only become confirmed or cancelled.',
    );
    expect(illegalTransitionMessage('completed', 'cancelled')).toBe(
      'The audit is completed and cannot become cancelled: a completed audit does not change state any more.',
    );
    expect(allowedTransitions('in_progress')).toEqual(['completed', 'cancelled']);
  });

  it('keeps the plan editable until the audit is completed or cancelled', () => {
    expect(auditStates.filter(isPlanEditable)).toEqual(['planned', 'confirmed', 'in_progress']);
  });
});

describe('Stage 2 after Stage 1', () => {
  const stage1 = (
    state: 'planned' | 'completed' | 'cancelled',
    completedOn: string | null = null,
  ) => ({
    type: 'stage1' as const,
    state,
    completedOn,
  });

  it('refuses Stage 2 completion while no Stage 1 is completed, saying what to do', () => {
    expect(stage2CompletionProblem('2026-03-10', [])).toContain(
      'this cycle has no completed Stage 1',
    );
    expect(stage2CompletionProblem('2026-03-10', [stage1('planned')])).toContain(
      'the Stage 1 audit is still planned',
    );
    expect(stage2CompletionProblem('2026-03-10', [stage1('cancelled')])).toContain(
      'no completed Stage 1',
    );
  });

  it('refuses a Stage 2 ending before its Stage 1 was completed, and allows it after', () => {
    expect(stage2CompletionProblem('2026-03-01', [stage1('completed', '2026-03-05')])).toBe(
      'Stage 2 cannot end (2026-03-01) before its Stage 1 was completed (2026-03-05).',
    );
    expect(stage2CompletionProblem('2026-03-05', [stage1('completed', '2026-03-05')])).toBeNull();
  });
});
