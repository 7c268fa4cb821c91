// A real archived session replayed through the API: what /live/state and the SSE stream show is
// what the engine derives from the same archive by itself (its Replay at the same point), after a
// start part-way, a seek, and while playing.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ArchiveClient, liveView, loadTimeline, Replay } from '@apexdata/livetiming';
import { sharedDir } from '../../src/config.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { listen, openStream, sleep } from './helpers.js';

const TOKEN = 'live-replay-token';
const PATH = '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/';

describe('live replay of 2018 Azerbaijan GP race through the API', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let engine: Replay;

  beforeAll(async () => {
    db = await testDatabase('postgres');
    app = await testApp({ database: db.database, env: { APEX_ADMIN_TOKEN: TOKEN }, live: { historySeconds: 60 } });
    base = await listen(app);
    engine = new Replay(await loadTimeline(new ArchiveClient({ base: resolve(sharedDir, 'f1data', 'livetiming') }), PATH));
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1/live${url}`, payload, headers: { authorization: `Bearer ${TOKEN}` } });
  const state = async () => (await app.inject('/api/v1/live/state')).json().view;
  const expected = (ms: number) => JSON.parse(JSON.stringify(liveView(engine.stateAt(engine.startAt + ms).topics, engine.startAt + ms)));

  it('starts paused part-way: the view is the engine’s view at that point', async () => {
    const res = await post('/replay', { year: 2018, round: 4, session: 'R', from: 3000, paused: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toMatchObject({
      source: 'replay',
      session: { year: 2018, round: 4, session: 'R', path: PATH },
      replay: { paused: true, positionMs: 3_000_000, speed: 1 },
    });
    const view = await state();
    const want = expected(3_000_000);
    expect(view.tower).toEqual(want.tower);
    expect(view.tower.rows.length).toBe(20);
    expect(view.lapCount).toEqual(want.lapCount);
    expect(view.raceControl).toEqual(want.raceControl);
    expect(view.clock).toEqual(want.clock);
  });

  it('seeks: the answer and the state are the engine’s view at the target', async () => {
    const res = await post('/control', { action: 'seek', to: 5400 });
    expect(res.json().status.replay.positionMs).toBe(5_400_000);
    const view = await state();
    expect(view.tower).toEqual(expected(5_400_000).tower);
    expect(view.lapCount.current).toBeGreaterThan(30);
  });

  it('plays: an SSE client’s view follows the server’s', async () => {
    const client = await openStream(base);
    await client.waitFor(() => true);
    await post('/control', { action: 'speed', speed: 50 });
    await post('/control', { action: 'resume' });
    await sleep(1500);
    const paused = await post('/control', { action: 'pause' });
    const at = paused.json().status.replay.positionMs;
    expect(at).toBeGreaterThan(5_400_000 + 30_000);
    await sleep(100);
    expect(client.view).toEqual(await state());
    expect(client.events.filter((e) => e.type === 'patch').length).toBeGreaterThan(5);
    client.close();
  });

  it('stops: back to nothing live', async () => {
    await post('/control', { action: 'stop' });
    const status = (await app.inject('/api/v1/live/status')).json();
    expect(status).toMatchObject({ source: 'none', replay: null });
  });
});
