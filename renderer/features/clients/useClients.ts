import { useQuery } from '@tanstack/react-query';
import type { ClientListQuery } from '../../../shared/clients/schema';
import { call } from '../../api';

export const clientsKey = ['clients'] as const;

export function useClientList(query: ClientListQuery) {
  return useQuery({
    queryKey: [...clientsKey, 'list', query],
    queryFn: () => call('listClients', query),
    placeholderData: (previous) => previous,
  });
}

export function useClient(id: string | undefined) {
  return useQuery({
    queryKey: [...clientsKey, 'one', id],
    queryFn: () => call('getClient', { id: id ?? '' }),
    enabled: id !== undefined,
  });
}

export function useClientHistory(id: string) {
  return useQuery({
    queryKey: [...clientsKey, 'history', id],
    queryFn: () => call('clientHistory', { id }),
  });
}
