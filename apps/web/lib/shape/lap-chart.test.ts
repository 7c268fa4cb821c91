import { describe, expect, it } from 'vitest';
import { ergastLaps, ergastResults } from '../test/ergast-fixtures';
import { lapTimesByLap, median, pitLapSet, positionsByLap, startingOrder } from './lap-chart';

// 2023 Bahrain GP (round 1): the first laps as Jolpica serves them, and the classified results.
const laps = ergastLaps('2023/1/laps.json?limit=1200');
const results = ergastResults('2023/1/results.json');

describe('positionsByLap (2023 Bahrain)', () => {
  const chart = positionsByLap(laps, results);

  it('should have one series per driver with lap times, in finishing order', () => {
    const drivers = new Set(laps.map((l) => l.driverId));
    expect(chart.series).toHaveLength(drivers.size);
    const finish = new Map(results.map((r) => [r.driver.id, r.position]));
    const order = chart.series.map((s) => finish.get(s.driverId)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('should hold distinct positions 1..n on every lap', () => {
    for (let i = 1; i < chart.laps.length; i++) {
      const pos = chart.series.map((s) => s.values[i]).filter((v): v is number => v !== null).sort((a, b) => a - b);
      expect(pos).toEqual(pos.map((_, k) => k + 1));
    }
  });

  it('should put the starting grid on lap 0', () => {
    const grid = startingOrder(results);
    for (const s of chart.series) expect(s.values[0]).toBe(grid.get(s.driverId) ?? null);
    const pole = results.find((r) => r.grid === 1)!;
    expect(chart.series.find((s) => s.driverId === pole.driver.id)!.values[0]).toBe(1);
  });

  it('should agree with the lap data for each driver', () => {
    for (const l of laps) {
      const s = chart.series.find((x) => x.driverId === l.driverId)!;
      expect(s.values[l.lap]).toBe(l.position);
    }
  });
});

describe('startingOrder', () => {
  it('should put pit-lane starters (grid 0) behind every grid slot', () => {
    const withPitLane = results.map((r, i) => (i === 0 ? { ...r, grid: 0 } : r));
    const order = startingOrder(withPitLane);
    expect(order.get(withPitLane[0]!.driver.id)).toBe(order.size);
  });
});

describe('lapTimesByLap', () => {
  it('should convert to seconds and drop lap 1, pit laps and slow laps', () => {
    const someone = laps.find((l) => l.lap === 3)!.driverId;
    const series = lapTimesByLap(laps, [{ driverId: someone, stop: 1, lap: 3, localTime: null, durationMillis: 22_000 }], results);
    const s = series.series.find((x) => x.driverId === someone)!;
    expect(series.laps[0]).toBe(1);
    expect(s.values[0]).toBeNull(); // lap 1 (standing start)
    expect(s.values[2]).toBeNull(); // in-lap
    expect(s.values[3]).toBeNull(); // out-lap
    for (const other of series.series) {
      const times = laps.filter((l) => l.driverId === other.driverId && l.timeMillis !== null).map((l) => l.timeMillis!);
      const limit = (median(times) * 1.07) / 1000;
      for (const v of other.values) if (v !== null) expect(v).toBeLessThanOrEqual(limit);
    }
  });

  it('should keep every timed lap when filters are off', () => {
    const all = lapTimesByLap(laps, [], results, { outlierFactor: null, hidePitLaps: false });
    const drawn = all.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
    expect(drawn).toBe(laps.filter((l) => l.timeMillis !== null).length);
  });
});

describe('helpers', () => {
  it('median and pitLapSet', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect([...pitLapSet([{ driverId: 'a', stop: 1, lap: 10, localTime: null, durationMillis: null }])]).toEqual(['a:10', 'a:11']);
  });
});
