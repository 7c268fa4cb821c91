// One Ergast request: path → checked criteria → resolved season/round → queries → MRData body.
import type { DbOrTx } from '../../db/client.js';
import { checkErgastPath, parseErgastPath, type ErgastPath, type FilterName, type Paging } from './grammar.js';
import { finalRound, pickNextLast } from './next-last.js';
import * as q from './query.js';
import {
  constructorStanding,
  driverStanding,
  echo,
  envelope,
  groupByRace,
  groupLaps,
  pitStop,
  qualifyingResult,
  result,
  scheduledRace,
  season as seasonItem,
  circuit as circuitItem,
  driver as driverItem,
  constructor as constructorItem,
  status as statusItem,
  tableNames,
  type RaceRow,
  type SessionRow,
} from './serialise.js';

export type ErgastResponse =
  | { status: 200; body: unknown; season?: number }
  | { status: 400 | 404; body: { detail: string; error: { code: string; message: string } } };

function failure(status: 400 | 404, detail: string): ErgastResponse {
  const code = status === 400 ? 'APX_ERR_BAD_REQUEST' : 'APX_ERR_ROUTE_NOT_FOUND';
  // Jolpica clients read `detail`; ours read `error`: both are given.
  return { status, body: { detail, error: { code, message: detail } } };
}

/** Values beyond any stored number cannot match; clamping keeps them valid SQL integers. */
const toInt = (v: string) => Math.min(Number(v), 2_147_483_647);

/** `current` → this year; `next`/`last` → from the race calendar at `now` (next-last.ts). */
async function resolveSeasonRound(db: DbOrTx, filters: ErgastPath['filters'], now: Date): Promise<{ season?: number; round?: number }> {
  const season = filters.season === undefined ? undefined : filters.season === 'current' ? now.getUTCFullYear() : Number(filters.season);
  const round = filters.round;
  if (season === undefined || round === undefined) return { season };
  if (round !== 'next' && round !== 'last') return { season, round: Number(round) };
  const picked = pickNextLast(await q.seasonSchedule(db, season), round, now);
  if (picked.kind === 'round') return { season, round: picked.round };
  if (picked.kind === 'next-season') return { season: season + 1, round: 1 };
  const previous = finalRound(await q.seasonSchedule(db, season - 1));
  return previous === undefined ? { season } : { season: season - 1, round: previous };
}

export interface ErgastRequest {
  /** the path after `/ergast/f1`, percent-decoded, without the query string */
  path: string;
  /** absolute URL echoed as MRData.url */
  url: string;
  paging: Paging;
  /** The request's clock (`current`, `next`, `last`); defaults to the system clock. */
  now?: Date;
}

