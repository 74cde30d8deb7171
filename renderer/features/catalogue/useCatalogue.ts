import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';

/** The current catalogue and the CB's items change together: one key refreshes both. */
export const catalogueKey = ['catalogue'] as const;

export const stageLabels = { stage1: 'Stage 1', stage2: 'Stage 2' } as const;

/** The catalogue new checklists are prepared from: shipped items plus the CB's active items. */
export function useRequirementCatalogue() {
  return useQuery({
    queryKey: [...catalogueKey, 'current'],
    queryFn: () => call('requirementCatalogue'),
  });
}

/** All of the CB's own items, retired ones included. */
export function useCbItems() {
  return useQuery({ queryKey: [...catalogueKey, 'cb-items'], queryFn: () => call('listCbItems') });
}

export function useRefreshCatalogue() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: catalogueKey });
}
