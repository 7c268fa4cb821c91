// The merge of F1DB into the Ergast-shaped tables (results, sprint_results, qualifying,
// sprint_qualifying, pit_stops, team_drivers, driver/constructor standings).
//
// PRECEDENCE RULE (also in the README): per race, and per kind of row, one source gives all rows.
// Jolpica wins wherever it has rows for the race (the dump or the API: it is what the Ergast surface
// and its clients reproduce, and its laps and pit stops belong to its own results); F1DB fills every
// race Jolpica lacks (1950–… where the dump is absent, rounds newer than the dump, pit stops before
// 2011), each row marked source = 'f1db'. Rows are never mixed within a race: a classification
// neither source publishes would be worse than either. Where both have a race's rows of a kind, every
// difference is listed in source_conflicts (kept: jolpica): results and sprint results by position,
// points, grid and laps; qualifying and sprint qualifying by place and Q1/Q2/Q3 time; an entry F1DB
// has and Jolpica lacks (mostly DNQ/DNPQ/DNS cars the dump leaves out) as field 'entry'.
//
// Runs at the end of every F1DB import and of every Jolpica dump import, so the graph is the same
// whichever came first; and, scoped to the season, in every round the API sync writes (the same
// rule whichever path brought Jolpica's rows). Reads only the database, so it needs no F1DB files.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { slicer, type DbOrTx } from '../../db/client.js';
import * as s from '../../db/schema/index.js';
import { syncRows } from '../../db/sync-rows.js';
import { formatLapTime, formatResultTime } from '../import/format.js';
import { assignStatusIds } from '../import/statuses.js';
import type { ProgressFn, TableReport } from '../import/write.js';
import { foldContinuations } from './continuations.js';
import { ergastPositionText, ergastStatus } from './values.js';

type Row = Record<string, unknown>;
const k = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? '∅' : String(p))).join('|');

/**
 * What a Jolpica write (the dump import's or the API sync's) replaces, within what it `covers` (its
 * seasons, or one round), in a table whose rows name their source: its own rows, and every source's
 * rows of the races it brings rows for. So F1DB's rows of a race Jolpica brings none for stay (an
 * empty answer deletes none of them, and a second write finds nothing to do), and F1DB's rows of a
 * race it brings give way; the merge that follows fills the gaps and lists the disagreements.
 */
export function jolpicaScope(table: { raceId: PgColumn; source: PgColumn }, covers: SQL, rows: readonly { raceId?: unknown }[]): SQL {
  const races = [...new Set(rows.map((r) => r.raceId as number))];
  const theirs = races.length ? sql` or ${inArray(table.raceId, races)}` : sql``;
  return sql`${covers} and (${table.source} = 'jolpica'${theirs})`;
}

type SourcedTable = typeof s.results | typeof s.sprintResults | typeof s.qualifying | typeof s.sprintQualifying | typeof s.pitStops;

/** Races (ids) where `table` holds Jolpica rows. */
async function jolpicaRaces(db: DbOrTx, table: SourcedTable, within: (raceId: PgColumn) => SQL | undefined) {
  const rows = await db.selectDistinct({ raceId: table.raceId }).from(table).where(and(eq(table.source, 'jolpica'), within(table.raceId)));
  return new Set(rows.map((r) => r.raceId));
}

export interface MergeOptions {
  onProgress?: ProgressFn;
  /**
   * Merge only these seasons' races (the API sync, after writing a round): the same rule, read and
   * written for a season's few hundred rows instead of every race. All seasons when absent.
   */
  seasons?: number[];
}

