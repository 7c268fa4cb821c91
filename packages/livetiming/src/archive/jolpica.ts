// The few Jolpica (Ergast-compatible) answers the engine needs for one session: which round it is,
// the race's lap-1 times (the archive has none) and the official classification. Read through a
// `Source`, so the base can be https://api.jolpi.ca or a directory of recorded answers.
import { parseDuration } from '../timing/time.js';
import { bodyText, type Source } from './source.js';

export const JOLPICA_URL = 'https://api.jolpi.ca';
/** FastF1's published event schedules (`schedule_{year}.json`), its source of round numbers. */
export const FASTF1_SCHEDULE_URL = 'https://raw.githubusercontent.com/theOehrly/f1schedule/master';

/** The race an Ergast answer is about. */
export interface JolpicaRace {
  readonly season: number;
  readonly round: number;
  readonly raceName: string;
  /** `YYYY-MM-DD` (UTC race day). */
  readonly date: string;
}

/** A lap-1 time from Jolpica, mapped to the racing number. */
export interface FirstLapTime {
  readonly driverNumber: string;
  readonly driverId: string;
  /** Lap time in ms, exactly as Jolpica states it. */
  readonly lapTime: number;
  readonly position: number | null;
}

export interface RoundCandidate {
  readonly round: number;
  readonly from: 'option' | 'jolpica-schedule' | 'fastf1-schedule' | 'meeting-number';
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

async function getJson(source: Source, path: string): Promise<unknown | null> {
  const res = await source.get(path);
  if (!res) return null;
  try {
    return JSON.parse(bodyText(res.body));
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The races of an Ergast `RaceTable` answer. */
export function ergastRaces(json: unknown): Obj[] {
  return list(obj(obj(obj(json)?.MRData)?.RaceTable)?.Races).map((r) => obj(r) ?? {});
}

function raceOf(r: Obj): JolpicaRace | null {
  const season = Number(r.season);
  const round = Number(r.round);
  const date = str(r.date);
  if (!Number.isInteger(season) || !Number.isInteger(round) || !date) return null;
  return { season, round, raceName: str(r.raceName) ?? '', date };
}

/** Days between two `YYYY-MM-DD` dates. */
function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/**
 * Candidate rounds for an event, best first: an explicit round, Jolpica's season schedule, FastF1's
 * schedule file, and F1's meeting number (2024+, which drifts from the round after a cancellation —
 * callers must check the race date of whatever they fetch with it, see `sameEvent`).
 */
export async function roundCandidates(args: {
  year: number;
  /** Race-day date of the event (`YYYY-MM-DD`, from the session path). */
  eventDate: string;
  jolpica: Source;
  schedule?: Source | null;
  round?: number | null;
  meetingNumber?: number | null;
  /** Told about lookups that failed (the next source is tried; nothing is silently lost). */
  onProblem?: (message: string) => void;
}): Promise<RoundCandidate[]> {
  const out: RoundCandidate[] = [];
  const add = (round: number | null | undefined, from: RoundCandidate['from']) => {
    if (round && Number.isInteger(round) && round > 0 && !out.some((c) => c.round === round)) out.push({ round, from });
  };
  add(args.round, 'option');
  if (out.length > 0) return out;
  const failed = (what: string) => (err: unknown) => {
    args.onProblem?.(`${what}: ${(err as Error).message}`);
    return null;
  };
  const season = await getJson(args.jolpica, `/ergast/f1/${args.year}.json`).catch(failed(`Jolpica season schedule ${args.year}`));
  for (const r of ergastRaces(season)) {
    const race = raceOf(r);
    if (race && dayDistance(race.date, args.eventDate) <= 1) add(race.round, 'jolpica-schedule');
  }
  if (args.schedule) {
    const schedule = obj(await getJson(args.schedule, `/schedule_${args.year}.json`).catch(failed(`FastF1 schedule ${args.year}`)));
    const rounds = obj(schedule?.round_number);
    const dates = obj(schedule?.event_date);
    if (rounds && dates) {
      for (const [i, d] of Object.entries(dates)) {
        const date = str(d)?.slice(0, 10);
        if (date && dayDistance(date, args.eventDate) <= 1) add(Number(rounds[i]), 'fastf1-schedule');
      }
    }
  }
  add(args.meetingNumber, 'meeting-number');
  return out;
}

/** An Ergast answer belongs to the event when its race day is within a day of the event date. */
export function sameEvent(race: JolpicaRace | null, year: number, eventDate: string): boolean {
  return race !== null && race.season === year && dayDistance(race.date, eventDate) <= 1;
}

/** Which Ergast resource holds a session's official classification. */
export type ResultsKind = 'results' | 'qualifying' | 'sprint';

/** The raw Ergast race object of `{year}/{round}/{kind}.json` with its race identity; null when absent. */
export async function fetchErgastRace(source: Source, year: number, round: number, kind: ResultsKind | 'laps/1'): Promise<{ race: JolpicaRace; data: Record<string, unknown> } | null> {
  const json = await getJson(source, `/ergast/f1/${year}/${round}/${kind}.json`);
  const r = ergastRaces(json)[0];
  const race = r ? raceOf(r) : null;
  return r && race ? { race, data: r } : null;
}

/** driverId → racing number, from an Ergast results/qualifying/sprint race object. */
export function driverNumbersOf(raceData: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of ['Results', 'QualifyingResults', 'SprintResults']) {
    for (const row of list(raceData[key])) {
      const r = obj(row);
      const id = str(obj(r?.Driver)?.driverId);
      const number = str(r?.number) ?? str(obj(r?.Driver)?.permanentNumber);
      if (id && number) out.set(id, number);
    }
  }
  return out;
}

/**
 * Lap-1 times of a `laps/1` race object mapped to racing numbers. Drivers whose id is not in
 * `numbers` are returned in `unmapped`, never guessed.
 */
export function firstLapTimesOf(lapsData: Record<string, unknown>, numbers: ReadonlyMap<string, string>): { times: FirstLapTime[]; unmapped: string[] } {
  const times: FirstLapTime[] = [];
  const unmapped: string[] = [];
  const lap = list(lapsData.Laps).map(obj).find((l) => l && String(l.number) === '1');
  for (const t of list(lap?.Timings)) {
    const timing = obj(t);
    const driverId = str(timing?.driverId);
    const lapTime = parseDuration(timing?.time);
    if (!driverId || Number.isNaN(lapTime)) continue;
    const driverNumber = numbers.get(driverId);
    if (!driverNumber) {
      unmapped.push(driverId);
      continue;
    }
    const position = Number(timing?.position);
    times.push({ driverNumber, driverId, lapTime, position: Number.isInteger(position) ? position : null });
  }
  return { times, unmapped };
}

/** A driver as a Jolpica result row names them, keyed by the racing number the car raced with. */
export interface JolpicaEntrant {
  readonly driverNumber: string;
  readonly driverId: string;
  readonly code: string | null;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly constructorName: string | null;
}

/**
 * Entrants by racing number from Ergast race objects (results/qualifying/sprint rows carry the number
 * the car raced with), earlier objects winning. A driver's `permanentNumber` is never used: Jolpica
 * keeps only the current one (a champion races as 1 and changes back later), so for a past season it
 * can name the wrong driver.
 */
export function entrantsOf(races: readonly Record<string, unknown>[]): Map<string, JolpicaEntrant> {
  const out = new Map<string, JolpicaEntrant>();
  for (const race of races) {
    for (const key of ['Results', 'QualifyingResults', 'SprintResults']) {
      for (const row of list(race[key])) {
        const r = obj(row);
        const number = str(r?.number);
        const driver = obj(r?.Driver);
        const driverId = str(driver?.driverId);
        if (!number || !driverId || out.has(number)) continue;
        out.set(number, {
          driverNumber: number, driverId, code: str(driver?.code), givenName: str(driver?.givenName), familyName: str(driver?.familyName),
          constructorName: str(obj(r?.Constructor)?.name),
        });
      }
    }
  }
  return out;
}
