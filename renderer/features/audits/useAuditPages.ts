import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPageQuery } from '../../../shared/programme/audit-schema';
import { call } from '../../api';
import { auditsKey } from './useAudits';

/** How many audits one call fetches as the list is scrolled. */
export const auditPageSize = 200;

/** The audit list's filters; the pages are the infinite query's business. */
export type AuditListFilters = Omit<AuditPageQuery, 'offset' | 'limit'>;

/**
 * The audit list, fetched 200 audits at a time as the virtual list nears the end of what it has.
 * While the filters change (typing a search) the previous results stay on screen until the new
 * ones arrive. Under `auditsKey`, so any change to audits reads the list afresh.
 */
export function useAuditPages(filters: AuditListFilters) {
  return useInfiniteQuery({
    queryKey: [...auditsKey, 'pages', filters],
    queryFn: ({ pageParam }) =>
      call('listAuditPage', { ...filters, offset: pageParam, limit: auditPageSize }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}
