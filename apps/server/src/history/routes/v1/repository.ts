// The /api/v1 queries: database rows → the v1 shapes in schemas.ts. Each function makes a handful
// of indexed queries; nothing here knows about HTTP.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { all, circuitRef, circuitRefCols, constructorCols, constructorRef, driverCols, driverRef, int, num, str, type Row } from './rows.js';
import { compareNames } from '../../ergast/format.js';
import {
  careerSummary,
  distinctBy,
  isPodium,
  isStart,
  isWin,
  matchesSearch,
  sumPoints,
  type CareerRow,
  type StandingAtSeasonEnd,
} from './career.js';
import { raceState, seasonState, todayUtc } from './calendar.js';
import { circuitFacts, constructorFacts, driverFacts, raceFacts } from './f1db-facts.js';
import type {
  Circuit,
  CircuitProfile,
  Constructor,
  ConstructorProfile,
  ConstructorRef,
  ConstructorStanding,
  Driver,
  DriverProfile,
  DriverRef,
  DriverResultRow,
  DriverStanding,
  FinishingStatus,
  LapTime,
  Page,
  PitStop,
  QualifyingResult,
  Race,
  RaceResult,
  RaceSessionInfo,
  RaceSummary,
  Season,
  SeasonSummary,
  Standings,
  Today,
} from './schemas.js';

/** Times of day as HH:MM:SS ('15:00' → '15:00:00'). */
export function utcTime(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v);
  return s.length === 5 ? `${s}:00` : s.slice(0, 8);
}

export interface Paging {
  limit: number;
  offset: number;
}

function paginate<T>(rows: T[], p: Paging): Page<T> {
  return { items: rows.slice(p.offset, p.offset + p.limit), total: rows.length, limit: p.limit, offset: p.offset };
}

/**
 * The row id of an entity addressed by its public id or by any source's id for it (F1DB's
 * `max-verstappen` is the same driver as `max_verstappen`).
 */
const byRef = (table: string, refColumn: string, kind: string, ref: string) =>
  sql`coalesce((select x.id from ${sql.raw(table)} x where x.${sql.raw(refColumn)} = ${ref}),
               (select a.entity_id from entity_aliases a where a.kind = ${kind} and a.alias = ${ref} order by a.source limit 1))`;

const byDriverName = (a: DriverRef, b: DriverRef) => compareNames(a.familyName, b.familyName) || compareNames(a.givenName, b.givenName) || compareNames(a.id, b.id);

// ── races ────────────────────────────────────────────────────────────────────────────────────

/** Whether a race (by its alias in the query) has Grand Prix results loaded. */
const hasResults = (race: string) => sql.raw(`exists (select 1 from results x where x.race_id = ${race}.id)`);

/** Races matching `where` with their winners and their state on `today` (see raceState). */
async function raceSummaries(
  db: DbOrTx,
  where: SQL,
  { order = sql`r.season, r.round`, today = todayUtc() }: { order?: SQL; today?: string } = {},
): Promise<(RaceSummary & { raceId: number; url: string | null })[]> {
  const rows = await all(
    db,
    sql`select r.id as "raceId", r.season, r.round, r.name, r.date::text as date, r.time, r.is_cancelled as "isCancelled", r.url,
          ${hasResults('r')} as "hasResults",
          ${circuitRefCols('c', 'c_')}, ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')}
        from races r
          join circuits c on c.id = r.circuit_id
          left join lateral (
            select w.driver_id, w.constructor_id from results w
            where w.race_id = r.id and w.position_text = '1' order by w.id limit 1
          ) w on true
          left join drivers d on d.id = w.driver_id
          left join constructors k on k.id = w.constructor_id
        where ${where}
        order by ${order}`,
  );
  return rows.map((r) => ({
    raceId: Number(r.raceId),
    season: Number(r.season),
    round: Number(r.round),
    name: String(r.name),
    date: str(r.date),
    time: utcTime(r.time),
    isCancelled: Boolean(r.isCancelled),
    state: raceState({ date: str(r.date), isCancelled: Boolean(r.isCancelled), hasResults: Boolean(r.hasResults) }, today),
    url: str(r.url),
    circuit: circuitRef(r, 'c_'),
    winner: r.d_id ? { driver: driverRef(r, 'd_'), constructor: constructorRef(r, 'k_') } : null,
  }));
}

