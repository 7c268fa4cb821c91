// The API sync over a database that holds F1DB (and the Jolpica dump), on PGlite and PostgreSQL:
// a round's answer follows the same precedence rule as the dump import (history/f1db/merge.ts) —
// Jolpica's rows win for a race and kind it brings rows for, F1DB's fill the rest, every
// disagreement is listed in source_conflicts — so an empty answer never deletes F1DB's rows, a
// second sync writes nothing, and a later F1DB re-import (its merge) has nothing left to change.
//
// Rounds: 2024 round 2 (Saudi Arabia) through the loopback server — the dump has no 2024 entries,
// so F1DB filled the race; only its results are recorded, so qualifying, laps and pit stops come
// back as the empty RaceTable Jolpica answers for a round it has no such data for. 2026 round 2
// (China) from the recordings directory: a season the dump does not reach and F1DB already holds.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, openPostgres, rowsOf, type Db } from '../../src/db/client.js';
import { importF1db, mergeF1db } from '../../src/history/f1db/index.js';
import { importJolpicaDump } from '../../src/history/import/index.js';
import { syncHistory, type SyncHistoryOptions, type SyncSummary } from '../../src/history/sync/sync-history.js';
import { backends, type Backend, type TestDatabase } from '../helpers/db.js';
import { dumpDir, f1dbDir, fingerprint, yamlList } from '../helpers/history.js';
import { jolpicaRecordings, startJolpicaServer, type JolpicaServer, type Transform } from '../helpers/jolpica-server.js';
import { admin, pgDatabaseUrl, pgliteTemplate, postgresTemplate, type TemplateBuild } from '../helpers/templates.js';

const SAUDI = { season: 2024, round: 2, f1db: 'seasons/2024/races/02-saudi-arabia', now: new Date('2025-01-15T00:00:00Z') };
const CHINA = { season: 2026, round: 2, f1db: 'seasons/2026/races/02-china', now: new Date('2026-12-01T00:00:00Z') };
const clientOptions = { rateLimit: false as const, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } };

/** Migrated, the Jolpica dump imported, then F1DB: what `apex import jolpica-dump` + `apex import f1db` leave. */
const withF1db: TemplateBuild = async (database) => {
  await migrate(database);
  await importJolpicaDump(database.db, dumpDir);
  await importF1db(database.db, f1dbDir);
};

/** F1DB alone: what a first start without the dump leaves before its API sync. */
const f1dbOnly: TemplateBuild = async (database) => {
  await migrate(database);
  await importF1db(database.db, f1dbDir);
};

async function f1dbDatabase(kind: Backend, build: 'with-dump' | 'f1db-only' = 'with-dump'): Promise<TestDatabase> {
  const [kindName, fill] = build === 'with-dump' ? ['jolpica_f1db', withF1db] : ['f1db_only', f1dbOnly];
  if (kind === 'pglite') {
    const database = await openPglite(undefined, { loadDataDir: await pgliteTemplate(kindName.replace('_', '-'), fill) });
    return { database, cleanup: () => database.close() };
  }
  const template = await postgresTemplate(kindName, fill);
  const name = `apex_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const database = openPostgres(pgDatabaseUrl(name), { max: 4 });
  return {
    database,
    cleanup: async () => {
      await database.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

const q = async <T>(db: Db, query: string) => rowsOf<T>(await db.execute(sql.raw(query)));

const TABLES = ['results', 'sprint_results', 'qualifying', 'sprint_qualifying', 'pit_stops'] as const;
/** Rows per table and source of one race, e.g. { results: { f1db: 20 }, … }. */
async function sources(db: Db, race: { season: number; round: number }): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const table of TABLES) {
    const rows = await q<{ source: string; n: number }>(
      db,
      `select x.source, count(*)::int as n from ${table} x join races r on r.id = x.race_id where r.season = ${race.season} and r.round = ${race.round} group by x.source`,
    );
    out[table] = Object.fromEntries(rows.map((r) => [r.source, Number(r.n)]));
  }
  return out;
}

/** source_conflicts of one race as "kind field" → count. */
async function conflicts(db: Db, race: { season: number; round: number }): Promise<Record<string, number>> {
  const rows = await q<{ kind: string; field: string; n: number }>(
    db,
    `select kind, field, count(*)::int as n from source_conflicts where season = ${race.season} and round = ${race.round} group by kind, field`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.kind} ${r.field}`, Number(r.n)]));
}

