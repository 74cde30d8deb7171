import { programmeEventLabels, type NextEvent } from '../../../shared/programme/programme-schema';

/** What the list says an event is: its name, and "to plan" when no audit is booked for it. */
export function eventText(event: NextEvent): string {
  const label = programmeEventLabels[event.event];
  const needsAudit = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'];
  return needsAudit.includes(event.event) && event.plannedAudit === null
    ? `${label} to plan`
    : label;
}

/** "1 day", "3 days": the calendar days from the first to the last day of an audit. */
export function daysLabel(start: string, end: string): string {
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
  return days === 1 ? '1 day' : `${days} days`;
}
