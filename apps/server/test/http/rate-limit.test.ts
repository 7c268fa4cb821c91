// The per-IP rate limit with REDIS_URL, on the real Redis (127.0.0.1:6379): API processes (here two
// apps of one installation) draw on one budget per client, and when Redis is unreachable or goes
// away each keeps answering, counting on its own, and says so in its log.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { redisNamespace } from '../../src/http/redis.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { cuttableProxy } from '../helpers/tcp-proxy.js';
import { waitFor } from '../jobs/processes.js';
import { testConfig } from './app-helper.js';

const REDIS = process.env.APEX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PORT = Number(new URL(REDIS).port || 6379);
const DEAD_REDIS = 'redis://127.0.0.1:6390';

let tdb: TestDatabase;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  tdb = await testDatabase('pglite');
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await tdb?.cleanup();
});

/** An app of the installation at `home` (same home = same installation), its warnings collected. */
async function apiProcess(home: string, env: Record<string, string>): Promise<{ app: FastifyInstance; warnings: string[] }> {
  const warnings: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      warnings.push(String((JSON.parse(chunk.toString()) as { msg: string }).msg));
      done();
    },
  });
  const app = await buildApp({ config: testConfig({ APEX_HOME: home, ...env }), database: tdb.database, logger: { level: 'warn', stream } });
  await app.ready();
  apps.push(app);
  return { app, warnings };
}

const fromClient = (app: FastifyInstance, ip: string) => app.inject({ url: '/health', remoteAddress: ip });
let clients = 0;
/** A remote client never seen before (documentation addresses). */
const ip = () => `203.0.${113 + Math.floor(++clients / 250)}.${clients % 250}`;

describe('rate limit shared through Redis', () => {
  it('gives a client one budget across API processes, other clients their own, in Redis under the installation', async () => {
    const home = mkdtempSync(join(tmpdir(), 'apex-rl-'));
    const env = { REDIS_URL: REDIS, APEX_RATE_LIMIT: '5' };
    const a = (await apiProcess(home, env)).app;
    const b = (await apiProcess(home, env)).app;
    const client = ip();
    const seen = [];
    for (const app of [a, b, a, b, a, b, a]) {
      const r = await fromClient(app, client);
      seen.push([r.statusCode, r.headers['x-ratelimit-remaining']]);
    }
    expect(seen).toEqual([[200, '4'], [200, '3'], [200, '2'], [200, '1'], [200, '0'], [429, '0'], [429, '0']]);
    const limited = await fromClient(b, client);
    expect(limited.json().error.code).toBe('APX_ERR_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client, and the same client of another installation, are counted apart.
    expect((await fromClient(b, ip())).statusCode).toBe(200);
    const other = (await apiProcess(mkdtempSync(join(tmpdir(), 'apex-rl-')), env)).app;
    expect((await fromClient(other, client)).headers['x-ratelimit-remaining']).toBe('4');

    const raw = new Redis(REDIS);
    try {
      const key = `${redisNamespace('rl', home)}${client}`;
      expect(await raw.get(key)).toBe('8');
      const ttl = await raw.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      raw.disconnect();
    }
  });
});

describe('rate limit when Redis is not there', () => {
  it('keeps answering with an unreachable Redis, limiting per process, and logs it', async () => {
    const { app, warnings } = await apiProcess(mkdtempSync(join(tmpdir(), 'apex-rl-')), { REDIS_URL: DEAD_REDIS, APEX_RATE_LIMIT: '3' });
    const client = ip();
    const started = Date.now();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fromClient(app, client)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(warnings.filter((w) => w.startsWith('rate limit: Redis unavailable'))).toHaveLength(1);
  });

  it('keeps answering when Redis goes away between requests', async () => {
    const proxy = await cuttableProxy(REDIS_PORT);
    try {
      const redisUrl = `redis://127.0.0.1:${proxy.port}`;
      const { app, warnings } = await apiProcess(mkdtempSync(join(tmpdir(), 'apex-rl-')), { REDIS_URL: redisUrl, APEX_RATE_LIMIT: '4' });
      // Counting is shared once the connection is up: a client's count lands in Redis.
      const raw = new Redis(REDIS);
      let client = ip();
      try {
        await waitFor('counts in Redis', async () => {
          client = ip();
          expect((await fromClient(app, client)).statusCode).toBe(200);
          return (await raw.exists(`${redisNamespace('rl', app.config.APEX_HOME)}${client}`)) === 1;
        }, 10_000, 50);
      } finally {
        raw.disconnect();
      }
      proxy.cut();
      const started = Date.now();
      const after = [];
      for (let i = 0; i < 6; i++) after.push((await fromClient(app, ip())).statusCode);
      expect(after).toEqual([200, 200, 200, 200, 200, 200]);
      // The same client is still limited, now by this process alone.
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fromClient(app, client)).statusCode);
      expect(statuses).toContain(429);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(warnings.some((w) => w.startsWith('rate limit: Redis unavailable'))).toBe(true);
    } finally {
      proxy.cut();
    }
  });
});
