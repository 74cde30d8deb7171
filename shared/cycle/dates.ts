/**
 * Calendar-day arithmetic for the certification cycle (reference B2): `YYYY-MM-DD` strings in and
 * out, date-fns for the month and day arithmetic, and no dependence on the machine's time zone.
 */
import { addDays, addMonths } from 'date-fns';
import { isCalendarDay } from '../dates';

/** A calendar day written `YYYY-MM-DD`; such strings compare in date order. */
export type CalendarDay = string;

/**
 * The last day Audit Desk accepts as input. Every date the cycle derives lies at most about seven
 * years after its inputs (expiry, restoration, the next cycle's expiry), so it still has four digits.
 */
export const LATEST_SUPPORTED_DAY: CalendarDay = '9990-12-31';

/**
 * A Date whose calendar fields are read and written in UTC. date-fns does its arithmetic through
 * the local-time accessors (`getDate`, `setMonth`, …) and creates results with the argument's
 * constructor, so handing it this class keeps every step in UTC: no daylight-saving shift and no
 * day skipped by a time-zone change (Samoa skipped 2011-12-30) can move a calendar day.
 */
class UtcCalendarDate extends Date {
  constructor(value: number | Date) {
    super(value instanceof Date ? value.getTime() : value);
  }

  override getFullYear(): number {
    return this.getUTCFullYear();
  }

  override getMonth(): number {
    return this.getUTCMonth();
  }

  override getDate(): number {
    return this.getUTCDate();
  }

  override getDay(): number {
    return this.getUTCDay();
  }

  override setFullYear(year: number, month?: number, date?: number): number {
    if (month === undefined) return this.setUTCFullYear(year);
    if (date === undefined) return this.setUTCFullYear(year, month);
    return this.setUTCFullYear(year, month, date);
  }

  override setMonth(month: number, date?: number): number {
    return date === undefined ? this.setUTCMonth(month) : this.setUTCMonth(month, date);
  }

  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
}

function toUtcDate(day: CalendarDay): UtcCalendarDate {
  if (!isCalendarDay(day)) throw new RangeError(`${day} is not a calendar day (YYYY-MM-DD).`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new UtcCalendarDate(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  utc.setUTCFullYear(year, month - 1, date);
  return utc;
}

function toCalendarDay(date: Date): CalendarDay {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** A real calendar day in the range Audit Desk supports. */
export function isSupportedCalendarDay(value: string): boolean {
  return isCalendarDay(value) && value <= LATEST_SUPPORTED_DAY;
}

/**
 * B2 `addMonths(d, n)`: year and month move by n (n may be negative), the day is kept and clamped
 * to the last day of the target month: 2024-01-31 + 1 = 2024-02-29. Never chain two calls where
 * the rule adds once, since clamping makes them differ.
 */
export function addCalendarMonths(day: CalendarDay, months: number): CalendarDay {
  const fast = Number.isInteger(months) ? monthsAdded(day, months) : null;
  return fast ?? toCalendarDay(addMonths(toUtcDate(day), months));
}

/** B2 `addDays(d, n)`. */
export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  const fast = Number.isInteger(days) ? daysAdded(day, days) : null;
  return fast ?? toCalendarDay(addDays(toUtcDate(day), days));
}

/*
 * The same arithmetic without a Date per step (the programme computes thousands of cycles per
 * pass): whole months and days on years 100 to 9999, where Date.UTC reads years as written.
 * Anything else (a fraction, a year outside that range) takes the date-fns path above.
 */

const daysInMonths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (daysInMonths[month - 1] as number);
}

function partsOf(day: CalendarDay): [number, number, number] {
  if (!isCalendarDay(day)) throw new RangeError(`${day} is not a calendar day (YYYY-MM-DD).`);
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

const inFastRange = (year: number) => year >= 100 && year <= 9999;

function written(year: number, month: number, date: number): CalendarDay {
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

function monthsAdded(day: CalendarDay, months: number): CalendarDay | null {
  const [year, month, date] = partsOf(day);
  const total = year * 12 + (month - 1) + months;
  const toYear = Math.floor(total / 12);
  const toMonth = total - toYear * 12 + 1;
  if (!inFastRange(year) || !inFastRange(toYear)) return null;
  return written(toYear, toMonth, Math.min(date, daysInMonth(toYear, toMonth)));
}

function daysAdded(day: CalendarDay, days: number): CalendarDay | null {
  const [year, month, date] = partsOf(day);
  if (!inFastRange(year)) return null;
  const result = new Date(Date.UTC(year, month - 1, date) + days * 86_400_000);
  const toYear = result.getUTCFullYear();
  if (!inFastRange(toYear)) return null;
  return written(toYear, result.getUTCMonth() + 1, result.getUTCDate());
}

/**
 * B2 `expiryFor(s)`: the last day of a 3-year cycle starting on s, the cycle of the audit
 * programme in ISO/IEC 17021-1 9.1.3: 2024-03-15 → 2027-03-14; 2024-02-29 → 2027-02-27.
 */
export function expiryFor(cycleStartDate: CalendarDay): CalendarDay {
  return addCalendarDays(addCalendarMonths(cycleStartDate, 36), -1);
}

/** The earlier of two days; a missing second day leaves the first. */
export function earlierOf(day: CalendarDay, other: CalendarDay | null): CalendarDay {
  return other !== null && other < day ? other : day;
}