const publicSummary = ({ raceId: _raceId, url: _url, ...summary }: RaceSummary & { raceId: number; url: string | null }): RaceSummary => summary;

export async function listRaces(db: DbOrTx, q: { season?: number } & Paging): Promise<Page<RaceSummary>> {
  const where = q.season === undefined ? sql`true` : sql`r.season = ${int(q.season)}`;
  const [count] = await all<{ n: number }>(db, sql`select count(*)::int as n from races r where ${where}`);
  const rows = await raceSummaries(db, sql`${where} and r.id in (select id from races r where ${where} order by r.season, r.round limit ${q.limit} offset ${q.offset})`);
  return { items: rows.map(publicSummary), total: Number(count?.n ?? 0), limit: q.limit, offset: q.offset };
}

function entrySelect(table: 'results' | 'sprint_results'): SQL {
  return sql`select e.number, e.position, e.position_text as "positionText", e.grid, e.laps, e.points,
               e.time_millis as "timeMillis", e.time_text as "timeText", e.fastest_lap as "fastestLap",
               e.fastest_lap_rank as "fastestLapRank", e.fastest_lap_time_millis as "fastestLapTimeMillis",
               e.fastest_lap_speed::float8 as "fastestLapSpeed", st.status,
               ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')}
             from ${sql.raw(table)} e
               join drivers d on d.id = e.driver_id join constructors k on k.id = e.constructor_id
               left join statuses st on st.id = e.status_id`;
}

function raceResult(r: Row): RaceResult {
  const hasFastest = r.fastestLap !== null || r.fastestLapRank !== null || r.fastestLapTimeMillis !== null;
  return {
    position: Number(r.position),
    positionText: String(r.positionText),
    number: num(r.number),
    driver: driverRef(r, 'd_'),
    constructor: constructorRef(r, 'k_'),
    grid: num(r.grid),
    laps: num(r.laps),
    status: str(r.status),
    timeMillis: num(r.timeMillis),
    timeText: str(r.timeText),
    points: num(r.points),
    fastestLap: hasFastest
      ? { lap: num(r.fastestLap), rank: num(r.fastestLapRank), timeMillis: num(r.fastestLapTimeMillis), speedKph: num(r.fastestLapSpeed) }
      : null,
  };
}

function qualifyingSelect(table: 'qualifying' | 'sprint_qualifying', raceId: number): SQL {
  return sql`select e.number, e.position, e.q1_millis as q1, e.q2_millis as q2, e.q3_millis as q3,
               ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')}
             from ${sql.raw(table)} e
               join drivers d on d.id = e.driver_id join constructors k on k.id = e.constructor_id
             where e.race_id = ${int(raceId)}
             order by e.position nulls last, e.id`;
}

function qualifyingResult(r: Row): QualifyingResult {
  return {
    position: num(r.position),
    number: num(r.number),
    driver: driverRef(r, 'd_'),
    constructor: constructorRef(r, 'k_'),
    q1Millis: num(r.q1),
    q2Millis: num(r.q2),
    q3Millis: num(r.q3),
  };
}

