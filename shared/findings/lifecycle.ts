/**
 * The life cycle of a finding (reference/nonconformities.md section 3) as data plus guards. An
 * illegal event is refused with a CONFLICT naming the current state and the events allowed in it;
 * a legal event whose guard fails is refused with the reason (VALIDATION at the field, or
 * FORBIDDEN for the wrong person).
 */
import type { AppErrorInfo, Result } from '../errors';
import type { FindingGrade, FindingState } from './schema';

export const findingEvents = [
  'submitResponse',
  'reject',
  'accept',
  'verify',
  'close',
  'escalate',
  'cancel',
] as const;
export type FindingEvent = (typeof findingEvents)[number];

export const findingEventLabels: Record<FindingEvent, string> = {
  submitResponse: 'Record the client’s response',
  reject: 'Reject the response',
  accept: 'Accept the response',
  verify: 'Verify effectiveness',
  close: 'Close',
  escalate: 'Escalate to a major',
  cancel: 'Cancel the finding',
};

export const findingStateLabels: Record<FindingState, string> = {
  open: 'Open',
  responseSubmitted: 'Response submitted',
  responseAccepted: 'Response accepted',
  verified: 'Verified',
  closed: 'Closed',
  escalated: 'Escalated',
  cancelled: 'Cancelled',
};

export const terminalStates: readonly FindingState[] = ['closed', 'escalated', 'cancelled'];

export const verificationMethods = [
  'documentReview',
  'onSiteFollowUp',
  'nextAudit',
  'fullAudit',
] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export const verificationMethodLabels: Record<VerificationMethod, string> = {
  documentReview: 'Document review',
  onSiteFollowUp: 'On-site follow-up',
  nextAudit: 'At the next audit',
  fullAudit: 'Full audit (new Stage 2)',
};

interface Transition {
  from: readonly FindingState[];
  event: FindingEvent;
  /** The target; verify depends on the outcome and the grade. */
  to: FindingState | 'byOutcome';
}

/** Section 3's table, for majors and minors. An OFI only goes open → closed. */
export const transitions: readonly Transition[] = [
  { from: ['open'], event: 'submitResponse', to: 'responseSubmitted' },
  { from: ['responseSubmitted'], event: 'reject', to: 'open' },
  { from: ['responseSubmitted'], event: 'accept', to: 'responseAccepted' },
  { from: ['responseAccepted'], event: 'verify', to: 'byOutcome' },
  { from: ['verified'], event: 'close', to: 'closed' },
  { from: ['open', 'responseSubmitted', 'responseAccepted'], event: 'escalate', to: 'escalated' },
  {
    from: ['open', 'responseSubmitted', 'responseAccepted', 'verified'],
    event: 'cancel',
    to: 'cancelled',
  },
];

const ofiTransitions: readonly Transition[] = [{ from: ['open'], event: 'close', to: 'closed' }];

/** What the acting person is to this finding's audit. */
export interface FindingActor {
  onAuditTeam: boolean;
  isLeadAuditor: boolean;
  /** A CB reviewer: a decision maker or administrator (who may also be on the team). */
  isCbReviewer: boolean;
}

export interface FindingFacts {
  grade: FindingGrade | null;
  state: FindingState;
}

export interface EventPayload {
  reason?: string;
  correction?: string;
  rootCause?: string;
  correctiveAction?: string;
  effective?: boolean;
  method?: VerificationMethod;
  /** For a major verified at the next audit: that audit ends before the certification decision. */
  nextAuditPrecedesDecision?: boolean;
}

function tableFor(grade: FindingGrade | null): readonly Transition[] {
  return grade === 'ofi' ? ofiTransitions : transitions;
}

/** The events allowed in a state (before who-may and payload guards). */
export function allowedEvents(finding: FindingFacts): FindingEvent[] {
  return tableFor(finding.grade)
    .filter((t) => t.from.includes(finding.state))
    .filter((t) => t.event !== 'escalate' || finding.grade === 'minor')
    .map((t) => t.event);
}

const fail = (error: AppErrorInfo): Result<FindingState> => ({ ok: false, error });
const missing = (field: string, message: string) => fail({ code: 'VALIDATION', field, message });
const forbidden = (message: string) => fail({ code: 'FORBIDDEN', message });
const blank = (value: string | undefined) => (value ?? '').trim() === '';

