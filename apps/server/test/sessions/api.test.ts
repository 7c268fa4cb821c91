// The session API on stored sessions, checked against the engine's own results: every recorded
// session with TimingData is loaded through the session-load job (PGlite with the in-process cache;
// PostgreSQL with the real Redis as response cache), then its laps, drivers, results, stints and
// race data come back over HTTP equal to what the engine builds from the same archive, and the
// Mexico City 2025 qualifying's lap telemetry equals the engine's merged lap telemetry.
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { classifyLaps, RESULT_COLUMNS, WEATHER_COLUMNS, type Lap, type Session } from '@apexdata/livetiming';
import { RedisStore, type ResponseStore } from '../../src/http/cache/store.js';
import { runToCompletion, sessionLoadJob } from '../../src/jobs/index.js';
import { seasonCatalogue, type CatalogEntry, type SessionKey } from '../../src/sessions/catalog.js';
import type { LoadDeps } from '../../src/sessions/load.js';
import { flagLaps, lapColumns } from '../../src/sessions/shape/laps.js';
import { gapsPerLap, positionsPerLap } from '../../src/sessions/shape/race-order.js';
import { csv, records } from '../../src/sessions/shape/table.js';
import { columnarTelemetry, TELEMETRY_COLUMNS } from '../../src/sessions/shape/telemetry.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';
import { archiveDir, BAKU_2018_R, engineSession, f1data, MEXICO_2025_Q, recordedSources, sessionsWithTimingData } from './api-fixtures.js';

const REDIS = process.env.APEX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const paths = sessionsWithTimingData();
const SAUDI_2022_Q = '2022/2022-03-27_Saudi_Arabian_Grand_Prix/2022-03-26_Qualifying/';
/**
 * PGlite serves every recorded session; PostgreSQL (+ Redis) a few that cover each kind — the load
 * test already stores all of them on both backends, and the API reads them through the same store.
 */
const pathsOn = (kind: string) => (kind === 'pglite' ? paths : [BAKU_2018_R, SAUDI_2022_Q, MEXICO_2025_Q]);
const offlineEnv = { LIVETIMING_BASE_URL: archiveDir, JOLPICA_BASE_URL: `${f1data}/jolpica`, APEX_OFFLINE: 'true' };
const byDriverLap = (a: Lap, b: Lap) => a.driverNumber.localeCompare(b.driverNumber) || a.lapNumber - b.lapNumber;
const url = (k: SessionKey, rest = '') => `/api/v1/sessions/${k.year}/${k.round}/${k.session}${rest}`;

/** Loads the recorded sessions through the load job; returns their keys by archive path. */
async function loadRecorded(db: LoadDeps['db'], only: readonly string[]): Promise<Map<string, CatalogEntry>> {
  const deps: LoadDeps = { db, sources: recordedSources() };
  const out = new Map<string, CatalogEntry>();
  for (const year of new Set(only.map((p) => Number(p.slice(0, 4))))) {
    for (const e of await seasonCatalogue(db, deps.sources, year)) if (only.includes(e.archive.path)) out.set(e.archive.path, e);
  }
  for (const path of only) await runToCompletion(sessionLoadJob, out.get(path)!.key, deps);
  return out;
}

