import {
  issuedCertificateStatuses,
  type IssuedCertificateStatus,
} from '../../../shared/certificates/status';

export interface CertificateParams {
  search: string;
  status: IssuedCertificateStatus | null;
  /** The "expiring within" days as typed ('' when empty). */
  within: string;
  includeReplaced: boolean;
}

/** The register's filters live in the address, so a filtered register can be bookmarked. */
export function readCertificateParams(search: URLSearchParams): CertificateParams {
  const status = search.get('status');
  return {
    search: search.get('q') ?? '',
    status: (issuedCertificateStatuses as readonly string[]).includes(status ?? '')
      ? (status as IssuedCertificateStatus)
      : null,
    within: search.get('within') ?? '',
    includeReplaced: search.get('replaced') === '1',
  };
}

export function isFiltered(params: CertificateParams): boolean {
  return (
    params.search.trim() !== '' ||
    params.status !== null ||
    params.within !== '' ||
    params.includeReplaced
  );
}

/** The days as a whole number 0–3650, or an error message. */
export function withinDays(within: string): { days: number | undefined; error: string | null } {
  if (within.trim() === '') return { days: undefined, error: null };
  const days = Number(within);
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    return { days: undefined, error: 'Enter a whole number of days from 0 to 3650.' };
  }
  return { days, error: null };
}
