import { describe, expect, it } from 'vitest';
import { readJolpica } from '../test/ergast-fixtures';
import { loadSession, sessionLaps } from '../test/session';
import { driverOrder, isRepresentative, linearFit, stintDegradation } from './strategy';

// 2018 Azerbaijan GP: a full race from the recorded archive, laps built by our engine.
const AZE_2018_R = '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/';
const laps = sessionLaps(await loadSession(AZE_2018_R));

describe('linearFit', () => {
  it('should recover an exact line and report a perfect r²', () => {
    const fit = linearFit([0, 1, 2, 3, 4].map((x) => ({ x, y: 90_000 + 85 * x })))!;
    expect(fit.slope).toBeCloseTo(85, 9);
    expect(fit.intercept).toBeCloseTo(90_000, 6);
    expect(fit.r2).toBeCloseTo(1, 9);
  });
  it('should refuse fits it cannot make', () => {
    expect(linearFit([{ x: 1, y: 1 }, { x: 2, y: 2 }])).toBeNull();
    expect(linearFit([1, 1, 1].map((x, i) => ({ x, y: i })))).toBeNull();
  });
});

describe('strategy on the 2018 Azerbaijan race', () => {
  it('should fit degradation only on representative laps within 107% of the stint best', () => {
    const deg = stintDegradation(laps);
    expect(deg.length).toBeGreaterThan(10);
    for (const d of deg) {
      const best = Math.min(...d.points.map((p) => p.lapTime));
      for (const p of d.points) {
        expect(p.lapTime).toBeLessThanOrEqual(best * 1.07);
        const lap = laps.find((l) => l.driver === d.driver && l.lapNumber === p.lapNumber)!;
        expect(isRepresentative(lap)).toBe(true);
        expect(lap.stint).toBe(d.stint);
      }
      if (d.points.length >= 3 && new Set(d.points.map((p) => p.tyreLife)).size > 1) expect(d.fit).not.toBeNull();
    }
  });

  it('should order qualifying drivers by their best lap', () => {
    const quali = laps.map((l) => ({ ...l, position: null }));
    const order = driverOrder(quali);
    const best = (d: string) => Math.min(...quali.filter((l) => l.driver === d && l.lapTime !== null && l.deleted !== true).map((l) => l.lapTime!));
    for (let i = 1; i < order.length; i++) expect(best(order[i]!)).toBeGreaterThanOrEqual(best(order[i - 1]!));
  });

  it('should order drivers by their final running position', () => {
    const order = driverOrder(laps);
    expect(new Set(order).size).toBe(new Set(laps.map((l) => l.driver)).size);
    const official = readJolpica('2018/4/results.json').MRData.RaceTable.Races[0].Results as { Driver: { code: string } }[];
    expect(order[0]).toBe(official[0]!.Driver.code);
  });
});
