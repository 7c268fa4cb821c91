import { apiOrigin } from './origin';

/** An API answer that was not 2xx, carrying the API's `{ error: { code, message } }` when present. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | readonly (string | number)[]>;

/** Build `path?query`, dropping empty values; arrays become repeated comma-joined values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * GET a JSON resource of the API. In the browser the path is relative (same origin, proxied);
 * on the server — prefetching for the first paint — it goes straight to the API origin.
 */
export async function apiGet<T>(path: string, query?: Query, init?: { signal?: AbortSignal }): Promise<T> {
  const url = withQuery(path, query);
  const base = typeof window === 'undefined' ? apiOrigin() : '';
  let res: Response;
  try {
    res = await fetch(base + url, { headers: { accept: 'application/json' }, signal: init?.signal, cache: 'no-store' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'unreachable', 'The ApexData API could not be reached.');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

async function toApiError(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body?.error?.code) code = body.error.code;
    if (body?.error?.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy error page, for example): keep the status line.
  }
  return new ApiError(res.status, code, message);
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}
