import { describe, expect, it } from 'vitest';
import { compareLaps } from '@apexdata/livetiming';
import { loadSession } from '../test/session';
import { bandPosition, bandScale, bandTicks, niceTicks, plotHeight, stackBands, traceBands, type ChannelBandSpec } from './stacked-traces';

// 2025 Mexico City GP qualifying: the five quickest drivers' fastest laps, compared by our engine on
// the recorded car data — the same traces the telemetry page stacks.
const session = await loadSession('2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/', { telemetry: true });
const laps = session.laps!;
const fastest = [...new Set(laps.toArray().map((l) => l.driverNumber))]
  .map((n) => laps.pickDrivers(n).pickFastest())
  .filter((l) => l !== null)
  .sort((a, b) => a!.lapTime! - b!.lapTime!)
  .slice(0, 5) as NonNullable<ReturnType<typeof laps.pickFastest>>[];
const cmp = compareLaps(session.telemetry!, fastest, { step: 5 });
const asSeries = (a: Float64Array) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
const channels: Record<string, (number | null)[][]> = {
  speed: cmp.laps.map((l) => asSeries(l.channels.speed)),
  throttle: cmp.laps.map((l) => asSeries(l.channels.throttle)),
  nGear: cmp.laps.map((l) => asSeries(l.channels.nGear)),
  drs: cmp.laps.map((l) => asSeries(l.channels.drs)),
  delta: cmp.laps.map((l) => asSeries(l.delta)),
};

const SPECS: ChannelBandSpec[] = [
  { key: 'speed', label: 'Speed', unit: 'km/h', height: 190 },
  { key: 'throttle', label: 'Throttle', unit: '%', height: 80, range: [-5, 105], ticks: [0, 50, 100] },
  { key: 'nGear', label: 'Gear', unit: '', height: 80, range: [0.5, 8.5], ticks: [2, 4, 6, 8], step: true },
  { key: 'drs', label: 'DRS', unit: '', height: 40, range: [-0.15, 1.15], ticks: [0, 1], step: true, map: (v) => (v >= 10 ? 1 : 0) },
  { key: 'missing', label: 'Nothing', unit: '', height: 50 },
  { key: 'delta', label: 'Delta', unit: 's', height: 130 },
];
const GAP = 16;
const bands = traceBands(SPECS, (key) => channels[key] ?? [], GAP);

describe('traceBands (Mexico City 2025 Q, five fastest laps)', () => {
  it('should stack one band per channel with data, in order, without overlaps, filling the plot exactly', () => {
    expect(cmp.laps).toHaveLength(5);
    expect(bands.map((b) => b.key)).toEqual(['speed', 'throttle', 'nGear', 'drs', 'delta']);
    const total = plotHeight(bands, GAP);
    expect(total).toBe(190 + 80 + 80 + 40 + 130 + 4 * GAP);
    expect(bands[0]!.top).toBe(1);
    expect(bands.at(-1)!.bottom).toBeCloseTo(0, 12);
    for (let i = 0; i < bands.length; i++) {
      const b = bands[i]!;
      expect((b.top - b.bottom) * total).toBeCloseTo(SPECS.find((s) => s.key === b.key)!.height, 9);
      if (i > 0) expect((bands[i - 1]!.bottom - b.top) * total).toBeCloseTo(GAP, 9);
    }
  });

  it('should place every sample inside its own band through the band’s scale', () => {
    for (const b of bands) {
      const [min, max] = bandScale(b);
      expect((b.lo - min) / (max - min)).toBeCloseTo(b.bottom, 12);
      expect((b.hi - min) / (max - min)).toBeCloseTo(b.top, 12);
      let n = 0;
      for (const raw of b.series)
        for (const v of raw) {
          if (v === null) continue;
          n++;
          const pos = bandPosition(b.map ? b.map(v) : v, b);
          expect(pos).toBeGreaterThanOrEqual(b.bottom);
          expect(pos).toBeLessThanOrEqual(b.top);
        }
      expect(n).toBe(b.count);
      expect(b.count).toBeGreaterThan(5 * 500);
    }
  });

  it('should size an unfixed band to the data: top speed and the largest delta reach near the edges', () => {
    const speed = bands[0]!;
    const vmax = Math.max(...channels.speed!.flat().filter((v): v is number => v !== null));
    const vmin = Math.min(...channels.speed!.flat().filter((v): v is number => v !== null));
    expect(vmax).toBeGreaterThan(320); // Mexico's long straight
    expect(speed.hi).toBeGreaterThan(vmax);
    expect(speed.lo).toBeLessThan(vmin);
    expect((speed.hi - vmax) / (speed.hi - speed.lo)).toBeLessThan(0.06);
    const delta = bands.at(-1)!;
    // The reference lap's delta is zero along the lap, so the band spans zero.
    expect(delta.lo).toBeLessThan(0.1);
    expect(delta.hi).toBeGreaterThan(200); // ms
  });

  it('should put axis ticks inside their bands, clear of the edges, labelled in the band’s units', () => {
    const total = plotHeight(bands, GAP);
    const ticks = bandTicks(bands, 28, total, 7);
    const speed = bands[0]!;
    const speedTicks = ticks.filter((t) => t.pos >= speed.bottom);
    expect(speedTicks.length).toBeGreaterThanOrEqual(3);
    for (const [i, t] of speedTicks.entries()) {
      expect(Number(t.label) % 50).toBe(0);
      // at least 28 px apart, and 7 px clear of the band's edges
      if (i > 0) expect((t.pos - speedTicks[i - 1]!.pos) * total).toBeGreaterThanOrEqual(28 - 1e-9);
      expect(Math.min(speed.top - t.pos, t.pos - speed.bottom) * total).toBeGreaterThanOrEqual(7 - 1e-9);
    }
    for (const t of ticks) {
      const b = bands.find((x) => t.pos >= x.bottom && t.pos <= x.top);
      expect(b, `tick ${t.label} falls in a gap`).toBeDefined();
    }
    expect(ticks.filter((t) => t.pos <= bands[2]!.top && t.pos >= bands[2]!.bottom).map((t) => t.label)).toEqual(['2', '4', '6', '8']);
  });
});

describe('niceTicks', () => {
  it('should step by 1, 2, 2.5 or 5 × 10ⁿ within the range', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(87.3, 352.1, 5)).toEqual([100, 200, 300]);
    expect(niceTicks(87.3, 352.1, 6)).toEqual([100, 150, 200, 250, 300, 350]);
    expect(niceTicks(-0.23, 0.48, 4)).toEqual([-0.2, 0, 0.2, 0.4]);
    expect(niceTicks(5, 5, 3)).toEqual([]);
  });
});

describe('stackBands', () => {
  it('should keep the order given, top first', () => {
    const b = stackBands(
      [
        { key: 'a', height: 100, lo: 0, hi: 1 },
        { key: 'b', height: 50, lo: 0, hi: 1 },
      ],
      10,
    );
    expect(b[0]).toMatchObject({ key: 'a', top: 1, bottom: 1 - 100 / 160 });
    expect(b[1]).toMatchObject({ key: 'b', top: 1 - 110 / 160, bottom: 0 });
  });
});
