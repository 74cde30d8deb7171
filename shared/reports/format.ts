/** Dates, labels and phrases the audit report prints. Pure. */
import { itemResultLabels, readinessMarkLabels, type AnswerValue } from '../checklists/schema';
import type { ReportData } from './schema';

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-05-04 → 4 May 2026 */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d ?? ''} ${months[(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}

/** An ISO instant as the date and UTC time a signature shows. */
export function signedAt(iso: string): string {
  return `${longDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

export const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function resultLabel(result: AnswerValue | null): string {
  if (result === null) return 'Not answered';
  if (result in itemResultLabels) return itemResultLabels[result as keyof typeof itemResultLabels];
  return readinessMarkLabels[result as keyof typeof readinessMarkLabels];
}

export const cbNameOrPlaceholder = (name: string) =>
  name.trim() === '' ? 'Certification body (name not set)' : name;

export function auditDates(data: ReportData): string {
  const { startDate, endDate, completedOn } = data.audit;
  const planned =
    startDate === endDate ? longDate(startDate) : `${longDate(startDate)} to ${longDate(endDate)}`;
  return completedOn && completedOn !== endDate
    ? `${planned} (held until ${longDate(completedOn)})`
    : planned;
}

export function criteriaLine(data: ReportData): string {
  const soa = data.soa
    ? `Statement of Applicability version ${data.soa.versionNumber} (${data.soa.documentReference})`
    : 'no Statement of Applicability version recorded for this audit';
  const criteria = (data.audit.criteria || data.standard).replace(/[.\s]+$/, '');
  return `${criteria}. Audited against ${data.standard} and the client's ${soa}.`;
}