export async function mergeF1db(db: DbOrTx, options: MergeOptions = {}): Promise<Record<string, TableReport>> {
  const { seasons } = options;
  /** Rows of the merged seasons' races (undefined: no restriction). */
  const within = (raceId: PgColumn): SQL | undefined =>
    seasons ? sql`${raceId} in (select ${s.races.id} from ${s.races} where ${inArray(s.races.season, seasons)})` : undefined;
  const report: Record<string, TableReport> = {};
  // First the entities: F1DB constructors that continue a Jolpica one become it (continuations.ts).
  const t0 = performance.now();
  const folded = await foldContinuations(db);
  report.constructor_continuations = { inserted: 0, updated: folded.length, deleted: 0, unchanged: 0, seconds: (performance.now() - t0) / 1000 };
  // Building and comparing tens of thousands of rows pauses every few ms (the API thread; issue 13).
  const pause = slicer();
  const run = async (name: string, opts: Parameters<typeof syncRows>[1]) => {
    const t0 = performance.now();
    const r = await syncRows(db, { ...opts, onProgress: (d, t) => options.onProgress?.(name, d, t) });
    report[name] = { ...r, seconds: (performance.now() - t0) / 1000 };
  };

  const races = new Map(
    (await db.select({ id: s.races.id, season: s.races.season, round: s.races.round }).from(s.races).where(seasons && inArray(s.races.season, seasons))).map((r) => [r.id, r]),
  );
  const f1dbResults = await db
    .select()
    .from(s.f1dbRaceResults)
    .where(within(s.f1dbRaceResults.raceId))
    .orderBy(s.f1dbRaceResults.raceId, s.f1dbRaceResults.kind, s.f1dbRaceResults.ordinal);
  const fastest = new Map((await db.select().from(s.fastestLaps).where(within(s.fastestLaps.raceId))).map((f) => [k(f.raceId, f.driverId, f.number), f]));

  // Statuses for the F1DB rows (Ergast ids; new texts get the next free id).
  const statusText = (r: (typeof f1dbResults)[number]) =>
    ergastStatus({ position: r.positionNumber ?? r.positionText, reasonRetired: r.reasonRetired, gap: r.gapText, time: r.timeText });
  const texts = new Set<string>();
  for (const r of f1dbResults) {
    await pause();
    texts.add(statusText(r));
  }
  const statuses = assignStatusIds(texts, await db.select().from(s.statuses));
  await run('statuses', { table: s.statuses, rows: statuses, keyOf: (r) => k(r.id), identity: ['id'], deleteMissing: false });
  const statusId = new Map(statuses.map((x) => [x.status, x.id]));

  // Results and sprint results. F1DB's 'PL' (pit lane start) is Ergast's grid 0.
  const gridOf = (r: (typeof f1dbResults)[number]) => r.gridPositionNumber ?? (r.gridPositionText === 'PL' ? 0 : null);
  const resultRows = async (kind: 'race' | 'sprint', skip: Set<number>) => {
    const out: Row[] = [];
    const winner = new Map<number, number | null>();
    for (const r of f1dbResults) if (r.kind === kind && r.ordinal === 1) winner.set(r.raceId, r.timeMillis);
    for (const r of f1dbResults) {
      await pause();
      if (r.kind !== kind || skip.has(r.raceId)) continue;
      const classified = r.positionNumber !== null;
      const time = classified ? r.timeMillis : null;
      const fl = kind === 'race' ? fastest.get(k(r.raceId, r.driverId, r.number)) : undefined;
      out.push({
        raceId: r.raceId,
        driverId: r.driverId,
        constructorId: r.constructorId,
        number: r.number,
        grid: gridOf(r),
        position: r.ordinal,
        positionText: ergastPositionText(r.positionNumber ?? r.positionText),
        points: r.points,
        laps: r.laps,
        timeMillis: time,
        timeText: time === null ? null : formatResultTime(time, winner.get(r.raceId) ?? null),
        fastestLap: fl?.lap ?? null,
        fastestLapRank: fl?.positionNumber ?? null,
        fastestLapTimeMillis: fl?.timeMillis ?? null,
        fastestLapSpeed: null,
        statusId: statusId.get(statusText(r))!,
        source: 'f1db',
      });
    }
    return out;
  };
  const entryKey = (r: Row) => k(r.raceId, r.driverId, r.constructorId, r.number);
  /** F1DB's rows of `table` in the merged seasons: what the merge owns. */
  const f1dbScope = (table: SourcedTable) => and(eq(table.source, 'f1db'), within(table.raceId));
  const jolpicaResults = await jolpicaRaces(db, s.results, within);
  const jolpicaSprints = await jolpicaRaces(db, s.sprintResults, within);
  await run('results', { table: s.results, rows: await dedupe(await resultRows('race', jolpicaResults), entryKey), keyOf: entryKey, scope: f1dbScope(s.results), identity: ['id'] });
  await run('sprint_results', { table: s.sprintResults, rows: await dedupe(await resultRows('sprint', jolpicaSprints), entryKey), keyOf: entryKey, scope: f1dbScope(s.sprintResults), identity: ['id'] });

  // Qualifying: F1DB's q1–q3, or its single/aggregate time in q1.
  const f1dbQualifying = await db.select().from(s.f1dbQualifyingResults).where(within(s.f1dbQualifyingResults.raceId)).orderBy(s.f1dbQualifyingResults.raceId, s.f1dbQualifyingResults.kind, s.f1dbQualifyingResults.ordinal);
  const qualifyingRow = (q: (typeof f1dbQualifying)[number]) => {
    const q1Millis = q.q1Millis ?? (q.q1Text === null ? q.timeMillis : null);
    return {
      raceId: q.raceId,
      driverId: q.driverId,
      constructorId: q.constructorId,
      number: q.number,
      position: q.positionNumber,
      q1: q.q1Text ?? (q1Millis === null ? null : formatLapTime(q1Millis)),
      q2: q.q2Text,
      q3: q.q3Text,
      q1Millis,
      q2Millis: q.q2Millis,
      q3Millis: q.q3Millis,
      source: 'f1db',
    };
  };
  const qualifyingRows = (kind: 'qualifying' | 'sprint', skip: Set<number>) =>
    f1dbQualifying.filter((q) => q.kind === kind && !skip.has(q.raceId)).map(qualifyingRow);
  await run('qualifying', {
    table: s.qualifying,
    rows: await dedupe(qualifyingRows('qualifying', await jolpicaRaces(db, s.qualifying, within)), entryKey),
    keyOf: entryKey,
    scope: f1dbScope(s.qualifying),
    identity: ['id'],
  });
  await run('sprint_qualifying', {
    table: s.sprintQualifying,
    rows: await dedupe(qualifyingRows('sprint', await jolpicaRaces(db, s.sprintQualifying, within)), entryKey),
    keyOf: entryKey,
    scope: f1dbScope(s.sprintQualifying),
    identity: ['id'],
  });

  // Pit stops: F1DB's lap and duration where Jolpica has none for the race.
  const jolpicaStops = await jolpicaRaces(db, s.pitStops, within);
  const stopKey = (r: Row) => k(r.raceId, r.driverId, r.stop);
  await run('pit_stops', {
    table: s.pitStops,
    rows: await dedupe(
      (await db.select().from(s.f1dbPitStops).where(within(s.f1dbPitStops.raceId)))
        .filter((p) => !jolpicaStops.has(p.raceId))
        .map((p) => ({ raceId: p.raceId, driverId: p.driverId, stop: p.stop, lap: p.lap, localTime: null, durationMillis: p.timeMillis, source: 'f1db' })),
      stopKey,
    ),
    keyOf: stopKey,
    scope: f1dbScope(s.pitStops),
    identity: ['raceId', 'driverId', 'stop'],
  });

  // Team drivers of the seasons Jolpica has none for, from F1DB's entrants (test drivers as role 1, reserve).
  const inSeasons = (season: PgColumn) => seasons && inArray(season, seasons);
  const jolpicaSeasons = new Set(
    (await db.selectDistinct({ season: s.teamDrivers.season }).from(s.teamDrivers).where(and(eq(s.teamDrivers.source, 'jolpica'), inSeasons(s.teamDrivers.season)))).map((r) => r.season),
  );
  const entries = await db
    .select({ season: s.seasonEntrants.season, constructorId: s.seasonEntrants.constructorId, driverId: s.seasonEntrantDrivers.driverId, testDriver: s.seasonEntrantDrivers.testDriver })
    .from(s.seasonEntrantDrivers)
    .innerJoin(s.seasonEntrants, eq(s.seasonEntrants.id, s.seasonEntrantDrivers.seasonEntrantId))
    .where(inSeasons(s.seasonEntrants.season));
  const tdKey = (r: Row) => k(r.season, r.driverId, r.constructorId);
  await run('team_drivers', {
    table: s.teamDrivers,
    rows: await dedupe(
      entries
        .filter((e) => !jolpicaSeasons.has(e.season))
        .sort((a, b) => Number(a.testDriver) - Number(b.testDriver))
        .map((e) => ({ season: e.season, driverId: e.driverId, constructorId: e.constructorId, role: e.testDriver ? 1 : 0, source: 'f1db' })),
      tdKey,
    ),
    keyOf: tdKey,
    scope: and(eq(s.teamDrivers.source, 'f1db'), inSeasons(s.teamDrivers.season)),
    identity: ['id'],
  });

  // Standings after the races whose results F1DB gave: F1DB's own, wins counted from its results.
  const filled = [...new Set(f1dbResults.filter((r) => r.kind === 'race' && !jolpicaResults.has(r.raceId)).map((r) => r.raceId))];
  // Wins so far in the season after each race, per driver (d…) and constructor (c…).
  const ordered = [...races.values()].sort((a, b) => a.season - b.season || a.round - b.round);
  const winnersByRace = new Map<number, { driverId: number; constructorId: number }[]>();
  for (const r of f1dbResults) if (r.kind === 'race' && r.positionNumber === 1) winnersByRace.set(r.raceId, [...(winnersByRace.get(r.raceId) ?? []), r]);
  const winsAfter = new Map<number, Map<string, number>>();
  let running = new Map<string, number>();
  let season = -1;
  for (const race of ordered) {
    if (race.season !== season) [running, season] = [new Map(), race.season];
    for (const w of winnersByRace.get(race.id) ?? []) for (const key of [`d${w.driverId}`, `c${w.constructorId}`]) running.set(key, (running.get(key) ?? 0) + 1);
    if (filled.includes(race.id)) winsAfter.set(race.id, new Map(running));
  }
  const standingText = (n: number | null, t: string) => (n !== null ? String(n) : t === 'DSQ' ? 'D' : t === 'EX' ? 'E' : '-');
  const filledSet = new Set(filled);
  /** F1DB standings after the filled races in our shape; `who` keys the wins count (d…/c…), `entity` is the id column. */
  const standings = <R extends { raceId: number | null; points: number; positionNumber: number | null; positionText: string }>(
    rows: R[],
    who: (r: R) => string,
    entity: (r: R) => Row,
  ): Row[] =>
    rows
      .filter((r) => r.raceId !== null && filledSet.has(r.raceId))
      .map((r) => {
        const race = races.get(r.raceId!)!;
        const position = r.positionNumber;
        const wins = winsAfter.get(race.id)?.get(who(r)) ?? 0;
        return { raceId: race.id, season: race.season, round: race.round, points: r.points, position, positionText: standingText(position, r.positionText), wins, isEligible: true, ...entity(r) };
      });
  const standingTables = [
    ['driver_standings', s.driverStandings, 'driverId', standings(await db.select().from(s.f1dbDriverStandings).where(inSeasons(s.f1dbDriverStandings.season)), (r) => `d${r.driverId}`, (r) => ({ driverId: r.driverId }))],
    // F1DB lists a constructor once per engine (Lotus-Climax, Lotus-BRM): the first (best placed) row counts.
    ['constructor_standings', s.constructorStandings, 'constructorId', standings(await db.select().from(s.f1dbConstructorStandings).where(inSeasons(s.f1dbConstructorStandings.season)), (r) => `c${r.constructorId}`, (r) => ({ constructorId: r.constructorId }))],
  ] as const;
  for (const [name, table, key, rows] of standingTables)
    await run(name, {
      table,
      rows: await dedupe(rows, (r) => k(r.raceId, r[key])),
      keyOf: (r) => k(r.raceId, r[key]),
      scope: filled.length ? inArray(table.raceId, filled) : sql`false`,
      identity: ['raceId', key],
    });

  // Conflicts: both sources have the race's rows of a kind; compare per driver and car number.
  const conflicts: Row[] = [];
  const conflictsOf = async <F, J extends { raceId: number; driverId: number; number: number }>(
    kind: string,
    f1dbRows: readonly (F & { raceId: number; driverId: number; number: number })[],
    jolpicaRows: readonly J[],
    entry: (f: F) => string,
    fields: readonly (readonly [field: string, jolpica: (j: J) => unknown, f1db: (f: F) => unknown, text?: (j: J, f: F) => [unknown, unknown]])[],
  ) => {
    await pause();
    const ours = new Map(jolpicaRows.map((r) => [k(r.raceId, r.driverId, r.number), r]));
    const jolpica = new Set(jolpicaRows.map((r) => r.raceId));
    for (const f of f1dbRows) {
      await pause();
      if (!jolpica.has(f.raceId)) continue;
      const race = races.get(f.raceId)!;
      const add = (field: string, a: unknown, b: unknown) =>
        conflicts.push({ kind, season: race.season, round: race.round, raceId: f.raceId, driverId: f.driverId, field, jolpica: a === null || a === undefined ? null : String(a), f1db: b === null || b === undefined ? null : String(b), kept: 'jolpica' });
      const j = ours.get(k(f.raceId, f.driverId, f.number));
      if (!j) {
        add('entry', null, entry(f));
        continue;
      }
      for (const [field, ja, fa, text] of fields) {
        if (sameFact(ja(j), fa(f))) continue;
        const [a, b] = text ? text(j, f) : [ja(j), fa(f)];
        add(field, a, b);
      }
    }
  };
  for (const [kind, table, f1dbKind] of [
    ['results', s.results, 'race'],
    ['sprint_results', s.sprintResults, 'sprint'],
  ] as const)
    await conflictsOf(
      kind,
      f1dbResults.filter((r) => r.kind === f1dbKind),
      await db.select().from(table).where(and(eq(table.source, 'jolpica'), within(table.raceId))),
      (r) => `${r.positionText} #${r.number}`,
      [
        ['positionText', (j) => j.positionText, (r) => ergastPositionText(r.positionNumber ?? r.positionText)],
        ['points', (j) => j.points, (r) => r.points],
        ['grid', (j) => j.grid, gridOf],
        ['laps', (j) => j.laps, (r) => r.laps],
      ],
    );
  // Qualifying: the place and each part's time (compared in milliseconds, listed as printed).
  for (const [kind, table, f1dbKind] of [
    ['qualifying', s.qualifying, 'qualifying'],
    ['sprint_qualifying', s.sprintQualifying, 'sprint'],
  ] as const)
    await conflictsOf(
      kind,
      f1dbQualifying.filter((q) => q.kind === f1dbKind).map((q) => ({ ...qualifyingRow(q), positionText: q.positionText })),
      await db.select().from(table).where(and(eq(table.source, 'jolpica'), within(table.raceId))),
      (q) => `${q.positionText} #${q.number}`,
      [
        ['position', (j) => j.position, (q) => q.position],
        ['q1', (j) => j.q1Millis, (q) => q.q1Millis, (j, q) => [j.q1, q.q1]],
        ['q2', (j) => j.q2Millis, (q) => q.q2Millis, (j, q) => [j.q2, q.q2]],
        ['q3', (j) => j.q3Millis, (q) => q.q3Millis, (j, q) => [j.q3, q.q3]],
      ],
    );
  await run('source_conflicts', {
    table: s.sourceConflicts,
    rows: await dedupe(conflicts, (r) => k(r.kind, r.raceId, r.driverId, r.field)),
    keyOf: (r) => k(r.kind, r.raceId, r.driverId, r.field),
    scope: inSeasons(s.sourceConflicts.season),
    identity: ['id'],
  });
  return report;
}

/**
 * Whether two sources state the same fact. Jolpica writes 0 where F1DB leaves a value out (no points,
 * no laps, no grid place): both mean "none", so they are not a conflict.
 */
function sameFact(a: unknown, b: unknown): boolean {
  const none = (v: unknown) => v === null || v === undefined || v === 0;
  return (none(a) && none(b)) || a === b;
}

/** First row per key (F1DB lists some entries twice, e.g. a constructor per engine in one season). */
async function dedupe<T extends Row>(rows: T[], keyOf: (r: T) => string): Promise<T[]> {
  const pause = slicer();
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of rows) {
    await pause();
    const key = keyOf(r);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** Whether an F1DB import has been stored (its per-race results). */
export async function hasF1db(db: DbOrTx): Promise<boolean> {
  return (await db.select({ raceId: s.f1dbRaceResults.raceId }).from(s.f1dbRaceResults).limit(1)).length > 0;
}
