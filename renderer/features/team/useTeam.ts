import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamMemberInput } from '../../../shared/programme/team-schema';
import { call } from '../../api';

export const teamKey = ['team'] as const;
// The audits area lists each audit's team, so its queries refresh after an assignment too.
const auditsAreaKey = ['audits'] as const;

export function useAuditTeam(auditId: string) {
  return useQuery({
    queryKey: [...teamKey, 'audit', auditId],
    queryFn: () => call('auditTeam', { auditId }),
  });
}

export function useTeamCandidates() {
  return useQuery({
    queryKey: [...teamKey, 'candidates'],
    queryFn: () => call('teamCandidates'),
  });
}

/** The live check of a proposed team; kept while the next one runs, so the list does not jump. */
export function useTeamCheck(auditId: string, members: TeamMemberInput[], enabled: boolean) {
  return useQuery({
    queryKey: [...teamKey, 'check', auditId, members],
    queryFn: () => call('checkTeam', { auditId, members }),
    enabled,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

export function useTeamSettings() {
  return useQuery({
    queryKey: [...teamKey, 'settings'],
    queryFn: () => call('getTeamSettings'),
  });
}

export function useRefreshTeam() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: teamKey }),
      queryClient.invalidateQueries({ queryKey: auditsAreaKey }),
    ]);
}
