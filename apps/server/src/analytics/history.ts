// Analytics on history data (Jolpica lap times and results): a race's overtakes from lap-end
// positions, and a season's driver × round heatmap. Reads are small SQL queries; the analysis is
// the engine's (analyseOvertakes), so history and session overtakes follow one rule.
import { sql } from 'drizzle-orm';
import { analyseOvertakes, type LapPosition, type OvertakeAnalysis } from '@apexdata/livetiming';
import { rowsOf, type DbOrTx } from '../db/client.js';

type Row = Record<string, unknown>;
const all = async (db: DbOrTx, q: ReturnType<typeof sql>) => rowsOf<Row>(await db.execute(q));

export interface RaceOvertakes {
  season: number;
  round: number;
  raceName: string;
  /** Laps with lap-end positions in the data (0 = none: no analysis possible). */
  laps: number;
  analysis: OvertakeAnalysis;
}

/**
 * A race's overtakes from history lap times. Pit laps are the lap a stop was made on (the in-lap)
 * and the lap after (the out-lap): a stop moves a car down over both. The final step compares the
 * last lap's order with the official classification (penalties applied after the flag).
 * undefined when the race does not exist; `laps: 0` when it has no lap times.
 */
export async function raceOvertakes(db: DbOrTx, season: number, round: number): Promise<RaceOvertakes | undefined> {
  const [race] = await all(db, sql`select id, name from races where season = ${season}::int and round = ${round}::int`);
  if (!race) return undefined;
  const id = Number(race.id);
  const [laps, stops, results] = await Promise.all([
    all(db, sql`select d.driver_ref as driver, l.lap, l.position from lap_times l join drivers d on d.id = l.driver_id
                where l.race_id = ${id}::int and l.position is not null`),
    all(db, sql`select d.driver_ref as driver, p.lap from pit_stops p join drivers d on d.id = p.driver_id where p.race_id = ${id}::int`),
    all(db, sql`select d.driver_ref as driver, r.grid, r.position, r.position_text as "positionText"
                from results r join drivers d on d.id = r.driver_id where r.race_id = ${id}::int order by r.position`),
  ]);
  const pitLaps = new Set(stops.flatMap((s) => [`${s.driver}#${s.lap}`, `${s.driver}#${Number(s.lap) + 1}`]));
  const points: LapPosition[] = laps.map((l) => ({
    driver: String(l.driver), lap: Number(l.lap), position: Number(l.position), pit: pitLaps.has(`${l.driver}#${l.lap}`),
  }));
  // Only cars that took the start are on the grid (a 'W'/'F' row never started).
  const started = results.filter((r) => !['W', 'F', 'E'].includes(String(r.positionText)));
  const grid = new Map(started.map((r) => [String(r.driver), r.grid === null ? null : Number(r.grid)]));
  const classification = new Map(started.filter((r) => /^\d+$/.test(String(r.positionText))).map((r) => [String(r.driver), Number(r.position)]));
  const lastLap = points.reduce((m, p) => Math.max(m, p.lap), 0);
  return {
    season, round, raceName: String(race.name), laps: lastLap,
    analysis: analyseOvertakes({ grid: grid.size ? grid : null, points, classification }),
  };
}

export interface SeasonHeatmap {
  season: number;
  rounds: { round: number; raceName: string; date: string | null }[];
  /** One row per driver in championship order (latest standings; unplaced last); cells by round (null = no entry). */
  drivers: {
    driverId: string;
    code: string | null;
    name: string;
    constructors: string[];
    /** Championship points and place after the latest round with standings (dropped scores applied). */
    points: number | null;
    championshipPosition: number | null;
    cells: ({ position: number; positionText: string; points: number; sprintPoints: number | null; status: string | null } | null)[];
  }[];
}

export async function seasonHeatmap(db: DbOrTx, season: number): Promise<SeasonHeatmap | undefined> {
  const rounds = await all(db, sql`select round, name, date::text as date from races where season = ${season}::int order by round`);
  if (rounds.length === 0) return undefined;
  const rows = await all(db, sql`
    select ra.round, d.driver_ref as "driverId", d.code, d.given_name || ' ' || d.family_name as name, c.name as constructor,
           r.position, r.position_text as "positionText", coalesce(r.points, 0) as points, s.status,
           (select sum(sr.points) from sprint_results sr where sr.race_id = r.race_id and sr.driver_id = r.driver_id) as "sprintPoints"
    from results r join races ra on ra.id = r.race_id join drivers d on d.id = r.driver_id
    join constructors c on c.id = r.constructor_id left join statuses s on s.id = r.status_id
    where ra.season = ${season}::int order by ra.round, r.position`);
  const standings = new Map((await all(db, sql`
    select d.driver_ref as "driverId", s.points, s.position from driver_standings s join drivers d on d.id = s.driver_id
    where s.season = ${season}::int and s.round = (select max(round) from driver_standings where season = ${season}::int)`))
    .map((s) => [String(s.driverId), { points: Number(s.points), position: s.position === null ? null : Number(s.position) }]));
  const index = new Map(rounds.map((r, i) => [Number(r.round), i]));
  const drivers = new Map<string, SeasonHeatmap['drivers'][number]>();
  for (const r of rows) {
    const id = String(r.driverId);
    let d = drivers.get(id);
    if (!d) {
      const st = standings.get(id);
      d = {
        driverId: id, code: r.code === null ? null : String(r.code), name: String(r.name), constructors: [],
        points: st?.points ?? null, championshipPosition: st?.position ?? null, cells: rounds.map(() => null),
      };
      drivers.set(id, d);
    }
    if (!d.constructors.includes(String(r.constructor))) d.constructors.push(String(r.constructor));
    const sprintPoints = r.sprintPoints === null ? null : Number(r.sprintPoints);
    // A driver with two cars in one race (shared drives of the 1950s) keeps the better result.
    const i = index.get(Number(r.round))!;
    const cell = { position: Number(r.position), positionText: String(r.positionText), points: Number(r.points), sprintPoints, status: r.status === null ? null : String(r.status) };
    const prev = d.cells[i];
    if (!prev || cell.position < prev.position) d.cells[i] = cell;
  }
  const best = (d: SeasonHeatmap['drivers'][number]) => Math.min(...d.cells.filter((c) => c && /^\d+$/.test(c.positionText)).map((c) => c!.position), 999);
  return {
    season,
    rounds: rounds.map((r) => ({ round: Number(r.round), raceName: String(r.name), date: r.date === null ? null : String(r.date) })),
    drivers: [...drivers.values()].sort((a, b) => (a.championshipPosition ?? 999) - (b.championshipPosition ?? 999) || best(a) - best(b)),
  };
}