export async function getRace(db: DbOrTx, season: number, round: number): Promise<Race | undefined> {
  const [summary] = await raceSummaries(db, sql`r.season = ${int(season)} and r.round = ${int(round)}`);
  if (!summary) return undefined;
  const id = int(summary.raceId);
  const [facts, sessions, results, sprint, qualifying, sprintQualifying, pitStops, laps] = await Promise.all([
    raceFacts(db, summary),
    all(db, sql`select type, number, date::text as date, time, is_cancelled as "isCancelled" from race_sessions
                where race_id = ${id} order by date nulls last, time nulls last, number nulls last, id`),
    all(db, sql`${entrySelect('results')} where e.race_id = ${id} order by e.position, e.id`),
    all(db, sql`${entrySelect('sprint_results')} where e.race_id = ${id} order by e.position, e.id`),
    all(db, qualifyingSelect('qualifying', summary.raceId)),
    all(db, qualifyingSelect('sprint_qualifying', summary.raceId)),
    all(db, sql`select d.driver_ref as "driverId", p.stop, p.lap, p.local_time as "localTime", p.duration_millis as "durationMillis"
                from pit_stops p join drivers d on d.id = p.driver_id
                where p.race_id = ${id} order by p.lap, p.local_time nulls last, p.stop, d.driver_ref`),
    all(db, sql`select d.driver_ref as "driverId", l.lap, l.position, l.time_millis as "timeMillis"
                from lap_times l join drivers d on d.id = l.driver_id
                where l.race_id = ${id} order by l.lap, l.position nulls last, d.driver_ref`),
  ]);
  return {
    ...publicSummary(summary),
    url: summary.url,
    details: facts.details,
    sessions: sessions.map(
      (s): RaceSessionInfo => ({
        type: String(s.type),
        number: num(s.number),
        date: str(s.date),
        time: utcTime(s.time),
        isCancelled: Boolean(s.isCancelled),
      }),
    ),
    results: results.map(raceResult),
    sprint: sprint.map(raceResult),
    qualifying: qualifying.map(qualifyingResult),
    sprintQualifying: sprintQualifying.map(qualifyingResult),
    startingGrid: facts.startingGrid,
    sprintStartingGrid: facts.sprintStartingGrid,
    practice: facts.practice,
    driverOfTheDay: facts.driverOfTheDay,
    entries: facts.entries,
    pitStops: pitStops.map(
      (p): PitStop => ({
        driverId: String(p.driverId),
        stop: Number(p.stop),
        lap: Number(p.lap),
        localTime: str(p.localTime),
        durationMillis: num(p.durationMillis),
      }),
    ),
    laps: laps.map(
      (l): LapTime => ({ driverId: String(l.driverId), lap: Number(l.lap), position: num(l.position), timeMillis: num(l.timeMillis) }),
    ),
  };
}

// ── standings ────────────────────────────────────────────────────────────────────────────────

/** Every car entered in a race, from whichever session knows it. */
const allEntries = sql.raw(
  `(select race_id, driver_id, constructor_id from results
    union all select race_id, driver_id, constructor_id from sprint_results
    union all select race_id, driver_id, constructor_id from qualifying
    union all select race_id, driver_id, constructor_id from sprint_qualifying)`,
);

export async function latestStandingsRound(db: DbOrTx, season: number): Promise<number | undefined> {
  const [row] = await all<{ round: number | null }>(db, sql`select max(round)::int as round from driver_standings where season = ${int(season)}`);
  return row?.round ?? undefined;
}

/** Standings after `round` (default: the latest round that has standings). */
export async function getStandings(db: DbOrTx, season: number, round?: number): Promise<Standings | undefined> {
  const after = round ?? (await latestStandingsRound(db, season));
  if (after === undefined) return undefined;
  const [drivers, constructors, teams] = await Promise.all([
    all(db, sql`select s.position, s.position_text as "positionText", s.points, s.wins, ${driverCols('d', 'd_')}
                from driver_standings s join drivers d on d.id = s.driver_id
                where s.season = ${int(season)} and s.round = ${int(after)}
                order by s.position nulls last, s.points desc, d.family_name, d.id`),
    all(db, sql`select s.position, s.position_text as "positionText", s.points, s.wins, ${constructorCols('k', 'k_')}
                from constructor_standings s join constructors k on k.id = s.constructor_id
                where s.season = ${int(season)} and s.round = ${int(after)}
                order by s.position nulls last, s.points desc, k.name, k.id`),
    // the teams each driver raced for in the season up to this round, in the order he joined them
    all(db, sql`select d.driver_ref as "driverId", ${constructorCols('k', 'k_')}
                from ${allEntries} e join races r on r.id = e.race_id
                  join drivers d on d.id = e.driver_id join constructors k on k.id = e.constructor_id
                where r.season = ${int(season)} and r.round <= ${int(after)}
                group by d.driver_ref, k.id
                order by d.driver_ref, min(r.round), k.id`),
  ]);
  if (drivers.length === 0 && constructors.length === 0) return undefined;
  const teamsOf = new Map<string, ConstructorRef[]>();
  for (const t of teams) {
    const list = teamsOf.get(String(t.driverId)) ?? [];
    list.push(constructorRef(t, 'k_'));
    teamsOf.set(String(t.driverId), list);
  }
  return {
    season,
    round: after,
    drivers: drivers.map(
      (r): DriverStanding => ({
        position: num(r.position),
        positionText: String(r.positionText),
        points: Number(r.points),
        wins: Number(r.wins),
        driver: driverRef(r, 'd_'),
        constructors: teamsOf.get(String(r.d_id)) ?? [],
      }),
    ),
    constructors: constructors.map(
      (r): ConstructorStanding => ({
        position: num(r.position),
        positionText: String(r.positionText),
        points: Number(r.points),
        wins: Number(r.wins),
        constructor: constructorRef(r, 'k_'),
      }),
    ),
  };
}

