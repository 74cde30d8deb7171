import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

/** The programme changes whenever audits, teams or cycles do: mutations elsewhere invalidate this. */
export const programmeKey = ['programme'] as const;

export function useProgrammeOverview(today: string) {
  return useQuery({
    queryKey: [...programmeKey, 'overview', today],
    queryFn: () => call('programmeOverview', { today }),
    placeholderData: (previous) => previous,
  });
}

export function useProgrammeCalendar(month: string) {
  return useQuery({
    queryKey: [...programmeKey, 'calendar', month],
    queryFn: () => call('programmeCalendar', { month }),
    placeholderData: (previous) => previous,
  });
}

export function useProgrammeUtilisation(from: string, months: number) {
  return useQuery({
    queryKey: [...programmeKey, 'utilisation', from, months],
    queryFn: () => call('programmeUtilisation', { from, months }),
    placeholderData: (previous) => previous,
  });
}

export function usePeople() {
  return useQuery({ queryKey: ['people'], queryFn: () => call('listPeople') });
}
