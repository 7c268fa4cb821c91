// Jolpica's CSV database dump → HistoryBatch. Reading is I/O; everything after `readDump` is pure.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DumpFormatError, readCsv, type CsvRow, type CsvTable } from './csv.js';
import type {
  ConstructorStandingRow,
  DriverStandingRow,
  HistoryBatch,
  LapTimeRow,
  QualifyingRow,
  ResultRow,
} from './batch.js';
import { formatLapTime, formatResultTime, microsToMillis } from './format.js';

/** Columns read from each table; a dump missing one of them is rejected before anything is written. */
export const dumpTables = {
  championshipsystem: ['id', 'api_id', 'reference', 'name', 'driver_best_results', 'driver_season_split', 'eligibility', 'team_best_results', 'team_points_per_session', 'team_season_split'],
  pointsystem: ['id', 'api_id', 'reference', 'name', 'driver_position_points', 'driver_fastest_lap', 'team_position_points', 'team_fastest_lap', 'shared_drive', 'partial', 'is_double_points'],
  season: ['id', 'api_id', 'year', 'wikipedia', 'championship_system_id'],
  circuit: ['id', 'api_id', 'reference', 'name', 'locality', 'country', 'country_code', 'latitude', 'longitude', 'altitude', 'wikipedia'],
  driver: ['id', 'api_id', 'reference', 'forename', 'surname', 'abbreviation', 'permanent_car_number', 'date_of_birth', 'nationality', 'country_code', 'wikipedia'],
  team: ['id', 'api_id', 'reference', 'name', 'nationality', 'country_code', 'primary_color', 'wikipedia'],
  teamdriver: ['id', 'driver_id', 'team_id', 'season_id', 'role'],
  round: ['id', 'api_id', 'season_id', 'circuit_id', 'number', 'name', 'date', 'is_cancelled', 'wikipedia'],
  session: ['id', 'api_id', 'round_id', 'type', 'number', 'timestamp', 'has_time_data', 'timezone', 'scheduled_laps', 'is_cancelled', 'point_system_id'],
  roundentry: ['id', 'round_id', 'team_driver_id', 'car_number'],
  sessionentry: ['id', 'session_id', 'round_entry_id', 'position', 'is_classified', 'status', 'detail', 'points', 'grid', 'time', 'fastest_lap_rank', 'laps_completed', 'is_eligible_for_points'],
  lap: ['id', 'session_entry_id', 'number', 'position', 'time', 'average_speed', 'is_entry_fastest_lap', 'is_deleted'],
  pitstop: ['id', 'session_entry_id', 'lap_id', 'number', 'local_timestamp', 'duration'],
  championshipadjustment: ['id', 'api_id', 'season_id', 'driver_id', 'team_id', 'adjustment', 'points'],
} as const;

/** Tables a full public dump adds (standings after every session); used instead of computing them. */
export const optionalDumpTables = {
  driverchampionship: ['driver_id', 'round_id', 'season_id', 'points', 'position', 'win_count', 'is_eligible', 'adjustment_type'],
  teamchampionship: ['team_id', 'round_id', 'season_id', 'points', 'position', 'win_count', 'is_eligible', 'adjustment_type'],
} as const;

export type DumpTableName = keyof typeof dumpTables | keyof typeof optionalDumpTables;
export type JolpicaDump = Record<keyof typeof dumpTables, CsvTable> &
  Partial<Record<keyof typeof optionalDumpTables, CsvTable>>;

export const dumpFileName = (table: string) => `formula_one_${table}.csv`;

/** Read and header-check every file of a dump directory. */
export async function readDump(dir: string): Promise<JolpicaDump> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DumpFormatError(`dump directory not found: ${dir}`);
  const out: Partial<Record<DumpTableName, CsvTable>> = {};
  for (const [name, columns] of Object.entries(dumpTables)) {
    const table = await readCsv(join(dir, dumpFileName(name)));
    table.requireColumns(columns);
    out[name as DumpTableName] = table;
  }
  for (const [name, columns] of Object.entries(optionalDumpTables)) {
    const path = join(dir, dumpFileName(name));
    if (!existsSync(path)) continue;
    const table = await readCsv(path);
    table.requireColumns(columns);
    out[name as DumpTableName] = table;
  }
  return out as JolpicaDump;
}

