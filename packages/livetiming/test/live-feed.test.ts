import { tmpdir } from 'node:os';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedSource } from '../src/live/feed/client.js';
import { feedRetryPolicy, signalrRetryPolicy } from '../src/live/feed/retry-policy.js';
import { FEED_TOPICS } from '../src/live/feed/topics.js';
import { LiveState } from '../src/live/state.js';
import type { Timeline } from '../src/live/timeline.js';
import type { LiveEvent, SourceStatus } from '../src/live/types.js';
import { startArchiveServer } from './archive-server.js';
import { MEXICO_2025_Q, timeline } from './live-fixtures.js';
import { startFeedServer, type FeedServer, type FeedServerOptions } from './live-signalr-server.js';

let mexico: Timeline;
let server: FeedServer | null = null;
beforeAll(async () => {
  mexico = await timeline(MEXICO_2025_Q);
});
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Index of the first message at or after minute `m` of the archive. */
const indexAt = (m: number) => mexico.messages.findIndex((x) => x.at >= mexico.zeroUtc + m * 60_000);

interface Run {
  state: LiveState;
  events: LiveEvent[];
  statuses: SourceStatus[];
  frames: string[];
  feed: FeedSource;
}

/** Connects a FeedSource to the server and applies everything until the session's closing Heartbeat. */
async function follow(s: FeedServer, options: Partial<ConstructorParameters<typeof FeedSource>[0]> = {}): Promise<Run> {
  const frames: string[] = [];
  const feed = new FeedSource({ url: s.url, retryPolicy: signalrRetryPolicy({ baseDelayMs: 20, maxDelayMs: 100 }), onFrame: (text) => frames.push(text), ...options });
  const state = new LiveState();
  const events: LiveEvent[] = [];
  const statuses: SourceStatus[] = [];
  const deadline = setTimeout(() => feed.close(), 20_000);
  for await (const e of feed) {
    events.push(e);
    if (e.type === 'status') statuses.push(e.status);
    state.handle(e);
    if ((state.topics.Heartbeat as { Utc?: string } | undefined)?.Utc === s.endUtc) break;
  }
  clearTimeout(deadline);
  return { state, events, statuses, frames, feed };
}

const withoutSamples = (topics: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(topics).filter(([t]) => t !== 'CarData' && t !== 'Position'));

async function start(o: Omit<FeedServerOptions, 'timeline'>): Promise<FeedServer> {
  server = await startFeedServer({ timeline: mexico, ...o });
  return server;
}

describe('FeedSource against a loopback SignalR Core server fed from the archive', () => {
  it('negotiates, subscribes, follows the feed, and after a dropped connection reconnects with a fresh snapshot', async () => {
    const from = indexAt(25);
    const s = await start({ from, to: from + 2500, dropAfter: 900, skipOnDrop: 300 });
    const run = await follow(s);

    // Two connections: each a negotiate POST, a WebSocket, a Subscribe with the whole topic list.
    expect(s.negotiations).toHaveLength(2);
    expect(s.sockets).toHaveLength(2);
    expect(s.subscriptions).toEqual([[...FEED_TOPICS], [...FEED_TOPICS]]);
    // The load balancer's cookie set by negotiate travels with that connection's WebSocket.
    expect(s.sockets[0]!.cookie).toContain('AWSALBCORS=lb-1');
    expect(s.sockets[1]!.cookie).toContain('AWSALBCORS=lb-2');
    expect(s.sockets[0]!['user-agent']).toBeTruthy();
    expect(s.negotiations[0]!.authorization).toBeUndefined();

    // Snapshot, live, drop, reconnecting, a new snapshot, live again.
    expect(run.events.filter((e) => e.type === 'snapshot')).toHaveLength(2);
    expect(run.statuses.map((x) => x.state)).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    const live = run.statuses.find((x) => x.state === 'live')!;
    expect(live.missingTopics).toEqual(expect.arrayContaining([
      { topic: 'CarData.z', reason: expect.stringContaining('F1TV') }, { topic: 'Position.z', reason: expect.stringContaining('F1TV') },
    ]));

    // The 300 messages sent while disconnected came back with the second snapshot: nothing is stale or lost.
    expect(withoutSamples(run.state.topics)).toEqual(withoutSamples(s.truth.topics));
    expect(run.state.topics.CarData).toBeUndefined();

    // Raw frames were reported before parsing, several messages to a frame.
    expect(run.frames.some((f) => f.split('\x1e').filter(Boolean).length > 1)).toBe(true);
    expect(run.frames.some((f) => f.includes('"type":3'))).toBe(true);
  });

  it('sends the F1TV token on negotiate and WebSocket and then receives car data and positions', async () => {
    const from = indexAt(40);
    const s = await start({ from, to: from + 800, token: 'secret-jwt' });
    const run = await follow(s, { token: 'secret-jwt' });
    expect(s.negotiations[0]!.authorization).toBe('Bearer secret-jwt');
    expect(s.sockets[0]!.authorization).toBe('Bearer secret-jwt');
    const live = run.statuses.find((x) => x.state === 'live')!;
    expect(live.missingTopics!.map((m) => m.topic)).not.toContain('CarData.z');
    expect(withoutSamples(run.state.topics)).toEqual(withoutSamples(s.truth.topics));
    for (const [topic, list] of [['CarData', 'Entries'], ['Position', 'Position']] as const) {
      const newest = (st: LiveState) => Object.values((st.topics[topic] as Record<string, Record<string, unknown>>)[list]!).at(-1);
      expect(newest(run.state)).toEqual(newest(s.truth));
    }
  });

  it('restarts a connection that stays open (pings) but sends no data, once the watchdog fires', async () => {
    const from = indexAt(30);
    const s = await start({ from, to: from + 400, silentAfter: 100, pingMs: 50 });
    const run = await follow(s, { watchdogMs: 1000 });
    // At least one restart: the silent connection. A starved machine (a full test run at load 14)
    // can stall a healthy connection past the watchdog too, which is then rightly restarted as well.
    expect(s.negotiations.length).toBeGreaterThanOrEqual(2);
    const states = run.statuses.map((x) => x.state);
    expect(states.slice(0, 2)).toEqual(['connecting', 'live']);
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('live');
    expect(withoutSamples(run.state.topics)).toEqual(withoutSamples(s.truth.topics));
  });

  it('keeps retrying with jittered backoff while the server is unreachable, and stops when closed', async () => {
    const feed = new FeedSource({ url: 'http://127.0.0.1:9/signalrcore', retryPolicy: signalrRetryPolicy({ baseDelayMs: 10, maxDelayMs: 40 }) });
    const statuses: SourceStatus[] = [];
    for await (const e of feed) {
      if (e.type === 'status') statuses.push(e.status);
      if (feed.connections >= 3) feed.close();
    }
    expect(statuses[0]!.state).toBe('connecting');
    expect(statuses.filter((x) => x.state === 'reconnecting').length).toBeGreaterThanOrEqual(2);
    expect(statuses.some((x) => x.state === 'live')).toBe(false);
  });
});

