// Races: the lap-end timestamps of different drivers come with different latencies. The leader's
// "GapToLeader" string ("LAP n") and everyone's gap let us shift each driver's lap ends so that the
// time gaps between cars match the gaps the timing system reported (which cannot be early).
import type { DriverGapSamples, RawDriverLaps } from './driver-laps.js';
import { parseDurationMicros } from './time.js';

/**
 * Shifts whole drivers' lap-end times in place. Returns false when no alignment was possible (then
 * nothing is changed): no gap data, every usable lap has a pit entry, or a gap is unreadable.
 */
export function alignLaps(drivers: readonly RawDriverLaps[], gaps: ReadonlyMap<string, DriverGapSamples>): boolean {
  let anyGap = false;
  for (const g of gaps.values()) if (g.gapToLeader.some((x) => x !== null)) { anyGap = true; break; }
  if (!anyGap || drivers.length === 0) return false;

  let maxOffset = Infinity;
  for (const d of drivers) {
    let mx = -Infinity;
    for (const n of d.lapNumber) if (n > mx) mx = n;
    maxOffset = Math.min(maxOffset, mx);
  }
  maxOffset -= 1;

  const expected = new Map<string, number | null>();
  let leader: RawDriverLaps | null = null;
  let offset = -1;
  while (leader === null) {
    offset += 1;
    if (offset >= maxOffset) return false;
    // laps with a pit entry cannot be used to align
    const pitted = drivers.some((d) => d.lapNumber.some((n, i) => n === offset + 1 && !Number.isNaN(d.pitInTime[i]!)));
    if (pitted) continue;
    for (const d of drivers) {
      const lapEnd = d.time[offset];
      const g = gaps.get(d.driver);
      if (lapEnd === undefined || !g || g.time.length === 0) { expected.set(d.driver, null); continue; }
      const gap = nearestGap(g, lapEnd);
      if (gap === null) return false; // FastF1 fails the whole alignment on a missing gap string
      if (gap.includes('LAP')) leader = d;
      else {
        const v = parseDurationMicros(gap);
        if (Number.isNaN(v)) return false;
        expected.set(d.driver, v);
      }
    }
  }

  const leaderTime = leader.time[offset]!;
  const delta = new Map<string, number>();
  let maxDelta: number | null = null;
  for (const [drv, exp] of expected) {
    if (exp === null) continue;
    const d = drivers.find((x) => x.driver === drv)!;
    const dlt = exp - (d.time[offset]! - leaderTime);
    delta.set(drv, dlt);
    if (maxDelta === null || dlt > maxDelta) maxDelta = dlt;
  }
  if (maxDelta === null) return false;
  if (maxDelta > 0) maxDelta = 0;
  const shift = (d: RawDriverLaps, by: number) => { d.time = d.time.map((t) => t - by); };
  shift(leader, maxDelta);
  for (const [drv, dlt] of delta) {
    shift(drivers.find((x) => x.driver === drv)!, maxDelta - dlt);
  }
  return true;
}

function nearestGap(g: DriverGapSamples, t: number): string | null {
  let best = -1;
  let bestDiff = Infinity;
  for (let i = 0; i < g.time.length; i++) {
    const diff = Math.abs(g.time[i]! - t);
    if (diff < bestDiff) { bestDiff = diff; best = i; }
  }
  return best < 0 ? null : g.gapToLeader[best]!;
}