/** Index rows by their integer id, rejecting duplicates. */
function byId(table: CsvTable): Map<number, CsvRow> {
  const map = new Map<number, CsvRow>();
  for (const row of table.rows) {
    const id = row.int('id');
    if (map.has(id)) row.fail('id', 'duplicate id');
    map.set(id, row);
  }
  return map;
}

/** Follow a foreign key; a dangling one is reported at the referring row. */
function ref(row: CsvRow, column: string, target: Map<number, CsvRow>, targetName: string): CsvRow {
  const found = target.get(row.int(column));
  if (!found) row.fail(column, `no ${targetName} with this id`);
  return found;
}
function refOrNull(row: CsvRow, column: string, target: Map<number, CsvRow>, targetName: string): CsvRow | null {
  return row.intOrNull(column) === null ? null : ref(row, column, target, targetName);
}

const QUALIFYING_TYPES = new Set(['Q1', 'Q2', 'Q3', 'QB', 'QA', 'QO']);
const SPRINT_QUALIFYING_TYPES = new Set(['SQ1', 'SQ2', 'SQ3']);

/** Ergast positionText of an unclassified result, from Jolpica's SessionEntry.status. */
function unclassifiedPositionText(status: number | null): string {
  switch (status) {
    case 30:
      return 'W';
    case 20:
      return 'D';
    case 40:
    case 41:
      return 'F';
    default:
      return 'R';
  }
}

