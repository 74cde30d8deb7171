import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AcknowledgeFindingInput,
  FindingDetail,
  FindingListQuery,
  FindingTransitionInput,
  GradeFindingInput,
} from '../../../shared/findings/schema';
import { call } from '../../api';

export const findingsKey = ['findings'] as const;
export const findingKey = (id: string) => [...findingsKey, 'one', id] as const;

/** How many register rows one call fetches as the list is scrolled. */
export const registerPageSize = 200;

export function useFinding(id: string) {
  return useQuery({
    queryKey: findingKey(id),
    queryFn: () => call('getFinding', { id }),
  });
}

/** Register query without paging: the pages are the infinite query's business. */
export type RegisterFilters = Omit<FindingListQuery, 'offset' | 'limit'>;

/** The register, fetched 200 rows at a time as the virtual list nears the end of what it has. */
export function useFindingRegister(filters: RegisterFilters) {
  return useInfiniteQuery({
    queryKey: [...findingsKey, 'register', filters],
    queryFn: ({ pageParam }) =>
      call('listFindings', { ...filters, offset: pageParam, limit: registerPageSize }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

/** A short list (an audit's or a client's findings) in one call. */
export function useFindingList(query: FindingListQuery, enabled = true) {
  return useQuery({
    queryKey: [...findingsKey, 'list', query],
    queryFn: () => call('listFindings', query),
    enabled,
  });
}

export function useDecisionBlockers(clientId: string) {
  return useQuery({
    queryKey: [...findingsKey, 'blockers', clientId],
    queryFn: () => call('decisionBlockers', { clientId }),
  });
}

export function usePeople() {
  return useQuery({ queryKey: ['people', 'list'], queryFn: () => call('listPeople') });
}

/**
 * After any change to a finding: the page shows the service's answer at once, and every list,
 * register, blocker panel and checklist view of findings reads afresh.
 */
export function useFindingSaved() {
  const queryClient = useQueryClient();
  return (detail: FindingDetail) => {
    queryClient.setQueryData(findingKey(detail.id), detail);
    void queryClient.invalidateQueries({
      queryKey: findingsKey,
      predicate: (q) => q.queryKey[1] !== 'one' || q.queryKey[2] !== detail.id,
    });
    void queryClient.invalidateQueries({ queryKey: ['audit-findings'] });
    void queryClient.invalidateQueries({ queryKey: ['checklist', detail.auditId] });
  };
}

export function useGradeFinding() {
  const saved = useFindingSaved();
  return useMutation({
    mutationFn: (input: GradeFindingInput) => call('gradeFinding', input),
    onSuccess: saved,
  });
}

export function useAcknowledgeFinding() {
  const saved = useFindingSaved();
  return useMutation({
    mutationFn: (input: AcknowledgeFindingInput) => call('acknowledgeFinding', input),
    onSuccess: saved,
  });
}

export function useFindingTransition() {
  const saved = useFindingSaved();
  return useMutation({
    mutationFn: (input: FindingTransitionInput) => call('findingTransition', input),
    onSuccess: saved,
  });
}
