import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { Page, Season, SeasonSummary, Standings } from '../api/types';

export const seasonKeys = {
  all: ['seasons'] as const,
  list: () => [...seasonKeys.all, 'list'] as const,
  detail: (year: number) => [...seasonKeys.all, year] as const,
  standings: (year: number, round: number | 'latest') => [...seasonKeys.all, year, 'standings', round] as const,
};

export function seasonsQueryOptions() {
  return queryOptions({
    queryKey: seasonKeys.list(),
    queryFn: ({ signal }) => apiGet<Page<SeasonSummary>>('/api/v1/seasons', { limit: 100 }, { signal }),
  });
}

export function seasonQueryOptions(year: number) {
  return queryOptions({
    queryKey: seasonKeys.detail(year),
    queryFn: ({ signal }) => apiGet<Season>(`/api/v1/seasons/${year}`, undefined, { signal }),
  });
}

/** Standings after a round ('latest' = after the last round run). */
export function standingsQueryOptions(year: number, round: number | 'latest' = 'latest') {
  return queryOptions({
    queryKey: seasonKeys.standings(year, round),
    queryFn: ({ signal }) =>
      apiGet<Standings>(`/api/v1/seasons/${year}/standings`, round === 'latest' ? undefined : { round }, { signal }),
    staleTime: Infinity,
  });
}
