// Rows from the database → Ergast JSON objects, and the MRData envelope. Pure functions.
import { compact, formatDuration, formatPoints, formatSpeed, formatUtcTime, str } from './format.js';
import type { FilterName, Resource } from './grammar.js';

export interface SeasonRow {
  year: number;
  seasonUrl: string | null;
}

export interface CircuitRow {
  circuitRef: string;
  circuitUrl: string | null;
  circuitName: string;
  lat: number | null;
  lng: number | null;
  locality: string | null;
  country: string | null;
}

export interface RaceRow extends CircuitRow {
  raceId: number;
  season: number;
  round: number;
  raceUrl: string | null;
  raceName: string;
  /** 'YYYY-MM-DD' */
  date: string | null;
  /** UTC 'HH:MM:SS' when known */
  time: string | null;
}

export interface SessionRow {
  raceId: number;
  type: string;
  date: string | null;
  time: string | null;
}

export interface DriverRow {
  driverRef: string;
  permanentNumber: number | null;
  code: string | null;
  driverUrl: string | null;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  nationality: string | null;
}

export interface ConstructorRow {
  constructorRef: string;
  constructorUrl: string | null;
  constructorName: string;
  constructorNationality: string | null;
}

export interface ResultRow extends DriverRow, ConstructorRow {
  raceId: number;
  number: number;
  position: number | null;
  positionText: string;
  points: number | null;
  grid: number | null;
  laps: number | null;
  status: string | null;
  timeMillis: number | null;
  timeText: string | null;
  fastestLap: number | null;
  fastestLapRank: number | null;
  fastestLapTimeMillis: number | null;
  fastestLapSpeed: number | string | null;
}

export interface QualifyingRow extends DriverRow, ConstructorRow {
  raceId: number;
  number: number;
  position: number | null;
  q1: string | null;
  q2: string | null;
  q3: string | null;
}

export interface PitStopRow {
  raceId: number;
  driverRef: string;
  lap: number;
  stop: number;
  localTime: string | null;
  durationMillis: number | null;
}

export interface LapRow {
  raceId: number;
  driverRef: string;
  lap: number;
  position: number | null;
  timeMillis: number | null;
}

export interface StatusRow {
  statusId: number | null;
  status: string | null;
  count: number;
}

export interface StandingRow {
  season: number;
  round: number;
  position: number | null;
  positionText: string;
  points: number;
  wins: number;
}

export type DriverStandingRow = StandingRow & DriverRow & { driverId: number };
export type ConstructorStandingRow = StandingRow & ConstructorRow;

export const season = (s: SeasonRow) => compact({ season: String(s.year), url: s.seasonUrl });

export const circuit = (c: CircuitRow) =>
  compact({
    circuitId: c.circuitRef,
    url: c.circuitUrl,
    circuitName: c.circuitName,
    Location: compact({ lat: str(c.lat), long: str(c.lng), locality: c.locality, country: c.country }),
  });

export const driver = (d: DriverRow) =>
  compact({
    driverId: d.driverRef,
    permanentNumber: str(d.permanentNumber),
    code: d.code,
    url: d.driverUrl,
    givenName: d.givenName,
    familyName: d.familyName,
    dateOfBirth: d.dateOfBirth,
    nationality: d.nationality,
  });

export const constructor = (c: ConstructorRow) =>
  compact({ constructorId: c.constructorRef, url: c.constructorUrl, name: c.constructorName, nationality: c.constructorNationality });

/** The race header every race-based list repeats. */
export const race = (r: RaceRow) =>
  compact({
    season: String(r.season),
    round: String(r.round),
    url: r.raceUrl,
    raceName: r.raceName,
    Circuit: circuit(r),
    date: r.date,
    time: r.time ? formatUtcTime(r.time) : null,
  });

/**
 * Which weekend sessions a schedule entry lists, by Jolpica's session type. Sprint weekends changed
 * format twice: 2021–22 kept FP2, 2023 had the sprint shootout, 2024 on has sprint qualifying.
 */
export function scheduleSessions(seasonYear: number, types: ReadonlySet<string>): [string, string][] {
  const sprintWeekend = [...types].some((t) => t.startsWith('S'));
  if (!sprintWeekend) return [['FirstPractice', 'FP1'], ['SecondPractice', 'FP2'], ['ThirdPractice', 'FP3'], ['Qualifying', 'Q1']];
  const common: [string, string][] = [['FirstPractice', 'FP1'], ['Qualifying', 'Q1'], ['Sprint', 'SR']];
  if (seasonYear <= 2022) return [['FirstPractice', 'FP1'], ['SecondPractice', 'FP2'], ['Qualifying', 'Q1'], ['Sprint', 'SR']];
  if (seasonYear === 2023) return [...common, ['SprintShootout', 'SQ1']];
  return [...common, ['SprintQualifying', 'SQ1']];
}

/** A schedule entry: the race header plus the dates (and UTC times, when known) of its sessions. */
export function scheduledRace(r: RaceRow, sessions: readonly SessionRow[]) {
  const out: Record<string, unknown> = race(r);
  const types = new Set(sessions.map((s) => s.type));
  for (const [key, type] of scheduleSessions(r.season, types)) {
    const s = sessions.find((x) => x.type === type);
    if (!s || (!s.date && !s.time)) continue;
    out[key] = compact({ date: s.date, time: s.time ? formatUtcTime(s.time) : null });
  }
  return out;
}

