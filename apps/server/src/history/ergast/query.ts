// Criteria → SQL, one small set of queries per resource (at most four per request).
//
// Jolpica's filters mean "there is an entry of this driver/constructor in a race matching all of these
// criteria at once": `drivers/glock/constructors/toyota/grid/1/seasons` are the seasons in which one and
// the same Toyota entry of Glock started from pole. An entry is a car in a race, i.e. a row of results,
// qualifying, sprint results or sprint qualifying; criteria on the race result (grid, results, fastest,
// status) need the race-result row itself, sprint and qualifying positions the row of that session.
// Criteria on season, driver and constructor alone are answered from who drove for whom (team_drivers),
// which also lists drivers entered for a season without a result, as Jolpica does.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { compareNames } from './format.js';
import type { Resource } from './grammar.js';
import type { ScheduledRound } from './next-last.js';
import type {
  CircuitRow,
  ConstructorRow,
  ConstructorStandingRow,
  DriverRow,
  DriverStandingRow,
  LapRow,
  PitStopRow,
  QualifyingRow,
  RaceRow,
  ResultRow,
  SeasonRow,
  SessionRow,
  StatusRow,
} from './serialise.js';

/** Criteria with season and round resolved to numbers (`fastest/0` means no criterion, as in Ergast). */
export interface Criteria {
  season?: number;
  round?: number;
  circuit?: string;
  team?: string;
  driver?: string;
  grid?: number;
  result?: number;
  fastest?: number;
  status?: number;
  lap?: number;
  pitstop?: number;
  qualifying?: number;
  sprint?: number;
  driverStanding?: number;
  constructorStanding?: number;
}

export interface Paging {
  limit: number;
  offset: number;
}

async function all<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

const int = (n: number) => sql`${n}::int`;
const and = (conds: SQL[]) => (conds.length === 0 ? sql`true` : sql.join(conds, sql` and `));
const page = (p: Paging) => sql`limit ${p.limit} offset ${p.offset}`;

const idOfDriver = (ref: string) => sql`(select id from drivers where driver_ref = ${ref})`;
const idOfConstructor = (ref: string) => sql`(select id from constructors where constructor_ref = ${ref})`;
const idOfCircuit = (ref: string) => sql`(select id from circuits where circuit_ref = ${ref})`;

const classified = (alias: string) => sql.raw(`${alias}.position_text ~ '^[0-9]+$'`);

// ── the tables an entry can come from ───────────────────────────────────────────────────────────────

type EntryTable = 'results' | 'sprint_results' | 'qualifying';

/** Which entry table each entry criterion is about, for a resource (sprint grids and statuses are the sprint's). */
function targetOf(criterion: 'grid' | 'result' | 'fastest' | 'status' | 'sprint' | 'qualifying', resource: Resource): EntryTable {
  if (criterion === 'sprint') return 'sprint_results';
  if (criterion === 'qualifying') return 'qualifying';
  if (resource === 'sprint' && (criterion === 'grid' || criterion === 'status')) return 'sprint_results';
  return 'results';
}

/**
 * Jolpica matches `qualifying/N` against the car's place in any part of qualifying (Q1, Q2 or Q3),
 * not only the final one; rows without per-part places (from the API sync) match on the final place.
 */
function qualifyingPositionIs(alias: string, n: number): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  return sql`(${int(n)} in (${col('q1_position')}, ${col('q2_position')}, ${col('q3_position')})
    or (coalesce(${col('q1_position')}, ${col('q2_position')}, ${col('q3_position')}) is null and ${col('position')} = ${int(n)}))`;
}

