import {
  calendarMonthQuerySchema,
  programmeQuerySchema,
  utilisationQuerySchema,
  type BookedDays,
  type CalendarAudit,
  type CalendarFile,
  type ProgrammeOverview,
} from '../programme/programme-schema';
import { byId, method } from './method';

/** Contract methods of the programme area (see contract.ts); names also go in method-names-programme.ts. */
export const programmeContract = {
  /** Every client's next event as of `today`, most urgent first, with counts by state. */
  programmeOverview: method<ProgrammeOverview>()(programmeQuerySchema),
  /** The audits whose days touch a month, for the month calendar. */
  programmeCalendar: method<CalendarAudit[]>()(calendarMonthQuerySchema),
  /** Calendar days booked per person per month (utilisation). */
  programmeUtilisation: method<BookedDays[]>()(utilisationQuerySchema),
  /** One audit as an iCalendar file (`id` = audit id). */
  auditCalendarFile: method<CalendarFile>()(byId),
  /** Every non-cancelled audit of one person as an iCalendar file (`id` = person id). */
  personCalendarFile: method<CalendarFile>()(byId),
};
