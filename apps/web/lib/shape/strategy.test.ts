import { describe, expect, it } from 'vitest';
import { readJolpica } from '../test/ergast-fixtures';
import { loadSession, sessionLaps } from '../test/session';
import { driverOrder } from './strategy';

// 2018 Azerbaijan GP: a full race from the recorded archive, laps built by our engine.
const AZE_2018_R = '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/';
const laps = sessionLaps(await loadSession(AZE_2018_R));

describe('strategy on the 2018 Azerbaijan race', () => {
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