/** Conditions on one entry table's row `alias`, for the criteria that target it. */
function entryTableConds(table: EntryTable, alias: string, c: Criteria, resource: Resource): SQL[] {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const out: SQL[] = [];
  for (const k of ['grid', 'result', 'fastest', 'status', 'sprint', 'qualifying'] as const) {
    const v = c[k];
    if (v === undefined || targetOf(k, resource) !== table) continue;
    if (k === 'grid') out.push(sql`${col('grid')} = ${int(v)}`);
    else if (k === 'fastest') out.push(sql`${col('fastest_lap_rank')} = ${int(v)}`);
    else if (k === 'status') out.push(sql`${col('status_id')} = ${int(v)}`);
    else if (k === 'qualifying') out.push(qualifyingPositionIs(alias, v));
    else out.push(sql`${col('position')} = ${int(v)} and ${classified(alias)}`);
  }
  return out;
}

/**
 * Conditions tying the entry `alias` (a row of `table`, or of the union of entries when null) to the
 * entry criteria: those on its own table directly, the others through the same car's row of theirs.
 */
function entryConds(table: EntryTable | null, alias: string, c: Criteria, resource: Resource): SQL[] {
  const out: SQL[] = [];
  if (c.driver !== undefined) out.push(sql`${sql.raw(alias)}.driver_id = ${idOfDriver(c.driver)}`);
  if (c.team !== undefined) out.push(sql`${sql.raw(alias)}.constructor_id = ${idOfConstructor(c.team)}`);
  for (const other of ['results', 'sprint_results', 'qualifying'] as const) {
    if (other === table) {
      out.push(...entryTableConds(other, alias, c, resource));
      continue;
    }
    const conds = entryTableConds(other, 'x', c, resource);
    if (conds.length === 0) continue;
    out.push(sql`exists (select 1 from ${sql.raw(other)} x where x.race_id = ${sql.raw(alias)}.race_id and x.driver_id = ${sql.raw(alias)}.driver_id and x.constructor_id = ${sql.raw(alias)}.constructor_id and ${and(conds)})`);
  }
  return out;
}

const hasRaceResultCriteria = (c: Criteria) => c.grid !== undefined || c.result !== undefined || c.fastest !== undefined || c.status !== undefined;
const hasEntryCriteria = (c: Criteria) => hasRaceResultCriteria(c) || c.sprint !== undefined || c.qualifying !== undefined;

/** Every car entered in a race, from whichever session knows it. */
const allEntries = sql.raw(
  `(select race_id, driver_id, constructor_id from results
    union all select race_id, driver_id, constructor_id from qualifying
    union all select race_id, driver_id, constructor_id from sprint_results
    union all select race_id, driver_id, constructor_id from sprint_qualifying)`,
);

/**
 * `exists` an entry `e` in a race `er` matching the criteria, plus the caller's link to its own row.
 * The entry's race is `er`, not `r`: the races resource links `e.race_id = r.id` to its outer `r`,
 * which an inner `races r` would shadow (the link then always held and every race matched).
 */
function entryExists(c: Criteria, resource: Resource, link: SQL, include: { season: boolean; round: boolean; circuit: boolean }): SQL {
  // A race-result criterion needs the race-result row, so scan results instead of every entry.
  const table: EntryTable | null = hasRaceResultCriteria(c) && targetOf('grid', resource) === 'results' ? 'results' : null;
  const from = table ? sql.raw(table) : allEntries;
  const conds = [link, ...entryConds(table, 'e', c, resource)];
  if (include.season && c.season !== undefined) conds.push(sql`er.season = ${int(c.season)}`);
  if (include.round && c.round !== undefined) conds.push(sql`er.round = ${int(c.round)}`);
  if (include.circuit && c.circuit !== undefined) conds.push(sql`er.circuit_id = ${idOfCircuit(c.circuit)}`);
  return sql`exists (select 1 from ${from} e join races er on er.id = e.race_id where ${and(conds)})`;
}

/** `exists` a team_drivers row for season/driver/constructor (no race needed). */
function teamDriverExists(c: Criteria, link: SQL): SQL {
  const conds = [link];
  if (c.season !== undefined) conds.push(sql`td.season = ${int(c.season)}`);
  if (c.driver !== undefined) conds.push(sql`td.driver_id = ${idOfDriver(c.driver)}`);
  if (c.team !== undefined) conds.push(sql`td.constructor_id = ${idOfConstructor(c.team)}`);
  return sql`exists (select 1 from team_drivers td where ${and(conds)})`;
}

