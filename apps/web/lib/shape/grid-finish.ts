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