/** A race or sprint result. */
export function result(r: ResultRow) {
  const fastest =
    r.fastestLap !== null || r.fastestLapRank !== null || r.fastestLapTimeMillis !== null
      ? compact({
          rank: str(r.fastestLapRank),
          lap: str(r.fastestLap),
          Time: r.fastestLapTimeMillis !== null ? { time: formatDuration(r.fastestLapTimeMillis) } : null,
          AverageSpeed: r.fastestLapSpeed !== null ? { units: 'kph', speed: formatSpeed(r.fastestLapSpeed) } : null,
        })
      : null;
  return compact({
    number: String(r.number),
    position: str(r.position),
    positionText: r.positionText,
    points: r.points === null ? null : formatPoints(r.points),
    Driver: driver(r),
    Constructor: constructor(r),
    grid: str(r.grid),
    laps: str(r.laps),
    status: r.status,
    Time: r.timeMillis !== null ? compact({ millis: String(r.timeMillis), time: r.timeText ?? formatDuration(r.timeMillis) }) : null,
    FastestLap: fastest,
  });
}

export const qualifyingResult = (q: QualifyingRow) =>
  compact({
    number: String(q.number),
    position: str(q.position),
    Driver: driver(q),
    Constructor: constructor(q),
    Q1: q.q1,
    Q2: q.q2,
    Q3: q.q3,
  });

export const pitStop = (p: PitStopRow) =>
  compact({
    driverId: p.driverRef,
    lap: String(p.lap),
    stop: String(p.stop),
    time: p.localTime,
    duration: p.durationMillis === null ? null : formatDuration(p.durationMillis),
  });

export const lapTiming = (l: LapRow) =>
  compact({ driverId: l.driverRef, position: str(l.position), time: l.timeMillis === null ? null : formatDuration(l.timeMillis) });

export const status = (s: StatusRow) => compact({ statusId: str(s.statusId), count: String(s.count), status: s.status });

export const driverStanding = (s: DriverStandingRow, constructors: readonly ConstructorRow[]) =>
  compact({
    position: str(s.position),
    positionText: s.positionText,
    points: formatPoints(s.points),
    wins: String(s.wins),
    Driver: driver(s),
    Constructors: constructors.map(constructor),
  });

export const constructorStanding = (s: ConstructorStandingRow) =>
  compact({
    position: str(s.position),
    positionText: s.positionText,
    points: formatPoints(s.points),
    wins: String(s.wins),
    Constructor: constructor(s),
  });

/**
 * Group rows that arrive ordered by race into one race object each, the rows under `listKey`
 * (Ergast paginates by rows, so the first and last race of a page may be partial).
 */
export function groupByRace<T extends { raceId: number }>(
  rows: readonly T[],
  races: ReadonlyMap<number, RaceRow>,
  listKey: string,
  item: (row: T) => unknown,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let current: { raceId: number; list: unknown[] } | null = null;
  for (const row of rows) {
    if (!current || current.raceId !== row.raceId) {
      const header = races.get(row.raceId);
      if (!header) continue;
      current = { raceId: row.raceId, list: [] };
      out.push({ ...race(header), [listKey]: current.list });
    }
    current.list.push(item(row));
  }
  return out;
}

/** Lap timings of one race grouped by lap number: `[{ number, Timings: [...] }]`. */
export function groupLaps(rows: readonly LapRow[]): { number: string; Timings: unknown[] }[] {
  const out: { number: string; Timings: unknown[] }[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.number === String(row.lap)) last.Timings.push(lapTiming(row));
    else out.push({ number: String(row.lap), Timings: [lapTiming(row)] });
  }
  return out;
}

/** `…Table` and list key of each resource. */
export const tableNames: Record<Resource, [table: string, list: string]> = {
  seasons: ['SeasonTable', 'Seasons'],
  circuits: ['CircuitTable', 'Circuits'],
  races: ['RaceTable', 'Races'],
  results: ['RaceTable', 'Races'],
  sprint: ['RaceTable', 'Races'],
  qualifying: ['RaceTable', 'Races'],
  pitstops: ['RaceTable', 'Races'],
  laps: ['RaceTable', 'Races'],
  status: ['StatusTable', 'Status'],
  constructors: ['ConstructorTable', 'Constructors'],
  drivers: ['DriverTable', 'Drivers'],
  driverStandings: ['StandingsTable', 'StandingsLists'],
  constructorStandings: ['StandingsTable', 'StandingsLists'],
};

/** How each criterion is echoed in the table; null = not echoed (Jolpica hides these final filters). */
const echoNames: Record<FilterName, string | null> = {
  season: 'season',
  round: 'round',
  circuit: 'circuitId',
  team: 'constructorId',
  driver: 'driverId',
  grid: 'grid',
  result: 'position',
  fastest: 'fastest',
  status: 'status',
  lap: 'lap',
  pitstop: 'stop',
  qualifying: null,
  sprint: null,
  driverStanding: 'driverStandings',
  constructorStanding: 'constructorStandings',
};

/** The criteria as the table echoes them (values as written; season/round as resolved). */
export function echo(resource: Resource, filters: Partial<Record<FilterName, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, v] of Object.entries(filters) as [FilterName, string | undefined][]) {
    const name = echoNames[f];
    if (!name || v === undefined) continue;
    // The laps resource takes the lap as its own final value and does not echo it.
    if (resource === 'laps' && f === 'lap') continue;
    out[name] = v;
  }
  return out;
}

export interface Page {
  limit: number;
  offset: number;
  total: number;
}

/** The MRData envelope around a resource's table. */
export function envelope(url: string, page: Page, tableName: string, table: Record<string, unknown>) {
  return {
    MRData: {
      xmlns: '',
      series: 'f1',
      url,
      limit: String(page.limit),
      offset: String(page.offset),
      total: String(page.total),
      [tableName]: table,
    },
  };
}