// ── seasons ──────────────────────────────────────────────────────────────────────────────────

/** The round after which a season is decided: its last round that was not cancelled. */
const finalRound = (season: SQL) => sql`(select max(fr.round) from races fr where fr.season = ${season} and not fr.is_cancelled)`;

/** Every season with its champions, or while undecided how far it has got (relative to `today`). */
export async function listSeasons(db: DbOrTx, p: Paging, today: string = todayUtc()): Promise<Page<SeasonSummary>> {
  const rows = await all(
    db,
    sql`select s.year, s.url, n.rounds, n."roundsWithResults", n."roundsDue", lr.round as "leadersRound",
          ${driverCols('d', 'd_')}, ${constructorCols('k', 'k_')}, ${driverCols('ld', 'ld_')}, ${constructorCols('lk', 'lk_')}
        from seasons s
          cross join lateral (
            select count(*)::int as rounds,
                   count(*) filter (where ${hasResults('r')})::int as "roundsWithResults",
                   count(*) filter (where r.date < ${today}::date)::int as "roundsDue"
            from races r where r.season = s.year and not r.is_cancelled
          ) n
          left join driver_standings ds on ds.season = s.year and ds.round = ${finalRound(sql`s.year`)} and ds.position = 1
          left join drivers d on d.id = ds.driver_id
          left join constructor_standings cs on cs.season = s.year and cs.round = ${finalRound(sql`s.year`)} and cs.position = 1
          left join constructors k on k.id = cs.constructor_id
          left join lateral (select max(x.round) as round from driver_standings x where x.season = s.year) lr on ds.driver_id is null
          left join driver_standings lds on lds.season = s.year and lds.round = lr.round and lds.position = 1
          left join drivers ld on ld.id = lds.driver_id
          left join constructor_standings lcs on lcs.season = s.year and lcs.round = lr.round and lcs.position = 1
          left join constructors lk on lk.id = lcs.constructor_id
        order by s.year`,
  );
  const items = rows.map((r): SeasonSummary => {
    const progress = { rounds: Number(r.rounds), roundsWithResults: Number(r.roundsWithResults), roundsDue: Number(r.roundsDue) };
    const decided = Boolean(r.d_id);
    return {
      year: Number(r.year),
      url: str(r.url),
      ...progress,
      state: seasonState({ ...progress, decided }),
      driverChampion: decided ? driverRef(r, 'd_') : null,
      constructorChampion: r.k_id ? constructorRef(r, 'k_') : null,
      leaders:
        !decided && r.leadersRound !== null
          ? {
              afterRound: Number(r.leadersRound),
              driver: r.ld_id ? driverRef(r, 'ld_') : null,
              constructor: r.lk_id ? constructorRef(r, 'lk_') : null,
            }
          : null,
    };
  });
  return paginate(items, p);
}

/**
 * The races around a day, by date. A race dated on the day itself is the latest once its results are
 * in and the next one until then; "latest with results" is what the results pages can show.
 */
export async function getToday(db: DbOrTx, today: string = todayUtc()): Promise<Today> {
  const day = sql`${today}::date`;
  const held = sql`not r.is_cancelled and r.date is not null`;
  const [latest, latestResults, next] = await Promise.all([
    raceSummaries(db, sql`r.id = (select r.id from races r where ${held} and (r.date < ${day} or (r.date = ${day} and ${hasResults('r')}))
                                  order by r.date desc, r.round desc limit 1)`, { today }),
    raceSummaries(db, sql`r.id = (select r.id from races r where ${held} and r.date <= ${day} and ${hasResults('r')}
                                  order by r.date desc, r.round desc limit 1)`, { today }),
    raceSummaries(db, sql`r.id = (select r.id from races r where ${held} and (r.date > ${day} or (r.date = ${day} and not ${hasResults('r')}))
                                  order by r.date, r.round limit 1)`, { today }),
  ]);
  const one = (rows: Awaited<ReturnType<typeof raceSummaries>>) => (rows[0] ? publicSummary(rows[0]) : null);
  return { date: today, latestRace: one(latest), latestResults: one(latestResults), nextRace: one(next) };
}

