// /api/v1/live on a real listening app (SSE needs a socket) with a scripted source: resuming with
// Last-Event-ID misses no patch, a delayed stream is the undelayed one D seconds later, slow clients
// are dropped, departed ones cost nothing, and the 400/401/404/409 answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { listen, openStream, ScriptedSource, sleep } from './helpers.js';

const TOKEN = 'live-test-token';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('live API', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let source: ScriptedSource;

  beforeAll(async () => {
    // The routes read only the archive's catalogue (history rounds) from the database: PostgreSQL is
    // the quick one to create.
    db = await testDatabase('postgres');
    app = await testApp({
      database: db.database,
      env: { APEX_ADMIN_TOKEN: TOKEN },
      live: {
        historySeconds: 60,
        maxBufferedBytes: 256 * 1024,
        minIntervalMs: 0,
        openReplay: async () => (source = new ScriptedSource('replay')),
      },
    });
    base = await listen(app);
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const post = (url: string, payload: object, headers: Record<string, string> = auth) =>
    app.inject({ method: 'POST', url: `/api/v1/live${url}`, payload, headers });

  it('is idle before anything plays: status, state and a stream that starts with a snapshot', async () => {
    const status = await app.inject('/api/v1/live/status');
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ source: 'none', session: null, connected: false, topicsMissing: [], replay: null, historySeconds: 55 });
    const state = (await app.inject('/api/v1/live/state')).json();
    expect(state.view.status.source).toBe('none');
    const client = await openStream(base);
    const first = await client.waitFor(() => true);
    expect(first.type).toBe('snapshot');
    expect(first.view.status).toMatchObject({ source: 'none' });
    client.close();
  });

  it('answers bad input with the registry codes: 400, 401, 404 naming the session, 409', async () => {
    expect((await post('/replay', { year: 2025, round: 20, session: 'Q' }, {})).statusCode).toBe(401);
    const badSpeed = await post('/replay', { year: 2025, round: 20, session: 'Q', speed: 500 });
    expect(badSpeed.statusCode).toBe(400);
    expect(badSpeed.json().error.code).toBe('APX_ERR_VALIDATION');
    expect(badSpeed.json().error.message).toMatch(/speed/);
    const badSession = await post('/replay', { year: 2025, round: 20, session: 'XX' });
    expect(badSession.statusCode).toBe(400);
    const badDelay = await app.inject('/api/v1/live/state?delay=-3');
    expect(badDelay.statusCode).toBe(400);
    expect(badDelay.json().error.message).toMatch(/delay/);
    const tooLate = await app.inject('/api/v1/live/stream?delay=100000');
    expect(tooLate.statusCode).toBe(400);

    const unknown = await post('/replay', { year: 2025, round: 98, session: 'Q' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'APX_ERR_NOT_FOUND' });
    expect(unknown.json().error.message).toContain('2025/98/Q');

    const nothing = await post('/control', { action: 'pause' });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe('APX_ERR_CONFLICT');
    const seekWithoutTarget = await post('/control', { action: 'seek' });
    expect(seekWithoutTarget.statusCode).toBe(400);
    expect(seekWithoutTarget.json().error.message).toMatch(/to/);

    // The live feed has priority: no replay, no replay controls while it runs.
    const live = new ScriptedSource('live');
    await app.live.ingester!.use(live);
    const conflict = await post('/replay', { year: 2025, round: 20, session: 'Q' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.message).toMatch(/live feed is running/);
    expect((await post('/control', { action: 'seek', to: 10 })).statusCode).toBe(409);
    const status = (await app.inject('/api/v1/live/status')).json();
    expect(status).toMatchObject({ source: 'live', topicsMissing: ['CarData.z', 'Position.z'] });
    await app.live.ingester!.use(null);
  });

  it('starts a replay and controls it; the answer already shows the new status', async () => {
    const started = await post('/replay', { year: 2025, round: 20, session: 'Q', speed: 20, from: 30 });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toMatchObject({ source: 'replay', session: { year: 2025, round: 20, session: 'Q' } });
    const paused = await post('/control', { action: 'pause' });
    expect(paused.json().status.replay.paused).toBe(true);
    const sped = await post('/control', { action: 'speed', speed: 50 });
    expect(sped.json().status.replay.speed).toBe(50);
    const seeked = await post('/control', { action: 'seek', to: 600 });
    expect(seeked.json().status.replay.positionMs).toBe(600_000);
  });

  it('resumes a stream from Last-Event-ID without missing a patch', async () => {
    const first = await openStream(base);
    await first.waitFor((e) => e.type === 'snapshot');
    for (let i = 0; i < 10; i++) {
      source.step();
      await sleep(5);
    }
    await first.waitFor((e) => e.view.counter !== undefined && (e.view.counter as { n: number }).n === source.n);
    first.close();
    await first.closed;
    // Patches published while the client is away…
    for (let i = 0; i < 10; i++) {
      source.step();
      await sleep(5);
    }
    const second = await openStream(base, { resume: first });
    source.step();
    const last = await second.waitFor((e) => (e.view.counter as { n: number } | undefined)?.n === source.n);
    // …arrive as patches, none missing: the seqs continue exactly where the first connection stopped.
    expect(second.events[0]!.type).toBe('patch');
    const seqs = [...first.events, ...second.events].map((e) => e.seq);
    const firstSeq = seqs[0]!;
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => firstSeq + i));
    expect(last.view).toEqual((await app.inject('/api/v1/live/state')).json().view);
    second.close();
  });

  it('gives a snapshot to a client resuming from another ingester run', async () => {
    const client = await openStream(base, { lastEventId: 'someotherrun:12' });
    const first = await client.waitFor(() => true);
    expect(first.type).toBe('snapshot');
    expect(first.view).toEqual((await app.inject('/api/v1/live/state')).json().view);
    client.close();
  });

  it('delays on the server: at delay D a client sees exactly what an undelayed one saw D seconds earlier', async () => {
    const D = 0.6;
    const now = await openStream(base);
    const delayed = await openStream(base, { delay: D });
    await now.waitFor(() => true);
    await delayed.waitFor(() => true);
    const stateAt: { t: number; view: unknown }[] = [];
    for (let i = 0; i < 24; i++) {
      source.step();
      await sleep(50);
      // The state endpoint at the same delay agrees with the view the undelayed client had D earlier.
      stateAt.push({ t: Date.now(), view: (await app.inject(`/api/v1/live/state?delay=${D}`)).json().view });
    }
    const target = source.n;
    await delayed.waitFor((e) => (e.view.counter as { n: number } | undefined)?.n === target, 3000);
    // The delayed client started D seconds back, so it also replays what was published just before
    // the undelayed one joined; from there on both have the same frames, views and D seconds apart.
    const undelayedPatches = now.events.filter((e) => e.type === 'patch');
    expect(undelayedPatches.length).toBe(24);
    const delayedPatches = delayed.events.filter((e) => e.seq >= undelayedPatches[0]!.seq);
    expect(delayedPatches.map((e) => e.seq)).toEqual(undelayedPatches.map((e) => e.seq));
    expect(delayedPatches.map((e) => e.view)).toEqual(undelayedPatches.map((e) => e.view));
    for (const [i, e] of delayedPatches.entries()) {
      const lag = e.receivedAt - undelayedPatches[i]!.receivedAt;
      expect(lag).toBeGreaterThanOrEqual(D * 1000 - 30);
      expect(lag).toBeLessThan(D * 1000 + 250);
    }
    const compared = stateAt.filter(({ t }) => t - D * 1000 > now.events[0]!.receivedAt);
    expect(compared.length).toBeGreaterThan(5);
    for (const { t, view } of compared) {
      // the undelayed client's view at t − D (the last event received by then)
      const seen = now.events.filter((e) => e.receivedAt <= t - D * 1000).at(-1)!;
      const next = now.events.find((e) => e.receivedAt > t - D * 1000);
      // Within a few ms of an event boundary either side is right; elsewhere it must be exact.
      if (next && next.receivedAt - (t - D * 1000) < 15) continue;
      expect(view).toEqual(seen.view);
    }
    now.close();
    delayed.close();
  });

  it('drops a client that stops reading; the others get every frame; departed clients leave nothing behind', async () => {
    const slow = await openStream(base, { keepViews: false });
    const fast = await openStream(base, { keepViews: false });
    await slow.waitFor(() => true);
    await fast.waitFor(() => true);
    slow.pause();
    const droppedBefore = app.live.hub.fanout.stats.dropped;
    // 24 MB of frames: more than the kernel's socket buffers hold for the stalled reader. The pauses
    // let the reading client (in this same process) keep up on a loaded machine.
    for (let i = 0; i < 200; i++) {
      source.step(120_000);
      await sleep(10);
    }
    await fast.waitFor((e) => e.seq === app.live.hub.timeline.lastSeq, 5000);
    // The server hung up on the stalled reader (which, not reading, may not notice yet).
    expect(app.live.hub.fanout.stats.dropped).toBe(droppedBefore + 1);
    expect(app.live.hub.fanout.clientCount).toBe(1);
    slow.close();
    const seqs = fast.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    fast.close();
    await fast.closed;
    await sleep(50);
    expect(app.live.hub.fanout.clientCount).toBe(0);
    expect(app.live.hub.fanout.stats.lanes).toBe(0);
  });
});
