import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const soaKey = ['soa'] as const;

export function useCurrentSoa(clientId: string) {
  return useQuery({
    queryKey: [...soaKey, 'current', clientId],
    queryFn: () => call('currentSoa', { clientId }),
  });
}

export function useSoaVersions(clientId: string) {
  return useQuery({
    queryKey: [...soaKey, 'versions', clientId],
    queryFn: () => call('listSoaVersions', { clientId }),
  });
}

export function useSoaVersion(id: string | null) {
  return useQuery({
    queryKey: [...soaKey, 'version', id],
    queryFn: () => call('getSoaVersion', { id: id ?? '' }),
    enabled: id !== null,
  });
}
