/**
 * The life of an audit: planned → confirmed (dates agreed with the client) → in progress →
 * completed, or cancelled with a reason from any state before completion. Completed and cancelled
 * audits are records (ISO/IEC 17021-1 9.4.8, 9.9), so nothing moves them on.
 */
import { auditStateLabels, auditTypeLabels, type AuditState, type AuditType } from './vocabulary';

/** Nothing goes back to planned: a change of dates is a change of plan, not of state. */
export type AuditStateTarget = Exclude<AuditState, 'planned'>;

export const auditTransitions: Readonly<Record<AuditState, readonly AuditStateTarget[]>> = {
  planned: ['confirmed', 'cancelled'],
  confirmed: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function allowedTransitions(from: AuditState): readonly AuditStateTarget[] {
  return auditTransitions[from];
}

export function canTransition(from: AuditState, to: AuditState): boolean {
  return to !== 'planned' && auditTransitions[from].includes(to);
}

/** Why a transition is refused, naming the current state and what is allowed from it. */
export function illegalTransitionMessage(from: AuditState, to: AuditState): string {
  const allowed = auditTransitions[from].map((s) => auditStateLabels[s].toLowerCase());
  const next =
    allowed.length === 0
      ? `a ${auditStateLabels[from].toLowerCase()} audit does not change state any more`
      : `from ${auditStateLabels[from].toLowerCase()} it can only become ${allowed.join(' or ')}`;
  return `The audit is ${auditStateLabels[from].toLowerCase()} and cannot become ${auditStateLabels[to].toLowerCase()}: ${next}.`;
}

/** The plan can change until the audit is over; completed and cancelled audits are records. */
export function isPlanEditable(state: AuditState): boolean {
  return state === 'planned' || state === 'confirmed' || state === 'in_progress';
}

/** The verb a button uses for a transition. */
export const transitionLabels: Record<AuditStateTarget, string> = {
  confirmed: 'Confirm dates with the client',
  in_progress: 'Start the audit',
  completed: 'Complete the audit',
  cancelled: 'Cancel the audit',
};

interface StageAudit {
  type: AuditType;
  state: AuditState;
  completedOn: string | null;
}

/**
 * Stage 2 evaluates what Stage 1 found ready (17021-1 9.3.1.2, 9.3.1.3), so a Stage 2 can only be
 * completed once a Stage 1 of the same cycle is, and not on an earlier day. Returns why not, or null.
 */
export function stage2CompletionProblem(
  completedOn: string,
  stage1Audits: readonly StageAudit[],
): string | null {
  const done = stage1Audits
    .filter((a) => a.type === 'stage1' && a.state === 'completed' && a.completedOn !== null)
    .map((a) => a.completedOn ?? '')
    .sort();
  const first = done[0];
  if (first === undefined) {
    const open = stage1Audits.find((a) => a.type === 'stage1' && a.state !== 'cancelled');
    const stage1 = auditTypeLabels.stage1;
    return open
      ? `${auditTypeLabels.stage2} cannot be completed before its ${stage1}: the ${stage1} audit is still ${auditStateLabels[open.state].toLowerCase()}. Complete the ${stage1} first.`
      : `${auditTypeLabels.stage2} cannot be completed before its ${stage1}: this cycle has no completed ${stage1} audit. Plan and complete the ${stage1} first.`;
  }
  if (completedOn < first) {
    return `${auditTypeLabels.stage2} cannot end (${completedOn}) before its ${auditTypeLabels.stage1} was completed (${first}).`;
  }
  return null;
}
