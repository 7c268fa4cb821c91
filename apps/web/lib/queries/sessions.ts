import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiGet } from '../api/client';
import type { Comparison, Job, Named, SessionDriver, SessionInfo, TrackOutline, TrackStatusChange, WeatherSeries } from '../api/session-types';
import type { ApiItem, ApiJson } from '../api/types';

export interface SessionKey {
  year: number;
  round: number;
  session: string;
}

type S = '/api/v1/sessions/{year}/{round}/{session}';

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
function named<W extends { driver: string | null; driverNumber: string }>(rows: readonly W[]): Named<W>[] {
  return rows.map((r) => ({ ...r, driver: r.driver ?? r.driverNumber }));
}

function loadedItems<W extends { driver: string | null; driverNumber: string }>(k: SessionKey, part: string, path: string) {
  return queryOptions({
    queryKey: sessionKeys.part(k, part, {}),
    queryFn: async ({ signal }) => ({ items: named((await apiGet<{ items: W[] }>(`${base(k)}${path}`, undefined, { signal })).items) }),
    staleTime: LOADED_STALE,
  });
}

export function sessionDriversQueryOptions(k: SessionKey) {
  return queryOptions({
    queryKey: sessionKeys.part(k, 'drivers', {}),
    queryFn: async ({ signal }) => {
      const { items } = await apiGet<ApiJson<`${S}/drivers`>>(`${base(k)}/drivers`, undefined, { signal });
      return { items: items.map((d): SessionDriver => ({ ...d, abbreviation: d.abbreviation ?? d.driverNumber, fullName: d.fullName ?? d.driverNumber })) };
    },
    staleTime: LOADED_STALE,
  });
}
export const sessionLapsQueryOptions = (k: SessionKey) => loadedItems<ApiItem<`${S}/laps`>>(k, 'laps', '/laps');
export const stintsQueryOptions = (k: SessionKey) => loadedItems<ApiItem<`${S}/stints`>>(k, 'stints', '/stints');
export const gapsQueryOptions = (k: SessionKey) => loadedItems<ApiItem<`${S}/gaps`>>(k, 'gaps', '/gaps');
export const sessionPitStopsQueryOptions = (k: SessionKey) => loadedItems<ApiItem<`${S}/pitstops`>>(k, 'pitstops', '/pitstops');
export const weatherQueryOptions = (k: SessionKey) => loadedPart<WeatherSeries>(k, 'weather', '/weather');
export const trackQueryOptions = (k: SessionKey) => loadedPart<TrackOutline>(k, 'track', '/track');
export const raceControlQueryOptions = (k: SessionKey) => loadedPart<ApiJson<`${S}/race-control`>>(k, 'race-control', '/race-control');
export const trackStatusQueryOptions = (k: SessionKey) => loadedPart<{ items: TrackStatusChange[] }>(k, 'track-status', '/track-status');

/** Laps compared as the URL writes them (`VER:12,HAM:fastest`): the API parses and resolves them. */
export function compareQueryOptions(k: SessionKey, laps: string) {
  return queryOptions({
    queryKey: sessionKeys.part(k, 'compare', laps),
    queryFn: async ({ signal }): Promise<Comparison> => {
      const data = await apiGet<ApiJson<`${S}/compare`>>(`${base(k)}/compare`, { laps }, { signal });
      return { ...data, laps: named(data.laps) };
    },
    staleTime: LOADED_STALE,
    enabled: laps !== '',
  });
}

export function jobQueryOptions(id: string) {
  return queryOptions({
    queryKey: sessionKeys.job(id),
    queryFn: ({ signal }) => apiGet<Job>(`/api/v1/jobs/${encodeURIComponent(id)}`, undefined, { signal }),
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'done' || q.state.data.state === 'failed') ? false : 1000),
  });
}

/** Start loading a session; `adminToken` null where the API loads on demand. Returns the job id. */
export async function startSessionLoad(k: SessionKey, adminToken: string | null): Promise<string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (adminToken) headers.authorization = `Bearer ${adminToken}`;
  const res = await fetch(`${base(k)}/load`, { method: 'POST', headers });
  const body = (await res.json().catch(() => null)) as { jobId?: string; error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText);
  if (!body?.jobId) throw new ApiError(502, 'bad_response', 'The API started a load but returned no job id.');
  return body.jobId;
}
