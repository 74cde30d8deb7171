import { format, parseISO } from 'date-fns';

export function formatInstant(iso: string): string {
  return format(parseISO(iso), 'd MMM yyyy, HH:mm');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "1 day", "2.5 days": auditor-days as people say them. */
export function formatDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
