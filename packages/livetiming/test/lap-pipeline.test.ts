// The lap pipeline's shortcuts (attachDriverAhead, mergeLapWindow) against the merges they stand
// for: the same values bit for bit, including the cases they hand back to the general path.
import { describe, expect, it } from 'vitest';
import { Telemetry } from '../src/index.js';
import { attachDriverAhead, mergeIntermediate, mergeLapWindow, owned } from '../src/telemetry/telemetry.js';

const T0 = 1_700_000_000_000;
/** Deterministic pseudo-random numbers (tests must not depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const bits = (a: ArrayLike<number>) => Buffer.from(Float64Array.from(a).buffer).toString('hex');
function expectSame(a: Telemetry, b: Telemetry): void {
  expect(a.length).toBe(b.length);
  expect(a.channelNames()).toEqual(b.channelNames());
  for (const k of ['date', 'sessionTime', 'time', 'source'] as const) expect(bits(a[k]), k).toBe(bits(b[k]));
  for (const name of a.channelNames()) expect(bits(a.channel(name)!), name).toBe(bits(b.channel(name)!));
}

/** Car data: rows every ~250 ms from session time `from` (dates strictly increasing unless `dup`). */
function car(n: number, from: number, seed: number, dup = false): Telemetry {
  const r = rng(seed);
  const date = new Float64Array(n);
  for (let i = 0; i < n; i++) date[i] = T0 + from + i * 250 + Math.floor(r() * 40);
  if (dup && n > 4) date[3] = date[2]!;
  const u16 = (f: () => number) => Uint16Array.from({ length: n }, f);
  return new Telemetry({
    driver: '4', t0: T0, date, source: new Uint8Array(n),
    channels: {
      rpm: u16(() => 9000 + Math.floor(r() * 3000)), speed: u16(() => 80 + Math.floor(r() * 240)),
      nGear: Uint8Array.from({ length: n }, () => 1 + Math.floor(r() * 8)), throttle: Uint8Array.from({ length: n }, () => Math.floor(r() * 101)),
      brake: Uint8Array.from({ length: n }, () => (r() < 0.2 ? 1 : 0)), drs: Uint8Array.from({ length: n }, () => (r() < 0.3 ? 12 : 0)),
    },
  });
}
function pos(n: number, from: number, seed: number): Telemetry {
  const r = rng(seed);
  const date = Float64Array.from({ length: n }, (_, i) => T0 + from + 17 + i * 220 + Math.floor(r() * 30));
  const f32 = () => Float32Array.from({ length: n }, () => Math.round((r() - 0.5) * 20000));
  return new Telemetry({
    driver: '4', t0: T0, date, source: new Uint8Array(n).fill(1),
    channels: { x: f32(), y: f32(), z: f32(), status: Uint8Array.from({ length: n }, () => 1 + (r() < 0.1 ? 1 : 0)) },
  });
}
function ahead(m: number, seed: number, none = 0.3): { who: Int16Array; dist: Float64Array } {
  const r = rng(seed);
  const who = new Int16Array(m);
  const dist = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const no = r() < none;
    who[i] = no ? -1 : 1 + Math.floor(r() * 3);
    dist[i] = no ? NaN : r() * 500;
  }
  return { who, dist };
}
/** What lapTelemetry did before: car merged with the driver ahead on its rows 1 … n − 2. */
function mergedAhead(c: Telemetry, who: Int16Array, dist: Float64Array): Telemetry {
  const inner = c.rows(1, c.length - 1);
  return c.mergeChannels(new Telemetry({
    driver: c.driver, t0: c.t0, date: inner.date, sessionTime: inner.sessionTime, time: inner.time,
    source: new Uint8Array(inner.length).fill(255), channels: { driverAhead: who, distanceToDriverAhead: dist },
  }));
}
const stepwise = (p: Telemetry, c: Telemetry, s: number, e: number) =>
  owned(mergeIntermediate(p, c, 1).sliceByTime(s, e, { interpolateEdges: true }));

describe('attachDriverAhead', () => {
  it('gives the merge of the car data with the driver ahead on its inner rows', () => {
    for (const seed of [1, 2, 3]) {
      const c = car(200, 1000, seed).withDistance().withRelativeDistance();
      const { who, dist } = ahead(198, seed + 10, seed === 3 ? 1 : 0.3);
      const att = attachDriverAhead(c, who, dist)!;
      const ref = mergedAhead(c, who, dist);
      for (const name of ref.channelNames()) expect(bits(att.channel(name)!), name).toBe(bits(ref.channel(name)!));
      expect(bits(att.date)).toBe(bits(ref.date));
    }
  });

  it('declines what the merge would do otherwise: repeated dates, gaps in a car channel, < 3 rows', () => {
    const { who, dist } = ahead(198, 5);
    expect(attachDriverAhead(car(200, 0, 4, true), who, dist)).toBeNull();
    const c = car(200, 0, 4);
    const rpm = Float64Array.from(c.channel('rpm')!);
    rpm[7] = NaN;
    expect(attachDriverAhead(c.withChannel('rpm', rpm), who, dist)).toBeNull();
    expect(attachDriverAhead(car(2, 0, 4), new Int16Array(0), new Float64Array(0))).toBeNull();
  });
});

describe('mergeLapWindow', () => {
  const c = car(400, 0, 7).withDistance().withRelativeDistance();
  const { who, dist } = ahead(398, 8);
  const carAhead = attachDriverAhead(c, who, dist)!;
  const p = pos(450, 0, 9);
  const at = (i: number) => c.date[i]! - T0;

  it('merges, interpolates the edges and cuts as the three steps do', () => {
    const windows: [number, number][] = [
      [at(1) + 3, at(398) - 5], // edges between samples
      [at(1), at(398)], // edges on car samples
      [p.date[2]! - T0, p.date[440]! - T0], // on position samples
      [at(100) + 1, at(100) + 1], // one instant
      [at(0) - 5000, at(399) + 5000], // beyond the data at both ends
      [at(50) + 1, at(50) + 2], // both edges between the same two rows (general path)
    ];
    for (const [s, e] of windows) expectSame(mergeLapWindow(p, carAhead, s, e), stepwise(p, carAhead, s, e));
  });

  it('takes the general path where withEdges does (a channel with no value at all)', () => {
    const none = attachDriverAhead(c, who.map(() => -1) as Int16Array, dist.map(() => NaN) as Float64Array)!;
    expectSame(mergeLapWindow(p, none, at(1) + 3, at(398) - 5), stepwise(p, none, at(1) + 3, at(398) - 5));
  });
});
