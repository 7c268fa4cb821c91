// Typed reads of the Jolpica (Ergast-compatible) API. Every list endpoint is paged by Jolpica
// (`limit` ≤ 100, `offset`), and the unit of a page is the innermost row — one result, one lap
// *timing*, one pit stop — so a page can end in the middle of a race or a lap. `fetchAll` follows
// the pages to MRData.total and stitches races and laps back together.
import {
  createSource,
  jolpicaRateLimits,
  SourceError,
  SourceNotFoundError,
  type GetOptions,
  type Source,
  type SourceOptions,
} from '../../sources/index.js';
import type {
  JolpicaCircuit,
  JolpicaConstructor,
  JolpicaDriver,
  JolpicaLap,
  JolpicaRace,
  JolpicaSeason,
  JolpicaStatus,
  MRData,
} from './jolpica-types.js';

/** Jolpica's maximum page size. */
export const JOLPICA_MAX_LIMIT = 100;
export const JOLPICA_API_URL = 'https://api.jolpi.ca';

/** Lists that hold a race's paged rows, in the order Jolpica uses them. */
const RACE_ROW_LISTS = ['Results', 'QualifyingResults', 'SprintResults', 'PitStops', 'Laps'] as const;

export class JolpicaPagingError extends SourceError {
  override name = 'JolpicaPagingError';
  constructor(url: string, detail: string) {
    super(`${url}: ${detail}`, url, 'body', false);
  }
}

export interface JolpicaClientOptions extends Omit<SourceOptions, 'baseUrl'> {
  /** `https://api.jolpi.ca`, a loopback test server, or a directory of recorded responses. */
  baseUrl?: string;
  /** Rows per request, at most 100. */
  pageSize?: number;
  /** Use this source instead of creating one (shares its rate limiter). */
  source?: Source;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Requests made to assemble this answer. */
  requests: number;
}

export interface JolpicaClient {
  readonly source: Source;
  seasons(opts?: GetOptions): Promise<Page<JolpicaSeason>>;
  /** The season's schedule: one race per round, with the session timetable when Jolpica has it. */
  races(season: number, opts?: GetOptions): Promise<Page<JolpicaRace>>;
  results(season: number, round?: number, opts?: GetOptions): Promise<Page<JolpicaRace>>;
  qualifying(season: number, round?: number, opts?: GetOptions): Promise<Page<JolpicaRace>>;
  sprint(season: number, round?: number, opts?: GetOptions): Promise<Page<JolpicaRace>>;
  laps(season: number, round: number, opts?: GetOptions): Promise<Page<JolpicaRace>>;
  pitStops(season: number, round: number, opts?: GetOptions): Promise<Page<JolpicaRace>>;
  drivers(season?: number, opts?: GetOptions): Promise<Page<JolpicaDriver>>;
  constructors(season?: number, opts?: GetOptions): Promise<Page<JolpicaConstructor>>;
  circuits(season?: number, opts?: GetOptions): Promise<Page<JolpicaCircuit>>;
  status(season?: number, round?: number, opts?: GetOptions): Promise<Page<JolpicaStatus>>;
  /** Any list endpoint, e.g. `2024/drivers/hamilton/results`; `table`/`list` name the MRData keys. */
  fetchAll<T>(path: string, table: string, list: string, opts?: GetOptions): Promise<Page<T>>;
  close(): Promise<void>;
}

export function createJolpicaClient(options: JolpicaClientOptions = {}): JolpicaClient {
  const { baseUrl = JOLPICA_API_URL, pageSize = JOLPICA_MAX_LIMIT, source: given, ...sourceOptions } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > JOLPICA_MAX_LIMIT) {
    throw new RangeError(`pageSize must be an integer in 1…${JOLPICA_MAX_LIMIT}, got ${pageSize}`);
  }
  const source = given ?? createSource({ rateLimit: jolpicaRateLimits, ...sourceOptions, baseUrl });

  const fetchAll = <T>(path: string, table: string, list: string, opts?: GetOptions) =>
    fetchAllPages<T>(source, pageSize, `ergast/f1/${path}.json`, table, list, opts);
  const races = (path: string, opts?: GetOptions) => fetchAll<JolpicaRace>(path, 'RaceTable', 'Races', opts);
  const scoped = (season?: number, round?: number) => [season, round].filter((p) => p !== undefined).join('/');
  const withScope = (scope: string, endpoint: string) => (scope ? `${scope}/${endpoint}` : endpoint);

  return {
    source,
    seasons: (opts) => fetchAll('seasons', 'SeasonTable', 'Seasons', opts),
    races: (season, opts) => races(`${season}`, opts),
    results: (season, round, opts) => races(withScope(scoped(season, round), 'results'), opts),
    qualifying: (season, round, opts) => races(withScope(scoped(season, round), 'qualifying'), opts),
    sprint: (season, round, opts) => races(withScope(scoped(season, round), 'sprint'), opts),
    laps: (season, round, opts) => races(`${season}/${round}/laps`, opts),
    pitStops: (season, round, opts) => races(`${season}/${round}/pitstops`, opts),
    drivers: (season, opts) => fetchAll(withScope(scoped(season), 'drivers'), 'DriverTable', 'Drivers', opts),
    constructors: (season, opts) => fetchAll(withScope(scoped(season), 'constructors'), 'ConstructorTable', 'Constructors', opts),
    circuits: (season, opts) => fetchAll(withScope(scoped(season), 'circuits'), 'CircuitTable', 'Circuits', opts),
    status: (season, round, opts) => fetchAll(withScope(scoped(season, round), 'status'), 'StatusTable', 'Status', opts),
    fetchAll,
    close: () => source.close(),
  };
}

