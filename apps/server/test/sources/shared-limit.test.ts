// One rate-limit budget per upstream: the history sync's Jolpica client (what a sync fetches with,
// created as syncHistory creates it) and session loads running at once in one process reach the
// (loopback) Jolpica server through one limiter, so together they never exceed its window — the
// server counts arrivals and would answer 429 otherwise. (The sync's database writes play no part
// in this, so the test does without a database.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session } from '@apexdata/livetiming';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/config.js';
import { createJolpicaClient } from '../../src/history/sync/jolpica-client.js';
import { sourcesFromConfig } from '../../src/sessions/catalog.js';
import { acquireRateLimiter } from '../../src/sources/index.js';
import { startJolpicaServer, type JolpicaServer } from '../helpers/jolpica-server.js';

/** Largest number of arrivals inside any half-open window [t, t + intervalMs). */
function maxInWindow(times: number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= intervalMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

// Jolpica's burst limit is 4 per second; the test runs it 4× faster (4 per 250 ms) to stay short.
const WINDOW = { limit: 4, intervalMs: 250 };
const SESSIONS = [
  '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/',
  '2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/',
  '2021/2021-11-07_Mexico_City_Grand_Prix/2021-11-06_Qualifying/',
];

describe('a history sync and session loads at once share one Jolpica limiter', () => {
  let server: JolpicaServer;
  let home: string;
  let release: () => Promise<void>;

  beforeAll(async () => {
    server = await startJolpicaServer({ throttle: { ...WINDOW, retryAfterSeconds: 1 } });
    home = await mkdtemp(join(tmpdir(), 'apex-shared-limit-'));
    // The origin's limits are set by its first user: here the test, before the sync and the loads.
    ({ release } = acquireRateLimiter(server.url, { windows: [WINDOW], maxConcurrent: 2, slackMs: 20 }));
  });
  afterAll(async () => {
    await release?.();
    await server?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('never lets more than the window\'s requests arrive, and the server never answers 429', async () => {
    const sources = sourcesFromConfig({
      APEX_HOME: home, LIVETIMING_BASE_URL: resolve(sharedDir, 'f1data', 'livetiming'), LIVETIMING_MIRROR_URL: undefined,
      JOLPICA_BASE_URL: server.url, APEX_OFFLINE: false,
    });
    const client = createJolpicaClient({ baseUrl: server.url, pageSize: 30 });
    const sync = (async () => {
      // What a sync of 2023 fetches where the recordings have data: schedule, results, qualifying,
      // sprint, drivers, and round 1's lap timings in pages of 30.
      const pages = await Promise.all([
        client.races(2023), client.results(2023, 1), client.results(2023, 5), client.qualifying(2023, 4), client.sprint(2023, 4),
        client.drivers(2023), client.laps(2023, 1),
      ]);
      await client.close();
      return pages;
    })();
    const loads = Promise.all(SESSIONS.map((path) => Session.load(path, { archive: sources.archive, jolpica: sources.jolpica, schedule: sources.schedule, telemetry: false })));
    const [pages, sessions] = await Promise.all([sync, loads]);

    const fromLoads = server.requests.filter((r) => /^\/?ergast\/f1\/(2018|2019|2021)\b/.test(r.path));
    const fromSync = server.requests.filter((r) => /^\/?ergast\/f1\/2023\b/.test(r.path));
    expect(fromLoads.length).toBeGreaterThanOrEqual(SESSIONS.length);
    expect(fromSync.length).toBe(10);
    expect(pages.every((p) => p.items.length > 0)).toBe(true);
    expect(client.source.stats().retries).toBe(0);
    // The two streams interleave (neither waited for the other to finish) ...
    expect(Math.min(...fromLoads.map((r) => r.at))).toBeLessThan(Math.max(...fromSync.map((r) => r.at)));
    // ... and together stay inside the one window.
    expect(maxInWindow(server.requests.map((r) => r.at), WINDOW.intervalMs)).toBeLessThanOrEqual(WINDOW.limit);
    expect(server.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(sessions[0]!.jolpica?.firstLapTimes.length).toBeGreaterThan(0);
  });
});
