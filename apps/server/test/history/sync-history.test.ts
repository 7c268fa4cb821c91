// Incremental Jolpica sync against the loopback server serving the real recorded 2023 answers
// (schedule; results of rounds 1 and 5; qualifying and sprint of round 4; the first 100 lap timings
// of round 1 — every other round answers "no data", as Jolpica does for a round it has nothing for).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyGeneration } from '../../src/db/changes.js';
import { rowsOf, type Db } from '../../src/db/client.js';
import * as t from '../../src/db/schema/index.js';
import { SyncError, syncHistory, type SyncHistoryOptions, type SyncSummary } from '../../src/history/sync/sync-history.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';
import { jolpicaRecordings, startJolpicaServer, type JolpicaServer } from '../helpers/jolpica-server.js';
import { counts, snapshot, truncateHistory, type Snapshot } from './sync-snapshot.js';

/** Well after the 2023 season: every round has ended and settled. */
const AFTER_SEASON = new Date('2024-01-15T00:00:00Z');
const clientOptions = { rateLimit: false as const, pageSize: 30, timeoutMs: 300, retry: { retries: 4, baseDelayMs: 2, maxDelayMs: 10 } };

interface RecordedResult {
  position: string;
  positionText: string;
  points: string;
  status: string;
  Driver: { driverId: string };
}
function recordedResults(file: string, list = 'Results'): RecordedResult[] {
  const doc = JSON.parse(readFileSync(join(jolpicaRecordings, 'ergast/f1/2023', file), 'utf8'));
  return doc.MRData.RaceTable.Races[0][list];
}

async function sync(db: Db, server: JolpicaServer, extra: Partial<SyncHistoryOptions> = {}): Promise<SyncSummary> {
  return syncHistory(db, { seasons: [2023], baseUrl: server.url, clientOptions, now: AFTER_SEASON, ...extra });
}

