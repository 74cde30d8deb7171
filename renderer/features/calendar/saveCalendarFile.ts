import type { CalendarFile } from '../../../shared/programme/programme-schema';

/**
 * Hands a calendar file to the browser's (or Electron's) download: a Blob URL on a temporary link,
 * released once the click has been dispatched. Nothing leaves the computer.
 */
export function saveCalendarFile(file: CalendarFile): void {
  const blob = new Blob([file.text], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some engines start reading the Blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
