// The track endpoint on the stored Mexico City 2025 qualifying (PostgreSQL): the outline of a clean
// lap from its position data, turned the same way whichever lap it is drawn from, with the sector
// lines where the timing puts them and the speed along the lap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { deriveRotation, interp } from '@apexdata/livetiming';
import { columnarTelemetry } from '../../src/sessions/shape/telemetry.js';
import type { TrackOutline } from '../../src/sessions/shape/track.js';
import { engineSession, MEXICO_2025_Q, mexicoQApp } from './api-fixtures.js';

const base = '/api/v1/sessions/2025/20/Q';
let app: FastifyInstance;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ app, close } = await mexicoQApp('postgres'));
}, 300_000);

afterAll(async () => {
  await close?.();
});

async function track(query = ''): Promise<TrackOutline> {
  const r = await app.inject({ url: `${base}/track${query}` });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  return r.json() as TrackOutline;
}

const bounds = (o: Pick<TrackOutline, 'x' | 'y'>) => ({
  w: Math.max(...o.x) - Math.min(...o.x), h: Math.max(...o.y) - Math.min(...o.y), cy: (Math.max(...o.y) + Math.min(...o.y)) / 2,
});

describe('track (2025 Mexico City qualifying)', () => {
  it('draws the session’s fastest lap: landscape, start/finish in the lower half, sector lines where the timing puts them', async () => {
    const engine = await engineSession(MEXICO_2025_Q);
    const fastest = engine.laps!.pickFastest()!;
    const o = await track();
    expect(o).toMatchObject({ driverNumber: fastest.driverNumber, lapNumber: fastest.lapNumber, rotationSource: 'derived' });
    const tel = engine.lapTelemetry(fastest);
    for (const a of [o.x, o.y, o.distance, o.speed]) expect(a).toHaveLength(tel.length);
    expect(o.speed).toEqual(columnarTelemetry(tel, ['speed']).channels.speed);
    // The outline is the lap's own position trace, turned: lengths between points are kept.
    const raw = columnarTelemetry(tel, ['x', 'y']).channels as { x: number[]; y: number[] };
    const step = (xs: number[], ys: number[], i: number) => Math.hypot(xs[i + 1]! - xs[i]!, ys[i + 1]! - ys[i]!);
    for (let i = 0; i < o.x.length - 1; i += 25) expect(Math.abs(step(o.x, o.y, i) - step(raw.x, raw.y, i))).toBeLessThan(0.5);
    // A closed loop of about the lap's length (feed units are 1/10 m).
    let perimeter = 0;
    for (let i = 0; i < o.x.length - 1; i++) perimeter += step(o.x, o.y, i) / 10;
    expect(Math.abs(perimeter - o.length) / o.length).toBeLessThan(0.03);
    expect(Math.hypot(o.x[0]! - o.x[o.x.length - 1]!, o.y[0]! - o.y[o.y.length - 1]!) / 10).toBeLessThan(100);

    const b = bounds(o);
    expect(b.w).toBeGreaterThan(b.h);
    expect(o.y[0]!).toBeLessThan(b.cy);
    // Sector lines at the distance the lap had covered when the timing says the sector ended.
    const t1 = fastest.sector1SessionTime! - fastest.lapStartTime!;
    expect(o.sectorDistances).toHaveLength(2);
    expect(Math.abs(o.sectorDistances[0]! - interp(tel.time, Array.from(tel.channel('distance')!, (d) => d - tel.channel('distance')![0]!), t1))).toBeLessThan(0.01);
    expect(o.linePoints).toHaveLength(3);
    expect(o.linePoints[0]).toEqual({ x: o.x[0], y: o.y[0] });
  });

  it('turns every clean lap of the session the same way (within a degree)', async () => {
    const engine = await engineSession(MEXICO_2025_Q);
    const laps = engine.laps!.pickQuickLaps().pickAccurate().laps.filter((_, i) => i % 8 === 0);
    expect(laps.length).toBeGreaterThanOrEqual(8);
    const rotations: number[] = [];
    for (const lap of laps) rotations.push((await track(`?driver=${lap.driverNumber}&lap=${lap.lapNumber}`)).rotation);
    const spread = Math.max(...rotations) - Math.min(...rotations);
    expect(spread).toBeLessThanOrEqual(1);
  });

  it('uses a requested rotation instead, and derives the same turn from any starting orientation', async () => {
    const derived = await track('?driver=LEC&lap=fastest');
    const turned = await track('?driver=LEC&lap=fastest&rotation=0');
    expect(turned.rotationSource).toBe('request');
    expect(turned.rotation).toBe(0);
    // Turning the raw outline by the derived angle gives the derived outline.
    const a = (derived.rotation * Math.PI) / 180;
    for (let i = 0; i < turned.x.length; i += 40) {
      const x = turned.x[i]! * Math.cos(a) - turned.y[i]! * Math.sin(a);
      const y = turned.x[i]! * Math.sin(a) + turned.y[i]! * Math.cos(a);
      expect(Math.abs(x - derived.x[i]!)).toBeLessThan(0.2);
      expect(Math.abs(y - derived.y[i]!)).toBeLessThan(0.2);
    }
    // The rule depends on the shape only: an outline already turned by 90° comes back to the same drawing.
    const pts = turned.x.map((x, i) => ({ x: -turned.y[i]!, y: x }));
    const again = deriveRotation(pts, pts[0]!);
    const d = (((again + 90 - derived.rotation) % 360) + 360) % 360;
    expect(Math.min(d, 360 - d)).toBeLessThan(0.2);
  });

  it('names an unknown driver', async () => {
    const r = await app.inject({ url: `${base}/track?driver=ZZZ` });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toMatch(/no driver 'ZZZ'/);
  });
});
