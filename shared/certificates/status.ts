/**
 * A certificate's status, derived from the decisions taken on it and the dates (never typed in):
 * ISO/IEC 17021-1 9.6.5 (suspension, withdrawal) and 9.6.3.2 (no validity past expiry).
 */
import type { CalendarDay } from '../cycle/dates';

export const issuedCertificateStatuses = ['active', 'suspended', 'withdrawn', 'expired'] as const;
export type IssuedCertificateStatus = (typeof issuedCertificateStatuses)[number];

export const issuedCertificateStatusLabels: Record<IssuedCertificateStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

/** The decisions that change a certificate's status without replacing it. */
export const statusDecisionKinds = ['suspend', 'reinstate', 'withdraw'] as const;
export type StatusDecisionKind = (typeof statusDecisionKinds)[number];

export interface CertificateStatusFacts {
  expiryDate: CalendarDay;
  /** The day a renewal, restoration or scope change issued the certificate that replaced it. */
  replacedOn: CalendarDay | null;
  /** Suspensions, reinstatements and withdrawals of this certificate, in the order taken. */
  events: readonly { kind: StatusDecisionKind; date: CalendarDay }[];
}

/**
 * The status on `today`, first match wins:
 * 1. withdrawn by the latest such decision: `withdrawn` (it stays so after its expiry);
 * 2. past its expiry date and not renewed (a renewal replaces it with a new certificate): `expired`;
 * 3. replaced by a newer certificate: `withdrawn` — the newer one is the valid certificate from
 *    its issue date (an Audit Desk rule; the register says which certificate replaced it);
 * 4. suspended by the latest suspension or reinstatement: `suspended`;
 * 5. otherwise `active` (a reinstatement brings a suspended certificate back here).
 * Decisions dated after `today` do not count yet.
 */
export function deriveCertificateStatus(
  facts: CertificateStatusFacts,
  today: CalendarDay,
): IssuedCertificateStatus {
  const taken = facts.events.filter((e) => e.date <= today);
  if (taken.some((e) => e.kind === 'withdraw')) return 'withdrawn';
  if (today > facts.expiryDate) return 'expired';
  if (facts.replacedOn !== null && facts.replacedOn <= today) return 'withdrawn';
  const last = taken.filter((e) => e.kind === 'suspend' || e.kind === 'reinstate').at(-1);
  return last?.kind === 'suspend' ? 'suspended' : 'active';
}
