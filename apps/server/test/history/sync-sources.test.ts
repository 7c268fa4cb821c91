// The sync's contract with its source: Jolpica's published rate limits are respected as seen by the
// server, a 404 stops the sync with a clear error, and the API path stores exactly what the dump
// import stores for the same races (so both paths agree, standings included).
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/config.js';
import { importJolpicaDump } from '../../src/history/import/index.js';
import { SyncError, syncHistory } from '../../src/history/sync/sync-history.js';
import { jolpicaRateLimits, SourceNotFoundError } from '../../src/sources/index.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { jolpicaRecordings, startJolpicaServer, type JolpicaServer } from '../helpers/jolpica-server.js';
import { counts, snapshot, truncateHistory } from './sync-snapshot.js';

const AFTER_SEASON = new Date('2024-01-15T00:00:00Z');

/** Largest number of arrivals inside any window [t, t + intervalMs). */
function maxInWindow(times: number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= intervalMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

let server: JolpicaServer;
let database: TestDatabase;
beforeAll(async () => {
  server = await startJolpicaServer();
  database = await testDatabase('pglite');
});
afterAll(async () => {
  await database?.cleanup();
  await server?.close();
});

describe('sync against the loopback Jolpica server', () => {
  it('with Jolpica’s published limits configured, no 1 s window at the server holds more than 4 requests', async () => {
    const db = database.database.db;
    await truncateHistory(db);
    const started = server.requests.length;
    const summary = await syncHistory(db, {
      seasons: [2023],
      rounds: [1, 4],
      baseUrl: server.url,
      clientOptions: { rateLimit: jolpicaRateLimits },
      now: AFTER_SEASON,
    });
    const arrivals = server.requests.slice(started).map((r) => r.at);
    // schedule + seasons + round 1 (results, qualifying, laps, pit stops) + round 4 (+ sprint)
    expect(arrivals).toHaveLength(11);
    expect(summary.requests).toBe(11);
    expect(maxInWindow(arrivals, 1_000)).toBe(4);
  });

  it('a 404 stops the sync with an error naming the URL, without retrying', async () => {
    const db = database.database.db;
    await truncateHistory(db);
    const strict = await startJolpicaServer({ missing: 'not-found' });
    try {
      const err = await syncHistory(db, {
        seasons: [2023],
        baseUrl: strict.url,
        clientOptions: { rateLimit: false, retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } },
        now: AFTER_SEASON,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncError);
      expect((err as Error).cause).toBeInstanceOf(SourceNotFoundError);
      // Round 1 has results but no recorded qualifying: the first 404.
      expect((err as Error).message).toContain(`2023 round 1: ${strict.url}/ergast/f1/2023/1/qualifying.json?limit=100&offset=0: not found (404)`);
      expect(strict.requests.filter((r) => r.status === 404)).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });
});

describe('sync from a directory of recorded answers (the offline stand-in)', () => {
  it('stores what was recorded and skips what was not, asking for it again next time', async () => {
    const db = database.database.db;
    await truncateHistory(db);
    const first = await syncHistory(db, { seasons: [2023], baseUrl: jolpicaRecordings, now: AFTER_SEASON });
    // Recorded under the bare path: the schedule, results of rounds 1 and 5, round 4's qualifying and
    // sprint. Round 1's laps exist only as `laps.json?limit=1200`, which a paged client never asks for.
    expect(counts(await snapshot(db))).toMatchObject({ races: 22, results: 40, qualifying: 20, sprint_results: 20, lap_times: 0, source_documents: 5 });
    expect(first.documentsFetched).toBe(4);
    expect(first.standingsRecomputed).toEqual([2023]);
    const second = await syncHistory(db, { seasons: [2023], baseUrl: jolpicaRecordings, now: AFTER_SEASON });
    expect(second).toMatchObject({ schedulesFetched: 0, documentsFetched: 0, roundsWritten: 0 });
    expect(second.roundsPlanned).toBe(22);
  });
});

describe('dump import and API sync agree', () => {
  it('syncing recorded 2023 rounds over the imported dump changes no result, sprint result or standing', async () => {
    const db = database.database.db;
    await truncateHistory(db);
    await importJolpicaDump(db, resolve(sharedDir, 'jolpica-dump'));
    const before = await snapshot(db);
    const summary = await syncHistory(db, {
      seasons: [2023],
      rounds: [1, 4, 5],
      force: true,
      include: { laps: false, pitstops: false },
      baseUrl: server.url,
      clientOptions: { rateLimit: false },
      now: AFTER_SEASON,
    });
    expect(summary.documentsFetched).toBe(7); // results ×3, qualifying ×3, sprint ×1
    const after = await snapshot(db);
    for (const table of ['results', 'sprint_results', 'driver_standings', 'constructor_standings', 'statuses'] as const) {
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    }
    expect(summary.rows.results ?? 0).toBe(0);
    expect(summary.rows.sprint_results ?? 0).toBe(0);
    // Qualifying agrees too, except where the dump's own data differs from the live answer: in
    // Jolpica's test fixture three cars at Baku 2023 carry a later part's time in an earlier part
    // (Pérez Q1 = his Q2 1:41.131, Hamilton and Sainz Q2 = their Q3), while the API recording has
    // 1:41.756, 1:41.650 and 1:41.369. Exactly those three rows are corrected, nothing else.
    const changed = (rows: string[], other: string[]) => rows.filter((r) => !other.includes(r)).map((r) => JSON.parse(r).slice(0, 3).join(' '));
    expect(changed(before.qualifying, after.qualifying).sort()).toEqual(['2023 4 hamilton', '2023 4 perez', '2023 4 sainz']);
    expect(changed(after.qualifying, before.qualifying).sort()).toEqual(['2023 4 hamilton', '2023 4 perez', '2023 4 sainz']);
    expect(after.qualifying.filter((r) => r.startsWith('[2023,4,"perez"'))[0]).toContain('"1:41.756","1:41.131","1:40.495",101756');
    expect(summary.rows.qualifying).toBe(3);
  });
});
