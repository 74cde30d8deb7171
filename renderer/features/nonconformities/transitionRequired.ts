import type { FindingEvent } from '../../../shared/findings/lifecycle';
import type { TransitionField, TransitionValues } from './transitionValues';

/**
 * What each action needs filled in, with the messages the life cycle's guards give
 * (shared/findings/lifecycle.ts). The service refuses one missing field at a time; the form says
 * at once every field still empty, so the person fills them in one go.
 */
const required: Partial<Record<FindingEvent, readonly [TransitionField, string][]>> = {
  submitResponse: [
    ['correction', 'Enter the correction.'],
    ['rootCause', 'Enter the root cause.'],
    ['correctiveAction', 'Enter the corrective action.'],
  ],
  reject: [['reason', 'Say why the response is rejected; the client needs to know.']],
  verify: [
    ['method', 'Choose how effectiveness was verified.'],
    ['effective', 'Record whether the corrective action was effective.'],
  ],
  escalate: [['reason', 'Say why the minor is escalated.']],
  cancel: [['reason', 'Say why it is cancelled (graded in error, appeal upheld …).']],
};

/** The required fields of the action's form left empty, each with its message. */
export function missingFields(
  event: FindingEvent,
  values: TransitionValues,
): Partial<Record<TransitionField, string>> {
  const out: Partial<Record<TransitionField, string>> = {};
  for (const [field, message] of required[event] ?? []) {
    if (values[field].trim() === '') out[field] = message;
  }
  return out;
}