/**
 * `exists` a championship standing at `position` (Ergast's `driverStandings/1/drivers` = champions):
 * after the given round, or else after the last round of the season.
 */
function standingExists(kind: 'driver' | 'constructor', position: number, c: Criteria, link: SQL): SQL {
  const table = sql.raw(kind === 'driver' ? 'driver_standings' : 'constructor_standings');
  const conds = [link, sql`st.position = ${int(position)}`];
  if (c.season !== undefined) conds.push(sql`st.season = ${int(c.season)}`);
  conds.push(c.round !== undefined ? sql`st.round = ${int(c.round)}` : sql`st.round = (select max(m.round) from ${table} m where m.season = st.season)`);
  if (kind === 'driver' && c.driver !== undefined) conds.push(sql`st.driver_id = ${idOfDriver(c.driver)}`);
  if (kind === 'constructor' && c.team !== undefined) conds.push(sql`st.constructor_id = ${idOfConstructor(c.team)}`);
  return sql`exists (select 1 from ${table} st where ${and(conds)})`;
}

// ── selected columns ─────────────────────────────────────────────────────────────────────────────

const circuitCols = sql.raw(
  `c.circuit_ref as "circuitRef", c.url as "circuitUrl", c.name as "circuitName", c.lat, c.lng, c.locality, c.country`,
);
const raceCols = sql.raw(
  `r.id as "raceId", r.season, r.round, r.url as "raceUrl", r.name as "raceName", r.date::text as date, r.time,
   c.circuit_ref as "circuitRef", c.url as "circuitUrl", c.name as "circuitName", c.lat, c.lng, c.locality, c.country`,
);
const driverCols = sql.raw(
  `d.driver_ref as "driverRef", d.permanent_number as "permanentNumber", d.code, d.url as "driverUrl",
   d.given_name as "givenName", d.family_name as "familyName", d.date_of_birth::text as "dateOfBirth", d.nationality`,
);
const constructorCols = sql.raw(
  `k.constructor_ref as "constructorRef", k.url as "constructorUrl", k.name as "constructorName", k.nationality as "constructorNationality"`,
);

export interface Listing<T> {
  total: number;
  rows: T[];
}

