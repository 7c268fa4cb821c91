// Lap comparison: distance-aligned traces and the time delta, checked against the sector times of
// real laps (2025 Mexico City qualifying). Sector lines are located on the reference lap from its
// sector session times, as a user of FastF1's laps would do.
import { describe, expect, it } from 'vitest';
import { MAX_COMPARED_LAPS, compareLaps, deltaTime, interp } from '../src/index.js';
import { mexico, secondsToMs, type OracleLap } from './telemetry-fixture.js';

const { session, laps } = mexico();
/** Timed laps with all three sectors, not started from or ended in the pit lane. */
const clean = laps.filter((l) => l.row.LapTime !== null && l.row.Sector1Time !== null && l.row.Sector2Time !== null
  && l.row.Sector3Time !== null && l.row.Sector1SessionTime !== null && l.row.Sector2SessionTime !== null
  && l.row.PitInTime === null && l.row.PitOutTime === null);
const byTime = [...clean].sort((a, b) => a.row.LapTime! - b.row.LapTime!);
const pole = byTime[0]!;

/** Cumulative time to each sector line (s): S1, S1+S2, lap. */
const lines = (l: OracleLap) => [l.row.Sector1Time!, l.row.Sector1Time! + l.row.Sector2Time!, l.row.LapTime!];

/** Worst |delta − sector-time difference| (ms) at the three lines, over laps compared in groups of five. */
function worstSectorError(reference: OracleLap, others: readonly OracleLap[], anchors?: Parameters<typeof compareLaps>[2]['anchors']) {
  const errors: number[] = [];
  for (let i = 0; i < others.length; i += MAX_COMPARED_LAPS - 1) {
    const group = [reference, ...others.slice(i, i + MAX_COMPARED_LAPS - 1)];
    const c = compareLaps(session, group, { anchors });
    const at = [
      c.referenceDistanceAt(secondsToMs(reference.row.Sector1SessionTime)!),
      c.referenceDistanceAt(secondsToMs(reference.row.Sector2SessionTime)!),
      c.distance[c.distance.length - 1]!,
    ];
    const refLines = lines(reference);
    group.forEach((lap, g) => {
      if (g === 0) return;
      const own = lines(lap);
      for (let k = 0; k < 3; k++) {
        const expected = (own[k]! - refLines[k]!) * 1000;
        errors.push(Math.abs(interp(c.distance, c.laps[g]!.delta, at[k]!) - expected));
      }
    });
  }
  errors.sort((a, b) => a - b);
  return { n: errors.length, median: errors[errors.length >> 1]!, max: errors[errors.length - 1]! };
}

describe('lap delta agrees with sector-time differences', () => {
  it('within 20 ms at each sector line: every clean lap against the pole lap', () => {
    expect(clean.length).toBeGreaterThan(100);
    const r = worstSectorError(pole, clean.filter((l) => l !== pole));
    expect(r.n).toBe(3 * (clean.length - 1));
    expect(r.max).toBeLessThan(20);
  });

  it('within 20 ms against a slow reference lap too (reference from the back of the field)', () => {
    const slow = byTime[byTime.length - 1]!;
    const r = worstSectorError(slow, byTime.slice(0, 40));
    expect(r.max).toBeLessThan(20);
  });

  it('needs its timing-line anchors: scaling whole laps (FastF1\'s removed approach) misses the sector lines', () => {
    const fast = byTime.filter((l) => l.row.LapTime! < 1.07 * pole.row.LapTime!).slice(1, 41);
    const anchored = worstSectorError(pole, fast);
    const scaled = worstSectorError(pole, fast, ['start', 'finish']);
    expect(anchored.median).toBeLessThan(5);
    expect(scaled.median).toBeGreaterThan(anchored.median + 10);
  });
});

