// Several API processes on one real Redis: one ingester between them (a lease), frames fanned out
// through a Redis stream, commands through pub/sub. A client can resume on another process with the
// same Last-Event-ID, a process started later serves the same delayed state, and when the ingesting
// process goes away another one takes over.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { listen, openStream, ScriptedSource, sleep } from './helpers.js';

const REDIS_URL = process.env.APEX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = 'live-redis-token';

describe('live fan-out through Redis between API processes', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  const bases: string[] = [];
  let source: ScriptedSource | null = null;
  // One installation (same APEX_HOME → same Redis namespace), unique to this run.
  const env = { APEX_ADMIN_TOKEN: TOKEN, REDIS_URL, APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-live-redis-')) };
  const start = async () => {
    const app = await testApp({
      database: db.database,
      env,
      live: { historySeconds: 60, minIntervalMs: 0, leaseMs: 2000, openReplay: async (_target, speed) => {
          source = new ScriptedSource('replay');
          source.speed = speed;
          return source;
        },
      },
    });
    apps.push(app);
    bases.push(await listen(app));
    return app;
  };

  beforeAll(async () => {
    db = await testDatabase('postgres');
    await start();
    await start();
  });

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => {});
    await db?.cleanup();
  });

  const until = async (ok: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await sleep(20);
    }
  };

  const untilAsync = async (ok: () => Promise<boolean>, ms = 5000) => {
    const end = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await sleep(20);
    }
  };

  it('runs one ingester; a command sent to either process reaches it', async () => {
    await until(() => apps.filter((a) => a.live.ingester).length === 1);
    const follower = apps.findIndex((a) => !a.live.ingester);
    const res = await apps[follower]!.inject({
      method: 'POST', url: '/api/v1/live/replay', headers: { authorization: `Bearer ${TOKEN}` }, payload: { year: 2025, round: 20, session: 'Q', speed: 10 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toMatchObject({ source: 'replay', replay: { speed: 10 } });
    // The other process hears of the replay through Redis pub/sub: eventually, not at once.
    for (const app of apps) await untilAsync(async () => (await app.inject('/api/v1/live/status')).json().source === 'replay', 10_000);
  });

  it('fans the same frames out on both processes; a client resumes on the other one without a gap', async () => {
    const a = await openStream(bases[0]!);
    const b = await openStream(bases[1]!);
    await a.waitFor(() => true);
    await b.waitFor(() => true);
    for (let i = 0; i < 15; i++) {
      source!.step();
      await sleep(10);
    }
    const n = source!.n;
    const done = (e: { view: Record<string, unknown> }) => (e.view.counter as { n: number } | undefined)?.n === n;
    await a.waitFor(done);
    await b.waitFor(done);
    const patches = (c: typeof a) => c.events.filter((e) => e.type === 'patch').map((e) => [e.id, e.view]);
    expect(patches(a)).toEqual(patches(b));
    expect(patches(a).length).toBe(15);

    a.close();
    await a.closed;
    for (let i = 0; i < 5; i++) {
      source!.step();
      await sleep(10);
    }
    const moved = await openStream(bases[1]!, { resume: a });
    const last = await moved.waitFor((e) => (e.view.counter as { n: number } | undefined)?.n === source!.n);
    expect(moved.events.every((e) => e.type === 'patch')).toBe(true);
    const seqs = [...a.events, ...moved.events].map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    expect(last.view).toEqual((await apps[0]!.inject('/api/v1/live/state')).json().view);
    moved.close();
    b.close();
  });

  it('a process started later serves the same delayed state, rebuilt from the stream’s checkpoints', async () => {
    for (let i = 0; i < 5; i++) {
      source!.step();
      await sleep(100);
    }
    const late = await start();
    await until(() => late.live.hub.timeline.lastSeq === apps[0]!.live.hub.timeline.lastSeq);
    const [x, y] = await Promise.all([apps[0]!.inject('/api/v1/live/state?delay=0.25'), late.inject('/api/v1/live/state?delay=0.25')]);
    expect(y.json().seq).toBe(x.json().seq);
    expect(y.json().view).toEqual(x.json().view);
  });

  it('moves the ingester to another process when its process stops', async () => {
    const leader = apps.find((a) => a.live.ingester)!;
    const epoch = leader.live.ingester!.epoch;
    await leader.close();
    apps.splice(apps.indexOf(leader), 1);
    await until(() => apps.filter((a) => a.live.ingester).length === 1, 5000);
    const next = apps.find((a) => a.live.ingester)!;
    expect(next.live.ingester!.epoch).not.toBe(epoch);
    await until(() => apps.every((a) => a.live.hub.timeline.epoch === next.live.ingester!.epoch));
    expect((await apps[0]!.inject('/api/v1/live/status')).json().source).toBe('none');
  });
});
