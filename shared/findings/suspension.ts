/**
 * When a major nonconformity leads to a suspension proposal (reference/nonconformities.md 4.2 and
 * 4.4). Both triggers are Audit Desk rules; the decision itself is the decision maker's
 * (ISO/IEC 17021-1 9.6.5: suspension for serious or persistent failure). A Stage 2 major comes
 * before any certificate, so there is nothing to suspend: its 6-month limit (newStage2Required)
 * applies instead.
 */
import { addCalendarDays, type CalendarDay } from '../cycle/dates';
import type { FindingAuditType } from './deadlines';
import type { FindingGrade, FindingState } from './schema';

/** A major response overdue by more than this many days triggers a proposal (4.4, ours). */
export const SUSPENSION_RESPONSE_OVERDUE_DAYS = 30;

/** Audit types whose majors are checked against their 90-day verification date (4.2). */
const verificationRuleTypes: readonly string[] = ['surveillance', 'special'];

export interface SuspensionFacts {
  grade: FindingGrade | null;
  auditType: FindingAuditType | string;
  state: FindingState;
  responseDue: CalendarDay | null;
  verificationDue: CalendarDay | null;
  today: CalendarDay;
}

/** States in which the client's response is accepted (or more) and so no longer overdue. */
const responseAcceptedStates: readonly FindingState[] = ['responseAccepted', 'verified', 'closed'];
/** States in which nothing is pending any more. */
const settledStates: readonly FindingState[] = ['verified', 'closed', 'escalated', 'cancelled'];

/** Why a suspension should be proposed to a decision maker today, or null. */
export function suspensionProposal(facts: SuspensionFacts): string | null {
  if (facts.grade !== 'major' || settledStates.includes(facts.state)) return null;
  if (facts.auditType === 'stage2') return null;
  const reasons: string[] = [];
  if (
    facts.responseDue !== null &&
    !responseAcceptedStates.includes(facts.state) &&
    facts.today > addCalendarDays(facts.responseDue, SUSPENSION_RESPONSE_OVERDUE_DAYS)
  ) {
    reasons.push(
      `No accepted response to this major nonconformity more than ${SUSPENSION_RESPONSE_OVERDUE_DAYS} days after its response due date ${facts.responseDue}: propose suspending the certificate to a decision maker (Audit Desk rule, nonconformities.md 4.4; ISO/IEC 17021-1 9.6.5).`,
    );
  }
  if (
    facts.verificationDue !== null &&
    verificationRuleTypes.includes(facts.auditType) &&
    facts.today > facts.verificationDue
  ) {
    reasons.push(
      `This major from a ${facts.auditType} audit was not verified by ${facts.verificationDue} (90 days after the audit, an Audit Desk rule): propose suspending the certificate to a decision maker (nonconformities.md 4.2; ISO/IEC 17021-1 9.6.5.2, serious or persistent failure).`,
    );
  }
  return reasons.length > 0 ? reasons.join(' ') : null;
}
