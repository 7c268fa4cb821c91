// HTTP fuzz: thousands of random paths, ids, filters and query strings against /api/v1 and
// /ergast/f1 (real dump imported, real app via inject). Nothing may answer 5xx, hang, or answer an
// /api/v1 error in another shape. Seeded, so a failure is reproducible: APEX_FUZZ_SEED=… to vary it,
// APEX_FUZZ_REQUESTS=… for more or fewer requests.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { importedDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from './app-helper.js';

const SEED = Number(process.env.APEX_FUZZ_SEED ?? 20250601);
const REQUESTS = Number(process.env.APEX_FUZZ_REQUESTS ?? 3000);
const PER_REQUEST_TIMEOUT_MS = 15_000;
const CONCURRENCY = 8;

/** mulberry32: small, seedable, good enough to spread inputs. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof rng>;

const garbage = [
  "'", "' or 1=1--", '"; drop table drivers; --', '%00', '%ff', '%E2%82%AC', '%C3%BC', '%F0%9F%98%80', 'ü', '%', '%%', '%2e%2e', '..', '.',
  '%2F', '\\', 'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '00', '1.5', '1e3', '0x10', '99999999999999999999', '-99999999999',
  'a'.repeat(150), 'a'.repeat(400), '%20', '+', 'current', 'last', 'next', 'json', '.json', '__proto__', 'constructor', 'toString',
  '<script>', '%3Cscript%3E', '*', '?', '#', '&', ';', '$(id)', '${x}',
];

interface Ids {
  drivers: string[];
  constructors: string[];
  circuits: string[];
  years: number[];
}

function value(r: Rng, ids: Ids, kind: 'year' | 'round' | 'driver' | 'constructor' | 'circuit' | 'any'): string {
  if (r.chance(0.25)) return r.pick(garbage);
  switch (kind) {
    case 'year':
      return String(r.chance(0.8) ? r.pick(ids.years) : r.int(-5, 3000));
    case 'round':
      return String(r.chance(0.8) ? r.int(1, 24) : r.int(-3, 200));
    case 'driver':
      return r.pick(ids.drivers);
    case 'constructor':
      return r.pick(ids.constructors);
    case 'circuit':
      return r.pick(ids.circuits);
    default:
      return r.pick([...garbage, r.pick(ids.drivers), String(r.int(0, 30)), String(r.pick(ids.years))]);
  }
}

function queryString(r: Rng, ids: Ids): string {
  if (r.chance(0.35)) return '';
  const keys = ['limit', 'offset', 'q', 'search', 'season', 'round', 'x', 'limit[]', '__proto__', 'constructor', 'sort', ''];
  const parts: string[] = [];
  for (let i = r.int(1, 4); i > 0; i--) {
    const key = r.pick(keys);
    const val = r.pick([String(r.int(-10, 2000)), String(r.int(0, 100)), value(r, ids, 'any'), '', String(r.pick(ids.years)), r.pick(ids.drivers)]);
    parts.push(r.chance(0.1) ? key : `${key}=${val}`);
  }
  return `?${parts.join('&')}`;
}

function v1Path(r: Rng, ids: Ids): string {
  const templates: (() => string)[] = [
    () => 'seasons',
    () => `seasons/${value(r, ids, 'year')}`,
    () => `seasons/${value(r, ids, 'year')}/standings`,
    () => `standings/${value(r, ids, 'year')}`,
    () => 'races',
    () => `races/${value(r, ids, 'year')}/${value(r, ids, 'round')}`,
    () => `races/${value(r, ids, 'year')}`,
    () => 'drivers',
    () => `drivers/${value(r, ids, 'driver')}`,
    () => 'constructors',
    () => `constructors/${value(r, ids, 'constructor')}`,
    () => 'circuits',
    () => `circuits/${value(r, ids, 'circuit')}`,
    () => 'statuses',
    () => `admin/cache/${value(r, ids, 'any')}`,
    () => Array.from({ length: r.int(1, 5) }, () => value(r, ids, 'any')).join('/'),
  ];
  let path = r.pick(templates)();
  if (r.chance(0.05)) path += '/';
  if (r.chance(0.05)) path += '/' + value(r, ids, 'any');
  return `/api/v1/${path}`;
}

const ergastResources = ['seasons', 'circuits', 'races', 'status', 'constructors', 'drivers', 'results', 'sprint', 'qualifying', 'pitstops', 'laps', 'driverStandings', 'driverstandings', 'constructorStandings', 'constructorstandings'];
const ergastFilters: [string, Parameters<typeof value>[2]][] = [
  ['circuits', 'circuit'], ['constructors', 'constructor'], ['drivers', 'driver'], ['grid', 'round'], ['results', 'round'], ['fastest', 'round'],
  ['status', 'round'], ['laps', 'round'], ['pitstops', 'round'], ['qualifying', 'round'], ['sprint', 'round'], ['driverStandings', 'round'], ['constructorStandings', 'round'],
];

function ergastPath(r: Rng, ids: Ids): string {
  const segs: string[] = [];
  if (r.chance(0.7)) {
    segs.push(r.chance(0.15) ? 'current' : value(r, ids, 'year'));
    if (r.chance(0.5)) segs.push(r.chance(0.2) ? r.pick(['last', 'next']) : value(r, ids, 'round'));
  }
  for (let i = r.int(0, 3); i > 0; i--) {
    const [name, kind] = r.pick(ergastFilters);
    segs.push(name, value(r, ids, kind));
  }
  if (r.chance(0.9)) segs.push(r.chance(0.9) ? r.pick(ergastResources) : value(r, ids, 'any'));
  if (r.chance(0.25)) segs.push(value(r, ids, 'any'));
  let path = `/ergast/f1/${segs.join('/')}`;
  const end = r.int(0, 9);
  if (end < 6) path += '.json';
  else if (end === 6) path += '/';
  else if (end === 7) path += '.xml';
  return path.replace(/\/+/g, '/');
}

function request(r: Rng, ids: Ids): InjectOptions {
  const url = (r.chance(0.5) ? v1Path(r, ids) : ergastPath(r, ids)) + queryString(r, ids);
  const roll = r.next();
  const method = roll < 0.85 ? 'GET' : roll < 0.9 ? 'HEAD' : roll < 0.95 ? 'POST' : r.pick(['DELETE', 'PUT', 'PATCH', 'OPTIONS'] as const);
  const headers: Record<string, string> = {};
  if (r.chance(0.1)) headers['if-none-match'] = r.pick(['"abc"', '*', 'W/"x"', '', '"' + 'a'.repeat(500) + '"']);
  if (r.chance(0.1)) headers['accept-encoding'] = r.pick(['gzip', 'br', 'deflate', 'identity', '*', 'br;q=0, gzip;q=0', 'x-unknown']);
  if (r.chance(0.05)) headers.authorization = r.pick(['Bearer x', 'Bearer', 'Basic abc', '']);
  const options: InjectOptions = { method, url, headers };
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    if (r.chance(0.5)) {
      options.payload = r.pick(['{', '{"a":1}', 'null', '[]', 'x'.repeat(2000), '{"__proto__":{"x":1}}']);
      headers['content-type'] = r.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml']);
    }
  }
  return options;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

describe('HTTP fuzz of /api/v1 and /ergast/f1', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let ids: Ids;

  beforeAll(async () => {
    tdb = await importedDatabase('postgres');
    app = await testApp({ database: tdb.database, env: { APEX_ADMIN_TOKEN: 'fuzz-token' } });
    const refs = async (q: string) => rowsOf<{ ref: string }>(await tdb.database.db.execute(sql.raw(q))).map((x) => String(x.ref));
    ids = {
      drivers: await refs('select driver_ref as ref from drivers'),
      constructors: await refs('select constructor_ref as ref from constructors'),
      circuits: await refs('select circuit_ref as ref from circuits'),
      years: (await refs('select year as ref from seasons')).map(Number),
    };
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
  });

  it(`answers ${REQUESTS} random requests without a 5xx, a hang, or a malformed error`, { timeout: 600_000 }, async () => {
    expect(ids.drivers.length).toBeGreaterThan(100);
    const r = rng(SEED);
    const plan = Array.from({ length: REQUESTS }, () => request(r, ids));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let v1Errors = 0;
    for (let i = 0; i < plan.length; i += CONCURRENCY) {
      await Promise.all(
        plan.slice(i, i + CONCURRENCY).map(async (opts) => {
          const what = `${opts.method} ${opts.url}`;
          let res;
          try {
            res = await withTimeout(app.inject(opts), PER_REQUEST_TIMEOUT_MS, what);
          } catch (err) {
            failures.push(`${what}: ${(err as Error).message}`);
            return;
          }
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          const url = String(opts.url);
          const hasBody = opts.method !== 'HEAD' && res.statusCode !== 304 && res.statusCode !== 204;
          if (url.startsWith('/api/v1') && res.statusCode >= 400 && hasBody) {
            v1Errors++;
            let body: unknown;
            try {
              body = res.json();
            } catch {
              failures.push(`${what}: error body is not JSON: ${res.body.slice(0, 100)}`);
              return;
            }
            const e = (body as { error?: { code?: unknown; message?: unknown } }).error;
            if (Object.keys(body as object).length !== 1 || typeof e?.code !== 'string' || !e.code.startsWith('APX_ERR_') || typeof e.message !== 'string') {
              failures.push(`${what}: error body has the wrong shape: ${res.body.slice(0, 200)}`);
            }
          }
        }),
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // the generator really reached both success and error paths
    const ok = [...statuses].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0);
    expect(ok).toBeGreaterThan(REQUESTS / 10);
    expect(v1Errors).toBeGreaterThan(REQUESTS / 20);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    // the app is still healthy afterwards
    expect((await app.inject('/ready')).statusCode).toBe(200);
  });
});
