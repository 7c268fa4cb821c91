// Jolpica API answers → the row types the dump import also produces (import/batch.ts), so that both
// paths store the same values. Pure functions; a value that cannot be read throws JolpicaDataError
// naming the race and field.
import type {
  CircuitRow,
  ConstructorRow,
  DriverRow,
  LapTimeRow,
  PitStopRow,
  QualifyingRow,
  RaceKey,
  RaceRow,
  RaceSessionRow,
  ResultRow,
  TeamDriverRow,
} from '../import/batch.js';
import type {
  JolpicaCircuit,
  JolpicaConstructor,
  JolpicaDateTime,
  JolpicaDriver,
  JolpicaQualifyingResult,
  JolpicaRace,
  JolpicaResult,
} from './jolpica-types.js';

export class JolpicaDataError extends Error {
  override name = 'JolpicaDataError';
}

/** '1:33:56.736', '1:39.019', '59.123', '20.647', '40:55.302' → milliseconds. '' or absent → null. */
export function parseDurationMillis(text: string | undefined | null): number | null {
  if (text === undefined || text === null || text.trim() === '') return null;
  const m = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) throw new JolpicaDataError(`not a duration: "${text}"`);
  const [, h, min, s, frac] = m;
  const seconds = Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s);
  return seconds * 1000 + Math.round(Number(`0.${frac ?? '0'}`) * 1000);
}

/** '15:00:00Z' → '15:00:00' (the database keeps UTC clock times without the zone letter). */
export function utcClock(time: string | undefined): string | null {
  if (!time) return null;
  const m = /^(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?Z?$/.exec(time);
  if (!m) throw new JolpicaDataError(`not a UTC time: "${time}"`);
  return m[1]!.length === 5 ? `${m[1]}:00` : m[1]!;
}

function int(value: string | undefined, what: string): number {
  const n = intOrNull(value, what);
  if (n === null) throw new JolpicaDataError(`${what} is missing`);
  return n;
}

function intOrNull(value: string | undefined, what: string): number | null {
  if (value === undefined || value === '') return null;
  if (!/^-?\d+$/.test(value)) throw new JolpicaDataError(`${what} is not an integer: "${value}"`);
  return Number(value);
}

function floatOrNull(value: string | undefined, what: string): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new JolpicaDataError(`${what} is not a number: "${value}"`);
  return n;
}

const orNull = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

export function raceKeyOf(race: JolpicaRace): RaceKey {
  const where = `race ${race.season}/${race.round}`;
  return { season: int(race.season, `${where} season`), round: int(race.round, `${where} round`) };
}

export function circuitRow(c: JolpicaCircuit): CircuitRow {
  return {
    circuitRef: c.circuitId,
    name: c.circuitName,
    locality: orNull(c.Location?.locality),
    country: orNull(c.Location?.country),
    countryCode: null,
    lat: floatOrNull(c.Location?.lat, `circuit ${c.circuitId} lat`),
    lng: floatOrNull(c.Location?.long, `circuit ${c.circuitId} long`),
    altitude: null,
    url: orNull(c.url),
    jolpicaApiId: null,
  };
}

export function driverRow(d: JolpicaDriver): DriverRow {
  return {
    driverRef: d.driverId,
    permanentNumber: intOrNull(d.permanentNumber, `driver ${d.driverId} permanentNumber`),
    code: orNull(d.code),
    givenName: d.givenName,
    familyName: d.familyName,
    dateOfBirth: orNull(d.dateOfBirth),
    nationality: orNull(d.nationality),
    countryCode: null,
    url: orNull(d.url),
    jolpicaApiId: null,
  };
}

export function constructorRow(c: JolpicaConstructor): ConstructorRow {
  return {
    constructorRef: c.constructorId,
    name: c.name,
    nationality: orNull(c.nationality),
    countryCode: null,
    primaryColor: null,
    url: orNull(c.url),
    jolpicaApiId: null,
  };
}

export function raceRow(race: JolpicaRace): RaceRow {
  return {
    ...raceKeyOf(race),
    circuitRef: race.Circuit.circuitId,
    name: race.raceName,
    date: orNull(race.date),
    time: utcClock(race.time),
    url: orNull(race.url),
    isCancelled: false,
    jolpicaApiId: null,
  };
}

/**
 * The weekend timetable in Jolpica's session codes, as the dump stores it: knockout qualifying is
 * three sessions Q1–Q3 at the announced start (QB, one session, before 2006), sprint qualifying
 * SQ1–SQ3, the sprint SR, the race R. `number` is the session's order in the weekend.
 */
