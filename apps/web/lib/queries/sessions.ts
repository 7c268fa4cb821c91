import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiGet } from '../api/client';
import type { Comparison, Job, RaceControlMessage, SessionDriver, SessionInfo, SessionLap, SessionPitStop, Stint, TrackOutline, TrackStatusChange, WeatherSeries } from '../api/session-types';
import { formatLapPicks, type LapPick } from '../shape/telemetry';

export interface SessionKey {
  year: number;
  round: number;
  session: string;
}

const base = (k: SessionKey) => `/api/v1/sessions/${k.year}/${k.round}/${k.session}`;

export const sessionKeys = {
  all: ['sessions'] as const,
  detail: (k: SessionKey) => [...sessionKeys.all, k.year, k.round, k.session] as const,
  part: (k: SessionKey, part: string, ...rest: unknown[]) => [...sessionKeys.detail(k), part, ...rest] as const,
  job: (id: string) => ['jobs', id] as const,
};

/** Loaded sessions never change; while one is loading we poll its status. */
const LOADED_STALE = Infinity;

export function sessionQueryOptions(k: SessionKey) {
  return queryOptions({
    queryKey: sessionKeys.detail(k),
    queryFn: ({ signal }) => apiGet<SessionInfo>(base(k), undefined, { signal }),
    staleTime: (q) => (q.state.data?.status.state === 'loaded' ? LOADED_STALE : 0),
    refetchInterval: (q) => (q.state.data?.status.state === 'loading' ? 1000 : false),
  });
}

function loadedPart<T>(k: SessionKey, part: string, path: string, query?: Record<string, string | number | boolean | undefined>) {
  return queryOptions({
    queryKey: sessionKeys.part(k, part, query ?? {}),
    queryFn: ({ signal }) => apiGet<T>(`${base(k)}${path}`, query, { signal }),
    staleTime: LOADED_STALE,
  });
}

/** The API names a driver by abbreviation, null when the feed's driver list lacks it: fall back to the number. */
type Wire<T extends { driver: string }> = Omit<T, 'driver'> & { driver: string | null; driverNumber: string };
function named<T extends { driver: string }>(rows: Wire<T>[]): T[] {
  return rows.map((r) => ({ ...r, driver: r.driver ?? r.driverNumber }) as unknown as T);
}

function loadedItems<T extends { driver: string }>(k: SessionKey, part: string, path: string) {
  return queryOptions({
    queryKey: sessionKeys.part(k, part, {}),
    queryFn: async ({ signal }) => ({ items: named<T>((await apiGet<{ items: Wire<T>[] }>(`${base(k)}${path}`, undefined, { signal })).items) }),
    staleTime: LOADED_STALE,
  });
}

export function sessionDriversQueryOptions(k: SessionKey) {
  return queryOptions({
    queryKey: sessionKeys.part(k, 'drivers', {}),
    queryFn: async ({ signal }) => {
      const { items } = await apiGet<{ items: (Omit<SessionDriver, 'abbreviation'> & { abbreviation: string | null })[] }>(`${base(k)}/drivers`, undefined, { signal });
      return { items: items.map((d) => ({ ...d, abbreviation: d.abbreviation ?? d.driverNumber, fullName: d.fullName ?? d.driverNumber })) };
    },
    staleTime: LOADED_STALE,
  });
}
export const sessionLapsQueryOptions = (k: SessionKey) => loadedItems<SessionLap>(k, 'laps', '/laps');
export const stintsQueryOptions = (k: SessionKey) => loadedItems<Stint>(k, 'stints', '/stints');
export const gapsQueryOptions = (k: SessionKey) => loadedItems<{ driver: string; lapNumber: number; position: number; gapToLeader: number | null; interval: number | null; time: number | null }>(k, 'gaps', '/gaps');
export const sessionPitStopsQueryOptions = (k: SessionKey) => loadedItems<SessionPitStop>(k, 'pitstops', '/pitstops');
export const weatherQueryOptions = (k: SessionKey) => loadedPart<WeatherSeries>(k, 'weather', '/weather');
export const trackQueryOptions = (k: SessionKey) => loadedPart<TrackOutline>(k, 'track', '/track');
export const raceControlQueryOptions = (k: SessionKey) => loadedPart<{ items: RaceControlMessage[] }>(k, 'race-control', '/race-control');
export const trackStatusQueryOptions = (k: SessionKey) => loadedPart<{ items: TrackStatusChange[] }>(k, 'track-status', '/track-status');

export function compareQueryOptions(k: SessionKey, picks: readonly LapPick[]) {
  const laps = formatLapPicks(picks);
  return queryOptions({
    queryKey: sessionKeys.part(k, 'compare', laps),
    queryFn: async ({ signal }) => {
      const data = await apiGet<Omit<Comparison, 'laps'> & { laps: Wire<Comparison['laps'][number]>[] }>(`${base(k)}/compare`, { laps }, { signal });
      return { ...data, laps: named(data.laps) } as Comparison;
    },
    staleTime: LOADED_STALE,
    enabled: picks.length > 0,
  });
}

export function jobQueryOptions(id: string) {
  return queryOptions({
    queryKey: sessionKeys.job(id),
    queryFn: ({ signal }) => apiGet<Job>(`/api/v1/jobs/${encodeURIComponent(id)}`, undefined, { signal }),
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'done' || q.state.data.state === 'failed') ? false : 1000),
  });
}

/** Start loading a session (admin endpoint). Returns the job id. */
export async function startSessionLoad(k: SessionKey, adminToken: string): Promise<string> {
  const res = await fetch(`${base(k)}/load`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { jobId?: string; id?: string; job?: { id?: string }; error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText);
  const id = body?.jobId ?? body?.id ?? body?.job?.id;
  if (!id) throw new ApiError(502, 'bad_response', 'The API started a load but returned no job id.');
  return id;
}
