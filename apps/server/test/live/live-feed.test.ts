// The ingester on the live feed: StreamingStatus.json says a session is live, so it connects to a
// loopback SignalR Core server (the engine's test server, fed from the 2018 Azerbaijan race) and
// the API shows it: source live, the tower, the topics an anonymous connection does not get; a replay
// is refused meanwhile (409).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { timeline, BAKU_2018_RACE, MEXICO_2025_Q } from '../../../../packages/livetiming/test/live-fixtures.js';
import { startFeedServer, type FeedServer } from '../../../../packages/livetiming/test/live-signalr-server.js';
import { sharedDir } from '../../src/config.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { sleep } from './helpers.js';

/**
 * An API whose feed host says a session is live (StreamingStatus.json in a folder of its own, with
 * `seasons` of the shared archive linked beside it) and whose feed is the loopback server.
 */
async function liveFeedApp(feed: FeedServer, seasons: string[] = []): Promise<{ app: FastifyInstance; db: TestDatabase }> {
  const host = mkdtempSync(join(tmpdir(), 'apex-live-feed-'));
  mkdirSync(join(host, 'static'));
  writeFileSync(join(host, 'static', 'StreamingStatus.json'), '{"Status":"Available"}');
  for (const y of seasons) symlinkSync(resolve(sharedDir, 'f1data', 'livetiming', 'static', y), join(host, 'static', y));
  const db = await testDatabase('postgres');
  const app = await testApp({ database: db.database, env: { APEX_ADMIN_TOKEN: 't', LIVETIMING_BASE_URL: host, LIVETIMING_FEED_URL: feed.url } });
  return { app, db };
}

describe('live feed through the API', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let feed: FeedServer;

  beforeAll(async () => {
    const baku = await timeline(BAKU_2018_RACE);
    feed = await startFeedServer({ timeline: baku, from: 3000, to: baku.messages.length - 1, token: 'paid' });
    ({ app, db } = await liveFeedApp(feed));
  });

  afterAll(async () => {
    await app?.close();
    await feed?.close();
    await db?.cleanup();
  });

  it('connects when a session is live and serves it; replays wait', async () => {
    let status: { source: string; connected: boolean; topicsMissing: string[] } = { source: 'none', connected: false, topicsMissing: [] };
    for (let i = 0; i < 200 && !(status.source === 'live' && status.connected); i++) {
      await sleep(100);
      status = (await app.inject('/api/v1/live/status')).json();
    }
    expect(status).toMatchObject({ source: 'live', connected: true, tokenConfigured: false });
    expect(status.topicsMissing).toEqual(expect.arrayContaining(['CarData.z', 'Position.z']));
    await sleep(300);
    const view = (await app.inject('/api/v1/live/state')).json().view;
    expect(view.tower.rows.length).toBe(20);
    expect(view.session.meeting).toMatch(/Azerbaijan/);
    const replay = await app.inject({ method: 'POST', url: '/api/v1/live/replay', headers: { authorization: 'Bearer t' }, payload: { year: 2018, round: 4, session: 'R' } });
    expect(replay.statusCode).toBe(409);
  });
});

describe('live feed without a token: the circuit outline comes from the archive', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let feed: FeedServer;

  beforeAll(async () => {
    // Mexico City 2025 qualifying as "the live session", anonymous: no Position.z reaches the API.
    const mexico = await timeline(MEXICO_2025_Q);
    const from = mexico.messages.findIndex((m) => m.at >= mexico.zeroUtc + 20 * 60_000);
    feed = await startFeedServer({ timeline: mexico, from, to: from + 2000, token: 'paid' });
    // The feed host's archive holds the 2025 season: the outline is looked up there by circuit.
    ({ app, db } = await liveFeedApp(feed, ['2025']));
  });

  afterAll(async () => {
    await app?.close();
    await feed?.close();
    await db?.cleanup();
  });

  it('serves the outline of the newest archived session of the circuit before any car position arrives', async () => {
    let view: { status: { source: string; topicsMissing: string[] }; positions?: unknown[]; track?: { source: string; points: unknown[] } | null } | null = null;
    for (let i = 0; i < 200 && !view?.track; i++) {
      await sleep(100);
      view = (await app.inject('/api/v1/live/state')).json().view;
    }
    expect(view!.status).toMatchObject({ source: 'live', topicsMissing: expect.arrayContaining(['Position.z']) });
    expect(view!.positions).toEqual([]);
    expect(view!.track!.source).toBe(MEXICO_2025_Q);
    expect(view!.track!.points.length).toBeGreaterThan(100);
  });
});
