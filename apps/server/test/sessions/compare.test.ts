// The compare endpoint on the stored Mexico City 2025 qualifying (PGlite): laps on one distance axis
// with the delta to the reference, which must agree with the timing's own sector-time differences
// within 20 ms at every timing line, and equal the engine's lap comparison on the engine's session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { compareLaps, interp, type Lap } from '@apexdata/livetiming';
import { comparisonBody, fastestIndex, parseLapPicks, type Comparison } from '../../src/sessions/shape/compare.js';
import { engineSession, MEXICO_2025_Q, mexicoQApp } from './api-fixtures.js';

const base = '/api/v1/sessions/2025/20/Q';
let app: FastifyInstance;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ app, close } = await mexicoQApp('pglite'));
}, 300_000);

afterAll(async () => {
  await close?.();
});

async function compare(query: string): Promise<Comparison> {
  const r = await app.inject({ url: `${base}/compare?${query}` });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  return r.json() as Comparison;
}

/** The delta trace at each timing line against the timing: sector 1, sectors 1+2, the lap. */
function lineErrors(c: Comparison): number[] {
  const ref = c.laps[c.reference]!;
  const errors: number[] = [];
  c.laps.forEach((lap, i) => {
    if (i === c.reference) return;
    const s = lap.sectors;
    const r = ref.sectors;
    const expected = [s[0]! - r[0]!, s[0]! + s[1]! - r[0]! - r[1]!, lap.lapTime! - ref.lapTime!];
    const at = [...c.sectorDistances, c.distance[c.distance.length - 1]!];
    expect(at).toHaveLength(3);
    at.forEach((d, k) => errors.push(Math.abs(interp(c.distance, c.delta[i]!.map(Number), d) - expected[k]!)));
  });
  return errors;
}

describe('compare (2025 Mexico City qualifying)', () => {
  it('delta agrees with the sector-time differences within 20 ms at every timing line', async () => {
    const engine = await engineSession(MEXICO_2025_Q);
    const c = await compare('drivers=NOR,LEC,HAM,VER,PIA');
    expect(c.laps.map((l) => l.driver)).toEqual(['NOR', 'LEC', 'HAM', 'VER', 'PIA']);
    expect(c.reference).toBe(0); // Norris' pole lap is the fastest of them
    expect(c.laps[0]!.lapNumber).toBe(engine.laps!.pickDrivers('NOR').pickFastest()!.lapNumber);
    expect(Math.max(...lineErrors(c))).toBeLessThan(20);
    // Sector deltas are the timing's own.
    for (const l of c.laps) {
      expect(l.sectorDeltas).toEqual(l.sectors.map((s, k) => s! - c.laps[0]!.sectors[k]!));
      expect(l.anchoredAt).toEqual(['start', 'sector1', 'sector2', 'finish']);
    }
    // Every trace on the axis, the reference's delta zero throughout.
    for (const arrays of [c.time, c.delta, ...Object.values(c.channels)]) {
      expect(arrays).toHaveLength(5);
      for (const a of arrays) expect(a).toHaveLength(c.distance.length);
    }
    expect(c.delta[0]!.every((v) => v === 0)).toBe(true);
    expect(Object.keys(c.channels).sort()).toEqual(['brake', 'drs', 'nGear', 'rpm', 'speed', 'throttle']);
  });

  it('holds on pairs of quick laps across the session, explicit driver:lap pairs', async () => {
    const engine = await engineSession(MEXICO_2025_Q);
    const quick = engine.laps!.pickQuickLaps().pickAccurate().laps.filter((l) => l.sector1Time !== null && l.sector2Time !== null);
    const errors: number[] = [];
    for (let i = 0; i + 1 < quick.length; i += 9) {
      const a = quick[i]!;
      const b = quick[i + 1]!;
      const c = await compare(`laps=${a.driver}:${a.lapNumber},${b.driverNumber}:${b.lapNumber}&step=10`);
      expect(c.laps.map((l) => [l.driverNumber, l.lapNumber])).toEqual([[a.driverNumber, a.lapNumber], [b.driverNumber, b.lapNumber]]);
      errors.push(...lineErrors(c));
    }
    expect(errors.length).toBeGreaterThanOrEqual(30);
    expect(Math.max(...errors)).toBeLessThan(20);
  });

  it('equals the engine’s lap comparison on the engine’s own session', async () => {
    const engine = await engineSession(MEXICO_2025_Q);
    const picks = parseLapPicks(undefined, 'VER:fastest,RUS:fastest,SAI:fastest');
    const laps = picks.map((p) => engine.laps!.pickDrivers(p.driver).pickFastest()!) as Lap[];
    const expected = comparisonBody(compareLaps(engine.telemetry!, laps, { reference: fastestIndex(laps), step: 5 }), laps, ['speed', 'x', 'y']);
    const c = await compare('laps=VER:fastest,RUS:fastest,SAI:fastest&channels=speed,x,y');
    expect(c).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('takes a reference, a lap number for every driver, and says what it cannot compare', async () => {
    const byDriver = await compare('drivers=LEC,NOR&reference=LEC');
    expect(byDriver.reference).toBe(0);
    expect(byDriver.laps[1]!.lapTimeDelta).toBeLessThan(0);
    expect((await compare('drivers=LEC,NOR&reference=1')).reference).toBe(1);
    const sameLap = await compare('drivers=NOR,PIA&laps=2');
    expect(sameLap.laps.map((l) => l.lapNumber)).toEqual([2, 2]);

    const cases: [string, number, RegExp][] = [
      ['drivers=NOR,LEC,HAM,VER,PIA,RUS', 400, /at most 5/],
      ['', 400, /name the laps/],
      ['drivers=NOR&laps=NOR:3', 400, /not both/],
      ['drivers=NOR&channels=speed,warp', 400, /unknown channel 'warp'/],
      ['drivers=NOR,ZZZ', 404, /no driver 'ZZZ'/],
      ['laps=NOR:99', 404, /has no lap 99/],
      ['drivers=NOR,LEC&reference=HAM', 400, /reference/],
    ];
    for (const [q, status, message] of cases) {
      const r = await app.inject({ url: `${base}/compare?${q}` });
      expect(r.statusCode, q).toBe(status);
      expect(r.json().error.message, q).toMatch(message);
    }
  });
});
