// Response caching against the real Redis (127.0.0.1:6379), and with Redis unreachable (port 6390):
// the API must keep answering, uncached, without hanging.
import { createServer, type AddressInfo } from 'node:net';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  cacheNamespace,
  decodeEntry,
  encodeEntry,
  MemoryStore,
  RedisStore,
  CacheUnavailableError,
} from '../../src/http/cache/store.js';
import { raiseHistoryGeneration } from '../../src/db/changes.js';
import { seasons } from '../../src/db/schema/index.js';
import { buildEntry, cachePolicies, etagMatches, historyKeyPrefix, pickEncoding, seasonCachePolicy } from '../../src/http/plugins/http-cache.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { cuttableProxy } from '../helpers/tcp-proxy.js';
import { waitFor } from '../jobs/processes.js';
import { testApp } from './app-helper.js';

/** This process's cached answers forgotten (Redis may be unreachable in these tests: that is not the point here). */
const forgetCached = (app: { responseCache: { clear(): Promise<void> } }) =>
  app.responseCache.clear().catch((err: unknown) => { if (!(err instanceof CacheUnavailableError)) throw err; });

const REDIS = process.env.APEX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DEAD_REDIS = 'redis://127.0.0.1:6390';

describe('cache policies and validators', () => {
  it('treats finished seasons as immutable and the current one as short-lived', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(seasonCachePolicy(2024, now)).toBe(cachePolicies.immutable);
    expect(seasonCachePolicy(2025, now)).toBe(cachePolicies.current);
    expect(seasonCachePolicy(2026, now)).toBe(cachePolicies.current);
  });

  it('compares If-None-Match weakly, as RFC 9110 requires', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abcd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });

  it('negotiates the precompressed variant', () => {
    const e = { gzip: Buffer.from('g'), br: Buffer.from('b') };
    expect(pickEncoding('gzip, deflate, br', e)).toBe('br');
    expect(pickEncoding('gzip, br;q=0', e)).toBe('gzip');
    expect(pickEncoding('identity', e)).toBeUndefined();
    expect(pickEncoding(undefined, e)).toBeUndefined();
    expect(pickEncoding('*', e)).toBe('br');
    expect(pickEncoding('br', { gzip: Buffer.from('g') })).toBeUndefined();
  });

  it('round-trips entries through the Redis encoding, including binary variants', () => {
    const body = Buffer.from(JSON.stringify({ drivers: Array.from({ length: 200 }, (_, i) => ({ id: `d${i}`, name: 'Ségolène\nX' })) }));
    const entry = buildEntry(body, 'application/json; charset=utf-8', cachePolicies.immutable);
    expect(entry.gzip && entry.br).toBeTruthy();
    const back = decodeEntry(encodeEntry(entry))!;
    expect(back.body.equals(body)).toBe(true);
    expect(gunzipSync(back.gzip!).equals(body)).toBe(true);
    expect(brotliDecompressSync(back.br!).equals(body)).toBe(true);
    expect(back).toMatchObject({ etag: entry.etag, cacheControl: 'public, max-age=86400, immutable' });
    expect(decodeEntry(encodeEntry(entry).subarray(0, 40))).toBeUndefined();
  });

  it('expires memory entries', async () => {
    const store = new MemoryStore();
    const entry = buildEntry(Buffer.from('{}'), 'application/json', cachePolicies.current);
    await store.set('k', { ...entry, expiresAt: Date.now() + 30 });
    expect(await store.get('k')).toBeDefined();
    await new Promise((r) => setTimeout(r, 40));
    expect(await store.get('k')).toBeUndefined();
  });
});

