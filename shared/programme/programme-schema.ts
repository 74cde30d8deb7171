import { z } from 'zod';
import type { ClientStatus } from '../clients/schema';
import type { CertificateStatus } from '../cycle';
import { isCalendarDay } from '../dates';
import type { AuditState, AuditType, TeamRole } from './vocabulary';

/**
 * What the scheduler's dashboard, the `programme` command and the calendar files exchange: every
 * client's next event in its certification programme (ISO/IEC 17021-1 9.1.3), the audits of a
 * month and the days booked per auditor.
 */

/** The next thing in a client's programme; the words of the cycle reference. */
export const programmeEventKinds = [
  'stage1',
  'stage2',
  'certificationDecision',
  'surveillance1',
  'surveillance2',
  'recertification',
  'expiry',
  'restoration',
  'cycleRecords',
] as const;
export type ProgrammeEventKind = (typeof programmeEventKinds)[number];

export const programmeEventLabels: Record<ProgrammeEventKind, string> = {
  stage1: 'Stage 1',
  stage2: 'Stage 2',
  certificationDecision: 'Certification decision',
  surveillance1: 'Surveillance 1',
  surveillance2: 'Surveillance 2',
  recertification: 'Recertification audit',
  expiry: 'Recertification decision',
  restoration: 'Restoration after expiry',
  cycleRecords: 'Cycle records to complete',
};

/** Urgency order: what is late first, then what is in its window, then what lies ahead. */
export const programmeStates = ['overdue', 'due', 'planned'] as const;
export const programmeStateSchema = z.enum(programmeStates, {
  message: 'The state is overdue, due or planned.',
});
export type ProgrammeState = z.infer<typeof programmeStateSchema>;
export const programmeStateLabels: Record<ProgrammeState, string> = {
  overdue: 'Overdue',
  due: 'Due',
  planned: 'Planned',
};

export interface TeamMemberSummary {
  personId: string;
  name: string;
  role: TeamRole;
}

/** An audit booked for an event, with its team (lead auditor first). */
export interface BookedAudit {
  id: string;
  type: AuditType;
  state: AuditState;
  start: string;
  end: string;
  team: TeamMemberSummary[];
}

export interface NextEvent {
  clientId: string;
  reference: string;
  legalName: string;
  country: string;
  clientStatus: ClientStatus;
  event: ProgrammeEventKind;
  /** YYYY-MM-DD; null only for a Stage 1 that nobody has planned yet (no rule sets its date). */
  dueDate: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  state: ProgrammeState;
  /**
   * What the rules say follows from lateness (suspension, expiry, restoration), or the deadline a
   * pending recertification decision must meet; null when nothing follows yet.
   */
  consequence: string | null;
  cycleNumber: number | null;
  certificateStatus: CertificateStatus | null;
  expiryDate: string | null;
  /** The audit planned for this event, if one is. */
  plannedAudit: BookedAudit | null;
}

export interface ProgrammeCounts {
  overdue: number;
  due: number;
  planned: number;
  /** Audits completed in the month of `today`, up to `today`. */
  doneThisMonth: number;
}

export interface ProgrammeOverview {
  today: string;
  counts: ProgrammeCounts;
  events: NextEvent[];
}

/** An audit on the month calendar. */
export interface CalendarAudit extends BookedAudit {
  clientId: string;
  reference: string;
  legalName: string;
  country: string;
}

/** Calendar days one person is booked on audits in one month. */
export interface BookedDays {
  personId: string;
  name: string;
  /** YYYY-MM */
  month: string;
  days: number;
}

/** A calendar file for download: its suggested name and its iCalendar text (RFC 5545). */
export interface CalendarFile {
  fileName: string;
  text: string;
}

const calendarDay = (label: string) =>
  z.string({ message: `${label} is required (YYYY-MM-DD).` }).refine(isCalendarDay, {
    message: `${label} must be a real calendar date written YYYY-MM-DD.`,
  });

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const calendarMonth = z
  .string({ message: 'The month is required (YYYY-MM).' })
  .regex(monthPattern, { message: 'The month must be written YYYY-MM, e.g. 2026-05.' });

export const programmeQuerySchema = z.object({ today: calendarDay('Today') });
export type ProgrammeQuery = z.infer<typeof programmeQuerySchema>;

export const calendarMonthQuerySchema = z.object({ month: calendarMonth });

export const utilisationQuerySchema = z.object({
  from: calendarMonth,
  months: z
    .number({ message: 'Give the number of months.' })
    .int({ message: 'The number of months is a whole number.' })
    .min(1, { message: 'Show at least one month.' })
    .max(24, { message: 'Show at most 24 months.' }),
});
export type UtilisationQuery = z.infer<typeof utilisationQuerySchema>;
