import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { Race, RaceSummary, Page, Today } from '../api/types';

export const raceKeys = {
  all: ['races'] as const,
  detail: (year: number, round: number) => [...raceKeys.all, year, round] as const,
  today: () => [...raceKeys.all, 'today'] as const,
};

export function raceQueryOptions(year: number, round: number) {
  return queryOptions({
    queryKey: raceKeys.detail(year, round),
    queryFn: ({ signal }) => apiGet<Race>(`/api/v1/races/${year}/${round}`, undefined, { signal }),
    // A race that has been run does not change.
    staleTime: Infinity,
  });
}

/** The latest and next race by date, as the API places them against its own today. */
export function todayQueryOptions() {
  return queryOptions({
    queryKey: raceKeys.today(),
    queryFn: ({ signal }) => apiGet<Today>('/api/v1/today', undefined, { signal }),
  });
}

/** Races in calendar order, optionally of one season. */
export function racesQueryOptions(query: { season?: number; limit?: number; offset?: number } = {}) {
  return queryOptions({
    queryKey: [...raceKeys.all, 'list', query] as const,
    queryFn: ({ signal }) => apiGet<Page<RaceSummary>>('/api/v1/races', query, { signal }),
  });
}
