// Races: lap-end timestamps of different drivers arrive with different latencies. The gaps the
// timing system reports (GapToLeader, the leader showing "LAP n") are the reference: each driver is
// aligned on its own first clean lap (no pit entry or exit), relative to that lap's leader (whose
// own correction is carried along), then everyone is shifted so that no lap ends later than the
// data allows — a lap can be received late, never early.
import type { DriverGapSamples, RawDriverLaps } from './driver-laps.js';
import { parseDurationMicros } from './time.js';

export interface AlignResult {
  /** Shift applied (µs, ≤ 0) per driver number. */
  readonly shifts: ReadonlyMap<string, number>;
  /** Drivers that could not be aligned (lapped on their reference lap, no leader, no gap data). */
  readonly unaligned: readonly string[];
}

/** Shifts drivers' lap-end times in place; returns null when there is no gap data at all. */
export function alignLaps(drivers: readonly RawDriverLaps[], gaps: ReadonlyMap<string, DriverGapSamples>): AlignResult | null {
  let anyGap = false;
  for (const g of gaps.values()) if (g.gapToLeader.some((x) => x !== null)) { anyGap = true; break; }
  if (!anyGap || drivers.length === 0) return null;

  const byNumber = new Map(drivers.map((d) => [d.driver, d]));
  const gapAt = (d: RawDriverLaps, i: number) => {
    const g = gaps.get(d.driver);
    const t = d.time[i];
    return g && t !== undefined && !Number.isNaN(t) ? nearestGap(g, t) : null;
  };
  // the leader of lap n: whoever showed "LAP …" when completing lap n (earliest if ambiguous)
  const leaderCache = new Map<number, { d: RawDriverLaps; i: number } | null>();
  const leaderOf = (lap: number) => {
    if (leaderCache.has(lap)) return leaderCache.get(lap)!;
    let best: { d: RawDriverLaps; i: number } | null = null;
    for (const d of drivers) {
      const i = d.lapNumber.indexOf(lap);
      if (i < 0) continue;
      const gap = gapAt(d, i);
      if (gap !== null && isLeaderGap(gap) && (best === null || d.time[i]! < best.d.time[best.i]!)) best = { d, i };
    }
    leaderCache.set(lap, best);
    return best;
  };

  const delta = new Map<string, number | null>();
  const resolving = new Set<string>();
  const deltaOf = (drv: string): number | null => {
    if (delta.has(drv)) return delta.get(drv)!;
    if (resolving.has(drv)) return null;
    resolving.add(drv);
    const d = byNumber.get(drv)!;
    let result: number | null = null;
    for (let i = 0; i < d.time.length; i++) {
      if (!Number.isNaN(d.pitInTime[i]!) || !Number.isNaN(d.pitOutTime[i]!) || Number.isNaN(d.time[i]!)) continue;
      const leader = leaderOf(d.lapNumber[i]!);
      if (!leader) continue;
      const gap = gapAt(d, i);
      if (gap === null) continue;
      if (leader.d === d) { result = 0; break; }
      if (isLapped(gap)) break; // a lapped car's gap says nothing about time
      const expected = parseDurationMicros(gap);
      if (Number.isNaN(expected)) break;
      const leaderDelta = deltaOf(leader.d.driver);
      if (leaderDelta === null) break;
      result = expected - (d.time[i]! - leader.d.time[leader.i]!) + leaderDelta;
      break;
    }
    resolving.delete(drv);
    delta.set(drv, result);
    return result;
  };

  let max = -Infinity;
  for (const d of drivers) {
    const v = deltaOf(d.driver);
    if (v !== null && v > max) max = v;
  }
  const shifts = new Map<string, number>();
  const unaligned: string[] = [];
  for (const d of drivers) {
    const v = delta.get(d.driver) ?? null;
    if (v === null) { unaligned.push(d.driver); continue; }
    const shift = v - max;
    shifts.set(d.driver, shift);
    d.time = d.time.map((t) => t + shift);
  }
  return { shifts, unaligned };
}

const isLeaderGap = (gap: string) => gap.trimStart().startsWith('LAP');
const isLapped = (gap: string) => /L/i.test(gap);

function nearestGap(g: DriverGapSamples, t: number): string | null {
  let best = -1;
  let bestDiff = Infinity;
  for (let i = 0; i < g.time.length; i++) {
    const diff = Math.abs(g.time[i]! - t);
    if (diff < bestDiff) { bestDiff = diff; best = i; }
  }
  return best < 0 ? null : g.gapToLeader[best]!;
}
