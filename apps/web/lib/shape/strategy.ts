import type { SessionLap } from '../api/session-types';

export interface Fit {
  /** ms of lap time per lap of tyre age. */
  slope: number;
  intercept: number;
  n: number;
  r2: number | null;
}

/** Least-squares line through (x, y); null with fewer than three points or no spread in x. */
export function linearFit(points: readonly { x: number; y: number }[]): Fit | null {
  const n = points.length;
  if (n < 3) return null;
  let sx = 0, sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0, sxy = 0, syy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, n, r2: syy === 0 ? null : (sxy * sxy) / (sxx * syy) };
}

/** A lap representative of tyre pace: the API's isClean (timed, accurate, standing, no pit in/out, green only). */
export function isRepresentative(l: SessionLap): boolean {
  return l.isClean;
}

export interface StintDegradation {
  driver: string;
  stint: number;
  compound: string | null;
  points: { tyreLife: number; lapTime: number; lapNumber: number }[];
  fit: Fit | null;
}

/**
 * Tyre age against lap time for every stint, with a fitted slope (degradation in ms per lap).
 * Laps slower than 107% of the stint's best are dropped before fitting (traffic, mistakes).
 */
export function stintDegradation(laps: readonly SessionLap[]): StintDegradation[] {
  const groups = new Map<string, SessionLap[]>();
  for (const l of laps) {
    if (l.stint === null || l.tyreLife === null || !isRepresentative(l)) continue;
    const key = `${l.driver}\u0000${l.stint}`;
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  const out: StintDegradation[] = [];
  for (const g of groups.values()) {
    const best = Math.min(...g.map((l) => l.lapTime!));
    const kept = g.filter((l) => l.lapTime! <= best * 1.07).sort((a, b) => a.lapNumber - b.lapNumber);
    const first = kept[0] ?? g[0]!;
    out.push({
      driver: first.driver,
      stint: first.stint!,
      compound: first.compound,
      points: kept.map((l) => ({ tyreLife: l.tyreLife!, lapTime: l.lapTime!, lapNumber: l.lapNumber })),
      fit: linearFit(kept.map((l) => ({ x: l.tyreLife!, y: l.lapTime! }))),
    });
  }
  return out.sort((a, b) => a.driver.localeCompare(b.driver) || a.stint - b.stint);
}

/**
 * Drivers in the order a strategy chart lists them: by running position on their last lap when the
 * session has positions (races), otherwise by their best lap time (qualifying, practice).
 */
export function driverOrder(laps: readonly SessionLap[]): string[] {
  const by = new Map<string, { lap: number; pos: number | null; best: number }>();
  for (const l of laps) {
    const e = by.get(l.driver) ?? { lap: -1, pos: null, best: Infinity };
    if (l.lapNumber >= e.lap) {
      e.lap = l.lapNumber;
      e.pos = l.position;
    }
    if (l.lapTime !== null && l.deleted !== true && l.lapTime < e.best) e.best = l.lapTime;
    by.set(l.driver, e);
  }
  const raceLike = laps.some((l) => l.position !== null);
  return [...by.entries()]
    .sort(([da, a], [db, b]) =>
      raceLike
        ? // Further laps first (retirements drop back), then the position on the last lap.
          b.lap - a.lap || (a.pos ?? 999) - (b.pos ?? 999) || da.localeCompare(db)
        : a.best - b.best || da.localeCompare(db),
    )
    .map(([d]) => d);
}