/** Answer an Ergast-compatible request. Never throws for bad input; database errors propagate. */
export async function handleErgast(db: DbOrTx, req: ErgastRequest): Promise<ErgastResponse> {
  const parsed = parseErgastPath(req.path);
  if ('status' in parsed) return failure(parsed.status, parsed.detail);
  const invalid = checkErgastPath(parsed);
  if (invalid) return failure(invalid.status, invalid.detail);

  const { resource } = parsed;
  const { season, round } = await resolveSeasonRound(db, parsed.filters, req.now ?? new Date());
  const filters = { ...parsed.filters };
  if (season !== undefined) filters.season = String(season);
  if (round !== undefined) filters.round = String(round);
  else delete filters.round;

  const c: q.Criteria = {};
  if (season !== undefined) c.season = season;
  if (round !== undefined) c.round = round;
  for (const [k, v] of Object.entries(parsed.filters) as [FilterName, string][]) {
    if (k === 'season' || k === 'round') continue;
    if (k === 'circuit' || k === 'team' || k === 'driver') c[k] = v;
    else c[k] = toInt(v);
  }
  // Ergast: fastest lap rank 0 means "any".
  if (c.fastest === 0) delete c.fastest;

  const p = req.paging;
  const [tableName, listName] = tableNames[resource];
  const respond = (total: number, items: unknown[], tableFilters = filters) => ({
    status: 200 as const,
    season,
    body: envelope(req.url, { ...p, total }, tableName, { ...echo(resource, tableFilters), [listName]: items }),
  });
  const raceIndex = (rows: RaceRow[]) => new Map(rows.map((r) => [r.raceId, r]));

  switch (resource) {
    case 'seasons': {
      const { total, rows } = await q.seasons(db, c, p);
      return respond(total, rows.map(seasonItem));
    }
    case 'circuits': {
      const { total, rows } = await q.circuits(db, c, p);
      return respond(total, rows.map(circuitItem));
    }
    case 'drivers': {
      const { total, rows } = await q.drivers(db, c, p);
      return respond(total, rows.map(driverItem));
    }
    case 'constructors': {
      const { total, rows } = await q.constructors(db, c, p);
      return respond(total, rows.map(constructorItem));
    }
    case 'status': {
      const { total, rows } = await q.statuses(db, c, p);
      return respond(total, rows.map(statusItem));
    }
    case 'races': {
      const { total, rows, sessions } = await q.races(db, c, p);
      const byRace = new Map<number, SessionRow[]>();
      for (const s of sessions) byRace.set(s.raceId, [...(byRace.get(s.raceId) ?? []), s]);
      return respond(total, rows.map((r) => scheduledRace(r, byRace.get(r.raceId) ?? [])));
    }
    case 'results':
    case 'sprint': {
      const { total, rows } = await q.results(db, c, p, resource);
      return respond(total, groupByRace(rows, raceIndex(rows), resource === 'results' ? 'Results' : 'SprintResults', result));
    }
    case 'qualifying': {
      const { total, rows } = await q.qualifying(db, c, p);
      // A page holds the cars with the best part positions; within a race they show in final order.
      const races = groupByRace(rows, raceIndex(rows), 'QualifyingResults', (row) => row).map((race) => ({
        ...race,
        QualifyingResults: (race.QualifyingResults as typeof rows)
          .slice()
          .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity))
          .map(qualifyingResult),
      }));
      return respond(total, races);
    }
    case 'pitstops': {
      const { total, rows } = await q.pitStops(db, c, p);
      return respond(total, groupByRace(rows, raceIndex(rows), 'PitStops', pitStop));
    }
    case 'laps': {
      const { total, rows } = await q.laps(db, c, p);
      const races = groupByRace(rows, raceIndex(rows), 'Laps', (row) => row).map((race) => ({
        ...race,
        Laps: groupLaps(race.Laps as typeof rows),
      }));
      return respond(total, races);
    }
    case 'driverStandings':
    case 'constructorStandings': {
      const kind = resource === 'driverStandings' ? 'drivers' : 'constructors';
      // Without a round, the standings after the latest round; the table then also names that round.
      const standingsRound = round ?? (season === undefined ? undefined : await q.latestStandingsRound(db, season, kind));
      const tableFilters = { ...filters };
      if (standingsRound !== undefined) tableFilters.round = String(standingsRound);
      if (season === undefined || standingsRound === undefined) return respond(0, [], tableFilters);
      const sc = { ...c, season, round: standingsRound };
      const listHeader = { season: String(season), round: String(standingsRound) };
      if (resource === 'driverStandings') {
        const { total, rows, constructorsOf } = await q.driverStandings(db, sc, p);
        const items = rows.map((r) => driverStanding(r, constructorsOf.get(r.driverId) ?? []));
        return respond(total, items.length ? [{ ...listHeader, DriverStandings: items }] : [], tableFilters);
      }
      const { total, rows } = await q.constructorStandings(db, sc, p);
      const items = rows.map(constructorStanding);
      return respond(total, items.length ? [{ ...listHeader, ConstructorStandings: items }] : [], tableFilters);
    }
  }
}