export function raceSessionRows(race: JolpicaRace): RaceSessionRow[] {
  const key = raceKeyOf(race);
  const slots: [string[], JolpicaDateTime | undefined][] = [
    [['FP1'], race.FirstPractice],
    [['FP2'], race.SecondPractice],
    [['FP3'], race.ThirdPractice],
    [key.season >= 2006 ? ['Q1', 'Q2', 'Q3'] : ['QB'], race.Qualifying],
    [['SQ1', 'SQ2', 'SQ3'], race.SprintQualifying ?? race.SprintShootout],
    [['SR'], race.Sprint],
    [['R'], race.date ? { date: race.date, time: race.time } : undefined],
  ];
  const sessions = slots
    .filter((s): s is [string[], JolpicaDateTime] => s[1] !== undefined)
    .flatMap(([types, when]) => types.map((type) => ({ type, date: when.date, time: utcClock(when.time) })));
  // Stable sort by start: the dump numbers sessions in weekend order.
  const order = sessions.map((s, i) => ({ s, i })).sort((a, b) => cmp(`${a.s.date} ${a.s.time ?? ''}`, `${b.s.date} ${b.s.time ?? ''}`) || a.i - b.i);
  return order.map(({ s }, i) => ({
    ...key,
    type: s.type,
    number: i + 1,
    date: s.date,
    time: s.time,
    timezone: null,
    scheduledLaps: null,
    isCancelled: false,
    pointSystemRef: null,
    jolpicaApiId: null,
  }));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function resultRow(key: RaceKey, r: JolpicaResult): ResultRow {
  const where = `${key.season}/${key.round} ${r.Driver.driverId}`;
  return {
    ...key,
    driverRef: r.Driver.driverId,
    constructorRef: r.Constructor.constructorId,
    number: int(r.number, `${where} number`),
    grid: intOrNull(r.grid, `${where} grid`),
    position: int(r.position, `${where} position`),
    positionText: r.positionText,
    points: floatOrNull(r.points, `${where} points`),
    laps: intOrNull(r.laps, `${where} laps`),
    timeMillis: intOrNull(r.Time?.millis, `${where} Time.millis`),
    timeText: orNull(r.Time?.time),
    fastestLap: intOrNull(r.FastestLap?.lap, `${where} FastestLap.lap`),
    fastestLapRank: intOrNull(r.FastestLap?.rank, `${where} FastestLap.rank`),
    fastestLapTimeMillis: parseDurationMillis(r.FastestLap?.Time?.time),
    fastestLapSpeed: r.FastestLap?.AverageSpeed?.speed ? Number(r.FastestLap.AverageSpeed.speed).toFixed(3) : null,
    status: orNull(r.status),
  };
}

export function qualifyingRow(key: RaceKey, q: JolpicaQualifyingResult): QualifyingRow {
  const where = `${key.season}/${key.round} ${q.Driver.driverId}`;
  // '' (took part, no time) and absent (did not take part) are different in Ergast's output.
  const part = (v: string | undefined) => (v === undefined ? null : v);
  return {
    ...key,
    driverRef: q.Driver.driverId,
    constructorRef: q.Constructor.constructorId,
    number: int(q.number, `${where} number`),
    position: intOrNull(q.position, `${where} position`),
    q1: part(q.Q1),
    q2: part(q.Q2),
    q3: part(q.Q3),
    q1Millis: parseDurationMillis(q.Q1),
    q2Millis: parseDurationMillis(q.Q2),
    q3Millis: parseDurationMillis(q.Q3),
  };
}

export function lapTimeRows(race: JolpicaRace): LapTimeRow[] {
  const key = raceKeyOf(race);
  return (race.Laps ?? []).flatMap((lap) =>
    lap.Timings.map((t) => ({
      ...key,
      driverRef: t.driverId,
      lap: int(lap.number, `${key.season}/${key.round} lap number`),
      position: intOrNull(t.position, `${key.season}/${key.round} lap ${lap.number} ${t.driverId} position`),
      timeMillis: parseDurationMillis(t.time),
    })),
  );
}

export function pitStopRows(race: JolpicaRace): PitStopRow[] {
  const key = raceKeyOf(race);
  return (race.PitStops ?? []).map((p) => {
    const where = `${key.season}/${key.round} pit stop ${p.driverId}`;
    return {
      ...key,
      driverRef: p.driverId,
      stop: int(p.stop, `${where} stop`),
      lap: int(p.lap, `${where} lap`),
      localTime: orNull(p.time),
      durationMillis: parseDurationMillis(p.duration),
    };
  });
}

/** Everything one round's answers say, as rows. A kind left undefined was not fetched. */
export interface RoundRows {
  key: RaceKey;
  results?: ResultRow[];
  sprintResults?: ResultRow[];
  qualifying?: QualifyingRow[];
  lapTimes?: LapTimeRow[];
  pitStops?: PitStopRow[];
  drivers: DriverRow[];
  constructors: ConstructorRow[];
  teamDrivers: TeamDriverRow[];
}

/** The races of an answer that belong to one round (Jolpica answers [] when it has no data). */
export function racesOfRound(races: JolpicaRace[], key: RaceKey): JolpicaRace[] {
  return races.filter((r) => {
    const k = raceKeyOf(r);
    return k.season === key.season && k.round === key.round;
  });
}

/** Collects the entrants (driver, constructor, season team) named by results and qualifying. */
export function entrantsOf(key: RaceKey, entries: (JolpicaResult | JolpicaQualifyingResult)[]): Pick<RoundRows, 'drivers' | 'constructors' | 'teamDrivers'> {
  const drivers = new Map<string, DriverRow>();
  const constructors = new Map<string, ConstructorRow>();
  const teamDrivers = new Map<string, TeamDriverRow>();
  for (const e of entries) {
    drivers.set(e.Driver.driverId, driverRow(e.Driver));
    constructors.set(e.Constructor.constructorId, constructorRow(e.Constructor));
    const td = { season: key.season, driverRef: e.Driver.driverId, constructorRef: e.Constructor.constructorId, role: null };
    teamDrivers.set(`${td.driverRef}/${td.constructorRef}`, td);
  }
  return { drivers: [...drivers.values()], constructors: [...constructors.values()], teamDrivers: [...teamDrivers.values()] };
}