export async function getSeason(db: DbOrTx, year: number): Promise<Season | undefined> {
  const [season] = await all(db, sql`select year, url from seasons where year = ${int(year)}`);
  if (!season) return undefined;
  const [races, standings] = await Promise.all([raceSummaries(db, sql`r.season = ${int(year)}`), getStandings(db, year)]);
  return { year, url: str(season.url), races: races.map(publicSummary), standings: standings ?? null };
}

// ── drivers ──────────────────────────────────────────────────────────────────────────────────

const driverProfileCols = sql.raw(
  `d.id as pk, d.driver_ref as "d_id", d.code as "d_code", d.permanent_number as "d_number", d.given_name as "d_given",
   d.family_name as "d_family", d.nationality as "d_nat", d.date_of_birth::text as "dateOfBirth", d.country_code as "countryCode", d.url`,
);

function driverOf(r: Row): Driver {
  return { ...driverRef(r, 'd_'), dateOfBirth: str(r.dateOfBirth), countryCode: str(r.countryCode), url: str(r.url) };
}

export async function listDrivers(db: DbOrTx, q: { q?: string; season?: number } & Paging): Promise<Page<Driver>> {
  const where = q.season === undefined ? sql`true` : sql`exists (select 1 from team_drivers td where td.driver_id = d.id and td.season = ${int(q.season)})`;
  const rows = (await all(db, sql`select ${driverProfileCols} from drivers d where ${where}`)).map(driverOf);
  // Search and sort in JS: accent-folding and name collation must not depend on the server's locale.
  const found = rows.filter((d) => matchesSearch(q.q, [d.givenName, d.familyName, d.id.replace(/_/g, ' '), d.code, d.permanentNumber]));
  return paginate(found.sort(byDriverName), q);
}

// ── careers (history/careers computes them from these rows) ───────────────────────────────────

/**
 * What a career needs of a results row `e`: its race, fastest lap, and pole — first on the grid as
 * published statistics count it (qualified first where the grid is not recorded).
 */
const careerCols = sql.raw(
  `e.race_id as "raceId", coalesce(e.fastest_lap_rank = 1, false) as "fastestLap",
   coalesce(e.grid = 1, exists (select 1 from qualifying q where q.race_id = e.race_id and q.driver_id = e.driver_id
                                and q.constructor_id = e.constructor_id and q.position = 1)) as pole`,
);

const careerRow = (r: Row): CareerRow => ({
  raceId: Number(r.raceId),
  season: Number(r.season),
  position: Number(r.position),
  positionText: String(r.positionText),
  status: str(r.status),
  points: num(r.points),
  pole: Boolean(r.pole),
  fastestLap: Boolean(r.fastestLap),
});

const seasonEnd = (s: Row): StandingAtSeasonEnd => ({ season: Number(s.season), position: num(s.position), final: Boolean(s.final) });

async function sprintRows(db: DbOrTx, where: SQL) {
  const rows = await all(db, sql`select e.race_id as "raceId", r.season, e.points from sprint_results e join races r on r.id = e.race_id where ${where}`);
  return rows.map((r) => ({ raceId: Number(r.raceId), season: Number(r.season), points: num(r.points) }));
}