/** Map a whole dump to a batch. Pure apart from reading the already-parsed rows. */
export function mapDump(dump: JolpicaDump): HistoryBatch {
  const systems = byId(dump.championshipsystem);
  const pointSystems = byId(dump.pointsystem);
  const seasons = byId(dump.season);
  const circuits = byId(dump.circuit);
  const drivers = byId(dump.driver);
  const teams = byId(dump.team);
  const teamDrivers = byId(dump.teamdriver);
  const rounds = byId(dump.round);
  const sessions = byId(dump.session);
  const roundEntries = byId(dump.roundentry);
  const sessionEntries = byId(dump.sessionentry);
  const laps = byId(dump.lap);

  const yearOf = (row: CsvRow, column = 'season_id') => ref(row, column, seasons, 'season').int('year');
  const roundKey = (roundRow: CsvRow) => ({ season: yearOf(roundRow), round: roundRow.int('number') });

  const batch: HistoryBatch = {
    championshipSystems: [...systems.values()].map((r) => ({
      reference: r.text('reference'),
      name: r.text('name'),
      driverBestResults: r.int('driver_best_results'),
      driverSeasonSplit: r.int('driver_season_split'),
      eligibility: r.int('eligibility'),
      teamBestResults: r.int('team_best_results'),
      teamPointsPerSession: r.int('team_points_per_session'),
      teamSeasonSplit: r.int('team_season_split'),
      jolpicaApiId: r.textOrNull('api_id'),
    })),
    pointSystems: [...pointSystems.values()].map((r) => ({
      reference: r.text('reference'),
      name: r.text('name'),
      driverPositionPoints: r.int('driver_position_points'),
      driverFastestLap: r.int('driver_fastest_lap'),
      teamPositionPoints: r.int('team_position_points'),
      teamFastestLap: r.int('team_fastest_lap'),
      sharedDrive: r.int('shared_drive'),
      partial: r.int('partial'),
      isDoublePoints: r.bool('is_double_points'),
      jolpicaApiId: r.textOrNull('api_id'),
    })),
    seasons: [...seasons.values()].map((r) => ({
      year: r.int('year'),
      url: r.textOrNull('wikipedia'),
      championshipSystemRef: refOrNull(r, 'championship_system_id', systems, 'championship system')?.text('reference') ?? null,
      jolpicaApiId: r.textOrNull('api_id'),
    })),
    circuits: [...circuits.values()].map((r) => ({
      circuitRef: r.text('reference'),
      name: r.text('name'),
      locality: r.textOrNull('locality'),
      country: r.textOrNull('country'),
      countryCode: r.textOrNull('country_code'),
      lat: r.floatOrNull('latitude'),
      lng: r.floatOrNull('longitude'),
      altitude: r.floatOrNull('altitude') === null ? null : Math.round(r.float('altitude')),
      url: r.textOrNull('wikipedia'),
      jolpicaApiId: r.textOrNull('api_id'),
    })),
    drivers: [...drivers.values()].map((r) => ({
      driverRef: r.text('reference'),
      permanentNumber: r.intOrNull('permanent_car_number'),
      code: r.textOrNull('abbreviation'),
      givenName: r.text('forename'),
      familyName: r.text('surname'),
      dateOfBirth: r.dateOrNull('date_of_birth'),
      nationality: r.textOrNull('nationality'),
      countryCode: r.textOrNull('country_code'),
      url: r.textOrNull('wikipedia'),
      jolpicaApiId: r.textOrNull('api_id'),
    })),
    constructors: [...teams.values()].map((r) => ({
      constructorRef: r.text('reference'),
      name: r.text('name'),
      nationality: r.textOrNull('nationality'),
      countryCode: r.textOrNull('country_code'),
      primaryColor: r.textOrNull('primary_color'),
      url: r.textOrNull('wikipedia'),
      jolpicaApiId: r.textOrNull('api_id'),
    })),
    races: [],
    replaceSeasons: [...seasons.values()].map((r) => r.int('year')),
    replaceResultSeasons: [],
    teamDrivers: [...teamDrivers.values()].map((r) => ({
      season: yearOf(r),
      driverRef: ref(r, 'driver_id', drivers, 'driver').text('reference'),
      constructorRef: ref(r, 'team_id', teams, 'team').text('reference'),
      role: r.intOrNull('role'),
    })),
    raceSessions: [],
    results: [],
    sprintResults: [],
    qualifying: [],
    sprintQualifying: [],
    lapTimes: [],
    pitStops: [],
    adjustments: dump.championshipadjustment.rows.map((r) => ({
      season: yearOf(r),
      driverRef: refOrNull(r, 'driver_id', drivers, 'driver')?.text('reference') ?? null,
      constructorRef: refOrNull(r, 'team_id', teams, 'team')?.text('reference') ?? null,
      adjustment: r.int('adjustment'),
      points: r.floatOrNull('points'),
      jolpicaApiId: r.textOrNull('api_id'),
    })),
  };

  // Schedule: a race's time is its race session's start, when the dump knows the time of day.
  const sessionsByRound = new Map<number, CsvRow[]>();
  for (const s of sessions.values()) {
    const roundId = ref(s, 'round_id', rounds, 'round').int('id');
    const list = sessionsByRound.get(roundId) ?? [];
    list.push(s);
    sessionsByRound.set(roundId, list);
  }
  const sessionWhen = (s: CsvRow) => {
    const ts = s.timestampOrNull('timestamp');
    return { date: ts?.date ?? null, time: ts && s.bool('has_time_data') ? ts.time : null };
  };
  for (const r of rounds.values()) {
    const key = roundKey(r);
    const roundSessions = sessionsByRound.get(r.int('id')) ?? [];
    const race = roundSessions.find((s) => s.text('type') === 'R');
    batch.races.push({
      ...key,
      circuitRef: ref(r, 'circuit_id', circuits, 'circuit').text('reference'),
      name: r.text('name'),
      date: r.dateOrNull('date'),
      time: race ? sessionWhen(race).time : null,
      url: r.textOrNull('wikipedia'),
      isCancelled: r.bool('is_cancelled'),
      jolpicaApiId: r.textOrNull('api_id'),
    });
    for (const s of roundSessions) {
      batch.raceSessions.push({
        ...key,
        type: s.text('type'),
        number: s.intOrNull('number'),
        ...sessionWhen(s),
        timezone: s.textOrNull('timezone'),
        scheduledLaps: s.intOrNull('scheduled_laps'),
        isCancelled: s.bool('is_cancelled'),
        pointSystemRef: refOrNull(s, 'point_system_id', pointSystems, 'point system')?.text('reference') ?? null,
        jolpicaApiId: s.textOrNull('api_id'),
      });
    }
  }

  // Entries: resolve each session entry to its race, driver, constructor and car once.
  interface Entry {
    row: CsvRow;
    session: CsvRow;
    type: string;
    race: { season: number; round: number };
    roundEntryId: number;
    driverRef: string;
    constructorRef: string;
    number: number;
    /** Sort key of the session within the weekend: start time, then session number. */
    order: string;
  }
  const sessionOrder = new Map<number, string>();
  for (const session of sessions.values()) {
    const ts = session.timestampOrNull('timestamp');
    sessionOrder.set(session.int('id'), `${ts?.date ?? ''} ${ts?.time ?? ''} ${String(session.intOrNull('number') ?? 0).padStart(3, '0')}`);
  }
  const entries = new Map<number, Entry>();
  for (const se of sessionEntries.values()) {
    const session = ref(se, 'session_id', sessions, 'session');
    const re = ref(se, 'round_entry_id', roundEntries, 'round entry');
    const td = ref(re, 'team_driver_id', teamDrivers, 'team driver');
    entries.set(se.int('id'), {
      row: se,
      session,
      type: session.text('type'),
      race: roundKey(ref(session, 'round_id', rounds, 'round')),
      roundEntryId: re.int('id'),
      driverRef: ref(td, 'driver_id', drivers, 'driver').text('reference'),
      constructorRef: ref(td, 'team_id', teams, 'team').text('reference'),
      number: re.int('car_number'),
      order: sessionOrder.get(session.int('id'))!,
    });
  }
  const resultSeasons = new Set<number>();
  for (const e of entries.values()) resultSeasons.add(e.race.season);
  batch.replaceResultSeasons = [...resultSeasons].sort((a, b) => a - b);

  // Each entry's fastest lap, and the lap numbers pit stops refer to.
  const fastestLapOf = new Map<number, CsvRow>();
  for (const lap of laps.values()) {
    const entryId = ref(lap, 'session_entry_id', sessionEntries, 'session entry').int('id');
    if (lap.bool('is_entry_fastest_lap') && !fastestLapOf.has(entryId)) fastestLapOf.set(entryId, lap);
  }

  // Results and sprint results.
  const winnerTime = new Map<number, number | null>();
  for (const e of entries.values()) {
    if (e.row.int('position') === 1 && (e.type === 'R' || e.type === 'SR')) {
      const t = e.row.intervalOrNull('time');
      winnerTime.set(e.session.int('id'), t === null ? null : microsToMillis(t));
    }
  }
  for (const e of entries.values()) {
    if (e.type !== 'R' && e.type !== 'SR') continue;
    const se = e.row;
    const position = se.int('position');
    const classified = se.boolOrNull('is_classified') !== false;
    // Only classified cars get a race time: a retired car's recorded time is not a result.
    const micros = classified ? se.intervalOrNull('time') : null;
    const time = micros === null ? null : microsToMillis(micros);
    const lap = fastestLapOf.get(se.int('id'));
    const lapTime = lap?.intervalOrNull('time') ?? null;
    const speed = lap?.floatOrNull('average_speed') ?? null;
    const row: ResultRow = {
      ...e.race,
      driverRef: e.driverRef,
      constructorRef: e.constructorRef,
      number: e.number,
      grid: se.intOrNull('grid'),
      position,
      positionText: classified ? String(position) : unclassifiedPositionText(se.intOrNull('status')),
      points: se.floatOrNull('points'),
      laps: se.intOrNull('laps_completed'),
      timeMillis: time,
      timeText: time === null ? null : formatResultTime(time, winnerTime.get(e.session.int('id')) ?? null),
      fastestLap: lap?.intOrNull('number') ?? null,
      // 1950s ranks come without a lap row (only the fastest car is known); rank 0 means "no lap".
      fastestLapRank: lap || (se.intOrNull('fastest_lap_rank') ?? 0) > 0 ? se.intOrNull('fastest_lap_rank') : null,
      fastestLapTimeMillis: lapTime === null ? null : microsToMillis(lapTime),
      fastestLapSpeed: speed === null ? null : speed.toFixed(3),
      status: se.textOrNull('detail'),
    };
    (e.type === 'R' ? batch.results : batch.sprintResults).push(row);
  }

  // Qualifying: one row per car, its parts in session order; single-session formats fill Q1 then Q2.
  const qualifyingOf = (types: Set<string>, target: QualifyingRow[]) => {
    const byCar = new Map<number, Entry[]>();
    for (const e of entries.values()) {
      if (!types.has(e.type)) continue;
      const list = byCar.get(e.roundEntryId) ?? [];
      list.push(e);
      byCar.set(e.roundEntryId, list);
    }
    for (const list of byCar.values()) {
      list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      const first = list[0]!;
      const row: QualifyingRow = {
        ...first.race,
        driverRef: first.driverRef,
        constructorRef: first.constructorRef,
        number: first.number,
        position: list[list.length - 1]!.row.intOrNull('position'),
        q1: null,
        q2: null,
        q3: null,
        q1Millis: null,
        q2Millis: null,
        q3Millis: null,
        q1Position: null,
        q2Position: null,
        q3Position: null,
      };
      for (const e of list) {
        const lap = fastestLapOf.get(e.row.int('id'));
        const micros = lap?.intervalOrNull('time') ?? null;
        const millis = micros === null ? null : microsToMillis(micros);
        const text = millis === null ? '' : formatLapTime(millis);
        const part = /^S?Q([123])$/.exec(e.type)?.[1] as '1' | '2' | '3' | undefined;
        const slot = part ? (`q${part}` as const) : row.q1 ? 'q2' : 'q1';
        row[slot] = text;
        row[`${slot}Millis`] = millis;
        row[`${slot}Position`] = e.row.intOrNull('position');
      }
      target.push(row);
    }
  };
  qualifyingOf(QUALIFYING_TYPES, batch.qualifying);
  qualifyingOf(SPRINT_QUALIFYING_TYPES, batch.sprintQualifying);

  // Race laps (full lap charts where the dump has them, otherwise each car's fastest lap).
  const seenLap = new Set<string>();
  for (const lap of laps.values()) {
    const e = entries.get(lap.int('session_entry_id'))!;
    const number = lap.intOrNull('number');
    if (e.type !== 'R' || number === null) continue;
    const key = `${e.race.season}/${e.race.round}/${e.driverRef}/${number}`;
    if (seenLap.has(key)) continue;
    seenLap.add(key);
    const time = lap.intervalOrNull('time');
    const row: LapTimeRow = {
      ...e.race,
      driverRef: e.driverRef,
      lap: number,
      position: lap.intOrNull('position'),
      timeMillis: time === null ? null : microsToMillis(time),
    };
    batch.lapTimes.push(row);
  }

  for (const p of dump.pitstop.rows) {
    const e = entries.get(ref(p, 'session_entry_id', sessionEntries, 'session entry').int('id'))!;
    if (e.type !== 'R') continue;
    const lapNumber = ref(p, 'lap_id', laps, 'lap').intOrNull('number');
    if (lapNumber === null) return p.fail('lap_id', 'pit stop lap has no number');
    const duration = p.intervalOrNull('duration');
    batch.pitStops.push({
      ...e.race,
      driverRef: e.driverRef,
      stop: p.int('number'),
      lap: lapNumber,
      localTime: p.timeOfDayOrNull('local_timestamp'),
      durationMillis: duration === null ? null : microsToMillis(duration),
    });
  }

  if (dump.driverchampionship && dump.teamchampionship) {
    batch.driverStandings = championshipRows(dump.driverchampionship, rounds, roundKey, (r) =>
      ref(r, 'driver_id', drivers, 'driver').text('reference'),
    ).map(({ key, ...s }) => ({ ...s, driverRef: key }) satisfies DriverStandingRow);
    batch.constructorStandings = championshipRows(dump.teamchampionship, rounds, roundKey, (r) =>
      ref(r, 'team_id', teams, 'team').text('reference'),
    ).map(({ key, ...s }) => ({ ...s, constructorRef: key }) satisfies ConstructorStandingRow);
  }

  return batch;
}

/** Standings rows of a full dump: only the rows that close a round (round_id set). */
function championshipRows(
  table: CsvTable,
  rounds: Map<number, CsvRow>,
  roundKey: (r: CsvRow) => { season: number; round: number },
  keyOf: (r: CsvRow) => string,
) {
  const out = [];
  for (const r of table.rows) {
    if (r.intOrNull('round_id') === null) continue;
    const adjustment = r.intOrNull('adjustment_type') ?? 0;
    const position = r.intOrNull('position');
    out.push({
      ...roundKey(ref(r, 'round_id', rounds, 'round')),
      key: keyOf(r),
      points: r.float('points'),
      position,
      positionText: position !== null ? String(position) : adjustment === 102 ? 'E' : adjustment === 101 ? 'D' : '-',
      wins: r.intOrNull('win_count') ?? 0,
      isEligible: r.boolOrNull('is_eligible') ?? true,
    });
  }
  return out;
}
