import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { DegradationAnalysis, LapHeatmap, OvertakesAnalysis, PaceAnalysis, RaceOvertakes, RacecraftAnalysis, SeasonHeatmap } from '../api/analytics-types';
import { sessionKeys, type SessionKey } from './sessions';

const base = (k: SessionKey) => `/api/v1/sessions/${k.year}/${k.round}/${k.session}/analytics`;

/** A loaded session's analyses never change (a reload is a new session version the page refetches). */
function analysis<T>(k: SessionKey, name: string, query?: Record<string, string>) {
  return queryOptions({
    queryKey: sessionKeys.part(k, 'analytics', name, query ?? {}),
    queryFn: ({ signal }) => apiGet<T>(`${base(k)}/${name}`, query, { signal }),
    staleTime: Infinity,
  });
}

export const paceQueryOptions = (k: SessionKey) => analysis<PaceAnalysis>(k, 'pace');
export const degradationQueryOptions = (k: SessionKey) => analysis<DegradationAnalysis>(k, 'degradation');
export const overtakesQueryOptions = (k: SessionKey) => analysis<OvertakesAnalysis>(k, 'overtakes');
export const lapHeatmapQueryOptions = (k: SessionKey) => analysis<LapHeatmap>(k, 'heatmap');
export const racecraftQueryOptions = (k: SessionKey, drivers: string[]) => analysis<RacecraftAnalysis>(k, 'racecraft', { drivers: drivers.join(',') });

export function seasonHeatmapQueryOptions(year: number) {
  return queryOptions({
    queryKey: ['seasons', year, 'heatmap'] as const,
    queryFn: ({ signal }) => apiGet<SeasonHeatmap>(`/api/v1/seasons/${year}/heatmap`, undefined, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function raceOvertakesQueryOptions(year: number, round: number) {
  return queryOptions({
    queryKey: ['races', year, round, 'overtakes'] as const,
    queryFn: ({ signal }) => apiGet<RaceOvertakes>(`/api/v1/races/${year}/${round}/overtakes`, undefined, { signal }),
    staleTime: 5 * 60_000,
  });
}