/** F1DB's own rows of a race, from its YAML files. */
const f1dbCount = (race: { f1db: string }, file: string) => yamlList(join(f1dbDir, race.f1db, file)).length;
/** The recorded Jolpica answer of a race. */
const recorded = (race: { season: number; round: number }, kind: string, list: string) =>
  JSON.parse(readFileSync(join(jolpicaRecordings, `ergast/f1/${race.season}/${race.round}/${kind}.json`), 'utf8')).MRData.RaceTable.Races[0][list] as { Driver: { driverId: string } }[];

/** A full F1DB merge, as the next `apex import f1db` ends with: rows it changes (must be none). */
async function mergeChanges(db: Db): Promise<Record<string, number>> {
  const report = await db.transaction((tx) => mergeF1db(tx));
  return Object.fromEntries(Object.entries(report).map(([t, r]) => [t, r.inserted + r.updated + r.deleted]).filter(([, n]) => n !== 0));
}

/** Team drivers of a season per source. */
const teamDrivers = async (db: Db, season: number) =>
  Object.fromEntries((await q<{ source: string; n: number }>(db, `select source, count(*)::int as n from team_drivers where season = ${season} group by source`)).map((r) => [r.source, Number(r.n)]));

/** Rows a sync wrote, in total (logged per table: what the report quotes). */
function written(s: SyncSummary, what: string): number {
  console.log(`[sync-f1db] ${what}: rows written ${JSON.stringify(s.rows)}`);
  return Object.values(s.rows).reduce((a, b) => a + b, 0);
}

