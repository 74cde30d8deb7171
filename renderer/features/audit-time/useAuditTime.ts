import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const auditTimeKey = ['audit-time'] as const;
export const auditTimeTablesKey = ['audit-time-tables'] as const;

export function useCurrentAuditTimeTable() {
  return useQuery({
    queryKey: [...auditTimeTablesKey, 'current'],
    queryFn: () => call('currentAuditTimeTable'),
  });
}

export function useAuditTimeTable(id: string | undefined) {
  return useQuery({
    queryKey: [...auditTimeTablesKey, 'one', id],
    queryFn: () => call('getAuditTimeTable', { id: id ?? '' }),
    enabled: id !== undefined,
  });
}

export function useAuditTimeTables() {
  return useQuery({
    queryKey: [...auditTimeTablesKey, 'list'],
    queryFn: () => call('listAuditTimeTables'),
  });
}

export function useAuditTimeResults(clientId: string) {
  return useQuery({
    queryKey: [...auditTimeKey, 'client', clientId],
    queryFn: () => call('listAuditTimeResults', { clientId }),
  });
}

export function useAuditTimeResult(id: string) {
  return useQuery({
    queryKey: [...auditTimeKey, 'one', id],
    queryFn: () => call('getAuditTimeResult', { id }),
  });
}

/** Asked for on demand: the saved input under today's current table. */
export function useRecomputation(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...auditTimeKey, 'recompute', id],
    queryFn: () => call('recomputeAuditTime', { id }),
    enabled,
    staleTime: 0,
  });
}
