// Race pace ranking: each driver's median fuel-corrected clean lap, with its spread.
import { groupBy, type PreparedLaps } from './prepare.js';
import { iqr, median } from './robust.js';

export interface DriverPace {
  driverNumber: string;
  driver: string | null;
  team: string | null;
  rank: number;
  /** Median fuel-corrected clean lap (ms). */
  medianMs: number;
  /** Median of the raw clean laps (ms), for reference. */
  rawMedianMs: number;
  /** Interquartile range of the corrected clean laps (ms): consistency. */
  iqrMs: number;
  gapToBestMs: number;
  cleanLaps: number;
  totalLaps: number;
}

/** Drivers with at least `minLaps` clean laps, fastest median first. */
export function racePace(prepared: PreparedLaps, minLaps = 3): DriverPace[] {
  const totals = groupBy(prepared.verdicts, (v) => v.lap.driverNumber);
  const rows = [...groupBy(prepared.clean, (l) => l.driverNumber)]
    .filter(([, laps]) => laps.length >= minLaps)
    .map(([driverNumber, laps]) => {
      const corrected = laps.map((l) => prepared.corrected.get(l)!);
      return {
        driverNumber, driver: laps[0]!.driver, team: laps[0]!.team,
        medianMs: median(corrected), rawMedianMs: median(laps.map((l) => l.lapTime!)), iqrMs: iqr(corrected),
        cleanLaps: laps.length, totalLaps: totals.get(driverNumber)?.length ?? laps.length,
      };
    })
    .sort((a, b) => a.medianMs - b.medianMs);
  const best = rows[0]?.medianMs ?? 0;
  return rows.map((r, i) => ({ ...r, rank: i + 1, gapToBestMs: r.medianMs - best }));
}
