// Plumbing of the session routes: the OpenAPI document, loading on demand (APEX_AUTOLOAD), a reload
// never serving the previous load's cached bytes, and Redis (the response cache) going away while
// requests are answered.
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { RedisStore } from '../../src/http/cache/store.js';
import { runToCompletion, sessionLoadJob } from '../../src/jobs/index.js';
import { seasonCatalogue, type SessionKey } from '../../src/sessions/catalog.js';
import { markQueued, recordFailure } from '../../src/sessions/store-write.js';
import { testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { archiveDir, engineSession, f1data, recordedSources } from './api-fixtures.js';

const HUNGARY_2020_FP2 = '2020/2020-07-19_Hungarian_Grand_Prix/2020-07-17_Practice_2/';
const env = { LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: `${f1data}/jolpica`, APEX_OFFLINE: 'true' };
const REDIS_PORT = Number(new URL(process.env.APEX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379);

let t: TestDatabase;
let key: SessionKey;
const url = (rest = '') => `/api/v1/sessions/${key.year}/${key.round}/${key.session}${rest}`;

beforeAll(async () => {
  t = await testDatabase('pglite');
  const entry = (await seasonCatalogue(t.database.db, recordedSources(), 2020)).find((e) => e.archive.path === HUNGARY_2020_FP2)!;
  key = entry.key;
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('OpenAPI', () => {
  it('documents every session endpoint with its parameters and response schema', async () => {
    const app = await testApp({ database: t.database, env });
    const doc = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, any>> };
    await app.close();
    const base = '/api/v1/sessions/{year}/{round}/{session}';
    const parts = ['', '/drivers', '/results', '/laps', '/laps/{driver}/{lap}/telemetry', '/compare', '/stints', '/pitstops', '/weather',
      '/race-control', '/track-status', '/positions', '/gaps', '/track'];
    for (const p of parts) {
      const op = doc.paths[base + p]?.get;
      expect(op, base + p).toBeDefined();
      expect(op.tags).toContain('sessions');
      expect(op.responses['200'], base + p).toBeDefined();
      if (p !== '') expect(op.responses['202'], base + p).toBeDefined();
      expect(op.responses['4XX'] ?? op.responses['4xx'], base + p).toBeDefined();
    }
    const lapParams = (doc.paths[`${base}/laps`]!.get.parameters as { name: string }[]).map((x) => x.name);
    for (const name of ['driver', 'fromLap', 'toLap', 'compound', 'stint', 'accurate', 'deleted', 'personalBest', 'quick', 'trackStatus', 'part', 'format']) {
      expect(lapParams).toContain(name);
    }
    const telemetryParams = (doc.paths[`${base}/laps/{driver}/{lap}/telemetry`]!.get.parameters as { name: string }[]).map((x) => x.name);
    expect(telemetryParams).toEqual(expect.arrayContaining(['channels', 'x', 'format', 'driver', 'lap']));
  });
});

describe('APEX_AUTOLOAD=true', () => {
  it('queues the load of a session that is not loaded, answers 202 with the job, then serves it', async () => {
    const app = await testApp({ database: t.database, env: { ...env, APEX_AUTOLOAD: 'true' } });
    try {
      const first = await app.inject({ url: url('/laps?format=csv') });
      expect(first.statusCode, first.body).toBe(202);
      const body = first.json();
      expect(body.jobId).toBe(`session-${key.year}-${key.round}-${key.session}`);
      expect(body.job).toMatchObject({ id: body.jobId, name: 'session-load' });
      expect(body.message).toMatch(/queued/);
      expect(first.headers.location).toBe(`/api/v1/jobs/${body.jobId}`);
      expect(first.headers['cache-control']).toBe('no-store');
      // A second request while it runs gets the same job.
      const again = await app.inject({ url: url('/stints') });
      expect([200, 202]).toContain(again.statusCode);
      if (again.statusCode === 202) expect(again.json().jobId).toBe(body.jobId);

      let job: { state: string; error: string | null } = { state: 'queued', error: null };
      for (let i = 0; i < 600 && job.state !== 'done' && job.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        job = (await app.inject({ url: `/api/v1/jobs/${body.jobId}` })).json();
      }
      expect(job).toMatchObject({ state: 'done', error: null });
      await new Promise((r) => setTimeout(r, 1100)); // the reader re-reads a session row at most once a second
      const laps = await app.inject({ url: url('/laps') });
      expect(laps.statusCode).toBe(200);
      expect(laps.json().items).toHaveLength((await engineSession(HUNGARY_2020_FP2)).laps!.length);
      expect((await app.inject({ url: url() })).json().status).toMatchObject({ state: 'loaded', hasData: true });
    } finally {
      await app.close();
    }
  }, 240_000);

  it('opens POST …/load without the admin token, and says so on the session (onDemand); without it the token is required', async () => {
    const open = await testApp({ database: t.database, env: { ...env, APEX_AUTOLOAD: 'true' } });
    const locked = await testApp({ database: t.database, env: { ...env, APEX_AUTOLOAD: 'false', APEX_ADMIN_TOKEN: 'secret-token' } });
    try {
      expect((await open.inject({ url: url() })).json().onDemand).toBe(true);
      expect((await locked.inject({ url: url() })).json().onDemand).toBe(false);
      // A session the archive does not have: past the token check, refused for what it is.
      const missing = await open.inject({ method: 'POST', url: '/api/v1/sessions/2020/39/FP1/load' });
      expect(missing.statusCode, missing.body).toBe(404);
      const denied = await locked.inject({ method: 'POST', url: '/api/v1/sessions/2020/39/FP1/load' });
      expect(denied.statusCode).toBe(401);
      expect(denied.json().error.code).toBe('APX_ERR_UNAUTHORIZED');
      const notLoaded = await locked.inject({ url: '/api/v1/sessions/2020/39/FP1/laps' });
      expect(notLoaded.statusCode).toBe(404);
    } finally {
      await open.close();
      await locked.close();
    }
  });
});

describe('a load that failed', () => {
  it('is reported with its reason, and not re-queued by every request even with APEX_AUTOLOAD', async () => {
    const failed: SessionKey = { year: key.year, round: key.round, session: 'FP1' };
    await markQueued(t.database.db, failed, 'session-test-failed');
    await recordFailure(t.database.db, failed, 'session-test-failed', 'corrupt stream: TimingData: 3 undecodable line(s) skipped');
    const app = await testApp({ database: t.database, env: { ...env, APEX_AUTOLOAD: 'true' } });
    try {
      const path = `/api/v1/sessions/${failed.year}/${failed.round}/FP1`;
      const r = await app.inject({ url: `${path}/laps` });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('APX_ERR_NOT_LOADED');
      expect(r.json().error.message).toBe(`${failed.year} round ${failed.round} FP1 is not loaded: its last load failed (corrupt stream: TimingData: 3 undecodable line(s) skipped); to retry, run \`apex session load ${failed.year} ${failed.round} FP1\` or POST ${path}/load (admin token; or set APEX_AUTOLOAD=true to load on request)`);
      expect((await app.inject({ url: path })).json().status).toMatchObject({ state: 'failed', hasData: false, error: 'corrupt stream: TimingData: 3 undecodable line(s) skipped' });
    } finally {
      await app.close();
    }
  });
});

describe('reloads and the response cache', () => {
  it('never serves the previous load’s bytes after a reload', async () => {
    const app = await testApp({ database: t.database, env });
    try {
      if ((await app.inject({ url: url('/laps') })).statusCode !== 200) {
        await runToCompletion(sessionLoadJob, key, { db: t.database.db, sources: recordedSources() });
        await new Promise((r) => setTimeout(r, 1100));
      }
      const a = await app.inject({ url: url('/laps?driver=HAM') });
      const b = await app.inject({ url: url('/laps?driver=HAM') });
      expect(b.headers['x-cache']).toBe('HIT');
      const before = (await app.inject({ url: url() })).json().status.dataVersion;
      await runToCompletion(sessionLoadJob, key, { db: t.database.db, sources: recordedSources() });
      await new Promise((r) => setTimeout(r, 1100));
      expect((await app.inject({ url: url() })).json().status.dataVersion).toBe(before + 1);
      const c = await app.inject({ url: url('/laps?driver=HAM') });
      expect(c.headers['x-cache']).toBe('MISS');
      // Same archive, same engine: the same bytes, so clients' ETags stay valid.
      expect(c.headers.etag).toBe(a.headers.etag);
      expect(c.body).toBe(a.body);
      // HEAD answers the same headers without a body.
      const head = await app.inject({ method: 'HEAD', url: url('/laps?driver=HAM') });
      expect(head.statusCode).toBe(200);
      expect(head.headers.etag).toBe(a.headers.etag);
      expect(head.body).toBe('');
    } finally {
      await app.close();
    }
  }, 240_000);

  it('keeps answering when Redis goes away between requests', async () => {
    // A TCP proxy in front of the real Redis that can be cut, as Redis stopping would.
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      const upstream = createConnection(REDIS_PORT, '127.0.0.1');
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const store = new RedisStore({ url: `redis://127.0.0.1:${(proxy.address() as AddressInfo).port}`, prefix: `apex:test:routes:${randomBytes(4).toString('hex')}:`, timeoutMs: 300 });
    await new Promise((r) => store.redis.once('ready', r));
    const app = await testApp({ database: t.database, env, cacheStore: store });
    try {
      if ((await app.inject({ url: url('/laps') })).statusCode !== 200) {
        await runToCompletion(sessionLoadJob, key, { db: t.database.db, sources: recordedSources() });
        await new Promise((r) => setTimeout(r, 1100));
      }
      const warm = await app.inject({ url: url('/weather') });
      expect(warm.statusCode).toBe(200);
      proxy.close();
      for (const s of sockets) s.destroy();
      const started = Date.now();
      for (const part of ['/weather', '/laps?quick=true', '/results', '/gaps', '/pitstops']) {
        const r = await app.inject({ url: url(part) });
        expect(r.statusCode, part).toBe(200);
      }
      expect((await app.inject({ url: url('/weather') })).body).toBe(warm.body);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(store.health()).toBe('down');
    } finally {
      await app.close();
      await store.close();
    }
  }, 240_000);
});
