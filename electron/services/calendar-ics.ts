import { createEvents, type EventAttributes } from 'ics';
import { addCalendarDays } from '../../shared/cycle';
import { AppError } from '../../shared/errors';

/**
 * iCalendar text (RFC 5545) for audits, written with the `ics` package and then folded to the
 * standard's 75 octets per line: `ics` folds at 75 characters, so a line with é, ł or ’ in it
 * could exceed 75 octets and be refused by strict readers.
 */

export interface CalendarEntry {
  /** Stable across exports, so a re-import updates the event instead of adding a second one. */
  uid: string;
  title: string;
  /** YYYY-MM-DD, first and last day of the audit. */
  firstDay: string;
  lastDay: string;
  description: string;
  location: string;
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  /** ISO-8601 instant of the record's last change. */
  lastModified: string;
}

const productId = '-//Audit Desk//Audit programme//EN';
const maxOctets = 75;
/** SEQUENCE counts seconds from here: it rises with every export and fits RFC 5545's 32-bit integer until 2092. */
const sequenceEpoch = Date.UTC(2024, 0, 1);

type DateArray = [number, number, number];

function dateArray(day: string): DateArray {
  const [year, month, date] = day.split('-').map(Number);
  return [year ?? 0, month ?? 0, date ?? 0];
}

function utcStamp(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * Unfolds what `ics` folded, then folds every line into chunks of at most 75 octets of UTF-8,
 * never inside a character; continuation lines start with a space, which counts (RFC 5545 3.1).
 */
export function foldLines(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n').filter((line) => line !== '');
  const encoder = new TextEncoder();
  const folded = lines.map((line) => {
    const parts: string[] = [];
    let current = '';
    let octets = 0;
    let limit = maxOctets;
    for (const character of line) {
      const size = encoder.encode(character).length;
      if (octets + size > limit) {
        parts.push(current);
        current = ' ';
        octets = 1;
        limit = maxOctets;
      }
      current += character;
      octets += size;
    }
    parts.push(current);
    return parts.join('\r\n');
  });
  return `${folded.join('\r\n')}\r\n`;
}

/**
 * A calendar of all-day events, one per audit, spanning its days. DTEND is the day after the
 * last day: an all-day end is exclusive (RFC 5545 3.6.1).
 */
export function calendarText(name: string, entries: readonly CalendarEntry[], now: Date): string {
  const events = entries.map((entry) => {
    const event: EventAttributes & { timestamp: number } = {
      uid: entry.uid,
      title: entry.title,
      start: dateArray(entry.firstDay),
      end: dateArray(addCalendarDays(entry.lastDay, 1)),
      description: entry.description,
      location: entry.location,
      status: entry.status,
      busyStatus: entry.status === 'CANCELLED' ? 'FREE' : 'BUSY',
      transp: entry.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE',
      categories: ['Audit'],
      // Every export is a newer revision, so calendars replace what an earlier import put there.
      sequence: Math.max(0, Math.floor((now.getTime() - sequenceEpoch) / 1000)),
      lastModified: utcStamp(entry.lastModified),
      timestamp: now.getTime(),
    };
    return event;
  });
  const result = createEvents(events, { productId, calName: name });
  if (result.error || result.value === null) {
    throw new AppError(
      'INTERNAL',
      `The calendar file could not be written: ${result.error?.message ?? 'no output'}.`,
    );
  }
  return foldLines(result.value);
}
