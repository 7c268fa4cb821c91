// Session analytics over HTTP on loaded sessions (real job, PGlite and PostgreSQL): each answer is
// the engine's analysis of the same recorded session, with its parameters echoed; overrides,
// CSV, and bad input behave like the other session routes.
import type { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseOvertakes, classifyLaps, degradation, lapPositions, prepareLaps, racePace, type Session } from '@apexdata/livetiming';
import { backends } from '../helpers/db.js';
import { BAKU_2018_R, MEXICO_2025_Q, engineSession, loadedSessionsApp } from '../sessions/api-fixtures.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const BASE = '/api/v1/sessions/2018/4/R/analytics';

describe.each(backends)('session analytics on %s', (kind) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let engine: Session;
  const get = async (url: string) => {
    const r = await app.inject({ url });
    return { status: r.statusCode, body: r.headers['content-type']?.includes('json') ? r.json() : r.body, headers: r.headers };
  };

  beforeAll(async () => {
    ({ app, close } = await loadedSessionsApp(kind, [{ year: 2018, round: 4, session: 'R' }, { year: 2025, round: 20, session: 'Q' }]));
    engine = await engineSession(BAKU_2018_R);
  }, 180_000);
  afterAll(async () => close?.());

  const prepared = (options = {}) => prepareLaps({ laps: engine.laps!.toArray(), kind: 'race', isSprint: false, totalLaps: engine.lapsBuild!.totalLaps }, options);

  it('pace: the engine\'s ranking of the same laps, with the fitted fuel effect and the laps used', async () => {
    const { status, body } = await get(`${BASE}/pace`);
    expect(status).toBe(200);
    const p = prepared();
    const ours = racePace(p);
    expect(body.items.map((r: Json) => r.driver)).toEqual(ours.map((r) => r.driver));
    expect(body.items[0].medianMs).toBeCloseTo(ours[0]!.medianMs, 6);
    expect(body.parameters.fuel).toMatchObject({ startKg: 100, effectSource: p.effect.source });
    expect(body.parameters.fuel.effectMsPerKg).toBeCloseTo(p.effect.msPerKg, 6);
    expect(body.parameters.clean).toEqual({ excludedTrackStatus: ['2', '4', '5', '6', '7'], slowThreshold: 1.07, excludeLap1: true });
    expect(body.items[0].laps).toHaveLength(ours[0]!.cleanLaps);
    expect(body.method).toMatch(/Median fuel-corrected clean lap/);
  });

  it('overrides change what is computed and are echoed back', async () => {
    const { body } = await get(`${BASE}/pace?fuelEffect=20&startFuelKg=105&excludeTrackStatus=4,5,6,7&slowThreshold=1.1`);
    expect(body.parameters.fuel).toMatchObject({ startKg: 105, effectMsPerKg: 20, effectSource: 'override' });
    expect(body.parameters.clean.excludedTrackStatus).toEqual(['4', '5', '6', '7']);
    const p = prepared({ fuel: { effectMsPerKg: 20, startKg: 105 }, clean: { excludedTrackStatus: ['4', '5', '6', '7'], slowThreshold: 1.1 } });
    expect(body.items.map((r: Json) => r.cleanLaps)).toEqual(racePace(p).map((r) => r.cleanLaps));
  });

  it('clean laps: every lap with its reasons (JSON and CSV agree)', async () => {
    const [{ body }, csv] = await Promise.all([get(`${BASE}/clean-laps`), get(`${BASE}/clean-laps?format=csv`)]);
    expect(body.items).toHaveLength(engine.laps!.length);
    const p = prepared();
    expect(body.items.filter((r: Json) => r.clean)).toHaveLength(p.clean.length);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe('driverNumber,driver,lapNumber,lapTime,correctedLapTime,clean,reasons');
    expect(lines).toHaveLength(body.items.length + 1);
    const ham1 = body.items.find((r: Json) => r.driver === 'HAM' && r.lapNumber === 1);
    expect(ham1.reasons).toContain('lap-1');
  });

  it.each([
    ['Baku 2018 R', '2018/4/R', BAKU_2018_R],
    ['Mexico City 2025 Q', '2025/20/Q', MEXICO_2025_Q],
  ])('one clean-lap rule: the laps table\'s isClean is the analytics\' verdict on every lap of %s', async (_, key, path) => {
    const [{ body: laps }, { body: clean }] = await Promise.all([get(`/api/v1/sessions/${key}/laps`), get(`/api/v1/sessions/${key}/analytics/clean-laps`)]);
    const id = (r: Json) => `${r.driverNumber}/${r.lapNumber}`;
    const verdict = new Map<string, boolean>(clean.items.map((r: Json) => [id(r), r.clean]));
    // The same laps on both sides, and the same verdict on each.
    expect(laps.items.map(id).sort()).toEqual([...verdict.keys()].sort());
    for (const r of laps.items) expect(r.isClean, id(r)).toBe(verdict.get(id(r)));
    // And both are the engine's classifyLaps on the recorded archive, not something the server decides.
    const own = (await engineSession(path)).laps!.toArray();
    const engineClean = classifyLaps(own).filter((v) => v.clean).map((v) => id(v.lap)).sort();
    expect(laps.items.filter((r: Json) => r.isClean).map(id).sort()).toEqual(engineClean);
    // Neither all nor none: the rule does leave laps out (pit, lap 1, track status, slow …).
    expect(engineClean.length).toBeGreaterThan(50);
    expect(engineClean.length).toBeLessThan(own.length);
  });

  it('answers a miss and the hits after it in the encoding each client asks for: the same body and ETag', async () => {
    const path = `${BASE}/clean-laps?slowThreshold=1.0801`; // asked by no other test
    const br = await app.inject({ url: path, headers: { 'accept-encoding': 'br' } });
    expect([br.statusCode, br.headers['x-cache'], br.headers['content-encoding']]).toEqual([200, 'MISS', 'br']);
    const gz = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip' } });
    expect([gz.statusCode, gz.headers['x-cache'], gz.headers['content-encoding']]).toEqual([200, 'HIT', 'gzip']);
    const plain = await app.inject({ url: path });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(1);
    expect(plain.json().parameters.clean.slowThreshold).toBe(1.0801);
  });

  it('degradation and overtakes are the engine\'s', async () => {
    const [{ body: d }, { body: o }] = await Promise.all([get(`${BASE}/degradation`), get(`${BASE}/overtakes`)]);
    const ours = degradation(prepared());
    expect(d.stints).toHaveLength(ours.stints.length);
    expect(d.compounds.map((c: Json) => c.compound)).toEqual(ours.compounds.map((c) => c.compound));
    const grid = new Map(engine.results.filter((r) => r.gridPosition !== null).map((r) => [r.abbreviation!, r.gridPosition]));
    const a = analyseOvertakes({ grid, points: lapPositions(engine.laps!.toArray()) });
    expect(o.events).toEqual(a.events);
    expect(o.drivers.find((x: Json) => x.driver === 'HAM')).toMatchObject({ startRank: 2, finalRank: 1 });
  });

  it('racecraft of two drivers, heatmap of every driver', async () => {
    const { status, body } = await get(`${BASE}/racecraft?drivers=HAM,44,VET`);
    expect(status).toBe(200);
    expect(body.items.map((r: Json) => r.driver)).toEqual(['HAM', 'HAM', 'VET']);
    expect(body.items[0]).toMatchObject({ teammate: 'BOT', gridRank: 2, finalRank: 1, positionsGained: 1 });
    expect(body.method).toMatch(/qualifying of this event not loaded/);
    const { body: h } = await get(`${BASE}/heatmap`);
    expect(h.rows).toHaveLength(20);
    expect(h.lastLap).toBe(51);
    expect(h.bestCleanLapMs).toBe(Math.min(...prepared().clean.map((l) => l.lapTime!)));
  });

  it('bad input: 400 for a bad parameter or driver count, 404 for an unknown driver, 400 for overtakes of a qualifying', async () => {
    expect((await get(`${BASE}/pace?slowThreshold=0.5`)).status).toBe(400);
    expect((await get(`${BASE}/pace?excludeTrackStatus=9`)).status).toBe(400);
    const one = await get(`${BASE}/racecraft?drivers=HAM`);
    expect(one.status).toBe(400);
    expect(one.body.error.message).toMatch(/2 to 5 drivers/);
    const unknown = await get(`${BASE}/racecraft?drivers=HAM,XYZ`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/XYZ/);
    const q = await get('/api/v1/sessions/2025/20/Q/analytics/overtakes');
    expect(q.status).toBe(400);
    expect(q.body.error.message).toMatch(/race or sprint/);
    expect((await get('/api/v1/sessions/2025/20/Q/analytics/pace')).status).toBe(200);
    expect((await get('/api/v1/sessions/2019/14/Q/analytics/pace')).status).toBe(404);
  });
});
