import { useQuery, useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { hasAnyRole, type Role } from '../../../shared/people/schema';
import type { AuditListQuery } from '../../../shared/programme/audit-schema';
import type { AuditType } from '../../../shared/programme/vocabulary';
import { call } from '../../api';
import { useSession } from '../../session/useSession';

export const auditsKey = ['audits'] as const;
export const programmeKey = ['client-programme'] as const;

/** This computer's calendar day: the programme's states are "on today" where the person works. */
export function localToday(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

export function useAuditList(query: AuditListQuery) {
  return useQuery({
    queryKey: [...auditsKey, 'list', query],
    queryFn: () => call('listAudits', query),
    placeholderData: (previous) => previous,
  });
}

export function useAudit(id: string | undefined) {
  return useQuery({
    queryKey: [...auditsKey, 'one', id],
    queryFn: () => call('getAudit', { id: id ?? '' }),
    enabled: id !== undefined,
  });
}

export function useClientProgramme(clientId: string) {
  const today = localToday();
  return useQuery({
    queryKey: [...programmeKey, clientId, today],
    queryFn: () => call('clientProgramme', { clientId, today }),
  });
}

export function useAuditPlanDefaults(clientId: string, type: AuditType, enabled: boolean) {
  return useQuery({
    queryKey: [...auditsKey, 'defaults', clientId, type],
    queryFn: () => call('auditPlanDefaults', { clientId, type }),
    enabled,
    staleTime: 0,
  });
}

/** Whether the person working holds one of the roles (the service checks again). */
export function useHasRole(roles: readonly Role[]): boolean {
  const person = useSession().data?.current;
  return person ? hasAnyRole(person, roles) : false;
}

/** After any change to audits or cycles: lists, audit pages and programmes read afresh. */
export function useRefreshAudits() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: auditsKey }),
      queryClient.invalidateQueries({ queryKey: programmeKey }),
    ]);
}