export async function getDriver(db: DbOrTx, ref: string): Promise<DriverProfile | undefined> {
  const [row] = await all(db, sql`select ${driverProfileCols} from drivers d where d.id = ${byRef('drivers', 'driver_ref', 'driver', ref)}`);
  if (!row) return undefined;
  const id = int(Number(row.pk));
  const [facts, results, sprints, standings, teams] = await Promise.all([
    driverFacts(db, Number(row.pk)),
    all(db, sql`select r.season, r.round, r.name as "raceName", r.date::text as date, e.grid, e.position, e.position_text as "positionText",
                  e.points, st.status, ${constructorCols('k', 'k_')}, ${careerCols}
                from results e join races r on r.id = e.race_id join constructors k on k.id = e.constructor_id
                  left join statuses st on st.id = e.status_id
                where e.driver_id = ${id} order by r.season, r.round, e.id`),
    sprintRows(db, sql`e.driver_id = ${id}`),
    all(db, sql`select s.season, s.position, s.points, s.wins, s.round = ${finalRound(sql`s.season`)} as final
                from driver_standings s
                where s.driver_id = ${id} and s.round = (select max(x.round) from driver_standings x where x.season = s.season)
                order by s.season`),
    all(db, sql`select td.season, ${constructorCols('k', 'k_')}
                from team_drivers td join constructors k on k.id = td.constructor_id
                where td.driver_id = ${id} order by td.season, k.name`),
  ]);

  const resultRows = results.map(
    (r): DriverResultRow => ({
      season: Number(r.season),
      round: Number(r.round),
      raceName: String(r.raceName),
      date: str(r.date),
      constructor: constructorRef(r, 'k_'),
      grid: num(r.grid),
      position: Number(r.position),
      positionText: String(r.positionText),
      points: num(r.points),
      status: str(r.status),
    }),
  );
  // Who he drove for each season: team_drivers, completed by result rows (a sync may know only results).
  const seasonTeams = new Map<number, ConstructorRef[]>();
  const addTeam = (season: number, team: ConstructorRef) => {
    const list = seasonTeams.get(season) ?? [];
    if (!list.some((t) => t.id === team.id)) list.push(team);
    seasonTeams.set(season, list);
  };
  for (const r of resultRows) addTeam(r.season, r.constructor);
  for (const t of teams) addTeam(Number(t.season), constructorRef(t, 'k_'));
  const standingOf = new Map(standings.map((s) => [Number(s.season), s]));
  const seasons = [...seasonTeams.keys()].sort((a, b) => a - b);

  return {
    driver: driverOf(row),
    details: facts.details,
    family: facts.family,
    career: { ...careerSummary(results.map(careerRow), sprints, standings.map(seasonEnd), 'driver'), seasons },
    teams: distinctBy(seasons.flatMap((s) => seasonTeams.get(s)!), (t) => t.id),
    seasons: seasons.map((season) => {
      const s = standingOf.get(season);
      return {
        season,
        constructors: seasonTeams.get(season)!,
        position: s ? num(s.position) : null,
        points: s ? Number(s.points) : sumPoints(resultRows.filter((r) => r.season === season).map((r) => r.points)),
        wins: s ? Number(s.wins) : resultRows.filter((r) => r.season === season && isWin(r)).length,
      };
    }),
    results: resultRows,
  };
}

// ── constructors ─────────────────────────────────────────────────────────────────────────────

const constructorProfileCols = sql.raw(
  `k.id as pk, k.constructor_ref as "k_id", k.name as "k_name", k.nationality as "k_nat", k.country_code as "countryCode", k.url`,
);

function constructorOf(r: Row): Constructor {
  return { ...constructorRef(r, 'k_'), countryCode: str(r.countryCode), url: str(r.url) };
}

export async function listConstructors(db: DbOrTx, q: { q?: string; season?: number } & Paging): Promise<Page<Constructor>> {
  const where = q.season === undefined ? sql`true` : sql`exists (select 1 from team_drivers td where td.constructor_id = k.id and td.season = ${int(q.season)})`;
  const rows = (await all(db, sql`select ${constructorProfileCols} from constructors k where ${where}`)).map(constructorOf);
  const found = rows.filter((c) => matchesSearch(q.q, [c.name, c.id.replace(/_/g, ' '), c.nationality]));
  return paginate(found.sort((a, b) => compareNames(a.name, b.name) || compareNames(a.id, b.id)), q);
}