async function count(db: Db, table: string): Promise<number> {
  return Number(rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
}

describe.each(backends)('Jolpica sync on %s', (backend) => {
  let server: JolpicaServer;
  let reference: TestDatabase;
  let referenceSummary: SyncSummary;
  let expected: Snapshot;
  // One database per backend: the first three tests read the fault-free reference run, the later
  // ones empty it and compare what they rebuild with the reference snapshot.
  let scratch: TestDatabase;

  beforeAll(async () => {
    server = await startJolpicaServer();
    reference = scratch = await testDatabase(backend);
    referenceSummary = await sync(reference.database.db, server);
    expected = await snapshot(reference.database.db);
  });
  afterAll(async () => {
    await reference?.cleanup();
    await server?.close();
  });

  it('stores the recorded season with the values Jolpica prints', async () => {
    const db = reference.database.db;
    expect(counts(expected)).toMatchObject({
      seasons: 1,
      races: 22,
      results: 40, // rounds 1 and 5
      qualifying: 20, // round 4
      sprint_results: 20, // round 4
      lap_times: 100, // round 1, fetched in 4 pages of 30
      pit_stops: 0,
    });
    expect(referenceSummary).toMatchObject({ schedulesFetched: 1, roundsPlanned: 22, standingsRecomputed: [2023] });

    const [ver] = await db
      .select()
      .from(t.results)
      .innerJoin(t.races, eq(t.races.id, t.results.raceId))
      .innerJoin(t.drivers, eq(t.drivers.id, t.results.driverId))
      .innerJoin(t.statuses, eq(t.statuses.id, t.results.statusId))
      .where(and(eq(t.races.round, 1), eq(t.drivers.driverRef, 'max_verstappen')));
    expect(ver.results).toMatchObject({ position: 1, positionText: '1', points: 25, grid: 1, laps: 57, timeMillis: 5636736, timeText: '1:33:56.736' });
    expect(ver.results).toMatchObject({ fastestLap: 44, fastestLapRank: 6, fastestLapTimeMillis: 96236, fastestLapSpeed: '202.452' });
    expect(ver.statuses.status).toBe('Finished');
    expect(ver.races).toMatchObject({ season: 2023, name: 'Bahrain Grand Prix', date: '2023-03-05', time: '15:00:00' });

    // Round 4 is a sprint weekend: the session timetable is stored in Jolpica's session codes.
    const baku = expected.race_sessions.filter((r) => r.startsWith('[2023,4,')).map((r) => JSON.parse(r).slice(2, 4));
    expect(baku.sort((a, b) => a[1] - b[1])).toEqual([
      ['FP1', 1],
      ['Q1', 2],
      ['Q2', 3],
      ['Q3', 4],
      ['SQ1', 5],
      ['SQ2', 6],
      ['SQ3', 7],
      ['SR', 8],
      ['R', 9],
    ]);

    // Qualifying: Q2/Q3 absent for a car knocked out in Q1 stays absent (null), not ''.
    const [devries] = await db
      .select({ q: t.qualifying })
      .from(t.qualifying)
      .innerJoin(t.drivers, eq(t.drivers.id, t.qualifying.driverId))
      .where(eq(t.drivers.driverRef, 'de_vries'));
    expect(devries.q).toMatchObject({ position: 20, q1: '1:55.282', q1Millis: 115282, q2: null, q3: null });

    // Laps: the page boundary at 30/60/90 falls inside laps 2, 4 and 5; all 20 cars × 5 laps arrive.
    const laps = rowsOf<{ lap: number; n: number }>(
      await db.execute(sql`select lap, count(*)::int as n from lap_times group by lap order by lap`),
    );
    expect(laps).toEqual([1, 2, 3, 4, 5].map((lap) => ({ lap, n: 20 })));
    expect(expected.lap_times).toContain(JSON.stringify([2023, 1, 'max_verstappen', 1, 1, 99019]));
  });

  it('computes standings from the synced points with the shared standings functions', async () => {
    const points = new Map<string, number>();
    for (const r of [...recordedResults('1/results.json'), ...recordedResults('4/sprint.json', 'SprintResults'), ...recordedResults('5/results.json')]) {
      points.set(r.Driver.driverId, (points.get(r.Driver.driverId) ?? 0) + Number(r.points));
    }
    const afterRound5 = expected.driver_standings.map((r) => JSON.parse(r)).filter((r) => r[1] === 5);
    expect(afterRound5).toHaveLength(points.size);
    for (const [season, round, driver, pts, position] of afterRound5) {
      expect([season, round]).toEqual([2023, 5]);
      expect(pts).toBe(points.get(driver));
      if (position === 1) expect(pts).toBe(Math.max(...points.values()));
    }
    // Standings exist after each round that has results (1, 4 with its sprint, 5).
    expect(new Set(expected.driver_standings.map((r) => JSON.parse(r)[1]))).toEqual(new Set([1, 4, 5]));
  });

  it('a second run fetches nothing and changes nothing', async () => {
    const before = server.requests.length;
    const generation = await historyGeneration(reference.database.db);
    expect(generation).toBeGreaterThan(0);
    const summary = await sync(reference.database.db, server);
    expect(server.requests.length).toBe(before);
    expect(summary).toMatchObject({ requests: 0, roundsPlanned: 0, roundsWritten: 0, rows: {} });
    expect(await snapshot(reference.database.db)).toEqual(expected);
    // Cached answers stay valid.
    expect(await historyGeneration(reference.database.db)).toBe(generation);
  });

  it('429 (Retry-After), 500, hangs, truncated and cut-off bodies: the final database equals a fault-free run', async () => {
    const db = scratch.database.db;
    await truncateHistory(db);
    const faulty = await startJolpicaServer({
      faults: [
        { path: /^ergast\/f1\/2023\.json/, pathHits: [1], fault: { type: 'hang' } },
        { path: /\/results\.json/, pathHits: [1], fault: { type: 'status', status: 500 } },
        { path: /\/qualifying\.json/, pathHits: [1], fault: { type: 'truncate' } },
        { path: /\/laps\.json\?limit=30&offset=30$/, pathHits: [1], fault: { type: 'status', status: 429, retryAfter: '0' } },
        { path: /\/laps\.json\?limit=30&offset=60$/, pathHits: [1], fault: { type: 'reset' } },
        { path: /\/pitstops\.json/, pathHits: [1, 2], fault: { type: 'status', status: 503 } },
        { path: /\/sprint\.json/, pathHits: [1], fault: { type: 'truncate', keepFraction: 0.95 } },
      ],
    });
    try {
      const summary = await sync(db, faulty);
      const faults = faulty.requests.filter((r) => r.fault).map((r) => r.fault);
      expect(new Set(faults)).toEqual(new Set(['hang', 'status', 'truncate', 'reset']));
      expect(summary.retries).toBe(faults.length);
      expect(faulty.requests.filter((r) => r.status === 429)).toHaveLength(1);
      expect(await snapshot(db)).toEqual(expected);
    } finally {
      await faulty.close();
    }
  });

  it('interrupted by a failing upstream mid-season: the rerun resumes where it stopped, without duplicates', async () => {
    const db = scratch.database.db;
    await truncateHistory(db);
    const flaky = await startJolpicaServer({ faults: [{ path: 'ergast/f1/2023/5/results.json', fault: { type: 'status', status: 502 } }] });
    try {
      const err = await sync(db, flaky).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncError);
      expect((err as Error).message).toMatch(/^2023 round 5: .*ergast\/f1\/2023\/5\/results\.json\?limit=30&offset=0: HTTP 502.*4 of 22 rounds done/);
      // Rounds 1–4 are committed, round 5 is not, and standings wait for the rerun.
      const partial = counts(await snapshot(db));
      expect(partial).toMatchObject({ results: 20, qualifying: 20, sprint_results: 20, lap_times: 100, driver_standings: 0 });

      flaky.clearFaults();
      const before = flaky.requests.length;
      const summary = await sync(db, flaky);
      const rerun = flaky.requests.slice(before).map((r) => r.path);
      expect(rerun.some((p) => p.startsWith('ergast/f1/2023/1/'))).toBe(false);
      expect(rerun[0]).toBe('ergast/f1/2023/5/results.json?limit=30&offset=0');
      expect(summary.roundsPlanned).toBe(18);
      expect(summary.standingsRecomputed).toEqual([2023]);
      expect(await snapshot(db)).toEqual(expected);
    } finally {
      await flaky.close();
    }
  });

  it('a failure inside a round’s transaction rolls that round back; the rerun completes it', async () => {
    const db = scratch.database.db;
    await truncateHistory(db);
    const err = await sync(db, server, {
      beforeRoundCommit: ({ round }) => {
        if (round === 4) throw new Error('power cut');
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('power cut');
    const partial = counts(await snapshot(db));
    expect(partial).toMatchObject({ results: 20, lap_times: 100, qualifying: 0, sprint_results: 0 });
    expect(await count(db, `source_documents where key like 'ergast/f1/2023/4/%'`)).toBe(0);

    const summary = await sync(db, server);
    expect(summary.roundsPlanned).toBe(19);
    expect(await snapshot(db)).toEqual(expected);
  });

  it('re-fetches recent rounds until they settle and writes only what changed upstream', async () => {
    const db = scratch.database.db;
    await truncateHistory(db);
    const live = await startJolpicaServer();
    try {
      // The day after Miami (round 5): rounds 1–5 have ended, round 5 has not settled.
      const first = await sync(db, live, { now: new Date('2023-05-08T00:00:00Z') });
      expect(first.roundsPlanned).toBe(5);
      const ids = await db.select({ id: t.results.id, driverId: t.results.driverId }).from(t.results).innerJoin(t.races, eq(t.races.id, t.results.raceId)).where(eq(t.races.round, 5));

      // Two days later the stewards disqualify Pérez from round 5.
      live.setTransform((path, doc) => {
        if (!path.startsWith('ergast/f1/2023/5/results.json')) return doc;
        const races = (doc.MRData.RaceTable as { Races: { Results: RecordedResult[] }[] }).Races;
        for (const r of races[0]?.Results ?? []) {
          if (r.Driver.driverId === 'perez') Object.assign(r, { positionText: 'D', points: '0', status: 'Disqualified' });
        }
        return doc;
      });
      const before = live.requests.length;
      const second = await sync(db, live, { now: new Date('2023-05-10T00:00:00Z') });
      // Only the schedule (season not over) and round 5's documents are asked for again.
      expect(live.requests.slice(before).map((r) => r.path.split('?')[0])).toEqual([
        'ergast/f1/2023.json',
        'ergast/f1/2023/5/results.json',
        'ergast/f1/2023/5/qualifying.json',
        'ergast/f1/2023/5/laps.json',
        'ergast/f1/2023/5/pitstops.json',
      ]);
      expect(second).toMatchObject({ roundsPlanned: 1, roundsWritten: 1, documentsUnchanged: 3, standingsRecomputed: [2023] });
      expect(second.rows.results).toBe(1);
      // Updated in place: the rows keep their ids.
      const after = await db.select({ id: t.results.id, driverId: t.results.driverId }).from(t.results).innerJoin(t.races, eq(t.races.id, t.results.raceId)).where(eq(t.races.round, 5));
      expect(after.sort((a, b) => a.id - b.id)).toEqual(ids.sort((a, b) => a.id - b.id));
      const perez = (await snapshot(db)).driver_standings.map((r) => JSON.parse(r)).find((r) => r[1] === 5 && r[2] === 'perez');
      const original = expected.driver_standings.map((r) => JSON.parse(r)).find((r) => r[1] === 5 && r[2] === 'perez');
      expect(perez[3]).toBe(original[3] - 18);

      // Once round 5 has settled, one last fetch; after that nothing but the current schedule.
      const third = await sync(db, live, { now: new Date('2023-05-20T00:00:00Z') });
      expect(third).toMatchObject({ roundsPlanned: 1, roundsWritten: 0 });
      const fourth = await sync(db, live, { now: new Date('2023-05-21T00:00:00Z') });
      expect(fourth).toMatchObject({ schedulesFetched: 1, roundsPlanned: 0, requests: 1 });
    } finally {
      await live.close();
    }
  });
});
