import type { LapTime, PitStop, RaceResult } from '../api/types';

/** Series over laps, ready for uPlot: x is the lap number, one y array per driver. */
export interface LapSeries {
  laps: number[];
  series: { driverId: string; values: (number | null)[] }[];
}

function byDriver(laps: readonly LapTime[]): Map<string, Map<number, LapTime>> {
  const out = new Map<string, Map<number, LapTime>>();
  for (const l of laps) {
    let m = out.get(l.driverId);
    if (!m) out.set(l.driverId, (m = new Map()));
    m.set(l.lap, l);
  }
  return out;
}

/**
 * Position on every lap per driver — the classic lap chart. Lap 0 is the starting grid (from the
 * results; pit-lane starters are placed behind the grid) so the first-lap moves are visible.
 * Drivers are ordered by finishing position.
 */
export function positionsByLap(laps: readonly LapTime[], results: readonly RaceResult[] = []): LapSeries {
  const perDriver = byDriver(laps);
  const maxLap = laps.reduce((m, l) => Math.max(m, l.lap), 0);
  const lapAxis = Array.from({ length: maxLap + 1 }, (_, i) => i);
  const order = orderDrivers([...perDriver.keys()], results);
  const grid = startingOrder(results);
  const series = order.map((driverId) => {
    const m = perDriver.get(driverId)!;
    const values = lapAxis.map((lap) => (lap === 0 ? (grid.get(driverId) ?? null) : (m.get(lap)?.position ?? null)));
    return { driverId, values };
  });
  return { laps: lapAxis, series };
}

/** Grid slots as positions: grid 0 means a pit-lane start, which counts as behind every grid slot. */
export function startingOrder(results: readonly RaceResult[]): Map<string, number> {
  const starters = results.filter((r) => r.grid !== null);
  const sorted = [...starters].sort((a, b) => gridKey(a.grid!) - gridKey(b.grid!) || a.position - b.position);
  return new Map(sorted.map((r, i) => [r.driver.id, i + 1]));
}

function gridKey(grid: number): number {
  return grid === 0 ? 1000 : grid;
}

function orderDrivers(ids: string[], results: readonly RaceResult[]): string[] {
  const finish = new Map(results.map((r) => [r.driver.id, r.position]));
  return ids.sort((a, b) => (finish.get(a) ?? 999) - (finish.get(b) ?? 999) || a.localeCompare(b));
}

export interface LapTimeOptions {
  /** Hide laps slower than this factor of the driver's median lap (pit laps, safety car). */
  outlierFactor?: number | null;
  /** Hide in- and out-laps of pit stops. */
  hidePitLaps?: boolean;
}

/** Lap times in seconds per driver, with pit and slow laps optionally removed (null = gap in the line). */
export function lapTimesByLap(
  laps: readonly LapTime[],
  pitStops: readonly PitStop[] = [],
  results: readonly RaceResult[] = [],
  { outlierFactor = 1.07, hidePitLaps = true }: LapTimeOptions = {},
): LapSeries {
  const perDriver = byDriver(laps);
  const maxLap = laps.reduce((m, l) => Math.max(m, l.lap), 0);
  const lapAxis = Array.from({ length: maxLap }, (_, i) => i + 1);
  const pitLaps = pitLapSet(pitStops);
  const series = orderDrivers([...perDriver.keys()], results).map((driverId) => {
    const m = perDriver.get(driverId)!;
    const times = [...m.values()].map((l) => l.timeMillis).filter((t): t is number => t !== null);
    const limit = outlierFactor ? median(times) * outlierFactor : Infinity;
    const values = lapAxis.map((lap) => {
      const t = m.get(lap)?.timeMillis ?? null;
      if (t === null) return null;
      if (hidePitLaps && (pitLaps.has(`${driverId}:${lap}`) || lap === 1)) return null;
      if (t > limit) return null;
      return t / 1000;
    });
    return { driverId, values };
  });
  return { laps: lapAxis, series };
}

/** `driver:lap` keys of in-laps and out-laps. */
export function pitLapSet(pitStops: readonly PitStop[]): Set<string> {
  const s = new Set<string>();
  for (const p of pitStops) {
    s.add(`${p.driverId}:${p.lap}`);
    s.add(`${p.driverId}:${p.lap + 1}`);
  }
  return s;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