describe('Redis store (real Redis)', () => {
  const prefix = cacheNamespace(`test-${process.pid}-${Date.now()}`);
  const other = cacheNamespace(`other-${process.pid}-${Date.now()}`);
  let a: RedisStore;
  let b: RedisStore;
  let raw: Redis;

  beforeAll(async () => {
    a = new RedisStore({ url: REDIS, prefix });
    b = new RedisStore({ url: REDIS, prefix });
    raw = new Redis(REDIS);
    await Promise.all([a.redis, b.redis].map((r) => (r.status === 'ready' ? null : new Promise((res) => r.once('ready', res)))));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await raw?.quit();
  });

  it('shares entries between instances through Redis and clears only its own namespace', async () => {
    const entry = buildEntry(Buffer.from('{"year":2023}'.repeat(100)), 'application/json', cachePolicies.immutable);
    await a.set('/api/v1/seasons/2023', entry);
    expect(await raw.exists(`${prefix}/api/v1/seasons/2023`)).toBe(1);
    const ttl = await raw.pttl(`${prefix}/api/v1/seasons/2023`);
    expect(ttl).toBeGreaterThan(86_000_000);
    const fromB = await b.get('/api/v1/seasons/2023');
    expect(fromB?.body.equals(entry.body)).toBe(true);
    expect(fromB?.etag).toBe(entry.etag);

    await raw.set(`${other}keep`, 'x', 'EX', 60);
    await a.clear();
    expect(await raw.exists(`${prefix}/api/v1/seasons/2023`)).toBe(0);
    expect(await raw.exists(`${other}keep`)).toBe(1);
    await raw.del(`${other}keep`);
    // b still holds it in its local LRU (immutable), a has forgotten it
    expect(await a.get('/api/v1/seasons/2023')).toBeUndefined();
    expect(a.health()).toBe('up');
  });

  it('degrades to misses within a bounded time when Redis is unreachable', async () => {
    const dead = new RedisStore({ url: DEAD_REDIS, prefix, timeoutMs: 300 });
    const started = Date.now();
    expect(await dead.get('x')).toBeUndefined();
    await dead.set('x', buildEntry(Buffer.from('{}'), 'application/json', cachePolicies.current));
    // Clearing cannot reach the shared store: it says so (the admin endpoint answers 503), quickly.
    await expect(dead.clear()).rejects.toThrow(CacheUnavailableError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(dead.health()).toBe('down');
    await dead.close();
  });

  it('survives Redis going away mid-flight and a Redis that accepts but never answers', async () => {
    const proxy = await cuttableProxy(Number(new URL(REDIS).port || 6379));
    const store = new RedisStore({ url: `redis://127.0.0.1:${proxy.port}`, prefix, timeoutMs: 300 });
    await new Promise((r) => store.redis.once('ready', r));
    const entry = buildEntry(Buffer.from('{"a":1}'), 'application/json', cachePolicies.immutable);
    await store.set('k1', entry);
    expect(await raw.exists(`${prefix}k1`)).toBe(1);
    proxy.cut();
    let started = Date.now();
    expect((await store.get('k1'))?.etag).toBe(entry.etag); // still in the local LRU
    expect(await store.get('k2')).toBeUndefined();
    await store.set('k3', entry);
    expect(Date.now() - started).toBeLessThan(1000);
    await store.close();
    await raw.del(`${prefix}k1`);

    // a server that accepts connections and never replies
    const silent = createServer((s) => s.on('error', () => {}));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const hung = new RedisStore({ url: `redis://127.0.0.1:${(silent.address() as AddressInfo).port}`, prefix, timeoutMs: 300 });
    started = Date.now();
    expect(await hung.get('k')).toBeUndefined();
    await hung.set('k', entry);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(hung.health()).toBe('down');
    await hung.close();
    silent.close();
  });
});

// A fixture route exercising the HTTP caching plugin end to end; the real history routes are
// covered by the /api/v1 tests.
function cachedFixture(app: FastifyInstance, calls: { n: number }) {
  app.get(
    '/test/cached/:year',
    {
      config: { httpCache: true },
      schema: {
        hide: true,
        params: Type.Object({ year: Type.Integer() }),
        querystring: Type.Object({ limit: Type.Optional(Type.Integer()) }),
        response: { 200: Type.Object({ year: Type.Integer(), rows: Type.Array(Type.String()) }) },
      },
    },
    async (request, reply) => {
      calls.n++;
      const { year } = request.params as { year: number };
      reply.cacheable(seasonCachePolicy(year));
      return { year, rows: Array.from({ length: 100 }, (_, i) => `row ${i} of ${year}`) };
    },
  );
}

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await testDatabase('pglite');
});
afterAll(async () => {
  await tdb?.cleanup();
});