/** Rows a page contributes to Jolpica's count (the unit `limit`/`offset`/`total` are in). */
export function countRows(items: unknown[]): number {
  let rows = 0;
  for (const item of items) {
    const race = item as Record<string, unknown>;
    const listKey = RACE_ROW_LISTS.find((k) => Array.isArray(race?.[k]));
    if (!listKey) {
      rows += 1;
    } else if (listKey === 'Laps') {
      for (const lap of race.Laps as JolpicaLap[]) rows += lap.Timings.length;
    } else {
      rows += (race[listKey] as unknown[]).length;
    }
  }
  return rows;
}

/**
 * Appends one page's items to those already gathered. A race continued from the previous page (same
 * season and round) gets its rows appended instead of appearing twice; likewise a lap cut in two.
 */
export function mergePage<T>(into: T[], page: T[]): void {
  for (const item of page) {
    const last = into[into.length - 1] as Record<string, unknown> | undefined;
    const next = item as Record<string, unknown>;
    const listKey = RACE_ROW_LISTS.find((k) => Array.isArray(next?.[k]));
    const sameRace = last !== undefined && listKey !== undefined && last.season === next.season && last.round === next.round && Array.isArray(last[listKey]);
    if (!sameRace) {
      into.push(structuredClone(item));
      continue;
    }
    const target = last[listKey] as unknown[];
    const rows = next[listKey] as unknown[];
    if (listKey !== 'Laps') {
      target.push(...rows);
      continue;
    }
    for (const lap of rows as JolpicaLap[]) {
      const lastLap = target[target.length - 1] as JolpicaLap | undefined;
      if (lastLap && lastLap.number === lap.number) lastLap.Timings.push(...lap.Timings);
      else target.push(structuredClone(lap));
    }
  }
}

/** Structural check of one page, so that a truncated-but-parsable or foreign body is retried. */
function pageValidator(table: string, list: string) {
  return (value: unknown): { mr: MRData; items: unknown[] } => {
    const mr = (value as { MRData?: MRData } | null)?.MRData;
    if (!mr || typeof mr !== 'object') throw new Error('no MRData envelope');
    for (const key of ['limit', 'offset', 'total'] as const) {
      if (typeof mr[key] !== 'string' || !/^\d+$/.test(mr[key])) throw new Error(`MRData.${key} is not a count`);
    }
    const tableValue = mr[table] as Record<string, unknown> | undefined;
    if (!tableValue || typeof tableValue !== 'object') throw new Error(`MRData.${table} missing`);
    const items = tableValue[list];
    if (!Array.isArray(items)) throw new Error(`MRData.${table}.${list} is not a list`);
    return { mr, items };
  };
}

async function fetchAllPages<T>(source: Source, pageSize: number, path: string, table: string, list: string, opts?: GetOptions): Promise<Page<T>> {
  const validate = pageValidator(table, list);
  const items: T[] = [];
  let offset = 0;
  let total = Infinity;
  let requests = 0;
  while (offset < total) {
    const pagePath = `${path}?limit=${pageSize}&offset=${offset}`;
    let page: { mr: MRData; items: unknown[] };
    try {
      page = await source.getJson(pagePath, { ...opts, validate });
    } catch (err) {
      // A directory of recordings holds Jolpica's default first page under the bare path.
      if (!(err instanceof SourceNotFoundError) || source.kind !== 'directory' || offset !== 0) throw err;
      page = await source.getJson(path, { ...opts, validate });
    }
    requests++;
    // The latest total wins: during a race weekend rows can appear between two pages.
    total = Number(page.mr.total);
    const rows = countRows(page.items);
    if (rows === 0) {
      if (offset < total) throw new JolpicaPagingError(source.locate(pagePath), `empty page at offset ${offset} although MRData.total is ${total}`);
      break;
    }
    mergePage(items, page.items as T[]);
    offset += rows;
  }
  return { items, total: total === Infinity ? 0 : total, requests };
}