async function countOf(db: DbOrTx, from: SQL, where: SQL): Promise<number> {
  const [row] = await all<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`);
  return Number(row?.n ?? 0);
}

/** Sort in JS by a collation PostgreSQL may not have (PGlite has only C), then page. */
function sortAndPage<T>(rows: T[], key: (r: T) => string, tie: (r: T) => number, p: Paging): Listing<T> {
  rows.sort((a, b) => compareNames(key(a), key(b)) || tie(a) - tie(b));
  return { total: rows.length, rows: rows.slice(p.offset, p.offset + p.limit) };
}

// ── entities ─────────────────────────────────────────────────────────────────────────────────────

export async function seasons(db: DbOrTx, c: Criteria, p: Paging): Promise<Listing<SeasonRow>> {
  const conds: SQL[] = [];
  if (c.season !== undefined) conds.push(sql`s.year = ${int(c.season)}`);
  if (hasEntryCriteria(c) || c.round !== undefined || c.circuit !== undefined) {
    conds.push(entryExists(c, 'seasons', sql`er.season = s.year`, { season: false, round: true, circuit: true }));
  } else if (c.driver !== undefined || c.team !== undefined) {
    conds.push(teamDriverExists(c, sql`td.season = s.year`));
  }
  if (c.driverStanding !== undefined) conds.push(standingExists('driver', c.driverStanding, c, sql`st.season = s.year`));
  if (c.constructorStanding !== undefined) conds.push(standingExists('constructor', c.constructorStanding, c, sql`st.season = s.year`));
  const where = and(conds);
  const [total, rows] = await Promise.all([
    countOf(db, sql`seasons s`, where),
    all<SeasonRow>(db, sql`select s.year, s.url as "seasonUrl" from seasons s where ${where} order by s.year ${page(p)}`),
  ]);
  return { total, rows };
}

export async function circuits(db: DbOrTx, c: Criteria, p: Paging): Promise<Listing<CircuitRow>> {
  const conds: SQL[] = [];
  if (c.circuit !== undefined) conds.push(sql`c.circuit_ref = ${c.circuit}`);
  if (hasEntryCriteria(c) || c.driver !== undefined || c.team !== undefined) {
    conds.push(entryExists(c, 'circuits', sql`er.circuit_id = c.id`, { season: true, round: true, circuit: false }));
  } else if (c.season !== undefined || c.round !== undefined) {
    const raceConds = [sql`r.circuit_id = c.id`];
    if (c.season !== undefined) raceConds.push(sql`r.season = ${int(c.season)}`);
    if (c.round !== undefined) raceConds.push(sql`r.round = ${int(c.round)}`);
    conds.push(sql`exists (select 1 from races r where ${and(raceConds)})`);
  }
  const rows = await all<CircuitRow & { id: number }>(db, sql`select c.id, ${circuitCols} from circuits c where ${and(conds)}`);
  return sortAndPage(rows, (r) => r.circuitRef, (r) => r.id, p);
}

function raceConds(c: Criteria, resource: Resource): SQL[] {
  const conds: SQL[] = [];
  if (c.season !== undefined) conds.push(sql`r.season = ${int(c.season)}`);
  if (c.round !== undefined) conds.push(sql`r.round = ${int(c.round)}`);
  if (c.circuit !== undefined) conds.push(sql`c.circuit_ref = ${c.circuit}`);
  if (hasEntryCriteria(c) || c.driver !== undefined || c.team !== undefined) {
    conds.push(entryExists(c, resource, sql`e.race_id = r.id`, { season: false, round: false, circuit: false }));
  }
  return conds;
}

export async function races(db: DbOrTx, c: Criteria, p: Paging): Promise<Listing<RaceRow> & { sessions: SessionRow[] }> {
  const from = sql`races r join circuits c on c.id = r.circuit_id`;
  const where = and(raceConds(c, 'races'));
  const [total, rows] = await Promise.all([
    countOf(db, from, where),
    all<RaceRow>(db, sql`select ${raceCols} from ${from} where ${where} order by r.season, r.round ${page(p)}`),
  ]);
  const ids = rows.map((r) => r.raceId);
  const sessions =
    ids.length === 0
      ? []
      : await all<SessionRow>(
          db,
          sql`select race_id as "raceId", type, date::text as date, time from race_sessions
              where race_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
              order by race_id, date nulls last, time nulls last, number nulls last, id`,
        );
  return { total, rows, sessions };
}

/** Drivers and constructors share one shape: a row of their own table linked through entries or team_drivers. */
async function people<T extends { id: number }>(
  db: DbOrTx,
  c: Criteria,
  resource: 'drivers' | 'constructors',
  p: Paging,
): Promise<Listing<T>> {
  const isDriver = resource === 'drivers';
  const conds: SQL[] = [];
  if (isDriver && c.driver !== undefined) conds.push(sql`d.driver_ref = ${c.driver}`);
  if (!isDriver && c.team !== undefined) conds.push(sql`k.constructor_ref = ${c.team}`);
  const own = isDriver ? 'driver' : 'team';
  const rest = { ...c, [own]: undefined };
  const linkEntry = isDriver ? sql`e.driver_id = d.id` : sql`e.constructor_id = k.id`;
  const linkTeam = isDriver ? sql`td.driver_id = d.id` : sql`td.constructor_id = k.id`;
  if (hasEntryCriteria(c) || c.round !== undefined || c.circuit !== undefined) {
    conds.push(entryExists(rest, resource, linkEntry, { season: true, round: true, circuit: true }));
  } else if (rest.season !== undefined || rest.driver !== undefined || rest.team !== undefined) {
    conds.push(teamDriverExists(rest, linkTeam));
  }
  if (isDriver && c.driverStanding !== undefined) conds.push(standingExists('driver', c.driverStanding, rest, sql`st.driver_id = d.id`));
  if (!isDriver && c.constructorStanding !== undefined) {
    conds.push(standingExists('constructor', c.constructorStanding, rest, sql`st.constructor_id = k.id`));
  }
  const rows = isDriver
    ? await all<T>(db, sql`select d.id, ${driverCols} from drivers d where ${and(conds)}`)
    : await all<T>(db, sql`select k.id, ${constructorCols} from constructors k where ${and(conds)}`);
  return sortAndPage(
    rows,
    (r) => (isDriver ? (r as unknown as DriverRow).familyName : (r as unknown as ConstructorRow).constructorRef),
    (r) => r.id,
    p,
  );
}

export const drivers = (db: DbOrTx, c: Criteria, p: Paging) => people<DriverRow & { id: number }>(db, c, 'drivers', p);
export const constructors = (db: DbOrTx, c: Criteria, p: Paging) => people<ConstructorRow & { id: number }>(db, c, 'constructors', p);

// ── per-entry resources ──────────────────────────────────────────────────────────────────────────

/** Conditions on an entry row `e` of `table` joined to its race `r` and circuit `c`. */
function rowConds(table: EntryTable, c: Criteria, resource: Resource): SQL[] {
  const conds: SQL[] = [];
  if (c.season !== undefined) conds.push(sql`r.season = ${int(c.season)}`);
  if (c.round !== undefined) conds.push(sql`r.round = ${int(c.round)}`);
  if (c.circuit !== undefined) conds.push(sql`c.circuit_ref = ${c.circuit}`);
  conds.push(...entryConds(table, 'e', c, resource));
  return conds;
}

const entryFrom = (table: EntryTable) =>
  sql`${sql.raw(table)} e join races r on r.id = e.race_id join circuits c on c.id = r.circuit_id`;

export async function statuses(db: DbOrTx, c: Criteria, p: Paging): Promise<Listing<StatusRow>> {
  const rows = await all<StatusRow>(
    db,
    sql`select e.status_id as "statusId", st.status, count(*)::int as count
        from ${entryFrom('results')} left join statuses st on st.id = e.status_id
        where ${and(rowConds('results', c, 'status'))}
        group by e.status_id, st.status`,
  );
  // Most frequent first, then by text in code-point order (as Jolpica's tests expect).
  const text = (s: StatusRow) => s.status ?? '';
  rows.sort((a, b) => b.count - a.count || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
  return { total: rows.length, rows: rows.slice(p.offset, p.offset + p.limit) };
}

export async function results(db: DbOrTx, c: Criteria, p: Paging, resource: 'results' | 'sprint'): Promise<Listing<ResultRow & RaceRow>> {
  const table = resource === 'results' ? 'results' : 'sprint_results';
  const where = and(rowConds(table, c, resource));
  const [total, rows] = await Promise.all([
    countOf(db, entryFrom(table), where),
    all<ResultRow & RaceRow>(
      db,
      sql`select ${raceCols}, ${driverCols}, ${constructorCols},
            e.number, e.position, e.position_text as "positionText", e.points, e.grid, e.laps, st.status,
            e.time_millis as "timeMillis", e.time_text as "timeText", e.fastest_lap as "fastestLap",
            e.fastest_lap_rank as "fastestLapRank", e.fastest_lap_time_millis as "fastestLapTimeMillis",
            e.fastest_lap_speed::text as "fastestLapSpeed"
          from ${entryFrom(table)}
            join drivers d on d.id = e.driver_id join constructors k on k.id = e.constructor_id
            left join statuses st on st.id = e.status_id
          where ${where}
          order by r.season, r.round, e.position nulls last, e.id ${page(p)}`,
    ),
  ]);
  return { total, rows };
}

export async function qualifying(db: DbOrTx, c: Criteria, p: Paging): Promise<Listing<QualifyingRow & RaceRow>> {
  const where = and([...rowConds('qualifying', c, 'qualifying'), sql`e.position is not null`]);
  const [total, rows] = await Promise.all([
    countOf(db, entryFrom('qualifying'), where),
    all<QualifyingRow & RaceRow>(
      db,
      sql`select ${raceCols}, ${driverCols}, ${constructorCols}, e.number, e.position, e.q1, e.q2, e.q3
          from ${entryFrom('qualifying')}
            join drivers d on d.id = e.driver_id join constructors k on k.id = e.constructor_id
          where ${where}
          order by r.season, r.round, coalesce(least(e.q1_position, e.q2_position, e.q3_position), e.position), e.position, e.id
          ${page(p)}`,
    ),
  ]);
  return { total, rows };
}

/**
 * Pit stops and laps belong to a driver in a race; their constructor and race-result criteria are
 * those of the driver's race result.
 */
function timingConds(alias: 'p' | 'l', c: Criteria, resource: Resource): SQL[] {
  const a = sql.raw(alias);
  const conds: SQL[] = [];
  if (c.season !== undefined) conds.push(sql`r.season = ${int(c.season)}`);
  if (c.round !== undefined) conds.push(sql`r.round = ${int(c.round)}`);
  if (c.circuit !== undefined) conds.push(sql`c.circuit_ref = ${c.circuit}`);
  if (c.driver !== undefined) conds.push(sql`${a}.driver_id = ${idOfDriver(c.driver)}`);
  if (c.lap !== undefined) conds.push(sql`${a}.lap = ${int(c.lap)}`);
  if (alias === 'p' && c.pitstop !== undefined) conds.push(sql`p.stop = ${int(c.pitstop)}`);
  const viaResult = [...entryTableConds('results', 'x', c, resource)];
  if (c.team !== undefined) viaResult.push(sql`x.constructor_id = ${idOfConstructor(c.team)}`);
  if (viaResult.length > 0) {
    conds.push(sql`exists (select 1 from results x where x.race_id = ${a}.race_id and x.driver_id = ${a}.driver_id and ${and(viaResult)})`);
  }
  return conds;
}

/** Pit stops in time order; stops in the same second in Jolpica's order (its entries follow the classification). */
export async function pitStops(db: DbOrTx, c: Criteria, p: Paging): Promise<Listing<PitStopRow & RaceRow>> {
  const from = sql`pit_stops p join races r on r.id = p.race_id join circuits c on c.id = r.circuit_id join drivers d on d.id = p.driver_id`;
  const where = and(timingConds('p', c, 'pitstops'));
  const [total, rows] = await Promise.all([
    countOf(db, from, where),
    all<PitStopRow & RaceRow>(
      db,
      sql`select ${raceCols}, d.driver_ref as "driverRef", p.lap, p.stop, p.local_time as "localTime", p.duration_millis as "durationMillis"
          from ${from} where ${where}
          order by r.season, r.round, p.local_time nulls last,
            (select x.position from results x where x.race_id = p.race_id and x.driver_id = p.driver_id order by x.position limit 1),
            p.stop, d.id
          ${page(p)}`,
    ),
  ]);
  return { total, rows };
}

export async function laps(db: DbOrTx, c: Criteria, p: Paging): Promise<Listing<LapRow & RaceRow>> {
  const from = sql`lap_times l join races r on r.id = l.race_id join circuits c on c.id = r.circuit_id join drivers d on d.id = l.driver_id`;
  const where = and(timingConds('l', c, 'laps'));
  const [total, rows] = await Promise.all([
    countOf(db, from, where),
    all<LapRow & RaceRow>(
      db,
      sql`select ${raceCols}, d.driver_ref as "driverRef", l.lap, l.position, l.time_millis as "timeMillis"
          from ${from} where ${where}
          order by r.season, r.round, l.lap, l.position nulls last, d.id ${page(p)}`,
    ),
  ]);
  return { total, rows };
}

// ── standings ────────────────────────────────────────────────────────────────────────────────────

/** The round a season's standings are shown after when none is asked for: the latest one computed. */
export async function latestStandingsRound(db: DbOrTx, season: number, kind: 'drivers' | 'constructors'): Promise<number | undefined> {
  const table = sql.raw(kind === 'drivers' ? 'driver_standings' : 'constructor_standings');
  const [row] = await all<{ round: number | null }>(
    db,
    sql`select coalesce((select max(round) from ${table} where season = ${int(season)}),
                        (select max(round) from races where season = ${int(season)})) as round`,
  );
  return row?.round ?? undefined;
}

export async function driverStandings(
  db: DbOrTx,
  c: Criteria & { season: number; round: number },
  p: Paging,
): Promise<Listing<DriverStandingRow> & { constructorsOf: Map<number, ConstructorRow[]> }> {
  const conds = [sql`s.season = ${int(c.season)}`, sql`s.round = ${int(c.round)}`];
  if (c.driver !== undefined) conds.push(sql`d.driver_ref = ${c.driver}`);
  if (c.driverStanding !== undefined) conds.push(sql`s.position = ${int(c.driverStanding)}`);
  const from = sql`driver_standings s join drivers d on d.id = s.driver_id`;
  const where = and(conds);
  const [total, rows] = await Promise.all([
    countOf(db, from, where),
    all<DriverStandingRow>(
      db,
      sql`select s.season, s.round, s.position, s.position_text as "positionText", s.points, s.wins, d.id as "driverId", ${driverCols}
          from ${from} where ${where}
          order by s.position nulls last, s.points desc, d.id ${page(p)}`,
    ),
  ]);
  const constructorsOf = new Map<number, ConstructorRow[]>();
  if (rows.length > 0) {
    // The teams each driver raced for in the season up to this round, in the order he joined them.
    const teams = await all<ConstructorRow & { driverId: number }>(
      db,
      sql`select e.driver_id as "driverId", ${constructorCols}
          from ${allEntries} e join races r on r.id = e.race_id join constructors k on k.id = e.constructor_id
          where r.season = ${int(c.season)} and r.round <= ${int(c.round)}
            and e.driver_id in (${sql.join(rows.map((r) => sql`${r.driverId}`), sql`, `)})
          group by e.driver_id, k.id
          order by e.driver_id, min(r.round), k.id`,
    );
    for (const t of teams) {
      const list = constructorsOf.get(t.driverId) ?? [];
      list.push(t);
      constructorsOf.set(t.driverId, list);
    }
  }
  return { total, rows, constructorsOf };
}

export async function constructorStandings(
  db: DbOrTx,
  c: Criteria & { season: number; round: number },
  p: Paging,
): Promise<Listing<ConstructorStandingRow>> {
  const conds = [sql`s.season = ${int(c.season)}`, sql`s.round = ${int(c.round)}`];
  if (c.team !== undefined) conds.push(sql`k.constructor_ref = ${c.team}`);
  if (c.constructorStanding !== undefined) conds.push(sql`s.position = ${int(c.constructorStanding)}`);
  const from = sql`constructor_standings s join constructors k on k.id = s.constructor_id`;
  const where = and(conds);
  const [total, rows] = await Promise.all([
    countOf(db, from, where),
    all<ConstructorStandingRow>(
      db,
      sql`select s.season, s.round, s.position, s.position_text as "positionText", s.points, s.wins, ${constructorCols}
          from ${from} where ${where}
          order by s.position nulls last, s.points desc, k.id ${page(p)}`,
    ),
  ]);
  return { total, rows };
}

// ── next / last ──────────────────────────────────────────────────────────────────────────────────

/** A season's race calendar (next/last are decided from it, not from which rounds have results). */
export async function seasonSchedule(db: DbOrTx, season: number): Promise<ScheduledRound[]> {
  return all<ScheduledRound>(
    db,
    sql`select r.round, r.date::text as date, r.time, r.is_cancelled as "isCancelled"
        from races r where r.season = ${int(season)} order by r.round`,
  );
}
