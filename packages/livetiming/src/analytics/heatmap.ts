// Driver × lap heatmap: each lap's time against the session's best clean lap, with the laps that
// are not comparable (pit, safety car, lap 1 …) marked rather than hidden.
import type { PreparedLaps } from './prepare.js';
import type { ExclusionReason } from './clean-laps.js';

export interface HeatmapRow {
  driverNumber: string;
  driver: string | null;
  team: string | null;
  /** One cell per lap number 1..lastLap: null where the driver has no lap. */
  cells: (HeatmapCell | null)[];
}

export interface HeatmapCell {
  lapTimeMs: number | null;
  /** lapTime − the session's best clean lap (ms). */
  deltaMs: number | null;
  clean: boolean;
  reasons: readonly ExclusionReason[];
}

export interface LapHeatmap {
  bestCleanLapMs: number | null;
  lastLap: number;
  rows: HeatmapRow[];
}

export function lapHeatmap(prepared: PreparedLaps): LapHeatmap {
  const best = prepared.clean.reduce<number | null>((m, l) => (m === null || l.lapTime! < m ? l.lapTime! : m), null);
  const lastLap = prepared.verdicts.reduce((m, v) => Math.max(m, v.lap.lapNumber), 0);
  const rows = new Map<string, HeatmapRow>();
  for (const v of prepared.verdicts) {
    const l = v.lap;
    let row = rows.get(l.driverNumber);
    if (!row) {
      row = { driverNumber: l.driverNumber, driver: l.driver, team: l.team, cells: new Array(lastLap).fill(null) };
      rows.set(l.driverNumber, row);
    }
    row.cells[l.lapNumber - 1] = {
      lapTimeMs: l.lapTime,
      deltaMs: l.lapTime !== null && best !== null ? l.lapTime - best : null,
      clean: v.clean,
      reasons: v.reasons,
    };
  }
  return { bestCleanLapMs: best, lastLap, rows: [...rows.values()] };
}
