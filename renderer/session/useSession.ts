import { useQuery } from '@tanstack/react-query';
import { call } from '../api';

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: () => call('getSession') });
}
