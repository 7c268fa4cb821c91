// The history tables as comparable data: database ids replaced by public ids, rows sorted. Two
// databases filled the same way (in any order, with any interruptions) give equal snapshots.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/db/client.js';

const QUERIES: Record<string, string> = {
  seasons: 'select year, url from seasons',
  circuits: 'select circuit_ref, name, locality, country, lat, lng, url from circuits',
  drivers: 'select driver_ref, permanent_number, code, given_name, family_name, date_of_birth, nationality, url from drivers',
  constructors: 'select constructor_ref, name, nationality, url from constructors',
  statuses: 'select id, status from statuses',
  team_drivers: `select td.season, d.driver_ref, c.constructor_ref, td.role from team_drivers td
    join drivers d on d.id = td.driver_id join constructors c on c.id = td.constructor_id`,
  races: `select r.season, r.round, c.circuit_ref, r.name, r.date, r.time, r.url from races r join circuits c on c.id = r.circuit_id`,
  race_sessions: `select r.season, r.round, s.type, s.number, s.date, s.time from race_sessions s join races r on r.id = s.race_id`,
  results: resultQuery('results'),
  sprint_results: resultQuery('sprint_results'),
  qualifying: `select r.season, r.round, d.driver_ref, c.constructor_ref, q.number, q.position, q.q1, q.q2, q.q3, q.q1_millis, q.q2_millis, q.q3_millis
    from qualifying q join races r on r.id = q.race_id join drivers d on d.id = q.driver_id join constructors c on c.id = q.constructor_id`,
  lap_times: `select r.season, r.round, d.driver_ref, l.lap, l.position, l.time_millis from lap_times l
    join races r on r.id = l.race_id join drivers d on d.id = l.driver_id`,
  pit_stops: `select r.season, r.round, d.driver_ref, p.stop, p.lap, p.local_time, p.duration_millis from pit_stops p
    join races r on r.id = p.race_id join drivers d on d.id = p.driver_id`,
  driver_standings: `select s.season, s.round, d.driver_ref, s.points, s.position, s.position_text, s.wins, s.is_eligible
    from driver_standings s join drivers d on d.id = s.driver_id`,
  constructor_standings: `select s.season, s.round, c.constructor_ref, s.points, s.position, s.position_text, s.wins, s.is_eligible
    from constructor_standings s join constructors c on c.id = s.constructor_id`,
  source_documents: `select source, key, content_hash, status from source_documents`,
};

function resultQuery(table: string): string {
  return `select r.season, r.round, d.driver_ref, c.constructor_ref, x.number, x.grid, x.position, x.position_text, x.points,
      x.laps, x.time_millis, x.time_text, x.fastest_lap, x.fastest_lap_rank, x.fastest_lap_time_millis,
      x.fastest_lap_speed, st.status
    from ${table} x join races r on r.id = x.race_id join drivers d on d.id = x.driver_id
    join constructors c on c.id = x.constructor_id left join statuses st on st.id = x.status_id`;
}

export type Snapshot = Record<string, string[]>;

export async function snapshot(db: Db): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const [table, query] of Object.entries(QUERIES)) {
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql.raw(query)));
    out[table] = rows.map((r) => JSON.stringify(Object.values(r))).sort();
  }
  return out;
}

export const counts = (s: Snapshot) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.length]));

/** Empty every history table (cheaper than a new database per test). */
export async function truncateHistory(db: Db): Promise<void> {
  await db.execute(
    sql.raw(
      'truncate seasons, circuits, drivers, constructors, statuses, source_documents, data_imports, championship_systems, point_systems, championship_adjustments restart identity cascade',
    ),
  );
}