// The tests above read the delta at lines the comparison is pinned to. Here one sector line is left
// out of the anchors, so the delta there comes from the telemetry alone and can be wrong: it is
// checked against the sector-time difference at that line, for every clean lap. Measured
// (2025 Mexico City Q, 106 laps per case): median 22–24 ms, worst 79–93 ms against the pole lap;
// median 23–43 ms, worst 81–103 ms against the slowest clean lap. The aim (median ≤ 20 ms,
// worst ≤ 50 ms) is not reached. Why, measured on the same laps:
// - The error is mostly the reference lap's own: the signed errors are one-sided per reference
//   (median +19, +23 ms against the pole lap at S1/S2, +21 and −42 ms against the slowest lap), i.e.
//   where the reference's integrated distance puts the line shifts every pair alike.
// - Per lap, where the line falls between its neighbours (distance start→S1 over start→S2) scatters
//   by 0.054 % (S1) and 0.089 % (S2) standard deviation, 1.8–2.6 m or 20–30 ms at the line's
//   ~300 km/h; a pair carries two such errors. Almost every lap has car-data gaps of 0.7–1.3 s (the
//   feed drops samples, positions mostly in the same places: only 22 % of those gaps hold a
//   position sample), and integrating speed across a braking point inside such a gap is off by metres.
// Tried and not taken: distance from positions (the lap's XY projected onto the reference's path:
// median 29–40 ms, worst 150–250 ms — position timestamps scatter ±70 ms); positions blended into
// the integrated distance (mixed, worst up to 317 ms); Hermite (slope-corrected) integration (−0–4 ms
// median); filling gaps with the reference lap's or the session's speed-over-distance shape (scatter
// of the line −10 %, but the pairwise medians move both ways by up to ±15 ms as the reference's own
// placement shifts); shifting car timestamps by ±150/300 ms (best +150 ms: −1 to −6 ms median, worst
// unchanged). Integrated distance between the remaining lines stays the method.
describe('lap delta at a sector line the comparison was not pinned to', () => {
  function errorAtUnpinnedLine(reference: OracleLap, line: 'sector1' | 'sector2') {
    const k = line === 'sector1' ? 0 : 1;
    const anchors = (['start', 'sector1', 'sector2', 'finish'] as const).filter((a) => a !== line);
    const others = clean.filter((l) => l !== reference);
    const errors: number[] = [];
    for (let i = 0; i < others.length; i += MAX_COMPARED_LAPS - 1) {
      const group = [reference, ...others.slice(i, i + MAX_COMPARED_LAPS - 1)];
      const c = compareLaps(session, group, { anchors });
      const at = c.referenceDistanceAt(secondsToMs(k === 0 ? reference.row.Sector1SessionTime : reference.row.Sector2SessionTime)!);
      group.forEach((lap, g) => {
        if (g === 0) return;
        expect(c.laps[g]!.anchoredAt).not.toContain(line);
        errors.push(Math.abs(interp(c.distance, c.laps[g]!.delta, at) - (lines(lap)[k]! - lines(reference)[k]!) * 1000));
      });
    }
    errors.sort((a, b) => a - b);
    return { n: errors.length, median: errors[errors.length >> 1]!, max: errors[errors.length - 1]! };
  }

  for (const line of ['sector1', 'sector2'] as const) {
    it(`${line} left out: every clean lap against the pole lap, median ≤ 30 ms, worst ≤ 100 ms`, () => {
      const r = errorAtUnpinnedLine(pole, line);
      expect(r.n).toBe(clean.length - 1);
      expect(r.median).toBeLessThanOrEqual(30);
      expect(r.max).toBeLessThanOrEqual(100);
    });
    it(`${line} left out: every clean lap against the slowest clean lap, median ≤ 50 ms, worst ≤ 120 ms`, () => {
      const r = errorAtUnpinnedLine(byTime[byTime.length - 1]!, line);
      expect(r.n).toBe(clean.length - 1);
      expect(r.median).toBeLessThanOrEqual(50);
      expect(r.max).toBeLessThanOrEqual(120);
    });
  }
});

describe('distance-aligned traces', () => {
  const five = [pole, ...['LEC', 'VER', 'HAM', 'SAI'].map((tla) => byTime.find((l) => l.driver === tla)!)];
  const c = compareLaps(session, five, { step: 2 });

  it('puts up to five laps on the reference lap\'s distance axis', () => {
    expect(c.laps).toHaveLength(5);
    expect(c.distance[0]).toBe(0);
    expect(c.distance[1]).toBe(2);
    const length = c.distance[c.distance.length - 1]!;
    expect(length).toBeGreaterThan(4304 * 0.97);
    expect(length).toBeLessThan(4304 * 1.01);
    expect(c.lineDistance('finish')).toBe(length);
    for (const t of c.laps) {
      expect(t.anchoredAt).toEqual(['start', 'sector1', 'sector2', 'finish']);
      expect(t.time[0]).toBeCloseTo(0, 6);
      expect(t.time[t.time.length - 1]).toBeCloseTo(t.lap.lapTime!, 6);
      for (let k = 1; k < t.time.length; k++) if (!(t.time[k]! >= t.time[k - 1]!)) throw new Error('time must grow along the lap');
    }
    expect(() => compareLaps(session, [...five, byTime[7]!])).toThrow(/at most 5/);
  });

  it('resamples each lap\'s channels: speeds as driven, gears as integers, positions on the track', () => {
    for (const t of c.laps) {
      const tel = session.lapTelemetry(t.lap);
      const vmax = Math.max(...tel.channels.speed!);
      const traceMax = Math.max(...t.channels.speed);
      expect(Math.abs(traceMax - vmax)).toBeLessThan(4);
      expect(t.channels.nGear.every((g) => Number.isInteger(g) && g >= 1 && g <= 8)).toBe(true);
      expect(t.channels.x.every((v) => Number.isFinite(v))).toBe(true);
    }
    // Same place on track: every lap is within a few metres of the reference at the sector lines.
    const ref = c.laps[0]!;
    for (const line of ['sector1', 'sector2'] as const) {
      const k = Math.round(c.lineDistance(line) / 2);
      for (const t of c.laps.slice(1)) {
        const gap = Math.hypot(t.channels.x[k]! - ref.channels.x[k]!, t.channels.y[k]! - ref.channels.y[k]!) / 10;
        expect(gap).toBeLessThan(25);
      }
    }
  });

  it('deltaTime is the compared lap\'s trace against the reference', () => {
    const d = deltaTime(session, pole, five[1]!);
    expect(d.delta[0]).toBeCloseTo(0, 6);
    expect(d.delta[d.delta.length - 1]).toBeCloseTo(five[1]!.lapTime! - pole.lapTime!, 6);
  });
});
