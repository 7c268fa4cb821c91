import { describe, expect, it } from 'vitest';
import { readJolpica } from '../test/ergast-fixtures';
import { loadSession, sessionLaps } from '../test/session';
import { colourRuns, fastestPerDriver, filterLaps, formatLapPicks, miniSectorFastest, nearestIndex, NO_FILTER, panBy, parseLapPicks, speedColor, zoomAround } from './telemetry';

// 2019 Italian GP qualifying, laps built by our engine from the recorded archive.
const laps = sessionLaps(await loadSession('2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/'));

describe('fastestPerDriver (2019 Monza qualifying)', () => {
  it('should pick each driver’s quickest timed lap, fastest first, capped', () => {
    const picks = fastestPerDriver(laps, 5);
    expect(picks).toHaveLength(5);
    expect(new Set(picks.map((p) => p.driver)).size).toBe(5);
    for (let i = 1; i < picks.length; i++) expect(picks[i]!.lapTime!).toBeGreaterThanOrEqual(picks[i - 1]!.lapTime!);
    for (const p of picks) {
      const own = laps.filter((l) => l.driver === p.driver && l.lapTime !== null && l.deleted !== true);
      expect(p.lapTime).toBe(Math.min(...own.map((l) => l.lapTime!)));
    }
    // The session's fastest lap leads the list, and it matches Jolpica's pole position time.
    const q = readJolpica('2019/14/qualifying.json');
    const pole = q.MRData.RaceTable.Races[0].QualifyingResults[0];
    expect(picks[0]!.driver).toBe(pole.Driver.code);
  });
});

describe('filterLaps', () => {
  it('should keep only laps within 107% of the session best with quickOnly', () => {
    const best = Math.min(...laps.map((l) => l.lapTime ?? Infinity));
    const quick = filterLaps(laps, { ...NO_FILTER, quickOnly: true });
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.length).toBeLessThan(laps.length);
    for (const l of quick) expect(l.lapTime!).toBeLessThanOrEqual(best * 1.07);
  });
  it('should combine driver and personal-best filters', () => {
    const d = laps[0]!.driver;
    const pb = filterLaps(laps, { ...NO_FILTER, drivers: [d], personalBestOnly: true });
    expect(pb.every((l) => l.driver === d && l.isPersonalBest)).toBe(true);
    expect(filterLaps(laps, NO_FILTER)).toHaveLength(laps.length);
  });
});

describe('lap picks in the URL', () => {
  it('should round-trip, normalise, de-duplicate and cap', () => {
    const picks = parseLapPicks('ver:12,HAM:fastest,VER:12,bad,LEC:x,NOR:3,SAI:4,PIA:5,RUS:6');
    expect(picks).toEqual([
      { driver: 'VER', lap: 12 },
      { driver: 'HAM', lap: 'fastest' },
      { driver: 'NOR', lap: 3 },
      { driver: 'SAI', lap: 4 },
      { driver: 'PIA', lap: 5 },
    ]);
    expect(parseLapPicks(formatLapPicks(picks))).toEqual(picks);
    expect(parseLapPicks('44:7')).toEqual([{ driver: '44', lap: 7 }]);
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
