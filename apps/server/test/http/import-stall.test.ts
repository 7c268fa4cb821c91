// A history import must not stall the API (issue 13): on the embedded PGlite the import's write ran
// as one unbroken chain of statements on the thread that serves requests, and the dump was read and
// mapped there too — /health waited up to 2.85 s on a quiet machine (10 s under load). Now the dump
// is read in a worker thread and PGlite lets the event loop turn between statements (db/client.ts).
//
// A loopback run: the real app listens on 127.0.0.1, a child process polls /health every 10 ms, the
// Jolpica dump is imported over HTTP (POST /api/v1/history/import). The same run repeats with the
// old behaviour (no pauses, dump read on this thread) and must fail the bound — the test can fail.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with the bench
import { startPoller, summarise } from '../../bench/stall.mjs';
import { migrate, openPglite, type Database } from '../../src/db/client.js';
import type { JobView } from '../../src/jobs/index.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { dumpDir } from '../helpers/history.js';
import { testApp } from './app-helper.js';

const TOKEN = 'stall-test-token';
/**
 * Worst /health answer allowed during the import, and its 99th percentile (ms). Under the bound the
 * old code's 2.85 s on a quiet machine; with room for a machine at load 20–30 on 2 cores, where the
 * import's remaining short slices of work (a statement, a table's diff) take ten times as long in
 * wall time (max 400–940 ms, p99 200–790 ms seen there).
 */
const MAX_MS = 2000;
const P99_MS = 1000;

interface Stall { n: number; p50: number; p99: number; max: number; failed: number }

async function importWhilePolling(database: Database, old: boolean): Promise<{ idle: Stall; during: Stall; job: JobView }> {
  const app: FastifyInstance = await testApp({ database, env: { APEX_ADMIN_TOKEN: TOKEN, JOLPICA_DUMP_DIR: dumpDir, APEX_RATE_LIMIT: '0' } });
  try {
    // The old code read the dump on this thread.
    if (old) (app.jobDeps.history as { readIn?: string }).readIn = 'main';
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const poller = startPoller(`${base}/health`, 10);
    await new Promise((r) => setTimeout(r, 1000));
    const started = Date.now();
    const res = await fetch(`${base}/api/v1/history/import`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(202);
    let job: JobView;
    for (;;) {
      job = (await (await fetch(`${base}/api/v1/jobs/history-import`)).json()) as JobView;
      if (job.state === 'done' || job.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ended = Date.now();
    const samples = await poller.stop();
    return { idle: summarise(samples, 0, started), during: summarise(samples, started, ended), job };
  } finally {
    await app.close();
  }
}

const line = (label: string, s: Stall) => `${label}: ${s.n} polls, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;

describe('the API keeps answering during a history import', () => {
  if (!existsSync(dumpDir)) throw new Error(`Jolpica dump not found at ${dumpDir}`);
  const open: (Database | TestDatabase)[] = [];
  afterEach(async () => {
    for (const d of open.splice(0)) await ('cleanup' in d ? d.cleanup() : d.close());
  });

  it(`on PGlite: /health max < ${MAX_MS} ms and p99 < ${P99_MS} ms while the dump imports; the old behaviour stalls over 3× longer in the same run`, async () => {
    const fresh = await openPglite();
    open.push(fresh);
    await migrate(fresh);
    const now = await importWhilePolling(fresh, false);
    const oldDb = await openPglite(undefined, { sliceMs: Infinity });
    open.push(oldDb);
    await migrate(oldDb);
    const before = await importWhilePolling(oldDb, true);
    console.log([
      `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
      line('idle', now.idle), line('import now', now.during), line('import, old behaviour', before.during),
    ].join('\n'));
    for (const r of [now, before]) {
      expect(r.job.state, r.job.error ?? '').toBe('done');
      expect(r.during.failed).toBe(0);
      expect(r.during.n).toBeGreaterThan(0);
    }
    // Polled all along (a stalled server answers a handful of polls: that is what the old code did).
    expect(now.during.n).toBeGreaterThan(20);
    expect(now.during.max).toBeLessThan(MAX_MS);
    expect(now.during.p99).toBeLessThan(P99_MS);
    // The test can fail: in the same run the old behaviour stalls clearly longer. Not against the
    // absolute bound — on a quiet machine the old code's worst stall was 990 ms, under load 8.7 s —
    // but relative to the new code's p99 (its max: 5.9× quiet, 11× at load 21; once, with other test
    // files busy beside it, the new code's max was one 368 ms hiccup against the old code's 920 ms).
    expect(before.during.max).toBeGreaterThan(3 * now.during.p99);
  }, 300_000);

  it(`on PostgreSQL: /health max < ${MAX_MS} ms and p99 < ${P99_MS} ms while the dump imports`, async () => {
    const tdb = await testDatabase('postgres');
    open.push(tdb);
    const r = await importWhilePolling(tdb.database, false);
    console.log([`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`, line('import on PostgreSQL', r.during)].join('\n'));
    expect(r.job.state, r.job.error ?? '').toBe('done');
    expect(r.during.failed).toBe(0);
    expect(r.during.max).toBeLessThan(MAX_MS);
    expect(r.during.p99).toBeLessThan(P99_MS);
  }, 300_000);
});
