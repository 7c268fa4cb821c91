// Comparison of our laps with FastF1's outputs in ../shared/oracle (never copied into the repo).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildLaps, parseDriverList, parseLapCount, parseRaceControl, parseSessionStatus, parseStream, parseTrackStatus,
  buildResults, driverNumbersOf, ergastRaces, firstLapTimesOf, officialResultsFromErgast, sessionKind,
  type BuildLapsInput, type OfficialResult, type SessionResult, type DriverRef, type Lap, type LapsBuild,
} from '../src/index.js';
import { oracleDir, sharedDir, topicFile } from './paths.js';

export const ORACLE_SESSIONS = [
  'fastf1/2018_Azerbaijan_R', 'fastf1/2019_Italian_Q', 'fastf1/2020_70th_Anniversary_FP2', 'fastf1/2021_Italian_FP2',
  'fastf1/2022_Saudi_Arabian_Q', 'fastf1/2023_Azerbaijan_SS', 'fastf1/2024_Spanish_Q', 'fastf1-mexico-2025-q',
] as const;

export interface OracleMeta {
  path: string;
  name: string;
  year: number;
  round: number | null;
  t0: number | null;
}

export function oracleMeta(session: string): OracleMeta {
  const meta = JSON.parse(readFileSync(resolve(oracleDir, session, 'meta.json'), 'utf8'));
  const apiPath: string = meta.api_path ?? meta.expected_api_path ?? meta.session?.api_path;
  const name: string = meta.session_name ?? meta.session?.name;
  const info = meta.session_info ?? meta.session?.session_info;
  const year = Number(apiPath.split('/')[2]);
  let t0: number | null = null;
  const t0File = resolve(oracleDir, session, 't0.json');
  if (existsSync(t0File)) t0 = Date.parse(JSON.parse(readFileSync(t0File, 'utf8')).t0_date + 'Z');
  void info;
  return { path: apiPath.replace(/^\/static\//, ''), name, year, round: meta.round ?? null, t0 };
}

const readTopic = (path: string, topic: string) => {
  const f = topicFile(path, topic);
  return existsSync(f) ? parseStream(readFileSync(f, 'utf8')).messages : null;
};

/** The driver list for the Driver/Team columns (FastF1 ignores DriverList patches after 60 min). */
export function driverRefs(path: string): DriverRef[] {
  const msgs = readTopic(path, 'DriverList') ?? [];
  return parseDriverList(msgs.filter((m) => m.time <= 3_600_000));
}

const jolpicaFile = (year: number, round: number, name: string) =>
  resolve(sharedDir, 'f1data', 'jolpica', 'ergast', 'f1', String(year), String(round), name);

/** The race object of a recorded Jolpica answer; null when not recorded. */
export function jolpicaRace(year: number, round: number, name: string): Record<string, unknown> | null {
  const f = jolpicaFile(year, round, name);
  return existsSync(f) ? ergastRaces(JSON.parse(readFileSync(f, 'utf8')))[0] ?? null : null;
}

/** Race lap-1 times (ms) from the recorded Jolpica laps/1 and results (driverId → number). */
export function jolpicaFirstLapTimes(year: number, round: number): Map<string, number> | null {
  const results = jolpicaRace(year, round, 'results.json');
  const laps = jolpicaRace(year, round, 'laps/1.json');
  if (!results || !laps) return null;
  return new Map(firstLapTimesOf(laps, driverNumbersOf(results)).times.map((t) => [t.driverNumber, t.lapTime]));
}

export function buildInputFor(session: string, opts: { t0?: boolean } = {}): BuildLapsInput {
  const m = oracleMeta(session);
  const ss = readTopic(m.path, 'SessionStatus');
  const ts = readTopic(m.path, 'TrackStatus');
  const rcm = readTopic(m.path, 'RaceControlMessages');
  const lc = readTopic(m.path, 'LapCount');
  const firstLapTimes = m.name === 'Race' && m.round !== null ? jolpicaFirstLapTimes(m.year, m.round) : null;
  return {
    sessionName: m.name,
    year: m.year,
    timingData: readTopic(m.path, 'TimingData') ?? [],
    timingAppData: readTopic(m.path, 'TimingAppData') ?? [],
    sessionStatus: ss ? parseSessionStatus(ss) : [],
    trackStatus: ts ? parseTrackStatus(ts) : null,
    raceControl: rcm ? parseRaceControl(rcm) : null,
    lapCount: lc ? parseLapCount(lc) : [],
    drivers: driverRefs(m.path),
    t0: opts.t0 ? m.t0 : null,
    firstLapTimes: firstLapTimes ?? undefined,
  };
}

export function buildOracleSession(session: string, opts: { t0?: boolean } = {}): LapsBuild {
  return buildLaps(buildInputFor(session, opts));
}

type OracleLap = Record<string, unknown>;
export function oracleLaps(session: string): OracleLap[] {
  return JSON.parse(readFileSync(resolve(oracleDir, session, 'laps.json'), 'utf8'));
}

/** FastF1 column → how to read ours. */
export const COLUMNS: [string, (l: Lap) => unknown, 'dur' | 'float' | 'str' | 'bool' | 'date'][] = [
  ['Time', (l) => l.time, 'dur'], ['Driver', (l) => l.driver, 'str'], ['DriverNumber', (l) => l.driverNumber, 'str'],
  ['LapTime', (l) => l.lapTime, 'dur'], ['LapNumber', (l) => l.lapNumber, 'float'], ['Stint', (l) => l.stint, 'float'],
  ['PitOutTime', (l) => l.pitOutTime, 'dur'], ['PitInTime', (l) => l.pitInTime, 'dur'],
  ['Sector1Time', (l) => l.sector1Time, 'dur'], ['Sector2Time', (l) => l.sector2Time, 'dur'], ['Sector3Time', (l) => l.sector3Time, 'dur'],
  ['Sector1SessionTime', (l) => l.sector1SessionTime, 'dur'], ['Sector2SessionTime', (l) => l.sector2SessionTime, 'dur'],
  ['Sector3SessionTime', (l) => l.sector3SessionTime, 'dur'],
  ['SpeedI1', (l) => l.speedI1, 'float'], ['SpeedI2', (l) => l.speedI2, 'float'], ['SpeedFL', (l) => l.speedFL, 'float'],
  ['SpeedST', (l) => l.speedST, 'float'], ['IsPersonalBest', (l) => l.isPersonalBest, 'bool'], ['Compound', (l) => l.compound, 'str'],
  ['TyreLife', (l) => l.tyreLife, 'float'], ['FreshTyre', (l) => l.freshTyre, 'bool'], ['Team', (l) => l.team, 'str'],
  ['LapStartTime', (l) => l.lapStartTime, 'dur'], ['LapStartDate', (l) => l.lapStartDate, 'date'],
  ['TrackStatus', (l) => l.trackStatus, 'str'], ['Position', (l) => l.position, 'float'], ['Deleted', (l) => l.deleted, 'bool'],
  ['DeletedReason', (l) => l.deletedReason, 'str'], ['FastF1Generated', (l) => l.fastF1Generated, 'bool'],
  ['IsAccurate', (l) => l.isAccurate, 'bool'],
];

/**
 * Representation only (pandas dtype coercion, not behaviour): FastF1 writes a missing compound as
 * "nan" (str cast of NaN) or "" (no tyre data), a missing deletion reason as "" and a missing
 * personal-best flag (inferred retirement laps) as NaN. We use null / false for these.
 */
function normalizeOracle(col: string, v: unknown): unknown {
  if ((col === 'Compound' || col === 'DeletedReason' || col === 'Team' || col === 'Driver') && (v === 'nan' || v === '')) return null;
  if (col === 'IsPersonalBest' && v === null) return false;
  return v;
}

export function valuesEqual(kind: 'dur' | 'float' | 'str' | 'bool' | 'date', ours: unknown, theirs: unknown): boolean {
  if (ours === null || ours === undefined) return theirs === null || theirs === undefined;
  if (theirs === null || theirs === undefined) return false;
  switch (kind) {
    case 'dur': return Math.abs((ours as number) / 1000 - (theirs as number)) <= 0.001 + 1e-9;
    case 'float': return Math.abs((ours as number) - (theirs as number)) <= 1e-6 * Math.max(1, Math.abs(theirs as number));
    case 'date': return Math.abs((ours as number) - Date.parse(String(theirs) + (String(theirs).endsWith('Z') ? '' : 'Z'))) <= 1;
    default: return ours === theirs;
  }
}

export interface ColumnParity { column: string; equal: number; total: number; examples: string[] }
export interface SessionParity { session: string; ours: number; theirs: number; missing: string[]; extra: string[]; columns: ColumnParity[] }

/** Every row (matched by driver number and lap number) and every column. */
export function compareWithOracle(session: string, laps: readonly Lap[], opts: { lapStartDate?: boolean } = {}): SessionParity {
  const theirs = oracleLaps(session);
  const key = (d: unknown, n: unknown) => `${d}#${Number(n)}`;
  const ours = new Map(laps.map((l) => [key(l.driverNumber, l.lapNumber), l]));
  const theirKeys = new Set(theirs.map((t) => key(t.DriverNumber, t.LapNumber)));
  const missing = theirs.map((t) => key(t.DriverNumber, t.LapNumber)).filter((k) => !ours.has(k));
  const extra = [...ours.keys()].filter((k) => !theirKeys.has(k));
  const columns: ColumnParity[] = COLUMNS.map(([column]) => ({ column, equal: 0, total: theirs.length, examples: [] }));
  for (const t of theirs) {
    const k = key(t.DriverNumber, t.LapNumber);
    const o = ours.get(k);
    COLUMNS.forEach(([column, get, kind], ci) => {
      const c = columns[ci]!;
      if (!o) return;
      let theirV = normalizeOracle(column, t[column]);
      let ourV = get(o);
      if (column === 'LapStartDate' && !opts.lapStartDate) { theirV = null; ourV = null; }
      if (valuesEqual(kind, ourV, theirV)) c.equal++;
      else if (c.examples.length < 5) c.examples.push(`${k}: ours=${JSON.stringify(ourV)} theirs=${JSON.stringify(t[column])}`);
    });
  }
  return { session, ours: laps.length, theirs: theirs.length, missing, extra, columns };
}

/** Official results FastF1 had for a session (recorded Jolpica answers), or null (then: from laps). */
export function officialFor(session: string): OfficialResult[] | null {
  const m = oracleMeta(session);
  if (m.round === null) return null;
  const kind = sessionKind(m.name, m.year);
  // practice: FastF1 takes driver identities from the race's results
  const file = kind === 'qualifying' ? (m.name === 'Qualifying' ? 'qualifying.json' : null)
    : kind === 'race' && m.name !== 'Race' ? 'sprint.json' : 'results.json';
  const race = file ? jolpicaRace(m.year, m.round, file) : null;
  return race ? officialResultsFromErgast(race) : null;
}

export function resultsFor(session: string, build: LapsBuild): SessionResult[] {
  const m = oracleMeta(session);
  const msgs = readTopic(m.path, 'DriverList') ?? [];
  return buildResults({ kind: build.kind, drivers: parseDriverList(msgs.filter((x) => x.time <= 3_600_000)), official: officialFor(session), laps: build.laps });
}

export const RESULT_COLUMNS: [string, (r: SessionResult) => unknown, 'dur' | 'float' | 'str'][] = [
  ['Abbreviation', (r) => r.abbreviation, 'str'], ['TeamName', (r) => r.teamName, 'str'], ['DriverId', (r) => r.driverId, 'str'],
  ['Position', (r) => r.position, 'float'], ['ClassifiedPosition', (r) => r.classifiedPosition, 'str'],
  ['GridPosition', (r) => r.gridPosition, 'float'], ['Q1', (r) => r.q1, 'dur'], ['Q2', (r) => r.q2, 'dur'], ['Q3', (r) => r.q3, 'dur'],
  ['Time', (r) => r.time, 'dur'], ['Status', (r) => r.status, 'str'], ['Points', (r) => r.points, 'float'], ['Laps', (r) => r.laps, 'float'],
];

/** FastF1 writes missing text as "" and classified positions computed from floats as "1.0". */
function normalizeResult(col: string, v: unknown): unknown {
  if (typeof v === 'string' && v === '') return null;
  if (col === 'ClassifiedPosition' && typeof v === 'string' && /^\d+\.0$/.test(v)) return v.slice(0, -2);
  return v;
}

export function compareResults(session: string, results: readonly SessionResult[]): { rows: number; missing: string[]; columns: ColumnParity[] } {
  const theirs = JSON.parse(readFileSync(resolve(oracleDir, session, 'results.json'), 'utf8')) as Record<string, unknown>[];
  const ours = new Map(results.map((r) => [r.driverNumber, r]));
  const missing = theirs.map((t) => String(t.DriverNumber)).filter((n) => !ours.has(n));
  const columns = RESULT_COLUMNS.map(([column, get, kind]) => {
    const c: ColumnParity = { column, equal: 0, total: theirs.length, examples: [] };
    for (const t of theirs) {
      const o = ours.get(String(t.DriverNumber));
      if (!o) continue;
      const tv = normalizeResult(column, t[column]);
      const ov = normalizeResult(column, get(o));
      if (valuesEqual(kind, ov, tv)) c.equal++;
      else if (c.examples.length < 4) c.examples.push(`${t.DriverNumber}: ours=${JSON.stringify(ov)} theirs=${JSON.stringify(t[column])}`);
    }
    return c;
  });
  return { rows: theirs.length, missing, columns };
}
