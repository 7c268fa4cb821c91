// The Ergast/Jolpica URL grammar, as a pure parser:
//
//   /ergast/f1[/{season|current}[/{round|next|last}]][/{filter}/{value}]*/{resource}[/{value}][.json][/]
//   /ergast/f1[/{season|current}[/{round|next|last}]][.json|/]           (the race schedule)
//
// Filters are consumed greedily from the left, and a filter pair is only a filter when something follows
// it (so `drivers/alonso.json` is the drivers resource with a final value, as in Jolpica's router).
// Repeating a filter keeps the last value. Anything else is a 404, like a URL Jolpica has no route for;
// combinations that parse but make no sense for a resource are 400s with Jolpica's `detail` texts.

export const resources = [
  'seasons',
  'circuits',
  'races',
  'status',
  'constructors',
  'drivers',
  'results',
  'sprint',
  'qualifying',
  'pitstops',
  'laps',
  'driverStandings',
  'constructorStandings',
] as const;
export type Resource = (typeof resources)[number];

/** Criteria a request can carry, named after what they select. */
export type FilterName =
  | 'season'
  | 'round'
  | 'circuit'
  | 'team'
  | 'driver'
  | 'grid'
  | 'result'
  | 'fastest'
  | 'status'
  | 'lap'
  | 'pitstop'
  | 'qualifying'
  | 'sprint'
  | 'driverStanding'
  | 'constructorStanding';

export type Filters = Partial<Record<FilterName, string>>;

/** A syntactically valid request: which resource, with which criteria (values as written). */
export interface ErgastPath {
  resource: Resource;
  filters: Filters;
  /** The value after the resource name (`results/2`), also merged into `filters`. */
  finalValue?: string;
}

export interface ErgastRequestError {
  status: 400 | 404;
  /** Jolpica's `detail` text for 400s. */
  detail: string;
}

/** A table lookup that ignores inherited keys: path segments such as `__proto__` or `constructor` are user input. */
function ownValue<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** URL segment → filter it sets, for segments usable before the resource name. */
const filterSegments: Record<string, FilterName> = {
  circuits: 'circuit',
  constructors: 'team',
  drivers: 'driver',
  grid: 'grid',
  results: 'result',
  fastest: 'fastest',
  status: 'status',
  laps: 'lap',
  pitstops: 'pitstop',
  qualifying: 'qualifying',
  sprint: 'sprint',
  driverStandings: 'driverStanding',
  driverstandings: 'driverStanding',
  constructorStandings: 'constructorStanding',
  constructorstandings: 'constructorStanding',
};

/** URL segment → resource, as the final path component. Jolpica accepts both cases of the S in standings. */
const resourceSegments: Record<string, Resource> = {
  seasons: 'seasons',
  circuits: 'circuits',
  races: 'races',
  status: 'status',
  constructors: 'constructors',
  drivers: 'drivers',
  results: 'results',
  sprint: 'sprint',
  qualifying: 'qualifying',
  pitstops: 'pitstops',
  laps: 'laps',
  driverStandings: 'driverStandings',
  driverstandings: 'driverStandings',
  constructorStandings: 'constructorStandings',
  constructorstandings: 'constructorStandings',
};

/** The filter a resource's final value sets; null = the resource takes no final value. */
export const finalFilterOf: Record<Resource, FilterName | null> = {
  seasons: null,
  races: null,
  circuits: 'circuit',
  constructors: 'team',
  drivers: 'driver',
  status: 'status',
  results: 'result',
  sprint: 'sprint',
  qualifying: 'qualifying',
  pitstops: 'pitstop',
  laps: 'lap',
  driverStandings: 'driverStanding',
  constructorStandings: 'constructorStanding',
};

const idFilters = new Set<FilterName>(['circuit', 'team', 'driver']);
const ID = /^[a-zA-Z0-9_-]+$/;
const NUMBER = /^[0-9]+$/;
const SEASON = /^(?:[0-9]{4}|current)$/;
const ROUND = /^(?:[0-9]{1,2}|next|last)$/;
/** What Jolpica's router accepts as the final value of a resource that takes none (then rejects with 400). */
const ANY_VALUE = /^[^/.]+$/;

function validValue(filter: FilterName, value: string): boolean {
  return idFilters.has(filter) ? ID.test(value) : NUMBER.test(value);
}

const notFound = (): ErgastRequestError => ({ status: 404, detail: 'Not found.' });

/**
 * Parse the part of the path after `/ergast/f1` (e.g. `/2023/5/results.json`, `/drivers/alonso/`).
 * The path must already be percent-decoded and carry no query string.
 */