describe('FeedSource against a server that never answers negotiate', () => {
  it('gives up on the connection after connectTimeoutMs and tries again', async () => {
    const hanging = await startArchiveServer(tmpdir());
    hanging.rules.push({ match: () => true, fault: 'hang' });
    const feed = new FeedSource({ url: `${hanging.url}/signalrcore`, connectTimeoutMs: 150, retryPolicy: signalrRetryPolicy({ baseDelayMs: 10, maxDelayMs: 20 }) });
    const statuses: SourceStatus[] = [];
    const t0 = performance.now();
    try {
      for await (const e of feed) {
        if (e.type === 'status') statuses.push(e.status);
        if (feed.connections >= 3) feed.close();
      }
    } finally {
      await hanging.close();
    }
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(hanging.requests.filter((r) => r.startsWith('/signalrcore/negotiate')).length).toBeGreaterThanOrEqual(2);
    expect(statuses.some((x) => x.state === 'live')).toBe(false);
  });
});

describe('the feed retry policy (the engine\'s retry policy as a signalr IRetryPolicy)', () => {
  const ctx = (n: number) => ({ previousRetryCount: n, elapsedMilliseconds: 0, retryReason: new Error('dropped') });
  it('grows exponentially from 1 s to the 30 s cap, jittered between half the ceiling and the ceiling, and never gives up', () => {
    const top = signalrRetryPolicy({ random: () => 1 });
    expect([0, 1, 2, 3, 10, 1000].map((n) => top.nextRetryDelayInMilliseconds(ctx(n)))).toEqual([1000, 2000, 4000, 8000, 30_000, 30_000]);
    const bottom = signalrRetryPolicy({ random: () => 0 });
    expect([0, 5].map((n) => bottom.nextRetryDelayInMilliseconds(ctx(n)))).toEqual([500, 15_000]);
    expect(feedRetryPolicy.retries).toBe(Infinity);
  });

  it('stops (null) after the policy\'s retries, and the feed then ends', async () => {
    const policy = signalrRetryPolicy({ retries: 2, baseDelayMs: 5, maxDelayMs: 10, random: () => 1 });
    expect([0, 1, 2].map((n) => policy.nextRetryDelayInMilliseconds(ctx(n)) === null)).toEqual([false, false, true]);
    const feed = new FeedSource({ url: 'http://127.0.0.1:9/signalrcore', retryPolicy: policy });
    const states: string[] = [];
    for await (const e of feed) if (e.type === 'status') states.push(e.status.state);
    expect(feed.connections).toBe(3);
    expect(states).toEqual(['connecting', 'reconnecting', 'reconnecting', 'idle']);
  });
});