export async function getConstructor(db: DbOrTx, ref: string): Promise<ConstructorProfile | undefined> {
  const [row] = await all(db, sql`select ${constructorProfileCols} from constructors k where k.id = ${byRef('constructors', 'constructor_ref', 'constructor', ref)}`);
  if (!row) return undefined;
  const id = int(Number(row.pk));
  const [facts, results, sprints, standings, drivers] = await Promise.all([
    constructorFacts(db, Number(row.pk)),
    all(db, sql`select r.season, e.position, e.position_text as "positionText", e.points, st.status, ${careerCols}
                from results e join races r on r.id = e.race_id left join statuses st on st.id = e.status_id
                where e.constructor_id = ${id}`),
    sprintRows(db, sql`e.constructor_id = ${id}`),
    all(db, sql`select s.season, s.position, s.points, s.wins, s.round = ${finalRound(sql`s.season`)} as final
                from constructor_standings s
                where s.constructor_id = ${id} and s.round = (select max(x.round) from constructor_standings x where x.season = s.season)
                order by s.season`),
    all(db, sql`select x.season, ${driverCols('d', 'd_')} from (
                  select td.season, td.driver_id from team_drivers td where td.constructor_id = ${id}
                  union select r.season, e.driver_id from results e join races r on r.id = e.race_id where e.constructor_id = ${id}
                ) x join drivers d on d.id = x.driver_id
                order by x.season, d.family_name, d.given_name`),
  ]);

  const outcomes = results.map((r) => ({
    raceId: Number(r.raceId),
    season: Number(r.season),
    position: Number(r.position),
    positionText: String(r.positionText),
    points: num(r.points),
    status: str(r.status),
  }));
  const seasonDrivers = new Map<number, DriverRef[]>();
  for (const d of drivers) {
    const season = Number(d.season);
    const list = seasonDrivers.get(season) ?? [];
    list.push(driverRef(d, 'd_'));
    seasonDrivers.set(season, list);
  }
  for (const o of outcomes) if (!seasonDrivers.has(o.season)) seasonDrivers.set(o.season, []);
  const standingOf = new Map(standings.map((s) => [Number(s.season), s]));
  const seasons = [...seasonDrivers.keys()].sort((a, b) => a - b);

  return {
    constructor: constructorOf(row),
    career: { ...careerSummary(results.map(careerRow), sprints, standings.map(seasonEnd), 'constructor'), seasons },
    drivers: distinctBy(seasons.flatMap((s) => seasonDrivers.get(s)!), (d) => d.id),
    seasons: seasons.map((season) => {
      const s = standingOf.get(season);
      return {
        season,
        drivers: seasonDrivers.get(season)!,
        position: s ? num(s.position) : null,
        points: s ? Number(s.points) : sumPoints(outcomes.filter((o) => o.season === season).map((o) => o.points)),
        wins: s ? Number(s.wins) : outcomes.filter((o) => o.season === season && isWin(o)).length,
      };
    }),
    ...facts,
  };
}

// ── circuits ─────────────────────────────────────────────────────────────────────────────────

const circuitCols = sql.raw(
  `c.circuit_ref as "c_id", c.name as "c_name", c.locality as "c_locality", c.country as "c_country",
   c.country_code as "countryCode", c.lat, c.lng, c.altitude, c.url`,
);

function circuitOf(r: Row): Circuit {
  return { ...circuitRef(r, 'c_'), countryCode: str(r.countryCode), lat: num(r.lat), lng: num(r.lng), altitude: num(r.altitude), url: str(r.url) };
}

export async function listCircuits(db: DbOrTx, q: { q?: string; season?: number } & Paging): Promise<Page<Circuit>> {
  const where = q.season === undefined ? sql`true` : sql`exists (select 1 from races r where r.circuit_id = c.id and r.season = ${int(q.season)})`;
  const rows = (await all(db, sql`select ${circuitCols} from circuits c where ${where}`)).map(circuitOf);
  const found = rows.filter((c) => matchesSearch(q.q, [c.name, c.id.replace(/_/g, ' '), c.locality, c.country]));
  return paginate(found.sort((a, b) => compareNames(a.name, b.name) || compareNames(a.id, b.id)), q);
}

export async function getCircuit(db: DbOrTx, ref: string): Promise<CircuitProfile | undefined> {
  const [row] = await all(db, sql`select c.id as pk, ${circuitCols} from circuits c where c.id = ${byRef('circuits', 'circuit_ref', 'circuit', ref)}`);
  if (!row) return undefined;
  const [facts, races] = await Promise.all([circuitFacts(db, Number(row.pk)), raceSummaries(db, sql`c.id = ${int(Number(row.pk))}`)]);
  return { circuit: circuitOf(row), ...facts, races: races.map(publicSummary) };
}

// ── statuses ─────────────────────────────────────────────────────────────────────────────────

export async function listStatuses(db: DbOrTx, q: { season?: number } & Paging): Promise<Page<FinishingStatus>> {
  const where = q.season === undefined ? sql`true` : sql`r.season = ${int(q.season)}`;
  const rows = await all(
    db,
    sql`select st.id as "statusId", st.status, count(*)::int as count
        from results e join races r on r.id = e.race_id join statuses st on st.id = e.status_id
        where ${where}
        group by st.id, st.status
        order by count(*) desc, st.id`,
  );
  return paginate(
    rows.map((r) => ({ statusId: Number(r.statusId), status: String(r.status), count: Number(r.count) })),
    q,
  );
}