describe.each(backends)('session API on %s', (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let store: ResponseStore | undefined;
  let entries: Map<string, CatalogEntry>;
  const keyOf = (path: string) => entries.get(path)!.key;
  const get = (path: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: path, headers });
  const items = async (path: string) => {
    const r = await get(path);
    expect(r.statusCode, `${path}: ${r.body.slice(0, 200)}`).toBe(200);
    return (r.json() as { items: unknown[] }).items;
  };

  beforeAll(async () => {
    t = await testDatabase(kind);
    // PostgreSQL answers through the real Redis (a private key prefix), PGlite through the in-process LRU.
    if (kind === 'postgres') store = new RedisStore({ url: REDIS, prefix: `apex:test:sessions:${randomBytes(4).toString('hex')}:` });
    entries = await loadRecorded(t.database.db, pathsOn(kind));
    app = await testApp({ database: t.database, cacheStore: store, env: offlineEnv });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await store?.clear();
    await store?.close();
    await t?.cleanup();
  });

  it.each(pathsOn(kind))('%s: laps, drivers, results and race data equal the engine’s', async (path) => {
    const key = keyOf(path);
    const engine: Session = await engineSession(path);
    const laps = [...(engine.laps?.toArray() ?? [])].sort(byDriverLap);
    const flagged = engine.laps ? flagLaps(engine.laps, laps) : [];
    expect(await items(url(key, '/laps'))).toEqual(records(flagged, lapColumns));
    const lapsCsv = await get(url(key, '/laps?format=csv'));
    expect(lapsCsv.headers['content-type']).toMatch(/^text\/csv/);
    expect(lapsCsv.body).toBe(csv(flagged, lapColumns));

    expect(await items(url(key, '/results'))).toEqual(records(engine.results, RESULT_COLUMNS));
    const drivers = (await items(url(key, '/drivers'))) as { driverNumber: string; abbreviation: string | null; teamColor: string | null }[];
    expect(drivers.map((d) => d.driverNumber).sort()).toEqual(engine.drivers.map((d) => d.driverNumber).sort());
    for (const d of drivers) {
      const own = engine.drivers.find((x) => x.driverNumber === d.driverNumber)!;
      expect(d.abbreviation).toBe(own.abbreviation);
      expect(d.teamColor).toBe(own.teamColour ? `#${own.teamColour.toLowerCase()}` : null);
    }

    const weather = (await get(url(key, '/weather'))).json() as Record<string, unknown[]>;
    for (const c of WEATHER_COLUMNS) expect(weather[c.key], c.key).toEqual((engine.weather ?? []).map((w) => c.get(w)));
    expect((await items(url(key, '/track-status'))).length).toBe(engine.trackStatus?.length ?? 0);
    // Race control on the session clock: the engine's t0 when the archive fixed it, else an estimate.
    const rc = (await get(url(key, '/race-control'))).json() as { items: { date: string | null; time: number | null }[]; clock: { t0: string | null; source: string | null } };
    expect(rc.items.length).toBe(engine.raceControl?.length ?? 0);
    const t0 = ((await get(url(key))).json() as { data: { t0: string | null } }).data.t0;
    if (t0 !== null) expect(rc.clock).toEqual({ t0, source: 'archive' });
    for (const m of rc.items) {
      if (rc.clock.t0 === null || m.date === null) expect(m.time).toBeNull();
      else expect(Math.abs(m.time! - (Date.parse(m.date) - Date.parse(rc.clock.t0)))).toBeLessThan(1);
    }
    expect(await items(url(key, '/positions'))).toEqual(positionsPerLap(laps).map((p) => ({ ...p })));
    expect(await items(url(key, '/gaps'))).toEqual(gapsPerLap(laps).map((g) => ({ ...g })));

    // Stints and pit stops: each stint's laps carry its stint number and compound.
    const stints = (await items(url(key, '/stints'))) as { driverNumber: string; driver: string | null; stint: number; startLap: number; endLap: number; laps: number }[];
    expect(stints.reduce((n, s) => n + s.laps, 0)).toBe(laps.filter((l) => l.stint !== null).length);
    for (const s of stints) {
      expect(s.driver).toBe(engine.drivers.find((d) => d.driverNumber === s.driverNumber)?.abbreviation ?? null);
      expect(laps.filter((l) => l.driverNumber === s.driverNumber && l.stint === s.stint).length).toBe(s.laps);
    }
    const stops = (await items(url(key, '/pitstops'))) as { inLap: number | null }[];
    expect(stops.length).toBe(laps.filter((l) => l.pitInTime !== null).length);
  }, 60_000);

  it('filters laps over HTTP exactly like the engine’s picks', async () => {
    const key = keyOf(MEXICO_2025_Q);
    const laps = (await engineSession(MEXICO_2025_Q)).laps!;
    const ids = (rows: unknown[]) => (rows as { driverNumber: string; lapNumber: number }[]).map((l) => `${l.driverNumber}/${l.lapNumber}`);
    const engineIds = (sel: Iterable<Lap>) => [...sel].sort(byDriverLap).map((l) => `${l.driverNumber}/${l.lapNumber}`);
    expect(ids(await items(url(key, '/laps?quick=true')))).toEqual(engineIds(laps.pickQuickLaps()));
    expect(ids(await items(url(key, '/laps?driver=nor,16')))).toEqual(engineIds(laps.pickDrivers(['NOR', '16'])));
    expect(ids(await items(url(key, '/laps?drivers=VER&accurate=true&deleted=false')))).toEqual(engineIds(laps.pickDrivers('VER').pickAccurate().pickNotDeleted()));
    expect(ids(await items(url(key, '/laps?compound=SOFT&personalBest=true&fromLap=3&toLap=12'))))
      .toEqual(engineIds(laps.pickTyre('SOFT').filter((l) => l.isPersonalBest && l.lapNumber >= 3 && l.lapNumber <= 12)));
    expect(ids(await items(url(key, '/laps?pitInOut=false&trackStatus=1')))).toEqual(engineIds(laps.pickWoPitInOut().pickTrackStatus('1')));
    const [q1, q2, q3] = laps.splitQualifyingSessions();
    expect(ids(await items(url(key, '/laps?part=Q3')))).toEqual(engineIds(q3!));
    expect(ids(await items(url(key, '/laps?part=Q1&driver=VER')))).toEqual(engineIds(q1!.pickDrivers('VER')));
    expect(q2!.length).toBeGreaterThan(0);
    expect(ids(await items(url(key, '/laps?stint=1,2&driver=LEC')))).toEqual(engineIds(laps.pickDrivers('LEC').filter((l) => l.stint === 1 || l.stint === 2)));

    // Every row carries the session-wide quick and clean flags, decided by the engine's picks.
    const rows = (await items(url(key, '/laps'))) as { driverNumber: string; lapNumber: number; isQuick: boolean; isClean: boolean }[];
    expect(ids(rows.filter((l) => l.isQuick))).toEqual(engineIds(laps.pickQuickLaps()));
    // Clean = the engine's one clean-lap rule (the analytics' classifyLaps).
    const clean = classifyLaps(laps.toArray()).filter((v) => v.clean).map((v) => v.lap);
    expect(ids(rows.filter((l) => l.isClean))).toEqual(engineIds(clean));
    expect(clean.length).toBeGreaterThan(50);
    expect(clean.length).toBeLessThan(laps.length);
    // The flags are the session's: a driver's selection carries the same ones.
    const ver = (await items(url(key, '/laps?driver=VER'))) as typeof rows;
    for (const l of ver) expect(rows.find((r) => r.driverNumber === l.driverNumber && r.lapNumber === l.lapNumber)).toEqual(l);

    // Errors name what is wrong.
    const unknown = await get(url(key, '/laps?driver=ZZZ'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/no driver 'ZZZ'/);
    const bad = await get(url(key, '/laps?trackStatus=9'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('APX_ERR_VALIDATION');
  });

  it('answers deleted=false with a 400 where race-control messages are missing', async () => {
    const r = await get(url(keyOf(SAUDI_2022_Q), '/laps?deleted=false'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/deleted.*race-control/);
  });

  it('serves the Mexico City lap telemetry equal to the engine’s merged lap telemetry, small when compressed', async () => {
    const key = keyOf(MEXICO_2025_Q);
    const engine = await engineSession(MEXICO_2025_Q);
    const drivers = [...new Set(engine.laps!.laps.map((l) => l.driverNumber))];
    const sizes: { br: number; gzip: number }[] = [];
    for (const d of drivers) {
      const lap = engine.laps!.pickDrivers(d).pickFastest()!;
      const expected = columnarTelemetry(engine.lapTelemetry(lap), TELEMETRY_COLUMNS, 'time');
      const r = await get(url(key, `/laps/${lap.driver}/fastest/telemetry?channels=all&x=time`));
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body).toMatchObject({ driver: lap.driver, driverNumber: d, lapNumber: lap.lapNumber, lapTime: lap.lapTime, lapStartTime: lap.lapStartTime, axis: 'time' });
      expect(body.t0).toBe(new Date(engine.t0!).toISOString());
      expect(body.samples).toBe(expected.samples);
      expect(body.channels).toEqual(expected.channels);

      // Default channels, by number and lap number, compressed as a client receives them.
      const path = url(key, `/laps/${d}/${lap.lapNumber}/telemetry`);
      const br = await get(path, { 'accept-encoding': 'br' });
      const gz = await get(path, { 'accept-encoding': 'gzip' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(gz.headers['content-encoding']).toBe('gzip');
      const plain = JSON.parse(brotliDecompressSync(br.rawPayload).toString());
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain);
      expect(plain.axis).toBe('distance');
      expect(plain.channels.distance).toEqual(columnarTelemetry(engine.lapTelemetry(lap)).channels.distance);
      expect(plain.channels.speed).toEqual(columnarTelemetry(engine.lapTelemetry(lap)).channels.speed);
      sizes.push({ br: br.rawPayload.length, gzip: gz.rawPayload.length });
    }
    expect(sizes).toHaveLength(20);
    // Every channel, every sample of a full lap: under 25 KB with either encoding.
    expect(Math.max(...sizes.map((s) => Math.max(s.br, s.gzip)))).toBeLessThan(25 * 1024);

    const some = engine.laps!.pickQuickLaps().laps.filter((_, i) => i % 10 === 3);
    for (const lap of some) {
      const r = await get(url(key, `/laps/${lap.driverNumber}/${lap.lapNumber}/telemetry?channels=speed,x,y,distance&x=distance`));
      const want = columnarTelemetry(engine.lapTelemetry(lap), ['speed', 'x', 'y', 'distance'], 'distance');
      expect(r.json().channels).toEqual(want.channels);
    }

    const csvText = (await get(url(key, '/laps/NOR/fastest/telemetry?format=csv&channels=speed,nGear'))).body.trimEnd().split('\r\n');
    expect(csvText[0]).toBe('distance,speed,nGear');
    const nor = engine.laps!.pickDrivers('NOR').pickFastest()!;
    expect(csvText.length - 1).toBe(engine.lapTelemetry(nor).length);
  }, 120_000);

  it('answers telemetry requests it cannot serve with clear errors', async () => {
    const key = keyOf(MEXICO_2025_Q);
    const cases: [string, number, RegExp][] = [
      ['/laps/ZZZ/3/telemetry', 404, /no driver 'ZZZ'/],
      ['/laps/NOR/999/telemetry', 404, /has no lap 999/],
      ['/laps/NOR/fastest/telemetry?channels=speed,warp', 400, /unknown channel 'warp'/],
      ['/laps/NOR/first/telemetry', 400, /params\/lap/],
    ];
    for (const [path, status, message] of cases) {
      const r = await get(url(key, path));
      expect(r.statusCode, path).toBe(status);
      expect(r.json().error.message, path).toMatch(message);
    }
    // A session without CarData/Position in the archive.
    for (const path of ['/laps/HAM/fastest/telemetry', '/compare?drivers=HAM,RAI', '/track']) {
      const baku = await get(url(keyOf(BAKU_2018_R), path));
      expect(baku.statusCode, path).toBe(404);
      expect(baku.json().error.message, path).toMatch(/has no telemetry/);
    }
  });

  it('caches loaded sessions: ETag, immutable Cache-Control, 304, server cache hits', async () => {
    const key = keyOf(BAKU_2018_R);
    const first = await get(url(key, '/laps?driver=HAM&format=csv'));
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=86400, immutable');
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    // CORS answers per Origin (a list of allowed origins), so caches must key by it too.
    expect(String(first.headers.vary).split(', ').sort()).toEqual(['Accept-Encoding', 'Origin']);
    const second = await get(url(key, '/laps?driver=HAM&format=csv'));
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);
    const revalidate = await get(url(key, '/laps?driver=HAM&format=csv'), { 'if-none-match': first.headers.etag as string });
    expect(revalidate.statusCode).toBe(304);
    expect(revalidate.body).toBe('');
    // The session itself (its state can change) is revalidated every time.
    const session = await get(url(key));
    expect(session.headers['cache-control']).toBe('public, max-age=0');
    expect((await get(url(key), { 'if-none-match': session.headers.etag as string })).statusCode).toBe(304);
  });

  it('reports the session: schedule, state and what was loaded', async () => {
    const key = keyOf(MEXICO_2025_Q);
    const engine = await engineSession(MEXICO_2025_Q);
    const body = (await get(url(key))).json();
    expect(body).toMatchObject({
      year: 2025, round: 20, session: 'Q', name: 'Qualifying', eventName: 'Mexico City Grand Prix', kind: 'qualifying', archivePath: MEXICO_2025_Q,
      startUtc: '2025-10-25T21:00:00.000Z',
      status: { state: 'loaded', hasData: true, dataVersion: 1, error: null },
      data: { laps: engine.laps!.length, drivers: engine.drivers.length, hasTelemetry: true, t0: new Date(engine.t0!).toISOString() },
    });
    // A session of the archive that is not loaded: its schedule, and how to load it.
    const race = (await get('/api/v1/sessions/2025/20/R')).json();
    expect(race).toMatchObject({ name: 'Race', kind: 'race', status: { state: 'not_loaded', hasData: false }, data: null, links: { load: '/api/v1/sessions/2025/20/R/load' } });
    const laps = await get('/api/v1/sessions/2025/20/R/laps');
    expect(laps.statusCode).toBe(404);
    expect(laps.json().error).toEqual({
      code: 'APX_ERR_NOT_LOADED',
      message: '2025 round 20 R is not loaded yet: run `apex session load 2025 20 R` or POST /api/v1/sessions/2025/20/R/load (admin token; or set APEX_AUTOLOAD=true to load on request)',
    });
    // Not in the archive at all.
    expect((await get('/api/v1/sessions/2025/20/FP3')).statusCode).toBe(404);
    expect((await get('/api/v1/sessions/2025/20/XX/laps')).statusCode).toBe(400);
  });
});
