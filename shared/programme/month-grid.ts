import { addCalendarDays, addCalendarMonths } from '../cycle';
import { monthBounds } from './booked-days';

/** The month before or after (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  return addCalendarMonths(`${month}-01`, by).slice(0, 7);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday (no time zone involved). */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * A month as weeks of seven days, Monday first (ISO 8601, as European CBs plan), with null
 * before the first and after the last day, for a month calendar.
 */
export function monthGrid(month: string): (string | null)[][] {
  const { first, last } = monthBounds(month);
  const days: (string | null)[] = Array<null>(isoWeekday(first) - 1).fill(null);
  for (let day = first; day <= last; day = addCalendarDays(day, 1)) days.push(day);
  while (days.length % 7 !== 0) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}
