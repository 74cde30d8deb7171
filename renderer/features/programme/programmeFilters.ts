import { calendarDayPattern, isCalendarDay } from '../../../shared/dates';
import {
  monthPattern,
  programmeStateSchema,
  type NextEvent,
  type ProgrammeState,
} from '../../../shared/programme/programme-schema';

/** What the dashboard's filters hold; kept in the address so a view can be bookmarked. */
export interface ProgrammeFilters {
  state: ProgrammeState | null;
  /** YYYY-MM: events due in that month. */
  month: string | null;
  auditorId: string | null;
  country: string | null;
}

export function readFilters(params: URLSearchParams): ProgrammeFilters {
  const state = programmeStateSchema.safeParse(params.get('state'));
  const month = params.get('month');
  return {
    state: state.success ? state.data : null,
    month: month !== null && monthPattern.test(month) ? month : null,
    auditorId: params.get('auditor'),
    country: params.get('country'),
  };
}

/** The "As of" day from the address, or the real today. */
export function readAsOf(params: URLSearchParams, today: string): string {
  const asOf = params.get('asOf');
  return asOf !== null && calendarDayPattern.test(asOf) && isCalendarDay(asOf) ? asOf : today;
}

export function matches(event: NextEvent, filters: ProgrammeFilters): boolean {
  if (filters.state !== null && event.state !== filters.state) return false;
  if (filters.month !== null && !(event.dueDate?.startsWith(filters.month) ?? false)) return false;
  if (filters.country !== null && event.country !== filters.country) return false;
  if (filters.auditorId !== null) {
    const team = event.plannedAudit?.team ?? [];
    if (!team.some((member) => member.personId === filters.auditorId)) return false;
  }
  return true;
}
