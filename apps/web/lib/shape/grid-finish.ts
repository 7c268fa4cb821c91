import type { RaceResult } from '../api/types';

export interface GridFinishRow {
  result: RaceResult;
  /** Grid slot; null for a pit-lane start or a non-starter. */
  grid: number | null;
  pitLaneStart: boolean;
  finish: number;
  classified: boolean;
  /** Places gained (positive) or lost; null when it cannot be said (no grid, not classified). */
  gained: number | null;
}

/** Grid against finish for every car, in finishing order. */
export function gridVsFinish(results: readonly RaceResult[]): GridFinishRow[] {
  return [...results]
    .sort((a, b) => a.position - b.position)
    .map((r) => {
      const classified = /^\d+$/.test(r.positionText);
      const pitLaneStart = r.grid === 0;
      const grid = r.grid && r.grid > 0 ? r.grid : null;
      return {
        result: r,
        grid,
        pitLaneStart,
        finish: r.position,
        classified,
        gained: classified && grid !== null ? grid - r.position : null,
      };
    });
}

/** The biggest mover of the race (ties: the better finisher). */
export function biggestGainer(rows: readonly GridFinishRow[]): GridFinishRow | null {
  let best: GridFinishRow | null = null;
  for (const r of rows) if (r.gained !== null && (best === null || r.gained > best.gained!)) best = r;
  return best && best.gained! > 0 ? best : null;
}

/**
 * What the time column shows, as on a timing screen: the winner's time, the gap for cars on the
 * lead lap, `+N Laps` for lapped cars (Jolpica's time for them is the gap at their last lap, which
 * reads as if they were seconds behind), and the status for the rest.
 */
export function resultTimeText(r: RaceResult, leaderLaps: number | null): string {
  const classified = /^\d+$/.test(r.positionText);
  if (classified && leaderLaps !== null && r.laps !== null && r.laps < leaderLaps) {
    const n = leaderLaps - r.laps;
    return `+${n} Lap${n > 1 ? 's' : ''}`;
  }
  if (classified && r.timeText) return r.timeText;
  return r.status ?? (classified ? '' : r.positionText);
}
