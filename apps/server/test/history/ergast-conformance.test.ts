// Every case of ../shared/conformance/ergast/public.jsonl against the Ergast surface, with the jolpica
// dump imported into a fresh database, compared under the rules of NORMALISATION.md. One test per case.
// PGlite always; the real PostgreSQL too (a fresh database, dropped afterwards).
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { ergastRoutes } from '../../src/history/ergast/index.js';
import { importJolpicaDump } from '../../src/history/import/index.js';
import { testDatabase, type Backend, type TestDatabase } from '../helpers/db.js';
import { loadCases, normalisePair, runCase, endpointOf, type BodyCase, type Fetch } from './ergast-conformance-rules.js';

const cases = loadCases();
const dumpDir = join(sharedDir, 'jolpica-dump');

describe('conformance rules (conformance.py --selftest, in TypeScript)', () => {
  const bodies = cases.filter((c): c is BodyCase => c.kind === 'body');

  it('has the public cases', () => {
    expect(bodies.length).toBeGreaterThan(60);
    expect(cases.some((c) => c.kind === 'error') && cases.some((c) => c.kind === 'metadata')).toBe(true);
  });

  it('accepts a Jolpica-style rendering of every expected body and catches a wrong total', async () => {
    const failures: string[] = [];
    for (const c of bodies) {
      const act = structuredClone(c.expected);
      const m = act.MRData as Record<string, unknown>;
      m.xmlns = '';
      m.url = `http://127.0.0.1:9999${new URL(String(m.url)).pathname.replace('/api/f1/', '/ergast/f1/')}`;
      const races = () => (m.RaceTable as { Races: Record<string, unknown>[] }).Races;
      if (c.normalise.includes('races-2023-SprintShootout-to-SecondPractice')) {
        for (const r of races()) if ('Sprint' in r) [r.SprintShootout, r.SecondPractice] = [r.SecondPractice, undefined];
        for (const r of races()) if (r.SecondPractice === undefined) delete r.SecondPractice;
      }
      if (c.normalise.includes('standings-drop-table-round')) (m.StandingsTable as Record<string, unknown>).round = '22';
      if (c.normalise.includes('status-sort-expected')) {
        (m.StatusTable as { Status: { count: string; status: string }[] }).Status.sort(
          (x, y) => Number(y.count) - Number(x.count) || (x.status < y.status ? -1 : x.status > y.status ? 1 : 0),
        );
      }
      const serve = (body: unknown): Fetch => async () => ({ status: 200, body });
      const err = await runCase(c, serve(act));
      if (err) failures.push(`${c.id}: ${err}`);
      const broken = structuredClone(act);
      (broken.MRData as Record<string, unknown>).total = String(Number(m.total) + 1);
      if ((await runCase(c, serve(broken))) === null) failures.push(`${c.id}: corrupted total not detected`);
    }
    expect(failures).toEqual([]);
  });

  it('strips zeros and Wikipedia links only where the rules say', () => {
    const c = bodies.find((b) => b.normalise.includes('results-time-rstrip-zeros') && b.expected.MRData.total !== '0')!;
    const actual = structuredClone(c.expected);
    const race = (actual.MRData as any).RaceTable.Races[0];
    race.Results[0].Time.time = `${race.Results[0].Time.time}00`;
    const [a, e] = normalisePair(c.normalise, endpointOf(c.path), actual, c.expected);
    expect(JSON.stringify(a)).not.toContain('en.wikipedia.org/wiki');
    expect((a.MRData as any).RaceTable.Races[0].Results[0].Time.time).toBe((e.MRData as any).RaceTable.Races[0].Results[0].Time.time);
    // the origin of the actual URL is rewritten, the expected ergast.com URL mapped to /ergast/f1/
    const [a2, e2] = normalisePair(c.normalise, endpointOf(c.path), { MRData: { url: 'http://127.0.0.1:8000/ergast/f1/x.json', RaceTable: { Races: [] } } }, c.expected);
    expect((a2.MRData as any).url).toBe('http://testserver/ergast/f1/x.json');
    expect(String((e2.MRData as any).url)).toMatch(/^http:\/\/testserver\/ergast\/f1\//);
  });
});

function fetcher(app: FastifyInstance): Fetch {
  const get: Fetch = async (path, follow) => {
    const res = await app.inject({ method: 'GET', url: path });
    if (follow && res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) return get(String(res.headers.location), follow);
    let body: unknown;
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body };
  };
  return get;
}

/** The database handle with a count of the SQL statements run through it. */
function counting(db: Db): { db: Db; count: () => number; reset: () => void } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'execute' && typeof value === 'function') {
        return (...args: unknown[]) => {
          n += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, count: () => n, reset: () => (n = 0) };
}

/** Upstream fails a case above 10 statements; we hold ourselves to fewer. */
const MAX_QUERIES_PER_REQUEST = 5;

const backends: Backend[] = process.env.APEX_TEST_SKIP_PG ? ['pglite'] : ['pglite', 'postgres'];

describe.each(backends)('Ergast conformance on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let get: Fetch;
  let queries: ReturnType<typeof counting>;

  beforeAll(async () => {
    tdb = await testDatabase(backend);
    await importJolpicaDump(tdb.database.db, dumpDir);
    app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
    queries = counting(tdb.database.db);
    await app.register(ergastRoutes, { prefix: '/ergast/f1', db: queries.db });
    await app.ready();
    get = fetcher(app);
  });

  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    queries.reset();
    expect(await runCase(c, get)).toBeNull();
    // equivalence cases make two requests
    expect(queries.count()).toBeLessThanOrEqual(MAX_QUERIES_PER_REQUEST * (c.kind === 'equivalent' ? 2 : 1));
  });
});
