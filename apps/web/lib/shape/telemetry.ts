import type { Comparison, SessionLap } from '../api/session-types';

/** Index of the sample nearest to `x` in an ascending array (binary search). */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo]! - x) <= Math.abs(xs[hi]! - x) ? lo : hi;
}

/**
 * The default comparison: the fastest lap of each of the `n` quickest drivers, as `driver:fastest`
 * picks the API resolves (its fastest lap is the engine's pickFastest: the driver's quickest
 * personal best, so deleted laps never count). Drivers are ranked by their personal bests.
 */
export function defaultLapPicks(laps: readonly SessionLap[], n = 3): LapPick[] {
  const best = new Map<string, number>();
  for (const l of laps) {
    if (!l.isPersonalBest || l.lapTime === null) continue;
    if (l.lapTime < (best.get(l.driver) ?? Infinity)) best.set(l.driver, l.lapTime);
  }
  return [...best.entries()].sort((a, b) => a[1] - b[1]).slice(0, n).map(([driver]) => ({ driver, lap: 'fastest' }));
}

/**
 * Laps to compare, as the URL and the API's compare endpoint write them (`VER:12,HAM:fastest`).
 * The web only formats them: the API parses the list (one grammar, one parser) and answers with the
 * laps it resolved, which is what the page shows as chosen.
 */
export interface LapPick {
  driver: string;
  lap: number | 'fastest';
}

export function formatLapPicks(picks: readonly LapPick[]): string {
  return picks.map((p) => `${p.driver}:${p.lap}`).join(',');
}

/** The laps a comparison resolved, as picks. */
export function resolvedPicks(c: Pick<Comparison, 'laps'> | undefined): LapPick[] {
  return (c?.laps ?? []).map((l) => ({ driver: l.driver, lap: l.lapNumber }));
}

export interface MiniSectors {
  /** Boundaries in metres: n+1 values. */
  edges: number[];
  /** Index into comparison.laps of the fastest lap through each mini-sector (null if unknown). */
  fastest: (number | null)[];
}

/**
 * Split the lap into `n` equal-distance mini-sectors and find, for each, the lap that spent the
 * least time in it — from the elapsed-time trace, so no speed integration error creeps in.
 */
export function miniSectorFastest(c: Pick<Comparison, 'distance' | 'time'>, n = 25): MiniSectors {
  const total = c.distance[c.distance.length - 1] ?? 0;
  const edges = Array.from({ length: n + 1 }, (_, i) => (total * i) / n);
  const idx = edges.map((d) => nearestIndex(c.distance, d));
  const fastest: (number | null)[] = [];
  for (let k = 0; k < n; k++) {
    let best: number | null = null;
    let bestT = Infinity;
    c.time.forEach((t, lap) => {
      const a = t[idx[k]!];
      const b = t[idx[k + 1]!];
      if (a === null || a === undefined || b === null || b === undefined) return;
      if (b - a < bestT) {
        bestT = b - a;
        best = lap;
      }
    });
    fastest.push(best);
  }
  return { edges, fastest };
}

/** Colour ramp for speed on the track map: slow = blue/purple, fast = yellow/red. */
export function speedColor(speed: number, min: number, max: number): string {
  const t = max > min ? Math.min(1, Math.max(0, (speed - min) / (max - min))) : 0.5;
  // Four stops across the ramp, interpolated in RGB.
  const stops: [number, number, number][] = [
    [68, 1, 84],
    [49, 104, 142],
    [53, 183, 121],
    [253, 231, 37],
  ];
  const p = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(p));
  const f = p - i;
  const [a, b] = [stops[i]!, stops[i + 1]!];
  const c = a.map((v, k) => Math.round(v + (b[k]! - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export interface LapFilter {
  drivers: string[];
  compound: string | null;
  accurateOnly: boolean;
  hideDeleted: boolean;
  /** The API's isQuick: within 107% of the session's fastest lap (the engine's pickQuickLaps). */
  quickOnly: boolean;
  personalBestOnly: boolean;
}

export const NO_FILTER: LapFilter = { drivers: [], compound: null, accurateOnly: false, hideDeleted: false, quickOnly: false, personalBestOnly: false };

/** The laps table's filters, on the flags the API computes (no rule of the engine is repeated here). */
export function filterLaps(laps: readonly SessionLap[], f: LapFilter): SessionLap[] {
  return laps.filter(
    (l) =>
      (f.drivers.length === 0 || f.drivers.includes(l.driver)) &&
      (f.compound === null || l.compound === f.compound) &&
      (!f.accurateOnly || l.isAccurate) &&
      (!f.hideDeleted || l.deleted !== true) &&
      (!f.quickOnly || l.isQuick) &&
      (!f.personalBestOnly || l.isPersonalBest),
  );
}

/** Zoom a [min, max] window by `factor` (<1 zooms in) keeping `at` fixed, clamped to [lo, hi]. */
export function zoomAround(min: number, max: number, at: number, factor: number, lo: number, hi: number): [number, number] {
  const span = Math.min(hi - lo, Math.max(10, (max - min) * factor));
  const f = max > min ? (at - min) / (max - min) : 0.5;
  let a = at - span * f;
  let b = a + span;
  if (a < lo) [a, b] = [lo, lo + span];
  if (b > hi) [a, b] = [hi - span, hi];
  return [a, b];
}

/** Shift a window by a fraction of its width, clamped to [lo, hi]. */
export function panBy(min: number, max: number, fraction: number, lo: number, hi: number): [number, number] {
  const span = max - min;
  let a = min + span * fraction;
  a = Math.max(lo, Math.min(hi - span, a));
  return [a, a + span];
}

/** Runs of equal colour along a polyline, as SVG point lists (each run shares its end point). */
export function colourRuns(colors: readonly string[], xs: readonly number[], ys: readonly number[]): { start: number; color: string; points: string }[] {
  const out: { start: number; color: string; points: string }[] = [];
  let i = 0;
  while (i < colors.length) {
    let j = i;
    while (j + 1 < colors.length && colors[j + 1] === colors[i]) j++;
    const pts: string[] = [];
    for (let k = i; k <= j + 1 && k < xs.length; k++) pts.push(`${xs[k]},${ys[k]}`);
    out.push({ start: i, color: colors[i]!, points: pts.join(' ') });
    i = j + 1;
  }
  return out;
}