describe.each(backends)('API sync over F1DB on %s', (backend) => {
  let server: JolpicaServer;
  let database: TestDatabase;
  let db: Db;
  const sync = (race: typeof SAUDI, extra: Partial<SyncHistoryOptions> = {}) =>
    syncHistory(db, { seasons: [race.season], rounds: [race.round], baseUrl: server.url, clientOptions, now: race.now, ...extra });

  beforeAll(async () => {
    server = await startJolpicaServer();
  });
  afterAll(async () => {
    await database?.cleanup();
    await server?.close();
  });
  // Every test starts from its own copy of the template (the first one builds it: dump + F1DB import).
  const fresh = async (build?: 'f1db-only') => {
    await database?.cleanup();
    database = await f1dbDatabase(backend, build);
    db = database.database.db;
  };

  it('F1DB filled 2024 round 2 completely (the starting point)', async () => {
    await fresh();
    expect(await sources(db, SAUDI)).toEqual({
      results: { f1db: f1dbCount(SAUDI, 'race-results.yml') },
      sprint_results: {},
      qualifying: { f1db: f1dbCount(SAUDI, 'qualifying-results.yml') },
      sprint_qualifying: {},
      pit_stops: { f1db: f1dbCount(SAUDI, 'pit-stops.yml') },
    });
    expect(await conflicts(db, SAUDI)).toEqual({});
  }, 900_000);

  it('the recorded answer: Jolpica’s results replace F1DB’s, F1DB keeps what Jolpica answered empty, conflicts listed; idempotent', async () => {
    await fresh();
    const summary = await sync(SAUDI);
    expect(summary.documentsFetched).toBe(4); // results, qualifying, laps, pit stops
    expect(written(summary, `${backend} recorded`)).toBeGreaterThan(0);
    const results = recorded(SAUDI, 'results', 'Results');
    expect(await sources(db, SAUDI)).toEqual({
      results: { jolpica: results.length },
      sprint_results: {},
      qualifying: { f1db: f1dbCount(SAUDI, 'qualifying-results.yml') },
      sprint_qualifying: {},
      pit_stops: { f1db: f1dbCount(SAUDI, 'pit-stops.yml') },
    });
    // The same conflicts a full merge lists, and nothing for the next F1DB import to change.
    const listed = await conflicts(db, SAUDI);
    expect(await mergeChanges(db)).toEqual({});
    expect(await conflicts(db, SAUDI)).toEqual(listed);
    // A forced second sync fetches the same answers and writes nothing.
    const again = await sync(SAUDI, { force: true });
    expect(again.documentsFetched).toBe(4);
    expect(written(again, `${backend} recorded, again`)).toBe(0);
  }, 900_000);

  it('an empty answer for every kind deletes none of F1DB’s rows', async () => {
    await fresh();
    const before = await fingerprint(db);
    const empty: Transform = (_path, doc) => ({ MRData: { ...doc.MRData, total: '0', RaceTable: { ...(doc.MRData.RaceTable as object), Races: [] } } });
    server.setTransform(empty);
    try {
      const summary = await sync(SAUDI);
      expect(summary.documentsFetched).toBe(4);
      expect(written(summary, `${backend} empty`)).toBe(0);
    } finally {
      server.setTransform(undefined);
    }
    expect(await fingerprint(db)).toEqual(before);
  }, 900_000);

  it('a partial answer (the first 10 results): Jolpica’s rows win for the race, F1DB’s other entries listed as conflicts', async () => {
    await fresh();
    const partial: Transform = (path, doc) => {
      if (!path.includes('/results.json')) return doc;
      const table = doc.MRData.RaceTable as { Races: { Results: unknown[] }[] };
      return { MRData: { ...doc.MRData, total: '10', RaceTable: { ...table, Races: table.Races.map((r) => ({ ...r, Results: r.Results.slice(0, 10) })) } } };
    };
    server.setTransform(partial);
    try {
      written(await sync(SAUDI), `${backend} partial`);
    } finally {
      server.setTransform(undefined);
    }
    const s = await sources(db, SAUDI);
    expect(s.results).toEqual({ jolpica: 10 });
    expect(s.qualifying).toEqual({ f1db: f1dbCount(SAUDI, 'qualifying-results.yml') });
    expect((await conflicts(db, SAUDI))['results entry']).toBe(f1dbCount(SAUDI, 'race-results.yml') - 10);
    expect(await mergeChanges(db)).toEqual({});
  }, 900_000);

  it('a failure before the round commits leaves the database as it was', async () => {
    await fresh();
    // The schedule is written in its own transaction first: take it out of the comparison.
    await sync(SAUDI, { include: { results: false, qualifying: false, sprint: false, laps: false, pitstops: false } });
    const before = await fingerprint(db);
    const err = await sync(SAUDI, {
      beforeRoundCommit: () => {
        throw new Error('interrupted');
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('interrupted');
    expect(await fingerprint(db)).toEqual(before);
    expect(await q(db, 'select * from source_conflicts where season = 2024')).toEqual([]);
  }, 900_000);

  it('2026 round 2 from the recordings: Jolpica’s results replace F1DB’s, F1DB’s sprint, qualifying and pit stops stay', async () => {
    await fresh();
    const before = await sources(db, CHINA);
    expect(before.results).toEqual({ f1db: f1dbCount(CHINA, 'race-results.yml') });
    const entrants = await teamDrivers(db, CHINA.season);
    expect(Object.keys(entrants)).toEqual(['f1db']);
    const summary = await syncHistory(db, { seasons: [CHINA.season], rounds: [CHINA.round], baseUrl: jolpicaRecordings, now: CHINA.now });
    expect(summary.documentsFetched).toBe(1); // only the results are recorded
    written(summary, `${backend} 2026`);
    expect(await sources(db, CHINA)).toEqual({ ...before, results: { jolpica: recorded(CHINA, 'results', 'Results').length } });
    // One round's entrants do not make the season's team drivers Jolpica's (F1DB lists them all).
    expect(await teamDrivers(db, CHINA.season)).toEqual(entrants);
    expect(await mergeChanges(db)).toEqual({});
    // Jolpica's 'rb' (its id through the 2025 rename) is F1DB's 'racing-bulls' (continuations.ts): the
    // synced round and F1DB's other rounds are one team, once in the standings after every round.
    const rbRounds = await q<{ ref: string; source: string; rounds: number }>(
      db,
      `select c.constructor_ref as ref, x.source, count(distinct r.round)::int as rounds from results x join races r on r.id = x.race_id
        join constructors c on c.id = x.constructor_id where r.season = 2026 and c.constructor_ref in ('rb', 'racing_bulls') group by 1, 2 order by 1, 2`,
    );
    const seasonDir = join(f1dbDir, 'seasons/2026/races');
    const raced = readdirSync(seasonDir).filter((d) => existsSync(join(seasonDir, d, 'race-results.yml')));
    const f1dbRounds = raced.length;
    expect(rbRounds).toEqual([
      { ref: 'rb', source: 'f1db', rounds: f1dbRounds - 1 },
      { ref: 'rb', source: 'jolpica', rounds: 1 },
    ]);
    const teamsPerRound = await q<{ round: number; rows: number; teams: number; rb: number }>(
      db,
      `select x.round, count(*)::int as rows, count(distinct x.constructor_id)::int as teams, count(*) filter (where c.constructor_ref = 'rb')::int as rb
         from constructor_standings x join constructors c on c.id = x.constructor_id where x.season = 2026 group by x.round order by x.round`,
    );
    // As many teams as F1DB's standings list after each round, RB among them once.
    expect(teamsPerRound.map((r) => ({ rows: r.rows, teams: r.teams, rb: r.rb }))).toEqual(
      raced.map((d) => { const n = yamlList(join(seasonDir, d, 'constructor-standings.yml')).length; return { rows: n, teams: n, rb: 1 }; }),
    );
    const again = await syncHistory(db, { seasons: [CHINA.season], rounds: [CHINA.round], baseUrl: jolpicaRecordings, now: CHINA.now, force: true });
    expect(written(again, `${backend} 2026, again`)).toBe(0);
  }, 900_000);
  it('F1DB alone, then the API sync of a 2026 round (a first start without the dump): F1DB\u2019s racing_bulls folds into Jolpica\u2019s rb, standings as F1DB\u2019s', async () => {
    await fresh('f1db-only');
    const before = await q<{ ref: string }>(db, `select constructor_ref as ref from constructors where constructor_ref in ('rb', 'racing_bulls') order by 1`);
    expect(before.map((r) => r.ref)).toEqual(['racing_bulls', 'rb']); // F1DB's two, apart: nothing says otherwise yet
    const summary = await syncHistory(db, { seasons: [CHINA.season], rounds: [CHINA.round], baseUrl: jolpicaRecordings, now: CHINA.now });
    expect(summary.rows.constructor_continuations).toBe(1);
    const seasonDir = join(f1dbDir, 'seasons/2026/races');
    const raced = readdirSync(seasonDir).filter((d) => existsSync(join(seasonDir, d, 'race-results.yml')));
    // RB's points and place after every 2026 round: F1DB's racing-bulls rows, now under rb.
    const ours = await q<{ points: number; position: number }>(
      db,
      `select x.points, x.position from constructor_standings x join constructors c on c.id = x.constructor_id where x.season = 2026 and c.constructor_ref = 'rb' order by x.round`,
    );
    expect(ours.map((r) => ({ points: Number(r.points), position: Number(r.position) }))).toEqual(
      raced.map((d) => {
        const row = yamlList(join(seasonDir, d, 'constructor-standings.yml')).find((r) => r.constructorId === 'racing-bulls')!;
        return { points: Number(row.points), position: Number(row.position) };
      }),
    );
    expect(await q(db, `select 1 from constructors where constructor_ref = 'racing_bulls'`)).toEqual([]);
    expect(await mergeChanges(db)).toEqual({});
  }, 900_000);
});