describe.each([
  ['memory', undefined],
  ['redis', REDIS],
  ['unreachable redis', DEAD_REDIS],
] as const)('HTTP caching with %s', (label, redisUrl) => {
  let app: FastifyInstance;
  const calls = { n: 0 };

  beforeAll(async () => {
    app = await testApp({
      database: tdb.database,
      env: redisUrl ? { REDIS_URL: redisUrl } : {},
      extend: (a) => cachedFixture(a, calls),
    });
    if (redisUrl === REDIS) {
      const r = (app.responseCache as RedisStore).redis;
      if (r.status !== 'ready') await new Promise((res) => r.once('ready', res));
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sends ETag and Cache-Control, answers If-None-Match with 304, and skips the handler on a hit', async () => {
    calls.n = 0;
    const first = await app.inject('/test/cached/2008');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=86400, immutable');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers['x-cache']).toBe('MISS');
    const etag = first.headers.etag as string;

    const second = await app.inject('/test/cached/2008');
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(etag);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(calls.n).toBe(1);

    const notModified = await app.inject({ url: '/test/cached/2008', headers: { 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag);

    const gz = await app.inject({ url: '/test/cached/2008', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(first.body);
    const br = await app.inject({ url: '/test/cached/2008', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(first.body);
    expect(calls.n).toBe(1);

    // the same query in another order is the same entry; the current season is short-lived
    await app.inject('/test/cached/2008?limit=5');
    const n = calls.n;
    await app.inject('/test/cached/2008?limit=5');
    expect(calls.n).toBe(n);
    const current = await app.inject(`/test/cached/${new Date().getUTCFullYear()}`);
    expect(current.headers['cache-control']).toBe('public, max-age=60');
  });

  it('a miss with a matching If-None-Match is also a 304', async () => {
    const first = await app.inject('/test/cached/1999');
    await forgetCached(app);
    const again = await app.inject({ url: '/test/cached/1999', headers: { 'if-none-match': first.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['x-cache']).toBe('MISS');
  });

  it('answers HEAD like GET without a body, including 304s on a miss (found by the fuzz test)', async () => {
    const get = await app.inject('/test/cached/1998');
    await forgetCached(app);
    const head304 = await app.inject({ method: 'HEAD', url: '/test/cached/1998', headers: { 'if-none-match': String(get.headers.etag) } });
    expect(head304.statusCode).toBe(304);
    expect(head304.body).toBe('');
    const head = await app.inject({ method: 'HEAD', url: '/test/cached/1998' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(get.body));
  });

  it('keeps answering health and readiness', async () => {
    expect((await app.inject('/health')).statusCode).toBe(200);
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().cache).toEqual(
      label === 'memory' ? { kind: 'memory', status: 'up' } : { kind: 'redis', status: label === 'redis' ? 'up' : 'down' },
    );
  });
});

describe('cache hits and the other hooks', () => {
  it('rate-limits and applies CORS to answers served from the cache', async () => {
    const calls = { n: 0 };
    const app = await testApp({ database: tdb.database, env: { APEX_RATE_LIMIT: '3', WEB_PORT: '3000' }, extend: (a) => cachedFixture(a, calls) });
    const remote = { remoteAddress: '203.0.113.50', headers: { origin: 'http://localhost:3000' } };
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const r = await app.inject({ url: '/test/cached/2001', ...remote });
      statuses.push(r.statusCode);
      if (r.statusCode === 200) expect(r.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(calls.n).toBe(1);
    await app.close();
  });
});

describe.each([
  ['memory', undefined],
  ['redis', REDIS],
] as const)('history changes and cached answers (%s)', (label, redisUrl) => {
  it('never serves an answer read before a history change, not even one still being computed when it committed', async () => {
    const t = await testDatabase('pglite');
    // A cached route answering from history data; `hold` keeps a request between its read and its answer.
    let hold: Promise<void> | undefined;
    const app = await testApp({
      database: t.database,
      env: redisUrl ? { REDIS_URL: redisUrl } : {},
      extend: (a) => {
        a.get('/test/season-count', { config: { httpCache: true }, schema: { hide: true } }, async (_request, reply) => {
          const [row] = await a.db.select({ n: count() }).from(seasons);
          await hold;
          reply.cacheable(cachePolicies.immutable);
          return { seasons: row!.n };
        });
      },
    });
    if (app.responseCache instanceof RedisStore && app.responseCache.redis.status !== 'ready') await new Promise((r) => (app.responseCache as RedisStore).redis.once('ready', r));
    // What the import or sync does, committed here (PGlite: one process), then the job's refresh.
    const addSeason = async (year: number) => {
      await t.database.db.transaction(async (tx) => {
        await tx.insert(seasons).values({ year });
        await raiseHistoryGeneration(tx);
      });
      await app.dataChanges.refresh();
    };
    const get = () => app.inject('/test/season-count');
    try {
      expect(app.dataChanges.history).toBe(0);
      expect((await get()).json()).toEqual({ seasons: 0 });
      const hit = await get();
      expect([hit.headers['x-cache'], hit.json()]).toEqual(['HIT', { seasons: 0 }]);

      await addSeason(1950);
      expect(app.dataChanges.history).toBe(1);
      const fresh = await get();
      expect([fresh.headers['x-cache'], fresh.json()]).toEqual(['MISS', { seasons: 1 }]);
      // The previous generation's entries are gone from memory (and Redis), not just unreachable.
      const oldKey = `${historyKeyPrefix(0)}/test/season-count|{}|{}`;
      expect(app.responseCache.peek(oldKey)).toBeUndefined();

      // A request reads, the data changes and commits, then the request answers what it read.
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      await forgetCached(app);
      const inFlight = get();
      await new Promise((r) => setTimeout(r, 50));
      await addSeason(1951);
      release();
      hold = undefined;
      expect((await inFlight).json()).toEqual({ seasons: 1 });
      // Its answer was stored under the generation it was read under: the next request reads anew.
      const after = await get();
      expect([after.headers['x-cache'], after.json()]).toEqual(['MISS', { seasons: 2 }]);
      expect((await get()).headers['x-cache']).toBe('HIT');

      if (app.responseCache instanceof RedisStore) {
        const raw = new Redis(REDIS);
        try {
          const ns = cacheNamespace(app.config.APEX_HOME);
          await waitFor('the sweep of generation 1', async () => (await raw.keys(`${ns}${historyKeyPrefix(1)}*`)).length === 0, 5000, 20);
          expect(await raw.keys(`${ns}${historyKeyPrefix(2)}*`)).toHaveLength(1);
        } finally {
          raw.disconnect();
        }
      } else {
        expect(label).toBe('memory');
      }
    } finally {
      await app.close();
      await t.cleanup();
    }
  });
});
