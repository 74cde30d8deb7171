/**
 * What a new audit starts from, and the checks on its days: pure, so the form previews exactly
 * what the service stores and refuses.
 */
import type { AuditTimeRecord, AuditType as AuditTimeType } from '../audit-time';
import { addCalendarDays, type CalendarDay } from '../cycle';
import { isCalendarDay } from '../dates';
import type { AuditType } from './vocabulary';

/** The audit-time calculation that covers each audit type; special and transfer audits have none. */
export function auditTimeTypeFor(type: AuditType): AuditTimeType | null {
  if (type === 'stage1' || type === 'stage2') return 'initial';
  if (type === 'surveillance' || type === 'recertification') return type;
  return null;
}

export interface AuditTimeDays {
  calculatedDays: number;
  minOnsiteDays: number | null;
  sampleSize: number;
}

/**
 * The days a saved audit-time result gives an audit type. A result saved for that very type counts
 * with its approved override; the other types' figures are read from its calculation as they stand.
 * An approved override of the initial audit changes Stage 2 only: Stage 1 is the document review
 * and readiness check (9.3.1.2), Stage 2 the evaluation whose size the override is about.
 */
export function daysFromAuditTime(type: AuditType, record: AuditTimeRecord): AuditTimeDays | null {
  const timeType = auditTimeTypeFor(type);
  if (timeType === null) return null;
  const { output } = record;
  const sameType = record.auditType === timeType;
  const overrideShift = sameType ? record.effectiveDays - record.calculatedDays : 0;
  if (type === 'stage1') {
    return { calculatedDays: output.stage1Days, minOnsiteDays: null, sampleSize: 0 };
  }
  if (type === 'stage2') {
    return {
      calculatedDays: Math.max(0.5, output.stage2Days + overrideShift),
      minOnsiteDays: output.minOnSiteDays.stage2,
      sampleSize: output.sampledSites.initial,
    };
  }
  const calculated =
    timeType === 'surveillance' ? output.surveillanceDays : output.recertificationDays;
  return {
    calculatedDays: sameType ? record.effectiveDays : calculated,
    minOnsiteDays:
      timeType === 'surveillance'
        ? output.minOnSiteDays.surveillance
        : output.minOnSiteDays.recertification,
    sampleSize: output.sampledSites[timeType],
  };
}

interface SiteChoice {
  id: string;
  isCentral: boolean;
}

/** The central function plus the first `sampleSize` other sites (IAF MD 1 multi-site sampling). */
export function defaultSiteIds(sites: readonly SiteChoice[], sampleSize: number): string[] {
  const central = sites.filter((s) => s.isCentral).map((s) => s.id);
  const others = sites.filter((s) => !s.isCentral).map((s) => s.id);
  return [...central, ...others.slice(0, Math.max(0, sampleSize))];
}

/** Every type but special and transfer audits visits the central function (IAF MD 1). */
export function mustVisitCentralFunction(type: AuditType): boolean {
  return type !== 'special' && type !== 'transfer';
}

/**
 * A deviation from the calculated days needs a reason (17021-1 9.1.4: the CB records the
 * justification for its audit time). Returns the message for `daysDeviationReason`, or null.
 */
export function daysDeviationProblem(
  calculatedDays: number | null,
  onsiteDays: number,
  remoteDays: number,
  reason: string,
): string | null {
  if (calculatedDays === null) return null;
  const planned = onsiteDays + remoteDays;
  if (planned === calculatedDays || reason.trim() !== '') return null;
  return `The plan gives ${planned} days but the audit-time calculation gives ${calculatedDays}: say why the days differ.`;
}

/** Calendar days the audit spans when one auditor does the on-site days back to back. */
export function auditSpan(onsiteDays: number): number {
  return Math.max(1, Math.ceil(onsiteDays));
}

/**
 * Dates for a new audit inside its window: from today or the window's opening, whichever is later,
 * so that an early audit does not pull the next one in (certification-cycle B3 step 3). An overdue
 * audit is suggested from today. The window is inclusive at both ends (B2).
 */
export function suggestAuditDates(
  today: CalendarDay,
  window: { windowStart: CalendarDay; windowEnd: CalendarDay } | null,
  onsiteDays: number,
): { startDate: CalendarDay; endDate: CalendarDay } {
  const span = auditSpan(onsiteDays) - 1;
  if (window === null || today > window.windowEnd) {
    return { startDate: today, endDate: addCalendarDays(today, span) };
  }
  const startDate = today > window.windowStart ? today : window.windowStart;
  return { startDate, endDate: addCalendarDays(startDate, span) };
}

/**
 * What planning outside the event's window means, or null inside it (bounds inclusive, B2). Only
 * a warning: the rules allow early and late audits, with consequences (B3 steps 3 and 5).
 */
export function windowNotice(
  startDate: string,
  endDate: string,
  window: { windowStart: CalendarDay; windowEnd: CalendarDay } | null,
): string | null {
  if (window === null || !isCalendarDay(startDate) || !isCalendarDay(endDate)) return null;
  if (endDate > window.windowEnd) {
    return `The audit ends after its window closes on ${window.windowEnd}: it would be late, and from ${addCalendarDays(window.windowEnd, 1)} the programme shows it overdue, with suspension to be considered (ISO/IEC 17021-1 9.6.5.2).`;
  }
  if (startDate < window.windowStart) {
    return `The audit starts before its window opens on ${window.windowStart}: held this early, the next audit falls due within 12 months of its last day (ISO/IEC 17021-1 9.1.3).`;
  }
  return null;
}

/** The objectives 17021-1 sets for each type of audit, as the plan's starting text. */
export const defaultObjectives: Record<AuditType, string> = {
  stage1:
    'Review the documented AI management system, the client’s site conditions, scope, AI systems and roles, and its readiness for Stage 2, including internal audit and management review (ISO/IEC 17021-1 9.3.1.2).',
  stage2:
    'Evaluate the implementation and effectiveness of the AI management system, including the Statement of Applicability and AI risk and impact assessments, and decide on a recommendation for certification (ISO/IEC 17021-1 9.3.1.3).',
  surveillance:
    'Confirm that the certified AI management system continues to fulfil ISO/IEC 42001, including internal audits, management review, changes, action on previous nonconformities and use of certification marks (ISO/IEC 17021-1 9.6.2).',
  recertification:
    'Confirm the continued conformity and effectiveness of the AI management system as a whole over the cycle and its suitability for the scope, for a decision on renewal (ISO/IEC 17021-1 9.6.3).',
  special:
    'Investigate the matter that calls for this audit (complaint, change, extension of scope or short-notice audit) and its effect on the certification (ISO/IEC 17021-1 9.6.4).',
  transfer:
    'Review the certification held with another certification body before accepting its transfer (IAF MD 2).',
};
