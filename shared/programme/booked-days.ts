import { addCalendarDays, addCalendarMonths } from '../cycle';
import type { BookedDays } from './programme-schema';
import type { AuditRecord, TeamRecord } from './programme-records';

/** `count` months from `from` (YYYY-MM), in order. */
export function monthsFrom(from: string, count: number): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i++) months.push(addCalendarMonths(`${from}-01`, i).slice(0, 7));
  return months;
}

/** The first and last calendar day of a month (YYYY-MM). */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addCalendarDays(addCalendarMonths(first, 1), -1) };
}

/** Whether an audit's planned days touch a month (bounds inclusive). */
export function overlaps(audit: AuditRecord, first: string, last: string): boolean {
  return audit.plannedStart <= last && audit.plannedEnd >= first;
}

/**
 * Calendar days each team member is booked per month: every day from an audit's planned start
 * to its planned end, in the months asked for. Cancelled audits book nobody. Only people with a
 * booking in the range appear, each with every month (zero where free), so a chart shows gaps.
 */
export function bookedDays(
  audits: readonly AuditRecord[],
  team: readonly TeamRecord[],
  months: readonly string[],
): BookedDays[] {
  const firstMonth = months[0];
  const lastMonth = months.at(-1);
  if (firstMonth === undefined || lastMonth === undefined) return [];
  const first = monthBounds(firstMonth).first;
  const last = monthBounds(lastMonth).last;

  const daysPerMonth = new Map<string, Map<string, number>>();
  for (const audit of audits) {
    if (audit.state === 'cancelled' || !overlaps(audit, first, last)) continue;
    const perMonth = new Map<string, number>();
    let day = audit.plannedStart < first ? first : audit.plannedStart;
    const end = audit.plannedEnd > last ? last : audit.plannedEnd;
    while (day <= end) {
      const month = day.slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
      day = addCalendarDays(day, 1);
    }
    daysPerMonth.set(audit.id, perMonth);
  }

  const totals = new Map<string, { name: string; byMonth: Map<string, number> }>();
  for (const member of team) {
    const perMonth = daysPerMonth.get(member.auditId);
    if (!perMonth) continue;
    let person = totals.get(member.personId);
    if (!person) {
      person = { name: member.name, byMonth: new Map() };
      totals.set(member.personId, person);
    }
    for (const [month, days] of perMonth) {
      person.byMonth.set(month, (person.byMonth.get(month) ?? 0) + days);
    }
  }

  const rows: BookedDays[] = [];
  const people = [...totals.entries()].sort(([, a], [, b]) => a.name.localeCompare(b.name));
  for (const [personId, { name, byMonth }] of people) {
    for (const month of months) rows.push({ personId, name, month, days: byMonth.get(month) ?? 0 });
  }
  return rows;
}
