import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, createSource, defaultRetryPolicy, parseRetryAfter, type Source } from '../../src/sources/index.js';
import { startJolpicaServer, type JolpicaServer } from '../helpers/jolpica-server.js';

const RESULTS = 'ergast/f1/2023/1/results.json';

/** Largest number of arrivals inside any half-open window [t, t + intervalMs). */
function maxInWindow(times: number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= intervalMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

let server: JolpicaServer | undefined;
let source: Source | undefined;
afterEach(async () => {
  await source?.close();
  await server?.close();
  source = server = undefined;
});

describe('client-side rate limiter (measured at the server)', () => {
  it('never lets more than 4 requests in any 1 s window reach the server', async () => {
    server = await startJolpicaServer();
    source = createSource({
      baseUrl: server.url,
      rateLimit: { windows: [{ limit: 4, intervalMs: 1_000 }], maxConcurrent: 8, slackMs: 20 },
    });
    const started = performance.now();
    await Promise.all(Array.from({ length: 10 }, (_, i) => source!.getJson(`${RESULTS}?limit=${i + 1}`)));
    const arrivals = server.requests.map((r) => r.at);
    expect(arrivals).toHaveLength(10);
    expect(maxInWindow(arrivals, 1_000)).toBe(4);
    // 10 requests at 4/s: the 9th cannot start before 2 s.
    expect(Math.max(...arrivals) - started).toBeGreaterThanOrEqual(2_000);
    expect(source.stats().limiterWaitMs).toBeGreaterThan(0);
  });

  it('enforces a longer window as a sliding window, not a fixed one', async () => {
    server = await startJolpicaServer();
    source = createSource({
      baseUrl: server.url,
      rateLimit: {
        windows: [
          { limit: 5, intervalMs: 600 },
          { limit: 3, intervalMs: 150 },
        ],
        maxConcurrent: 4,
        slackMs: 10,
      },
    });
    await Promise.all(Array.from({ length: 11 }, () => source!.getJson(RESULTS)));
    const arrivals = server.requests.map((r) => r.at);
    expect(arrivals).toHaveLength(11);
    expect(maxInWindow(arrivals, 150)).toBeLessThanOrEqual(3);
    expect(maxInWindow(arrivals, 600)).toBe(5);
  });

  it('with client limits equal to the server throttle, the server never answers 429', async () => {
    server = await startJolpicaServer({ throttle: { limit: 4, intervalMs: 500, retryAfterSeconds: 1 } });
    source = createSource({
      baseUrl: server.url,
      rateLimit: { windows: [{ limit: 4, intervalMs: 500 }], maxConcurrent: 2, slackMs: 10 },
    });
    await Promise.all(Array.from({ length: 9 }, () => source!.getJson(RESULTS)));
    expect(server.requests.filter((r) => r.status === 429)).toEqual([]);
  });

  it('without a client limiter the same burst is throttled, and recovers through Retry-After', async () => {
    server = await startJolpicaServer({ throttle: { limit: 4, intervalMs: 500, retryAfterSeconds: 1 } });
    source = createSource({ baseUrl: server.url, retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 20 } });
    const docs = await Promise.all(Array.from({ length: 6 }, () => source!.getJson(RESULTS)));
    expect(docs).toHaveLength(6);
    expect(server.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  });
});

describe('backoff', () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1_000, factor: 2 };

  it('grows exponentially within [d/2, d] and is capped', () => {
    expect(backoffDelay({ ...policy, random: () => 0 }, 1)).toBe(50);
    expect(backoffDelay({ ...policy, random: () => 0.999999 }, 1)).toBe(100);
    expect(backoffDelay({ ...policy, random: () => 0 }, 3)).toBe(200);
    expect(backoffDelay({ ...policy, random: () => 0.999999 }, 3)).toBe(400);
    expect(backoffDelay({ ...policy, random: () => 0.999999 }, 10)).toBe(1_000);
  });

  it('never undercuts a server Retry-After', () => {
    expect(backoffDelay({ ...policy, random: () => 0.5 }, 1, 5_000)).toBe(5_000);
  });

  it('parses Retry-After as seconds or HTTP date', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
