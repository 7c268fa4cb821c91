// The HTTP plumbing on a real, migrated database of each kind: health/readiness, error shapes,
// OpenAPI + Swagger UI, admin auth, rate limiting, CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openPglite, openPostgres } from '../../src/db/client.js';
import { errorCodes } from '../../src/http/errors.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from './app-helper.js';

const isErrorBody = (body: unknown, code: string) => {
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
};

describe.each(backends)('HTTP app on %s', (kind) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    tdb = await testDatabase(kind);
    app = await testApp({
      database: tdb.database,
      extend: (a) => {
        // fixture: a handler failing with a message that must never reach clients
        a.get('/test/boom', { schema: { hide: true } }, async () => {
          throw new Error('connection string postgres://admin:hunter2@db');
        });
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
  });

  it('answers /health and /ready', async () => {
    const health = await app.inject('/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: kind, cache: { kind: 'memory', status: 'up' } });
  });

  it('answers unknown routes with 404 JSON and malformed URLs with 400 JSON', async () => {
    const r = await app.inject('/api/v1/definitely-not-here?x=1');
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    isErrorBody(r.json(), 'APX_ERR_ROUTE_NOT_FOUND');
    expect(r.json().error.message).toContain('/api/v1/definitely-not-here');
    const bad = await app.inject('/api/v1/drivers/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    isErrorBody(bad.json(), 'APX_ERR_BAD_REQUEST');
  });

  it('hides the message of a 500', async () => {
    const r = await app.inject('/test/boom');
    expect(r.statusCode).toBe(500);
    isErrorBody(r.json(), 'APX_ERR_INTERNAL');
    expect(r.body).not.toContain('hunter2');
  });

  it('publishes an OpenAPI 3.1 document where every operation declares its errors', async () => {
    const r = await app.inject('/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/api/v1/admin/cache/clear']));
    expect(doc.components.schemas.ErrorResponse.properties.error.properties.code.enum.sort()).toEqual(Object.keys(errorCodes).sort());
    for (const [path, ops] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        expect(codes, `${method} ${path}`).toEqual(expect.arrayContaining(['4XX', '5XX']));
        expect(codes.some((c) => c.startsWith('2')), `${method} ${path} success schema`).toBe(true);
      }
    }
    expect(doc.paths['/api/v1/admin/cache/clear'].post.security).toEqual([{ bearerAuth: [] }]);
  });

  it('serves Swagger UI with its own assets (no CDN)', async () => {
    const page = await app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    for (const a of assets) {
      expect(a, 'asset must be local').not.toMatch(/^(https?:)?\/\//);
      const asset = await app.inject(new URL(a, 'http://x/docs/').pathname);
      expect(asset.statusCode, a).toBe(200);
    }
    const init = await app.inject('/docs/static/swagger-initializer.js');
    expect(init.statusCode).toBe(200);
    const spec = await app.inject('/docs/json');
    expect(spec.json().openapi).toBe('3.1.0');
  });
});

describe('readiness when the database is unreachable', () => {
  it('answers 503 for a closed PGlite and for PostgreSQL on a dead port, and stays alive', async () => {
    const lite = await openPglite();
    const pgDead = openPostgres('postgres://postgres@127.0.0.1:1/nothing', { max: 1 });
    for (const database of [lite, pgDead]) {
      const app = await testApp({ database });
      if (database === lite) await lite.close();
      const r = await app.inject('/ready');
      expect(r.statusCode).toBe(503);
      isErrorBody(r.json(), 'APX_ERR_NOT_READY');
      expect((await app.inject('/health')).statusCode).toBe(200);
      await app.close();
      await database.close();
    }
  });
});

describe('admin auth, rate limit and CORS', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await testDatabase('pglite');
  });
  afterAll(async () => {
    await tdb?.cleanup();
  });

  it('refuses write endpoints clearly when no admin token is configured', async () => {
    const app = await testApp({ database: tdb.database });
    const r = await app.inject({ method: 'POST', url: '/api/v1/admin/cache/clear', headers: { authorization: 'Bearer anything' } });
    expect(r.statusCode).toBe(503);
    isErrorBody(r.json(), 'APX_ERR_ADMIN_DISABLED');
    expect(r.json().error.message).toContain('APEX_ADMIN_TOKEN');
    await app.close();
  });

  it('requires the bearer token when one is configured', async () => {
    const app = await testApp({ database: tdb.database, env: { APEX_ADMIN_TOKEN: 's3cret-token' } });
    const url = '/api/v1/admin/cache/clear';
    for (const authorization of [undefined, 'Bearer wrong', 'Basic czNjcmV0LXRva2Vu', 'Bearer s3cret-token-and-more', 's3cret-token']) {
      const r = await app.inject({ method: 'POST', url, headers: authorization ? { authorization } : {} });
      expect(r.statusCode, String(authorization)).toBe(401);
      isErrorBody(r.json(), 'APX_ERR_UNAUTHORIZED');
      expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    const ok = await app.inject({ method: 'POST', url, headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ cleared: true, store: 'memory' });
    await app.close();
  });

  it('limits remote clients per IP with a 429 in our error shape, never loopback', async () => {
    const app = await testApp({ database: tdb.database, env: { APEX_RATE_LIMIT: '3' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.inject({ url: '/health', remoteAddress: '203.0.113.7' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await app.inject({ url: '/health', remoteAddress: '203.0.113.7' });
    isErrorBody(limited.json(), 'APX_ERR_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    // another client has its own budget; unknown routes count too
    expect((await app.inject({ url: '/nope', remoteAddress: '203.0.113.8' })).statusCode).toBe(404);
    // loopback (the local user, test suites) is never limited
    for (let i = 0; i < 10; i++) expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    // a trusted local proxy forwarding a remote client: the client is limited
    const forwarded = [];
    for (let i = 0; i < 4; i++) {
      forwarded.push((await app.inject({ url: '/health', headers: { 'x-forwarded-for': '198.51.100.1' } })).statusCode);
    }
    expect(forwarded).toEqual([200, 200, 200, 429]);
    await app.close();
  });

  it('does not limit when APEX_RATE_LIMIT=0', async () => {
    const app = await testApp({ database: tdb.database, env: { APEX_RATE_LIMIT: '0' } });
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ url: '/health', remoteAddress: '203.0.113.7' });
      expect(r.statusCode).toBe(200);
      expect(r.headers['x-ratelimit-limit']).toBeUndefined();
    }
    await app.close();
  });

  it('allows the web origin and no other', async () => {
    const app = await testApp({ database: tdb.database, env: { WEB_PORT: '3000' } });
    const preflight = (origin: string) =>
      app.inject({ method: 'OPTIONS', url: '/health', headers: { origin, 'access-control-request-method': 'GET' } });
    const ok = await preflight('http://localhost:3000');
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const evil = await preflight('https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await app.inject({ url: '/health', headers: { origin: 'http://127.0.0.1:3000' } });
    expect(simple.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
    await app.close();
  });
});