/**
 * The state after `event`, or why it is refused. Checks, in order: the event is allowed in this
 * state (CONFLICT), the person may do it (FORBIDDEN), the payload is complete (VALIDATION).
 */
export function applyFindingEvent(
  finding: FindingFacts,
  event: FindingEvent,
  actor: FindingActor,
  payload: EventPayload = {},
): Result<FindingState> {
  const allowed = allowedEvents(finding);
  const transition = tableFor(finding.grade).find(
    (t) => t.event === event && t.from.includes(finding.state),
  );
  if (!transition || !allowed.includes(event)) {
    const list = allowed.length > 0 ? allowed.join(', ') : 'none (the finding is finished)';
    return fail({
      code: 'CONFLICT',
      field: 'event',
      message: `A${finding.grade === 'ofi' ? 'n OFI' : ' finding'} in state ${finding.state} cannot take “${event}”. Allowed now: ${list}.`,
    });
  }
  if (finding.grade === null && event !== 'cancel') {
    return missing('grade', 'The lead auditor grades the finding first.');
  }
  switch (event) {
    case 'submitResponse':
      if (!actor.onAuditTeam && !actor.isCbReviewer) {
        return forbidden('Only the audit team or the CB records a client’s response.');
      }
      if (blank(payload.correction)) return missing('correction', 'Enter the correction.');
      if (blank(payload.rootCause)) return missing('rootCause', 'Enter the root cause.');
      if (blank(payload.correctiveAction)) {
        return missing('correctiveAction', 'Enter the corrective action.');
      }
      return { ok: true, value: 'responseSubmitted' };
    case 'reject':
      if (!actor.onAuditTeam)
        return forbidden('Only a member of the audit team reviews a response.');
      if (blank(payload.reason)) {
        return missing('reason', 'Say why the response is rejected; the client needs to know.');
      }
      return { ok: true, value: 'open' };
    case 'accept':
      if (finding.grade === 'major' && !actor.isLeadAuditor) {
        return forbidden('The lead auditor accepts the response to a major nonconformity.');
      }
      if (!actor.onAuditTeam)
        return forbidden('Only a member of the audit team reviews a response.');
      return { ok: true, value: 'responseAccepted' };
    case 'verify': {
      if (!actor.onAuditTeam && !actor.isCbReviewer) {
        return forbidden('Only the audit team or a CB reviewer verifies effectiveness.');
      }
      if (!payload.method) return missing('method', 'Choose how effectiveness was verified.');
      if (payload.effective === undefined) {
        return missing('effective', 'Record whether the corrective action was effective.');
      }
      if (
        finding.grade === 'major' &&
        payload.effective &&
        payload.method === 'nextAudit' &&
        payload.nextAuditPrecedesDecision !== true
      ) {
        return missing(
          'method',
          'A major is verified before the certification decision: “at the next audit” only counts when that audit comes before the decision.',
        );
      }
      if (payload.effective) return { ok: true, value: 'verified' };
      return { ok: true, value: finding.grade === 'minor' ? 'escalated' : 'open' };
    }
    case 'close':
      if (!actor.isLeadAuditor && !actor.isCbReviewer) {
        return forbidden('The lead auditor or a CB reviewer closes a finding.');
      }
      return { ok: true, value: 'closed' };
    case 'escalate':
      if (!actor.onAuditTeam && !actor.isCbReviewer) {
        return forbidden('Only the audit team or a CB reviewer escalates a finding.');
      }
      if (blank(payload.reason)) return missing('reason', 'Say why the minor is escalated.');
      return { ok: true, value: 'escalated' };
    case 'cancel':
      if (!actor.isCbReviewer || actor.onAuditTeam) {
        return forbidden('A finding is cancelled by a CB reviewer who was not on the audit team.');
      }
      if (blank(payload.reason)) {
        return missing('reason', 'Say why it is cancelled (graded in error, appeal upheld …).');
      }
      return { ok: true, value: 'cancelled' };
  }
}

/** A minor found ineffective is escalated, which raises a major on the same requirement (4.4). */
export function raisesEscalationMajor(
  finding: FindingFacts,
  event: FindingEvent,
  next: FindingState,
): boolean {
  return finding.grade === 'minor' && next === 'escalated' && event !== 'cancel';
}
