/**
 * A client's audit programme over its certification cycles (ISO/IEC 17021-1 9.1.3): the cycles
 * recorded, the audits planned and held, and the current cycle computed with shared/cycle.
 */
import { z } from 'zod';
import { isCalendarDay } from '../dates';
import type { CertificateStatus, CycleInput, CycleOutput, CycleRequest } from '../cycle';
import type { AuditSummary } from './audit-schema';
import type { TimelineItem } from './timeline';

const calendarDay = (label: string) =>
  z
    .string({ message: `Enter ${label} as YYYY-MM-DD.` })
    .refine(isCalendarDay, { message: `Enter ${label} as a real date, YYYY-MM-DD.` });

export const recordCertificationDecisionSchema = z.object({
  clientId: z.string().min(1, { message: 'Choose the client.' }),
  decisionDate: calendarDay('the date of the certification decision'),
  /** The caller's calendar day: a decision cannot be recorded before it is taken. */
  today: calendarDay('today'),
  /** For a client certified elsewhere whose current cycle continues an earlier one. */
  previousExpiryDate: calendarDay('the previous expiry date').nullish(),
  previousAuditDate: calendarDay('the previous recertification audit date').nullish(),
  notes: z
    .string()
    .trim()
    .max(2000, { message: 'Keep the notes under 2000 characters.' })
    .default(''),
});
export type RecordCertificationDecisionInput = z.input<typeof recordCertificationDecisionSchema>;

export const clientProgrammeQuerySchema = z.object({
  clientId: z.string().min(1, { message: 'Choose the client.' }),
  today: calendarDay('today'),
});

export interface CertificationCycle {
  id: string;
  clientId: string;
  cycleNumber: number;
  decisionDate: string;
  previousExpiryDate: string | null;
  previousAuditDate: string | null;
  recertificationDecisionDate: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClientProgramme {
  clientId: string;
  today: string;
  cycles: CertificationCycle[];
  /** The newest cycle computed on `today`; null before the first certification decision. */
  current: { cycleNumber: number; input: CycleInput; output: CycleOutput } | null;
  /** Set when the recorded dates contradict each other, so the cycle cannot be computed. */
  problem: string | null;
  standing: { certificateStatus: CertificateStatus; message: string } | null;
  timeline: TimelineItem[];
  /** All the client's audits, newest first. */
  audits: AuditSummary[];
}

type CycleRow = Pick<
  CertificationCycle,
  | 'cycleNumber'
  | 'decisionDate'
  | 'previousExpiryDate'
  | 'previousAuditDate'
  | 'recertificationDecisionDate'
>;
type HeldAudit = Pick<AuditSummary, 'type' | 'cycleNumber' | 'state' | 'completedOn'>;

/** Completed audits of one type in a cycle, held between the decision and today, in date order. */
function heldDates(
  audits: readonly HeldAudit[],
  type: 'surveillance' | 'recertification',
  cycle: CycleRow,
  today: string,
): string[] {
  return audits
    .filter((a) => a.type === type && a.cycleNumber === cycle.cycleNumber)
    .flatMap((a) => (a.state === 'completed' && a.completedOn !== null ? [a.completedOn] : []))
    .filter((day) => day >= cycle.decisionDate && day <= today)
    .sort();
}

/**
 * The cycle input (certification-cycle B1) from a cycle's row and the audits held in it: the first
 * and second completed surveillance, the last completed recertification audit, each by its last
 * day. Audits recorded outside the cycle's dates are left out rather than stop the computation.
 */
export function cycleRequestFor(
  cycle: CycleRow,
  audits: readonly HeldAudit[],
  today: string,
): CycleRequest {
  const surveillance = heldDates(audits, 'surveillance', cycle, today);
  const recertification = heldDates(audits, 'recertification', cycle, today);
  const decision = cycle.recertificationDecisionDate;
  return {
    decisionDate: cycle.decisionDate,
    today,
    previousExpiryDate: cycle.previousExpiryDate,
    previousAuditDate: cycle.previousAuditDate,
    surveillance1Date: surveillance[0] ?? null,
    surveillance2Date: surveillance[1] ?? null,
    recertificationAuditDate: recertification.at(-1) ?? null,
    recertificationDecisionDate: decision !== null && decision <= today ? decision : null,
  };
}