export function parseErgastPath(path: string): ErgastPath | ErgastRequestError {
  let rest = path.startsWith('/') ? path.slice(1) : path;
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  // The format suffix sits on the last segment: `results/2.json`, `2023.json`.
  const suffix = /\.([a-z0-9]+)$/.exec(rest);
  if (suffix) {
    if (suffix[1] !== 'json') return notFound();
    rest = rest.slice(0, -suffix[0].length);
  }
  const segs = rest === '' ? [] : rest.split('/');
  if (segs.some((s) => s === '')) return notFound();

  const filters: Filters = {};
  let i = 0;
  if (i < segs.length && SEASON.test(segs[i]!)) {
    filters.season = segs[i++]!;
    if (i < segs.length && ROUND.test(segs[i]!)) filters.round = segs[i++]!;
  }
  // The schedule form: nothing but season and round.
  if (i === segs.length) return { resource: 'races', filters };

  while (i + 2 < segs.length) {
    const filter = ownValue(filterSegments, segs[i]!);
    if (!filter || !validValue(filter, segs[i + 1]!)) break;
    filters[filter] = segs[i + 1]!;
    i += 2;
  }

  const left = segs.length - i;
  const resource = ownValue(resourceSegments, segs[i]!);
  if (!resource || left > 2) return notFound();
  if (left === 1) return { resource, filters };

  const finalValue = segs[i + 1]!;
  const finalFilter = finalFilterOf[resource];
  if (finalFilter === null) {
    if (!ANY_VALUE.test(finalValue)) return notFound();
    return { resource, filters, finalValue };
  }
  if (!validValue(finalFilter, finalValue)) return notFound();
  return { resource, filters: { ...filters, [finalFilter]: finalValue }, finalValue };
}

const base: FilterName[] = ['season', 'round', 'circuit', 'team', 'driver', 'grid', 'result', 'fastest', 'status'];

/**
 * Which criteria each resource can be filtered by (Jolpica's supported combinations), beyond its own
 * final value. As in Ergast, qualifying and sprint positions also select entries of the other
 * entry-based resources, and championship positions select seasons, drivers and constructors
 * (`driverStandings/1/drivers` are the champions).
 */
export const supportedFilters: Record<Resource, ReadonlySet<FilterName>> = {
  seasons: new Set([...base, 'qualifying', 'sprint', 'driverStanding', 'constructorStanding']),
  circuits: new Set([...base, 'qualifying', 'sprint']),
  races: new Set([...base, 'qualifying', 'sprint']),
  constructors: new Set([...base, 'qualifying', 'sprint', 'constructorStanding']),
  drivers: new Set([...base, 'qualifying', 'sprint', 'driverStanding']),
  status: new Set([...base, 'qualifying', 'sprint']),
  results: new Set([...base, 'qualifying', 'sprint']),
  sprint: new Set([...base, 'qualifying', 'sprint']),
  qualifying: new Set([...base, 'qualifying', 'sprint']),
  pitstops: new Set([...base, 'lap', 'pitstop']),
  laps: new Set([...base, 'lap']),
  driverStandings: new Set(['season', 'round', 'driver', 'driverStanding']),
  constructorStandings: new Set(['season', 'round', 'team', 'constructorStanding']),
};

/** Criteria a resource cannot do without. */
export const requiredFilters: Partial<Record<Resource, FilterName[]>> = {
  laps: ['season', 'round'],
  pitstops: ['season', 'round'],
  driverStandings: ['season'],
  constructorStandings: ['season'],
};

const jolpicaParamName = (f: FilterName): string => (f === 'season' ? 'season_year' : f === 'round' ? 'race_round' : f);

/** Reject combinations the grammar allows but the resource does not serve, in Jolpica's order. */
export function checkErgastPath(p: ErgastPath): ErgastRequestError | null {
  if (p.finalValue !== undefined && finalFilterOf[p.resource] === null) {
    return { status: 400, detail: 'Bad Request: Endpoint does not support final filter.' };
  }
  const required = requiredFilters[p.resource] ?? [];
  if (required.some((f) => p.filters[f] === undefined)) {
    const names = required.map((f) => `'${jolpicaParamName(f)}'`).join(', ');
    return { status: 400, detail: `Bad Request: Missing one of the required parameters [${names}].` };
  }
  const own = finalFilterOf[p.resource];
  const allowed = supportedFilters[p.resource];
  for (const f of Object.keys(p.filters) as FilterName[]) {
    if (f !== own && !allowed.has(f)) return { status: 400, detail: 'Bad Request: Unsupported filter for endpoint.' };
  }
  return null;
}

export interface Paging {
  limit: number;
  offset: number;
}

const INT = /^\s*[+-]?[0-9]+\s*$/;
const MAX_OFFSET = 2_000_000_000;

/** `limit` (default 30, at most 100, non-positive or junk = default) and `offset` (junk or negative = 0). */
export function parsePaging(query: Record<string, unknown>): Paging {
  const first = (v: unknown): string | undefined => (Array.isArray(v) ? first(v[v.length - 1]) : typeof v === 'string' ? v : undefined);
  const rawLimit = first(query.limit);
  const rawOffset = first(query.offset);
  let limit = 30;
  if (rawLimit !== undefined && INT.test(rawLimit)) {
    const n = Number.parseInt(rawLimit, 10);
    if (n > 0) limit = Math.min(n, 100);
  }
  let offset = 0;
  if (rawOffset !== undefined && INT.test(rawOffset)) {
    const n = Number.parseInt(rawOffset, 10);
    // Any offset past the data gives an empty page; clamping keeps it a valid SQL integer.
    if (n >= 0) offset = Math.min(n, MAX_OFFSET);
  }
  return { limit, offset };
}
