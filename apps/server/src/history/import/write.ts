// Store a HistoryBatch: reference rows are upserted by public id, per-season rows are made equal to
// the batch for the seasons it covers, then standings are recomputed (or taken from the batch).
// Callers run it inside one transaction; see importJolpicaDump.
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as s from '../../db/schema/index.js';
import { syncRows, type SyncRowsResult } from '../../db/sync-rows.js';
import { recomputeSeasonStandings } from '../standings/db.js';
import type { HistoryBatch } from './batch.js';
import { assignStatusIds } from './statuses.js';
import { adoptF1dbEntities, incomingCircuits, incomingConstructors, incomingDrivers } from '../f1db/adopt.js';
import { jolpicaScope } from '../f1db/merge.js';

export type ProgressFn = (table: string, done: number, total: number) => void;

/** What happened to one table, and how long it took. */
export interface TableReport extends SyncRowsResult {
  seconds: number;
}

type Row = Record<string, unknown>;
const k = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? '∅' : String(p))).join('|');

function lookup<V>(map: Map<string, V>, key: string, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`unknown ${what} "${key}"`);
  return v;
}

export async function writeHistory(
  db: DbOrTx,
  batch: HistoryBatch,
  options: { onProgress?: ProgressFn } = {},
): Promise<Record<string, TableReport>> {
  const report: Record<string, TableReport> = {};
  const progress = (table: string) => (done: number, total: number) => options.onProgress?.(table, done, total);
  const run = async (name: string, opts: Parameters<typeof syncRows>[1]) => {
    const t0 = performance.now();
    const result = await syncRows(db, { ...opts, onProgress: progress(name) });
    report[name] = { ...result, seconds: (performance.now() - t0) / 1000 };
  };

  // Scoring rules.
  await run('championship_systems', {
    table: s.championshipSystems,
    rows: batch.championshipSystems,
    keyOf: (r) => k(r.reference),
    identity: ['id'],
    deleteMissing: false,
  });
  await run('point_systems', {
    table: s.pointSystems,
    rows: batch.pointSystems,
    keyOf: (r) => k(r.reference),
    identity: ['id'],
    deleteMissing: false,
  });
  const systemId = new Map(
    (await db.select({ id: s.championshipSystems.id, ref: s.championshipSystems.reference }).from(s.championshipSystems)).map(
      (r) => [r.ref, r.id],
    ),
  );
  const pointSystemId = new Map(
    (await db.select({ id: s.pointSystems.id, ref: s.pointSystems.reference }).from(s.pointSystems)).map((r) => [r.ref, r.id]),
  );

  // Reference entities, keyed by public id.
  await run('seasons', {
    table: s.seasons,
    rows: batch.seasons.map(({ championshipSystemRef, ...r }) => ({
      ...r,
      championshipSystemId: championshipSystemRef === null ? null : lookup(systemId, championshipSystemRef, 'championship system'),
    })),
    keyOf: (r) => k(r.year),
    identity: ['year'],
    deleteMissing: false,
  });
  // Entities F1DB created under ids we made up become these refs' rows (history/f1db/adopt.ts).
  const years = new Map<string, number[]>();
  for (const td of batch.teamDrivers) years.set(td.constructorRef, [...(years.get(td.constructorRef) ?? []), td.season]);
  const circuitYears = new Map<string, number[]>();
  for (const r of batch.races) circuitYears.set(r.circuitRef, [...(circuitYears.get(r.circuitRef) ?? []), r.season]);
  await adoptF1dbEntities(db, 'circuit', incomingCircuits(batch.circuits, circuitYears));
  await adoptF1dbEntities(db, 'driver', incomingDrivers(batch.drivers));
  await adoptF1dbEntities(db, 'constructor', incomingConstructors(batch.constructors, years));
  await run('circuits', { table: s.circuits, rows: batch.circuits, keyOf: (r) => k(r.circuitRef), identity: ['id'], deleteMissing: false });
  await run('drivers', { table: s.drivers, rows: batch.drivers, keyOf: (r) => k(r.driverRef), identity: ['id'], deleteMissing: false });
  await run('constructors', {
    table: s.constructors,
    rows: batch.constructors,
    keyOf: (r) => k(r.constructorRef),
    identity: ['id'],
    deleteMissing: false,
  });
  const circuitId = new Map((await db.select({ id: s.circuits.id, ref: s.circuits.circuitRef }).from(s.circuits)).map((r) => [r.ref, r.id]));
  const driverId = new Map((await db.select({ id: s.drivers.id, ref: s.drivers.driverRef }).from(s.drivers)).map((r) => [r.ref, r.id]));
  const constructorId = new Map(
    (await db.select({ id: s.constructors.id, ref: s.constructors.constructorRef }).from(s.constructors)).map((r) => [r.ref, r.id]),
  );
  const driver = (ref: string) => lookup(driverId, ref, 'driver');
  const constructor = (ref: string) => lookup(constructorId, ref, 'constructor');

  await run('races', {
    table: s.races,
    rows: batch.races.map(({ circuitRef, ...r }) => ({ ...r, circuitId: lookup(circuitId, circuitRef, 'circuit') })),
    keyOf: (r) => k(r.season, r.round),
    identity: ['id'],
    deleteMissing: false,
  });
  const raceId = new Map(
    (await db.select({ id: s.races.id, season: s.races.season, round: s.races.round }).from(s.races)).map((r) => [
      k(r.season, r.round),
      r.id,
    ]),
  );
  const race = (season: number, round: number) => lookup(raceId, k(season, round), 'race');

  // Statuses: Ergast's ids, plus the next free ids for texts Ergast never had.
  const existingStatuses = await db.select().from(s.statuses);
  const texts = new Set<string>();
  for (const r of [...batch.results, ...batch.sprintResults]) if (r.status !== null) texts.add(r.status);
  const statuses = assignStatusIds(texts, existingStatuses);
  await run('statuses', { table: s.statuses, rows: statuses, keyOf: (r) => k(r.id), identity: ['id'], deleteMissing: false });
  const statusId = new Map(statuses.map((st) => [st.status, st.id]));

  // Schedule-level rows of the covered seasons.
  const seasons = batch.replaceSeasons;
  const raceScope = (table: { raceId: never }, years: number[]) =>
    years.length === 0 ? sql`false` : sql`${table.raceId} in (select ${s.races.id} from ${s.races} where ${inArray(s.races.season, years)})`;
  /** What a batch replaces in a table whose rows name their source, in the covered seasons (history/f1db/merge.ts). */
  const sourceScope = (table: { raceId: never; source: never }, years: number[], rows: readonly Row[]) =>
    years.length === 0 ? sql`false` : jolpicaScope(table, raceScope(table, years), rows);

  const teamDrivers = batch.teamDrivers.map((r) => ({
    season: r.season,
    driverId: driver(r.driverRef),
    constructorId: constructor(r.constructorRef),
    role: r.role,
    source: 'jolpica',
  }));
  // Per season one source (F1DB fills seasons Jolpica has no team drivers for), as per race below.
  const teamSeasons = [...new Set(teamDrivers.map((r) => r.season))];
  await run('team_drivers', {
    table: s.teamDrivers,
    rows: teamDrivers,
    keyOf: (r) => k(r.season, r.driverId, r.constructorId),
    scope: seasons.length
      ? sql`${inArray(s.teamDrivers.season, seasons)} and (${s.teamDrivers.source} = 'jolpica'${teamSeasons.length ? sql` or ${inArray(s.teamDrivers.season, teamSeasons)}` : sql``})`
      : sql`false`,
    identity: ['id'],
  });
  await run('race_sessions', {
    table: s.raceSessions,
    rows: batch.raceSessions.map(({ season, round, pointSystemRef, ...r }) => ({
      ...r,
      raceId: race(season, round),
      pointSystemId: pointSystemRef === null ? null : lookup(pointSystemId, pointSystemRef, 'point system'),
    })),
    keyOf: (r) => k(r.raceId, r.type, r.number),
    scope: raceScope(s.raceSessions as never, seasons),
    identity: ['id'],
  });
  await run('championship_adjustments', {
    table: s.championshipAdjustments,
    rows: batch.adjustments.map(({ driverRef, constructorRef, ...r }) => ({
      ...r,
      driverId: driverRef === null ? null : driver(driverRef),
      constructorId: constructorRef === null ? null : constructor(constructorRef),
    })),
    keyOf: (r) => k(r.season, r.driverId, r.constructorId, r.adjustment),
    scope: seasons.length ? inArray(s.championshipAdjustments.season, seasons) : sql`false`,
    identity: ['id'],
  });

  // Result-level rows of the covered seasons.
  const resultSeasons = batch.replaceResultSeasons;
  const entryKey = (r: Row) => k(r.raceId, r.driverId, r.constructorId, r.number);
  const entry = <R extends { season: number; round: number; driverRef: string; constructorRef: string }>(r: R) => {
    const { season, round, driverRef, constructorRef, ...rest } = r;
    return { ...rest, raceId: race(season, round), driverId: driver(driverRef), constructorId: constructor(constructorRef), source: 'jolpica' };
  };
  const results = (rows: HistoryBatch['results']) =>
    rows.map(({ status, ...r }) => ({ ...entry(r), statusId: status === null ? null : lookup(statusId, status, 'status') }));

  for (const [name, table, rows] of [
    ['results', s.results, results(batch.results)],
    ['sprint_results', s.sprintResults, results(batch.sprintResults)],
    ['qualifying', s.qualifying, batch.qualifying.map(entry)],
    ['sprint_qualifying', s.sprintQualifying, batch.sprintQualifying.map(entry)],
  ] as const)
    await run(name, { table, rows, keyOf: entryKey, scope: sourceScope(table as never, resultSeasons, rows), identity: ['id'] });
  await run('lap_times', {
    table: s.lapTimes,
    rows: batch.lapTimes.map(({ season, round, driverRef, ...r }) => ({ ...r, raceId: race(season, round), driverId: driver(driverRef) })),
    keyOf: (r) => k(r.raceId, r.driverId, r.lap),
    scope: raceScope(s.lapTimes as never, resultSeasons),
    identity: ['raceId', 'driverId', 'lap'],
  });
  const pitStops = batch.pitStops.map(({ season, round, driverRef, ...r }) => ({ ...r, raceId: race(season, round), driverId: driver(driverRef), source: 'jolpica' }));
  await run('pit_stops', {
    table: s.pitStops,
    rows: pitStops,
    keyOf: (r) => k(r.raceId, r.driverId, r.stop),
    scope: sourceScope(s.pitStops as never, resultSeasons, pitStops),
    identity: ['raceId', 'driverId', 'stop'],
  });

  // Standings after every round.
  if (batch.driverStandings && batch.constructorStandings) {
    await run('driver_standings', {
      table: s.driverStandings,
      rows: batch.driverStandings.map(({ driverRef, ...r }) => ({ ...r, raceId: race(r.season, r.round), driverId: driver(driverRef) })),
      keyOf: (r) => k(r.raceId, r.driverId),
      scope: resultSeasons.length ? inArray(s.driverStandings.season, resultSeasons) : sql`false`,
      identity: ['raceId', 'driverId'],
    });
    await run('constructor_standings', {
      table: s.constructorStandings,
      rows: batch.constructorStandings.map(({ constructorRef, ...r }) => ({
        ...r,
        raceId: race(r.season, r.round),
        constructorId: constructor(constructorRef),
      })),
      keyOf: (r) => k(r.raceId, r.constructorId),
      scope: resultSeasons.length ? inArray(s.constructorStandings.season, resultSeasons) : sql`false`,
      identity: ['raceId', 'constructorId'],
    });
  } else {
    const totals: Record<string, TableReport> = {};
    for (const [i, year] of resultSeasons.entries()) {
      const t0 = performance.now();
      const r = await recomputeSeasonStandings(db, year);
      const seconds = (performance.now() - t0) / 1000 / Object.keys(r).length;
      for (const [name, res] of Object.entries(r)) {
        const t = (totals[name] ??= { inserted: 0, updated: 0, deleted: 0, unchanged: 0, seconds: 0 });
        t.seconds += seconds;
        t.inserted += res.inserted;
        t.updated += res.updated;
        t.deleted += res.deleted;
        t.unchanged += res.unchanged;
      }
      options.onProgress?.('standings', i + 1, resultSeasons.length);
    }
    Object.assign(report, totals);
  }
  return report;
}
