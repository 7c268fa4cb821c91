// Every case of ../shared/conformance/ergast/public.jsonl against the Ergast surface, with the jolpica
// dump imported into a fresh database, compared under the rules of NORMALISATION.md. One test per case.
// PGlite always; the real PostgreSQL too (a fresh database, dropped afterwards).
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { ergastRoutes } from '../../src/history/ergast/index.js';
import { importedDatabase, type Backend, type TestDatabase } from '../helpers/db.js';
import { loadCases, normalisePair, runCase, endpointOf, type BodyCase, type Fetch } from './ergast-conformance-rules.js';

const cases = loadCases();

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

const backends: Backend[] = ['pglite', 'postgres'];

describe.each(backends)('Ergast conformance on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let get: Fetch;
  let queries: ReturnType<typeof counting>;
  let pinned = new Date();

  beforeAll(async () => {
    tdb = await importedDatabase(backend);
    app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
    queries = counting(tdb.database.db);
    await app.register(ergastRoutes, { prefix: '/ergast/f1', db: queries.db });
    // The same surface with its clock pinned, for next/last/current (tests set `pinned`).
    await app.register(ergastRoutes, { prefix: '/pinned/ergast/f1', db: tdb.database.db, now: () => pinned });
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

  describe('beyond the public cases', () => {
    const mr = async (path: string) => {
      const res = await get(`/ergast/f1/${path}`, false);
      expect(res.status, path).toBe(200);
      return (res.body as { MRData: Record<string, any> }).MRData;
    };
    const list = (m: Record<string, any>) => {
      const table = Object.values(m).find((v) => typeof v === 'object' && v !== null) as Record<string, unknown>;
      return Object.values(table).find(Array.isArray) as any[];
    };

    const at = async (now: string, path: string) => {
      pinned = new Date(now);
      const res = await get(`/pinned/ergast/f1/${path}`, false);
      expect(res.status, path).toBe(200);
      return (res.body as { MRData: Record<string, any> }).MRData;
    };
    const seasonRound = (m: Record<string, any>) => `${m.RaceTable.season}/${m.RaceTable.round}`;

    it('resolves next/last from race dates at the request clock, not from which rounds have results', async () => {
      // 2023 British GP (round 10): Sunday 9 July, 14:00 UTC. Every 2023 round has results in the dump.
      expect(seasonRound(await at('2023-07-09T13:59:00Z', '2023/last.json'))).toBe('2023/9');
      expect(seasonRound(await at('2023-07-09T13:59:00Z', '2023/next.json'))).toBe('2023/10');
      expect(seasonRound(await at('2023-07-09T14:01:00Z', '2023/last.json'))).toBe('2023/10');
      expect(seasonRound(await at('2023-07-09T14:01:00Z', 'current/next.json'))).toBe('2023/11');
      // 2024 has a calendar but no results in the dump: its rounds still come and go by date
      // (Monaco 26 May, Canada 9 June).
      expect(seasonRound(await at('2024-06-01T00:00:00Z', '2024/last.json'))).toBe('2024/8');
      expect(seasonRound(await at('2024-06-01T00:00:00Z', 'current/next.json'))).toBe('2024/9');
      // Past the season's end, next is the first round of the following season; before its start,
      // last is the final round of the previous one.
      expect(seasonRound(await at('2024-12-20T00:00:00Z', '2024/next.json'))).toBe('2025/1');
      expect(seasonRound(await at('2024-01-10T00:00:00Z', 'current/last.json'))).toBe('2023/22');
      expect(seasonRound(await at('2023-11-26T14:00:00Z', '2023/last/results.json'))).toBe('2023/22');
      expect((await mr('current/drivers.json')).DriverTable.season).toBe(String(new Date().getUTCFullYear()));
    });

    it('filters races by the entries they hold (driver, constructor, grid, result, status, fastest)', async () => {
      const rounds = async (path: string) => list(await mr(`${path}?limit=100`)).map((r) => r.round);
      // Hamilton won 5 races in 2008: Australia, Monaco, Britain, Germany, China (not all 18).
      expect(await rounds('2008/drivers/hamilton/results/1/races.json')).toEqual(['1', '6', '9', '10', '17']);
      // Ferrari's 8 pole positions of 2008 (Massa 6, Räikkönen 2).
      expect(await rounds('2008/constructors/ferrari/grid/1/races.json')).toHaveLength(8);
      // The same criteria on races and on results name the same races.
      for (const f of ['drivers/hamilton', 'drivers/hamilton/results/1', 'constructors/ferrari/grid/1', 'drivers/raikkonen/fastest/1', 'drivers/hamilton/status/1', 'constructors/mclaren/results/2']) {
        const viaResults = [...new Set(list(await mr(`2008/${f}/results.json?limit=100`)).map((r) => r.round))];
        expect(await rounds(`2008/${f}/races.json`), f).toEqual(viaResults);
        expect(viaResults.length, f).toBeGreaterThan(0);
      }
      expect(await rounds('2008/drivers/hamilton/races.json')).toHaveLength(18);
      expect(await rounds('1958/drivers/hamilton/races.json')).toEqual([]);
    });

    it('keeps fastest-lap ranks that have no lap row (1958: only the fastest car is known)', async () => {
      const races = list(await mr('1958/fastest/1/results.json'));
      // one fastest lap per round of 1958's 11; Hawthorn set 5 of them, the point that won him the title
      expect(races.map((r) => r.round)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
      expect(races.every((r) => r.Results.length === 1 && r.Results[0].FastestLap.rank === '1')).toBe(true);
      expect(races.filter((r) => r.Results[0].Driver.driverId === 'hawthorn')).toHaveLength(5);
    });

    it('pages by rows: consecutive pages add up to the whole list', async () => {
      for (const path of ['2023/results.json', '2023/1/laps.json', '2023/qualifying.json', 'drivers.json', '2023/22/pitstops.json']) {
        const whole = await mr(`${path}?limit=100&offset=0`);
        const total = Number(whole.total);
        const rows = (m: Record<string, any>): unknown[] => {
          const l = list(m);
          const key = ['Results', 'QualifyingResults', 'PitStops', 'Laps'].find((k) => l[0]?.[k]);
          if (!key) return l;
          return l.flatMap((race: any) => (key === 'Laps' ? race.Laps.flatMap((lap: any) => lap.Timings.map((t: any) => ({ ...t, lap: lap.number }))) : race[key]));
        };
        const paged: unknown[] = [];
        for (let offset = 0; offset < Math.min(total, 100); offset += 30) {
          paged.push(...rows(await mr(`${path}?limit=${Math.min(30, 100 - offset)}&offset=${offset}`)));
        }
        const expected = rows(whole);
        expect(paged.length, path).toBe(Math.min(total, 100));
        if (!path.includes('qualifying')) expect(paged, path).toEqual(expected); // quali pages re-sort within a race
        expect(list(await mr(`${path}?offset=${total + 5}`)), path).toEqual([]);
      }
    });

    it('answers championship-position filters from the standings (driverStandings/1/drivers = champions)', async () => {
      const champions = list(await mr('driverStandings/1/drivers.json?limit=100')).map((d) => d.driverId);
      const seasons = list(await mr('seasons.json?limit=100')).map((s) => s.season);
      const expected = new Set<string>();
      for (const year of seasons) {
        const standings = list(await mr(`${year}/driverStandings/1.json`));
        if (standings.length) expected.add(standings[0].DriverStandings[0].Driver.driverId);
      }
      expect(expected.size).toBeGreaterThan(5);
      expect(new Set(champions)).toEqual(expected);
      const hamiltonTitles = list(await mr('drivers/hamilton/driverStandings/1/seasons.json')).map((s) => s.season);
      // the dump has results for 1958, 1979, 1980, 1997, 2007–2009, 2020 and 2023
      expect(hamiltonTitles).toEqual(['2008', '2020']);
    });

    it('serves the same body with or without .json and trailing slash', async () => {
      for (const path of ['2023/5/results', 'drivers/alonso/status', '2023/constructorStandings/1', 'circuits/monaco']) {
        const bodies = await Promise.all([path, `${path}/`, `${path}.json`].map((p) => mr(p)));
        for (const b of bodies) delete b.url;
        expect(bodies[1]).toEqual(bodies[0]);
        expect(bodies[2]).toEqual(bodies[0]);
      }
    });

    it('never fails or prints a non-string scalar for random paths', async () => {
      const segs = ['2023', '1980', '2009', 'current', 'next', 'last', '5', '22', '99', '0', 'circuits', 'constructors', 'drivers', 'grid', 'results', 'fastest', 'status', 'laps', 'pitstops', 'qualifying', 'sprint', 'driverStandings', 'constructorstandings', 'seasons', 'races', 'alonso', 'red_bull', 'monaco', 'max_verstappen', '1', '2', '99999999999', 'fish', '%20', '..', '_'];
      let seed = 42;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      const scalarsOk = (v: unknown): boolean =>
        typeof v === 'string' || (Array.isArray(v) ? v.every(scalarsOk) : typeof v === 'object' && v !== null && Object.values(v).every(scalarsOk));
      const statuses = new Map<number, number>();
      for (let i = 0; i < 400; i++) {
        const path = Array.from({ length: rand(7) }, () => segs[rand(segs.length)]).join('/') + (rand(2) ? '.json' : '');
        const query = rand(3) === 0 ? `?limit=${['5', '-1', 'x', '1000'][rand(4)]}&offset=${['0', '7', '99999999999999999999'][rand(3)]}` : '';
        const res = await get(`/ergast/f1/${path}${query}`, false);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect([200, 400, 404], path).toContain(res.status);
        if (res.status === 200) expect(scalarsOk(res.body), path).toBe(true);
      }
      expect(statuses.get(200)).toBeGreaterThan(20);
    });
  });
});
