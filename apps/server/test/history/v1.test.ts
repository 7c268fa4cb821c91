// /api/v1 against the real Jolpica dump imported into each backend. Expected values come from the
// Ergast answers in ../shared/conformance (Jolpica's own fixtures for this same data) and from the
// Ergast surface of this server, which the conformance suite checks independently.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/config.js';
import { openPostgres } from '../../src/db/client.js';
import { backends, importedDatabase, type TestDatabase } from '../helpers/db.js';
import type { RedisStore } from '../../src/http/cache/store.js';
import { testApp } from '../http/app-helper.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const dumpDir = join(sharedDir, 'jolpica-dump');
const conformance: Map<string, Json> = new Map(
  readFileSync(join(sharedDir, 'conformance', 'ergast', 'public.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map((c) => [c.id, c]),
);
function expected(id: string): Json {
  const c = conformance.get(id);
  if (!c) throw new Error(`conformance case ${id} missing from ../shared/conformance`);
  return c.expected.MRData;
}

/** Ergast durations ('1:27.123', '25.636', '1:02:03.456') in milliseconds. */
function ms(text: string | undefined): number | null {
  if (!text) return null;
  const parts = text.split(':').map(Number);
  const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  return Math.round(seconds * 1000);
}

async function waitForRedis(app: FastifyInstance): Promise<void> {
  const redis = (app.responseCache as RedisStore).redis;
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
}

/** Rows in a dump table (the CSV has one header line and no embedded newlines in these tables). */
function dumpRows(table: string): number {
  return readFileSync(join(dumpDir, `formula_one_${table}.csv`), 'utf8').trim().split('\n').length - 1;
}

describe.each(backends)('/api/v1 on %s with the Jolpica dump', (kind) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  const get = async (url: string) => {
    const r = await app.inject(url);
    return { status: r.statusCode, body: r.json() as Json, headers: r.headers };
  };
  const ergastTotal = async (path: string) => Number((await get(`/ergast/f1/${path}`)).body.MRData.total);

  beforeAll(async () => {
    tdb = await importedDatabase(kind);
    app = await testApp({ database: tdb.database });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
  });

  it('lists every season with its champions once decided', async () => {
    const { status, body } = await get('/api/v1/seasons?limit=1000');
    expect(status).toBe(200);
    expect(body.total).toBe(dumpRows('season'));
    expect(body.items).toHaveLength(body.total);
    const s1980 = body.items.find((s: Json) => s.year === 1980);
    const e1980 = expected('driverstandings/1980@14@driverstandings.json^limit=21').StandingsTable.StandingsLists[0];
    expect(s1980.driverChampion.id).toBe(e1980.DriverStandings[0].Driver.driverId);
    const s2023 = body.items.find((s: Json) => s.year === 2023);
    expect(s2023.rounds).toBe(Number(expected('races/2023.json').total));
    expect(s2023.driverChampion.id).toBe(expected('driverstandings/2023@22@driverstandings.json').StandingsTable.StandingsLists[0].DriverStandings[0].Driver.driverId);
    // seasons without results in the dump have no champion rather than a wrong one
    expect(body.items.find((s: Json) => s.year === 1990).driverChampion).toBeNull();
    const paged = await get('/api/v1/seasons?limit=10&offset=70');
    expect(paged.body.items.map((s: Json) => s.year)).toEqual(body.items.slice(70, 80).map((s: Json) => s.year));
  });

  it("says how far each season has got: decided ones complete, ones without results 'results_missing' with no leaders", async () => {
    const { body } = await get('/api/v1/seasons?limit=1000');
    const s2023 = body.items.find((s: Json) => s.year === 2023);
    expect(s2023).toMatchObject({ state: 'complete', roundsWithResults: s2023.rounds, roundsDue: s2023.rounds, leaders: null });
    // the dump has 1990's calendar but none of its results
    const s1990 = body.items.find((s: Json) => s.year === 1990);
    expect(s1990.rounds).toBe(await ergastTotal('1990/races.json'));
    expect(s1990).toMatchObject({ state: 'results_missing', roundsWithResults: 0, roundsDue: s1990.rounds, driverChampion: null, leaders: null });
    for (const s of body.items) {
      expect(s.state === 'complete', String(s.year)).toBe(s.driverChampion !== null);
      expect(s.roundsWithResults).toBeLessThanOrEqual(s.rounds);
    }
  });

  it('places the latest and next race by date, the same day counting as next until its results are in', async () => {
    const races = expected('races/2023.json').RaceTable.Races as Json[];
    const canada = races.find((r) => r.round === '9')!;
    const dayBefore = new Date(Date.parse(canada.date) - 86_400_000).toISOString().slice(0, 10);
    const before = (await get(`/api/v1/today?date=${dayBefore}`)).body;
    expect(before.date).toBe(dayBefore);
    expect([before.latestRace.season, before.latestRace.round, before.latestRace.date]).toEqual([2023, 8, races[7].date]);
    expect(before.latestResults).toEqual(before.latestRace);
    expect([before.nextRace.round, before.nextRace.date, before.nextRace.name]).toEqual([9, canada.date, canada.raceName]);
    // on race day the dump already has its results: it is the latest race, the next is two weeks later
    const onTheDay = (await get(`/api/v1/today?date=${canada.date}`)).body;
    expect([onTheDay.latestRace.round, onTheDay.nextRace.round, onTheDay.nextRace.date]).toEqual([9, 10, races[9].date]);
    expect(onTheDay.latestRace.winner.driver.id).toBe(expected('results/2023@9@results.json').RaceTable.Races[0].Results[0].Driver.driverId);
    // default: the server's date; the dump ends with 2025, so nothing is next
    const now = await get('/api/v1/today');
    expect(now.body.date).toBe(new Date().toISOString().slice(0, 10));
    expect(now.body.latestRace.season).toBe(2025);
    expect(now.body.nextRace).toBeNull();
    expect(now.headers['cache-control']).toBe('public, max-age=60');
    expect((await get('/api/v1/today?date=2023-02-30')).status).toBe(400);
  });

  it('serves a season: its calendar as Ergast has it, winners and final standings', async () => {
    const { body } = await get('/api/v1/seasons/2023');
    const races = expected('races/2023.json').RaceTable.Races;
    expect(body.races.map((r: Json) => [r.round, r.name, r.date, `${r.time}Z`, r.circuit.id])).toEqual(
      races.map((r: Json) => [Number(r.round), r.raceName, r.date, r.time, r.Circuit.circuitId]),
    );
    const r9 = expected('results/2023@9@results.json').RaceTable.Races[0].Results[0];
    expect(body.races[8].winner).toMatchObject({ driver: { id: r9.Driver.driverId }, constructor: { id: r9.Constructor.constructorId } });
    expect(body.standings.round).toBe(22);
    expect(body.standings.drivers[0].points).toBe(575);
  });

  it('gives standings after any round, equal to the Ergast answers', async () => {
    for (const [id, year, round] of [
      ['driverstandings/2023@22@driverstandings.json', 2023, 22],
      ['driverstandings/1980@14@driverstandings.json^limit=21', 1980, 14],
    ] as const) {
      const exp = expected(id).StandingsTable.StandingsLists[0].DriverStandings;
      const { status, body } = await get(`/api/v1/standings/${year}?round=${round}`);
      expect(status).toBe(200);
      expect(body.round).toBe(round);
      expect(body.drivers.slice(0, exp.length).map((s: Json) => [s.positionText, s.points, s.wins, s.driver.id, s.constructors.map((c: Json) => c.id)])).toEqual(
        exp.map((s: Json) => [s.positionText, Number(s.points), Number(s.wins), s.Driver.driverId, s.Constructors.map((c: Json) => c.constructorId)]),
      );
      expect(body.drivers.length).toBe(Number(expected(id).total));
    }
    const cexp = expected('constructorstandings/2023@13@constructorstandings.json').StandingsTable.StandingsLists[0].ConstructorStandings;
    const { body } = await get('/api/v1/standings/2023?round=13');
    expect(body.constructors.map((s: Json) => [s.position, s.points, s.wins, s.constructor.id])).toEqual(
      cexp.map((s: Json) => [Number(s.position), Number(s.points), Number(s.wins), s.Constructor.constructorId]),
    );
    // default = latest round; the /seasons alias answers the same
    const latest = await get('/api/v1/standings/2023');
    expect(latest.body.round).toBe(22);
    expect((await get('/api/v1/seasons/2023/standings')).body).toEqual(latest.body);
    expect((await get('/api/v1/standings/2023?round=30')).status).toBe(404);
    expect((await get('/api/v1/standings/1990')).body.error.code).toBe('APX_ERR_NOT_FOUND');
  });

  it('serves a race with results, qualifying, pit stops and laps as Ergast has them', async () => {
    const res = expected('results/2023@9@results.json').RaceTable.Races[0];
    const race = (await get('/api/v1/races/2023/9')).body;
    expect([race.name, race.date, `${race.time}Z`, race.circuit.id]).toEqual([res.raceName, res.date, res.time, res.Circuit.circuitId]);
    expect(race.results).toHaveLength(res.Results.length);
    const rToR = (t: string) => (t === 'N' || t === 'W' ? 'R' : t);
    race.results.forEach((r: Json, i: number) => {
      const e = res.Results[i];
      expect([r.position, rToR(r.positionText), r.number, r.driver.id, r.constructor.id, r.grid, r.laps, r.status, r.points], e.Driver.driverId).toEqual([
        Number(e.position), rToR(e.positionText), Number(e.number), e.Driver.driverId, e.Constructor.constructorId, Number(e.grid), Number(e.laps), e.status, Number(e.points),
      ]);
      expect(r.timeMillis).toBe(e.Time ? Number(e.Time.millis) : null);
      if (e.FastestLap) {
        expect(r.fastestLap).toEqual({ lap: Number(e.FastestLap.lap), rank: Number(e.FastestLap.rank), timeMillis: ms(e.FastestLap.Time.time), speedKph: e.FastestLap.AverageSpeed ? Number(e.FastestLap.AverageSpeed.speed) : null });
      }
    });
    expect(race.sessions.map((s: Json) => s.type)).toContain('R');

    const q = expected('qualifying/2023@13@qualifying.json').RaceTable.Races[0].QualifyingResults;
    const qRace = (await get('/api/v1/races/2023/13')).body;
    expect(qRace.qualifying.map((r: Json) => [r.position, r.driver.id, r.q1Millis, r.q2Millis, r.q3Millis])).toEqual(
      q.map((e: Json) => [Number(e.position), e.Driver.driverId, ms(e.Q1), ms(e.Q2), ms(e.Q3)]),
    );

    const pits = expected('pitstops/2023@18@pitstops.json');
    const pRace = (await get('/api/v1/races/2023/18')).body;
    expect(pRace.pitStops).toHaveLength(Number(pits.total));
    const key = (p: Json) => `${p.driverId}/${p.stop}`;
    const byKey = new Map(pRace.pitStops.map((p: Json) => [key(p), p]));
    for (const e of pits.RaceTable.Races[0].PitStops) {
      expect(byKey.get(key(e))).toEqual({ driverId: e.driverId, stop: Number(e.stop), lap: Number(e.lap), localTime: e.time, durationMillis: ms(e.duration) });
    }

    const lap1 = expected('laps/2023@10@laps@1.json').RaceTable.Races[0].Laps[0].Timings;
    const lRace = (await get('/api/v1/races/2023/10')).body;
    expect(lRace.laps.filter((l: Json) => l.lap === 1).map((l: Json) => [l.driverId, l.position, l.timeMillis])).toEqual(
      lap1.map((t: Json) => [t.driverId, Number(t.position), ms(t.time)]),
    );
    expect(lRace.laps.length).toBe(await ergastTotal('2023/10/laps.json'));
  });

  it('serves sprints and sprint qualifying', async () => {
    const sprints = expected('sprint/2023@constructors@red_bull@sprint.json').RaceTable.Races;
    expect(sprints.length).toBeGreaterThan(0);
    for (const s of sprints) {
      const race = (await get(`/api/v1/races/2023/${s.round}`)).body;
      const ours = race.sprint.filter((r: Json) => r.constructor.id === 'red_bull');
      expect(ours.map((r: Json) => [r.position, r.driver.id, r.points, r.timeMillis])).toEqual(
        s.SprintResults.map((e: Json) => [Number(e.position), e.Driver.driverId, Number(e.points), e.Time ? Number(e.Time.millis) : null]),
      );
      expect(race.sprintQualifying.length).toBeGreaterThan(0);
    }
    // a round without a sprint has none
    expect((await get('/api/v1/races/2023/1')).body.sprint).toEqual([]);
  });

  it('lists races, optionally of one season, with totals', async () => {
    const season = await get('/api/v1/races?season=2023&limit=5&offset=20');
    expect(season.body.total).toBe(22);
    expect(season.body.items.map((r: Json) => r.round)).toEqual([21, 22]);
    const all = await get('/api/v1/races?limit=1');
    expect(all.body.total).toBe(dumpRows('round'));
    expect(all.body.items[0].season).toBe(1950);
  });

  it('searches drivers and pages them with totals', async () => {
    const vers = await get('/api/v1/drivers?q=verstappen');
    expect(vers.body.items.map((d: Json) => d.id).sort()).toEqual(['max_verstappen', 'verstappen']);
    expect((await get('/api/v1/drivers?q=raikkonen')).body.items.map((d: Json) => d.id)).toContain('raikkonen');
    expect((await get('/api/v1/drivers?search=VER')).body.items.map((d: Json) => d.id)).toContain('max_verstappen');
    const all = await get('/api/v1/drivers?limit=1000');
    expect(all.body.total).toBe(dumpRows('driver'));
    const pages = [];
    for (let offset = 0; offset < all.body.total; offset += 300) pages.push(...(await get(`/api/v1/drivers?limit=300&offset=${offset}`)).body.items);
    expect(pages.map((d: Json) => d.id)).toEqual(all.body.items.map((d: Json) => d.id));
    expect((await get('/api/v1/drivers?season=2023&limit=1000')).body.total).toBe(await ergastTotal('2023/drivers.json'));
    expect((await get('/api/v1/drivers?q=zzzzqqq')).body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it("summarises a driver's career consistently with the Ergast surface", async () => {
    for (const id of ['max_verstappen', 'hamilton', 'jones', 'piquet_jr']) {
      const { status, body } = await get(`/api/v1/drivers/${id}`);
      expect(status, id).toBe(200);
      expect(body.driver.id).toBe(id);
      expect(body.career.wins, `${id} wins`).toBe(await ergastTotal(`drivers/${id}/results/1.json`));
      const podiums = (await ergastTotal(`drivers/${id}/results/1.json`)) + (await ergastTotal(`drivers/${id}/results/2.json`)) + (await ergastTotal(`drivers/${id}/results/3.json`));
      expect(body.career.podiums, `${id} podiums`).toBe(podiums);
      expect(body.results).toHaveLength(await ergastTotal(`drivers/${id}/results.json`));
      expect(body.career.starts).toBeLessThanOrEqual(body.results.length);
      expect(body.career.seasons).toEqual((await get(`/ergast/f1/drivers/${id}/seasons.json?limit=100`)).body.MRData.SeasonTable.Seasons.map((s: Json) => Number(s.season)));
      expect(body.career.points).toBeCloseTo(body.results.reduce((a: number, r: Json) => a + (r.points ?? 0), 0) + (await sprintPoints(id)), 6);
    }
    const jones = (await get('/api/v1/drivers/jones')).body;
    expect(jones.career.titles).toBe(1); // 1980, the one decided season of his in the dump
    expect(jones.seasons.find((s: Json) => s.season === 1980)).toMatchObject({ position: 1, points: 67, wins: 5 });
    const ver = (await get('/api/v1/drivers/max_verstappen')).body;
    expect(ver.career.titles).toBe(1); // 2023 (2021 and 2022 have no results in the dump)
    expect(ver.teams.map((t: Json) => t.id)).toEqual(['toro_rosso', 'red_bull']);
    // poles as published statistics count them: first on the grid. 2023 Belgium: he qualified fastest
    // but started 6th after a gearbox penalty; Leclerc started from pole.
    let poles = 0;
    let fastestInQualifying = 0;
    let fastestLaps = 0;
    for (const r of ver.results) {
      const race = (await get(`/api/v1/races/${r.season}/${r.round}`)).body;
      if (r.grid === 1) poles++;
      if (race.qualifying.find((q: Json) => q.position === 1)?.driver.id === 'max_verstappen') fastestInQualifying++;
      if (race.results.find((x: Json) => x.driver.id === 'max_verstappen')?.fastestLap?.rank === 1) fastestLaps++;
    }
    expect(poles).toBeGreaterThan(0);
    expect(ver.career.poles).toBe(poles);
    expect(fastestInQualifying).toBe(poles + 1);
    expect(ver.career.fastestLaps).toBe(fastestLaps);
    expect(ver.career.bestFinish).toEqual({ position: 1, times: ver.career.wins });
  });

  async function sprintPoints(id: string): Promise<number> {
    const rows = (await get(`/ergast/f1/drivers/${id}/sprint.json?limit=100`)).body.MRData.RaceTable.Races;
    return rows.reduce((a: number, r: Json) => a + r.SprintResults.reduce((b: number, s: Json) => b + Number(s.points), 0), 0);
  }

  it('summarises a constructor and lists constructors', async () => {
    const rb = (await get('/api/v1/constructors/red_bull')).body;
    const e = expected('constructors/constructors@red_bull.json').ConstructorTable.Constructors[0];
    expect([rb.constructor.id, rb.constructor.name, rb.constructor.nationality]).toEqual([e.constructorId, e.name, e.nationality]);
    expect(rb.career.seasons).toEqual(expected('seasons/constructors@red_bull@seasons.json').SeasonTable.Seasons.map((s: Json) => Number(s.season)));
    expect(rb.career.titles).toBe(1); // 2023
    expect(rb.career.podiums).toBe(
      (await ergastTotal('constructors/red_bull/results/1.json')) + (await ergastTotal('constructors/red_bull/results/2.json')) + (await ergastTotal('constructors/red_bull/results/3.json')),
    );
    expect(rb.drivers.map((d: Json) => d.id)).toEqual(expect.arrayContaining(['max_verstappen', 'perez']));
    expect(rb.seasons.find((s: Json) => s.season === 2023)).toMatchObject({ position: 1 });
    const list = await get('/api/v1/constructors?q=red');
    expect(list.body.items.map((c: Json) => c.id)).toContain('red_bull');
    expect((await get('/api/v1/constructors?limit=1000')).body.total).toBe(dumpRows('team'));
    expect((await get('/api/v1/constructors?season=2023&limit=100')).body.total).toBe(await ergastTotal('2023/constructors.json'));
  });

  it('serves circuits with the races held there', async () => {
    const e = expected('circuits/circuits@monaco.json').CircuitTable.Circuits[0];
    const { body } = await get('/api/v1/circuits/monaco');
    expect([body.circuit.id, body.circuit.name, body.circuit.locality, body.circuit.country, body.circuit.lat, body.circuit.lng]).toEqual([
      e.circuitId, e.circuitName, e.Location.locality, e.Location.country, Number(e.Location.lat), Number(e.Location.long),
    ]);
    expect(body.races.length).toBe(await ergastTotal('circuits/monaco/races.json'));
    expect(body.races.every((r: Json) => r.circuit.id === 'monaco')).toBe(true);
    expect((await get('/api/v1/circuits?limit=1000')).body.total).toBe(dumpRows('circuit'));
    expect((await get('/api/v1/circuits?q=monte carlo')).body.items.map((c: Json) => c.id)).toEqual(['monaco']);
  });

  it('counts finishing statuses like the Ergast surface', async () => {
    const ours = (await get('/api/v1/statuses?season=2023&limit=1000')).body;
    const theirs = (await get('/ergast/f1/2023/status.json?limit=100')).body.MRData.StatusTable.Status;
    const asMap = (rows: [number, number][]) => new Map(rows);
    expect(asMap(ours.items.map((s: Json) => [s.statusId, s.count]))).toEqual(asMap(theirs.map((s: Json) => [Number(s.statusId), Number(s.count)])));
    const all = (await get('/api/v1/statuses?limit=1000')).body;
    expect(all.items[0].status).toBe('Finished');
  });

  it('answers unknown ids with 404 and bad parameters with 400 naming them', async () => {
    for (const url of ['/api/v1/drivers/nobody_at_all', '/api/v1/constructors/nope', '/api/v1/circuits/nowhere', '/api/v1/races/2023/23', '/api/v1/seasons/2099']) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.body.error.code).toBe('APX_ERR_NOT_FOUND');
      expect(r.headers['cache-control'], url).toBeUndefined();
    }
    for (const [url, param] of [
      ['/api/v1/seasons/abc', 'year'],
      ['/api/v1/races/2023/0', 'round'],
      ['/api/v1/drivers?limit=0', 'limit'],
      ['/api/v1/drivers?offset=-1', 'offset'],
      ['/api/v1/standings/2023?round=x', 'round'],
      ['/api/v1/races?season=1800', 'season'],
      ['/api/v1/today?date=yesterday', 'date'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.code).toBe('APX_ERR_VALIDATION');
      expect(r.body.error.message, url).toContain(param);
    }
  });

  it('documents every v1 route in OpenAPI', async () => {
    const doc = (await get('/openapi.json')).body;
    for (const path of ['/api/v1/seasons', '/api/v1/seasons/{year}', '/api/v1/races/{year}/{round}', '/api/v1/drivers', '/api/v1/drivers/{driverId}', '/api/v1/constructors/{constructorId}', '/api/v1/circuits/{circuitId}', '/api/v1/standings/{year}', '/api/v1/statuses', '/api/v1/today']) {
      const op = doc.paths[path]?.get;
      expect(op, path).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '4XX', '5XX']));
    }
    // the data's sources and licences are credited where API users read
    expect(doc.info.description).toContain('[F1DB](https://github.com/f1db/f1db), CC BY 4.0');
    expect(doc.info.description).toContain('CC BY-NC-SA 4.0');
  });

  it('caches finished seasons as immutable, revalidates with 304, and serves hits without the database', async () => {
    const first = await app.inject('/api/v1/races/2023/10');
    expect(first.headers['cache-control']).toBe('public, max-age=86400, immutable');
    const etag = String(first.headers.etag);
    const again = await app.inject({ url: '/api/v1/races/2023/10', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject('/api/v1/drivers')).headers['cache-control']).toBe('public, max-age=300');

    // A second app sharing the process's response store and what it knows of the data, but whose
    // database is gone: cached answers still come, anything else is a clean 503.
    const dead = openPostgres('postgres://postgres@127.0.0.1:1/gone', { max: 1 });
    const offline = await testApp({ database: dead, cacheStore: app.responseCache, dataChanges: app.dataChanges });
    const hit = await offline.inject('/api/v1/races/2023/10');
    expect(hit.statusCode).toBe(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.body).toBe(first.body);
    const miss = await offline.inject('/api/v1/races/2008/1');
    expect(miss.statusCode).toBe(503);
    expect(miss.json().error.code).toBe('APX_ERR_UNAVAILABLE');
    await offline.close();

    // The same with the cache in the real Redis: a fresh instance (empty in-process LRU) sharing the
    // installation's Redis namespace answers from Redis alone. (What generation of the data is current
    // it knows from the database; this one never reached it, so it is told.)
    const env = { REDIS_URL: process.env.APEX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', APEX_HOME: mkdtempSync(join(tmpdir(), 'apex-v1-redis-')) };
    const withRedis = await testApp({ database: tdb.database, env });
    await waitForRedis(withRedis);
    await withRedis.responseCache.clear();
    const fromDb = await withRedis.inject('/api/v1/seasons/2008');
    expect(fromDb.headers['x-cache']).toBe('MISS');
    const offlineRedis = await testApp({ database: dead, env, dataChanges: withRedis.dataChanges });
    await waitForRedis(offlineRedis);
    const fromRedis = await offlineRedis.inject('/api/v1/seasons/2008');
    expect(fromRedis.statusCode).toBe(200);
    expect(fromRedis.headers['x-cache']).toBe('HIT');
    expect(fromRedis.body).toBe(fromDb.body);
    expect(fromRedis.headers.etag).toBe(fromDb.headers.etag);
    await withRedis.responseCache.clear();
    await Promise.all([withRedis.close(), offlineRedis.close()]);
    await dead.close();
  });

  it('keeps answering from the database when the configured Redis is unreachable', async () => {
    const app2 = await testApp({ database: tdb.database, env: { REDIS_URL: 'redis://127.0.0.1:6390' } });
    const started = Date.now();
    for (const url of ['/api/v1/seasons/2023', '/api/v1/drivers/hamilton', '/ergast/f1/2023/9/results.json']) {
      const r = await app2.inject(url);
      expect(r.statusCode, url).toBe(200);
    }
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await app2.inject('/ready')).json().cache).toEqual({ kind: 'redis', status: 'down' });
    await app2.close();
  });
});
