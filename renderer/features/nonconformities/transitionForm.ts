import type { FindingEvent } from '../../../shared/findings/lifecycle';
import type { FindingTransitionInput } from '../../../shared/findings/schema';
import { localToday } from '../audits/useAudits';
import type { TransitionField, TransitionValues } from './transitionValues';

export type { TransitionField, TransitionValues };

export const emptyTransition = (): TransitionValues => ({
  onDate: localToday(),
  reason: '',
  correction: '',
  rootCause: '',
  correctiveAction: '',
  plannedCompletion: '',
  method: '',
  effective: '',
  evidence: '',
});

/** The fields each action's form shows (a server error at another field becomes a banner). */
export const fieldsOf: Record<FindingEvent, readonly TransitionField[]> = {
  submitResponse: ['onDate', 'correction', 'rootCause', 'correctiveAction', 'plannedCompletion'],
  reject: ['onDate', 'reason'],
  accept: ['onDate', 'reason'],
  verify: ['onDate', 'method', 'effective', 'evidence'],
  close: ['onDate', 'reason'],
  escalate: ['onDate', 'reason', 'evidence'],
  cancel: ['onDate', 'reason'],
};

/** Only what the action's form shows is sent; the rest stays at the contract's defaults. */
export function transitionInput(
  id: string,
  event: FindingEvent,
  values: TransitionValues,
): FindingTransitionInput {
  const shown = fieldsOf[event];
  const input: FindingTransitionInput = { id, event, onDate: values.onDate };
  if (shown.includes('reason')) input.reason = values.reason;
  if (shown.includes('correction')) {
    input.correction = values.correction;
    input.rootCause = values.rootCause;
    input.correctiveAction = values.correctiveAction;
    input.plannedCompletion = values.plannedCompletion === '' ? null : values.plannedCompletion;
  }
  if (shown.includes('method')) {
    input.method =
      values.method === '' ? null : (values.method as FindingTransitionInput['method']);
    input.effective = values.effective === '' ? null : values.effective === 'yes';
  }
  if (shown.includes('evidence')) input.evidence = values.evidence;
  return input;
}
