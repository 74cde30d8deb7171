import type { DecisionBlockers } from '../../../shared/findings/schema';

/**
 * A gate's message as a person reads it: the service names each finding by its id followed by its
 * requirement ("finding 01a2… on ISO/IEC 42001:2023 6.1.4"), which suits the change log; on screen
 * the requirement is enough, and the links under the message open each finding.
 */
export function readableGateMessage(message: string, findingIds: readonly string[]): string {
  let text = message;
  for (const id of findingIds) {
    text = text
      .split(`finding ${id} on `)
      .join('finding against ')
      .split(`findings ${id} on `)
      .join('findings against ')
      .split(`${id} on `)
      .join('')
      .split(`finding ${id}`)
      .join('finding')
      .split(`, ${id}`)
      .join('')
      .split(id)
      .join('');
  }
  return text;
}

/**
 * The client's open findings (OFIs aside: they never block) that the next decision does not rest
 * on: those of an audit still under way (they count once it is completed) or of an audit before the
 * last decision.
 */
export function openFindingsNotRelied(blockers: DecisionBlockers): number {
  const relied = new Set(blockers.auditIds);
  return blockers.openFindings.filter((f) => !relied.has(f.auditId) && f.grade !== 'ofi').length;
}
