import { useQuery, useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { call } from '../../api';

export const profileKey = (id: string) => ['people', 'profile', id] as const;

export function usePersonProfile(id: string) {
  return useQuery({ queryKey: profileKey(id), queryFn: () => call('getPersonProfile', { id }) });
}

/** After a change to someone's profile: it, and the team pickers that show competence, reload. */
export function useRefreshProfile(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: profileKey(id) }),
      queryClient.invalidateQueries({ queryKey: ['team'] }),
    ]);
}

/** This computer's calendar day, for "valid today" badges. */
export function todayHere(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

/** An empty date field means "none" (no expiry, still continuing). */
export function dayOrNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}
