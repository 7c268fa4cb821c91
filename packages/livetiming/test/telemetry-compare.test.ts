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
// checked against the sector-time difference at that line, for every clean lap (2025 Mexico City Q,
// 106 laps per case). Measured, |error| median / worst (signed median):
//   pole lap as reference:     S1 left out 22.5 / 78.6 ms (+19), S2 left out 24.1 / 92.6 ms (+23)
//   slowest lap as reference:  S1 left out 23.0 / 81.2 ms (+21), S2 left out 42.8 / 103.3 ms (−42)
// The aim (median ≤ 20 ms, worst ≤ 50 ms) is not reached, and cannot be with the feed's
// channels: what the error is made of, measured on the same laps (issue 12, two rounds):
// - Each lap places the left-out line with its own error: distance start→S1 over start→S2 (S1→S2
//   over S1→finish) scatters by 1.82 m (2.09 m) standard deviation, worst 5.3 m (5.8 m) — 22–25 ms at
//   the lines' ~300 km/h. It is random per lap: not per driver, not correlated with lap time or
//   speed at the line, S1 and S2 errors correlated −0.43 (they share the S1→S2 stretch: integration
//   noise per stretch, not a per-lap clock offset, which would correlate them positively).
// - A pair carries both laps' errors. The reference's is the same for every pair, hence one-sided
//   medians (pole lap +1.5/+1.8 m, slowest lap +1.7/−3.5 m). No axis or consensus can remove it: the
//   delta between two laps at a place depends only on where each lap puts that place. Even against a
//   perfect reference (the session's median split as truth), the single-lap error is median 12.5 /
//   15.5 ms, worst 61 / 71 ms at S1 / S2, so worst ≤ 50 ms would need new information per lap.
// - Car-data gaps add to it but are not the floor: laps with 0 / 1 / 2+ gaps > 0.5 s across a
//   speed change > 30 km/h scatter 1.67 / 1.74 / 2.55 m (S1), 1.77 / 2.36 / 2.76 m (S2); the gap-free
//   laps alone still reach 79 / 82 / 81 / 83 ms worst against the same references.
// Ideas measured, none taken (per-lap scatter S1 / S2 in m; pairwise as above, 4 cases):
// - Landmarks (second round): the next corner's apex (speed minimum) lies 5.6 m MAD from the line
//   across laps, the braking point (speed falling through 150…300 km/h) 4.5–5.7 m — drivers differ
//   more than integration does. Warping through them as extra pins: apexes (parabola vertex) median
//   52–114 ms, worst 226–300 ms; braking points (40 km/h below the top) median 40–56, worst 134–421.
// - Session consensus: warping every lap (the reference too) onto session-median line/landmark
//   distances changes the axis, not the pairwise delta (see above); landmarks are too scattered to
//   fit a lap's error through, and a consensus of the left-out line itself would use the answer.
// - Positions (both rounds): the lap's XY projected onto the reference's path (median 29–40 ms, worst
//   150–250 ms); position residuals against integrated distance, robust (kernel median over ±100–
//   800 m, lower quantile, mode) as a correction of the line placement: scatter 1.82 → 1.9–3.7,
//   2.09 → 1.7–4.1; fused into the distance, pairwise median 13–61 ms, worst 70–206 ms. Against the
//   integrated distance, positions step by 1.5–6 m through braking zones, differently per lap, so
//   they carry no placement information at the metre level (nor do those inside car-data gaps).
//   Path length from the lateral offset (∫ curvature × offset from the reference path): corrections
//   up to 2 m per lap, scatter 1.82 → 1.80, 2.09 → 2.08.
// - Integration: Hermite (−0–4 ms median); distance between samples as the integral of the linear
//   speed (consistent with the trapezoid; 1.79 / 2.07; pairwise −1 ms pole, +4/+10 ms slowest);
//   speed from rpm in steady gears ≥ 6 (1 rpm is ~35× finer than 1 km/h; 1.85 / 2.08); gap filling
//   with the reference's or the session's speed-over-distance shape (scatter −10 %, pairwise medians
//   ±15 ms as the reference moves).
// - Time base: car samples lie on a 40 ms grid (intervals 160–480 ms, gaps up to 1.24 s); lap and
//   sector session times are consistent to the ms. Shifting car times by −40…+300 ms: medians −6…+2
//   ms, worst −3…+19 ms. Even an oracle per-lap time offset (fitted to both lines: std 185 ms)
//   leaves 1.48 / 1.37 m. Speed offset ±0.5/1 km/h or a ±0.5 % speed² scale: the one-sided medians
//   move both ways, no gain.
// The reference tool on the same check (bench/delta.bench.mjs, FastF1 3.9.0.dev56's own telemetry
// with its last released delta_time, which pins nothing and scales whole laps): pole S1 103.8 /
// 296.7 ms, S2 32.3 / 144.2; slowest S1 35.6 / 196.6, S2 41.6 / 159.8. Our engine scaling whole laps
// (anchors start+finish): 38.3 / 124.8, 39.2 / 134.9, 14.0 / 82.3, 44.0 / 116.5.
// Bounds below: the measured figures (deterministic) with ~7 ms margin for future data.
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
    it(`${line} left out: every clean lap against the slowest clean lap, median ≤ 50 ms, worst ≤ 110 ms`, () => {
      const r = errorAtUnpinnedLine(byTime[byTime.length - 1]!, line);
      expect(r.n).toBe(clean.length - 1);
      expect(r.median).toBeLessThanOrEqual(50);
      expect(r.max).toBeLessThanOrEqual(110);
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
