import { describe, expect, it } from 'vitest';
import { readJolpica } from '../test/ergast-fixtures';
import { loadSession, sessionLaps } from '../test/session';
import { colourRuns, defaultLapPicks, filterLaps, formatLapPicks, miniSectorFastest, nearestIndex, NO_FILTER, panBy, speedColor, zoomAround } from './telemetry';

// 2019 Italian GP qualifying, laps built by our engine from the recorded archive.
const session = await loadSession('2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/');
const laps = sessionLaps(session);

describe('defaultLapPicks (2019 Monza qualifying)', () => {
  it('should name the quickest drivers’ fastest laps, pole first, for the API to resolve', () => {
    const picks = defaultLapPicks(laps, 3);
    expect(picks).toHaveLength(3);
    expect(new Set(picks.map((p) => p.driver)).size).toBe(3);
    expect(picks.every((p) => p.lap === 'fastest')).toBe(true);
    // The session's fastest lap leads the list, and it matches Jolpica's pole position time.
    const q = readJolpica('2019/14/qualifying.json');
    const pole = q.MRData.RaceTable.Races[0].QualifyingResults[0];
    expect(picks[0]!.driver).toBe(pole.Driver.code);
    expect(formatLapPicks(picks)).toMatch(/^[A-Z]{3}:fastest,[A-Z]{3}:fastest,[A-Z]{3}:fastest$/);
  });
});

describe('filterLaps', () => {
  it('should keep exactly the laps the engine calls quick (pickQuickLaps on the whole session), deleted ones included', () => {
    const quick = filterLaps(laps, { ...NO_FILTER, quickOnly: true });
    const engineQuick = session.laps!.pickQuickLaps().laps.map((l) => `${l.driverNumber}/${l.lapNumber}`);
    expect(quick.map((l) => `${l.driverNumber}/${l.lapNumber}`)).toEqual(engineQuick);
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.length).toBeLessThan(laps.length);
  });
  it('should combine driver and personal-best filters', () => {
    const d = laps[0]!.driver;
    const pb = filterLaps(laps, { ...NO_FILTER, drivers: [d], personalBestOnly: true });
    expect(pb.every((l) => l.driver === d && l.isPersonalBest)).toBe(true);
    expect(filterLaps(laps, NO_FILTER)).toHaveLength(laps.length);
  });
});

describe('nearestIndex / miniSectorFastest / speedColor', () => {
  it('should find the nearest sample', () => {
    const xs = [0, 10, 20, 30];
    expect([-5, 4, 6, 25, 29, 100].map((x) => nearestIndex(xs, x))).toEqual([0, 0, 1, 2, 3, 3]);
    expect(nearestIndex([], 1)).toBe(-1);
  });
  it('should credit each mini-sector to the lap that spent least time in it', () => {
    // Two laps over 1 km: lap 0 is quicker in the first half, lap 1 in the second.
    const distance = Array.from({ length: 101 }, (_, i) => i * 10);
    const t0 = distance.map((d) => (d <= 500 ? d * 50 : 25_000 + (d - 500) * 70));
    const t1 = distance.map((d) => (d <= 500 ? d * 60 : 30_000 + (d - 500) * 55));
    const m = miniSectorFastest({ distance, time: [t0, t1] }, 10);
    expect(m.edges).toHaveLength(11);
    expect(m.fastest).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });
  it('should ramp colours from slow to fast', () => {
    expect(speedColor(80, 80, 320)).toBe('rgb(68,1,84)');
    expect(speedColor(320, 80, 320)).toBe('rgb(253,231,37)');
  });
});

describe('zoom, pan and colour runs', () => {
  it('should zoom around a point and stay inside the lap', () => {
    expect(zoomAround(0, 1000, 500, 0.5, 0, 1000)).toEqual([250, 750]);
    expect(zoomAround(0, 1000, 0, 0.5, 0, 1000)).toEqual([0, 500]);
    expect(zoomAround(900, 1000, 1000, 4, 0, 1000)).toEqual([600, 1000]);
    expect(zoomAround(0, 1000, 500, 3, 0, 1000)).toEqual([0, 1000]);
  });
  it('should pan by a fraction of the window and stop at the ends', () => {
    expect(panBy(200, 400, 0.5, 0, 1000)).toEqual([300, 500]);
    expect(panBy(100, 300, -1, 0, 1000)).toEqual([0, 200]);
    expect(panBy(800, 1000, 0.25, 0, 1000)).toEqual([800, 1000]);
  });
  it('should merge equal neighbouring colours into one run sharing end points', () => {
    const runs = colourRuns(['a', 'a', 'b', 'a'], [0, 1, 2, 3, 4], [0, 0, 0, 0, 0]);
    expect(runs.map((r) => [r.start, r.color, r.points])).toEqual([
      [0, 'a', '0,0 1,0 2,0'],
      [2, 'b', '2,0 3,0'],
      [3, 'a', '3,0 4,0'],
    ]);
  });
});
