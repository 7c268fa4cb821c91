// Racecraft comparison of a few drivers: what they did with their starts, in traffic and against
// their team-mates — each figure from the clean-lap, fuel and overtake analyses, never recomputed.
import type { OvertakeAnalysis } from './overtakes.js';
import type { PreparedLaps } from './prepare.js';
import { groupBy } from './prepare.js';
import { iqr, median } from './robust.js';

export interface RacecraftInput {
  prepared: PreparedLaps;
  overtakes: OvertakeAnalysis | null;
  /** Abbreviations (or numbers where there is no abbreviation) of the drivers to compare. */
  drivers: readonly string[];
  /** Best qualifying lap (ms) per driver of the same event, when known. */
  qualifyingBestMs?: ReadonlyMap<string, number> | null;
}

export interface DriverRacecraft {
  driver: string;
  team: string | null;
  teammate: string | null;
  gridRank: number | null;
  finalRank: number | null;
  /** Places gained from the grid to the end of lap 1 (+ = gained). */
  lap1Gain: number | null;
  /** Places gained from the grid to the last timing point. */
  positionsGained: number | null;
  overtakesMade: number | null;
  overtakesSuffered: number | null;
  /** Median corrected clean lap minus the team-mate's (ms, − = faster). */
  paceVsTeammateMs: number | null;
  /** Interquartile range of the corrected clean laps (ms): lower is more consistent. */
  consistencyMs: number | null;
  cleanLaps: number;
  /** Best qualifying lap minus the team-mate's (ms, − = faster). */
  qualifyingGapToTeammateMs: number | null;
}

export function racecraft(input: RacecraftInput): DriverRacecraft[] {
  const { prepared, overtakes } = input;
  const keyOf = (l: { driver: string | null; driverNumber: string }) => l.driver ?? l.driverNumber;
  const cleanBy = groupBy(prepared.clean, keyOf);
  const teamOf = new Map(prepared.verdicts.map((v) => [keyOf(v.lap), v.lap.team]));
  const medianOf = (d: string) => {
    const laps = cleanBy.get(d);
    return laps?.length ? median(laps.map((l) => prepared.corrected.get(l)!)) : null;
  };
  const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : a - b);
  return input.drivers.map((driver) => {
    const team = teamOf.get(driver) ?? null;
    const teammate = team === null ? null : [...teamOf].find(([d, t]) => t === team && d !== driver)?.[0] ?? null;
    const stats = overtakes?.drivers.find((s) => s.driver === driver);
    const ranks = overtakes?.ranks.get(driver);
    const laps = cleanBy.get(driver) ?? [];
    return {
      driver, team, teammate,
      gridRank: stats?.startRank ?? null,
      finalRank: stats?.finalRank ?? null,
      lap1Gain: diff(ranks?.[0], ranks?.[1]),
      positionsGained: diff(stats?.startRank, stats?.finalRank),
      overtakesMade: stats?.made ?? null,
      overtakesSuffered: stats?.suffered ?? null,
      paceVsTeammateMs: teammate ? diff(medianOf(driver), medianOf(teammate)) : null,
      consistencyMs: laps.length >= 3 ? iqr(laps.map((l) => prepared.corrected.get(l)!)) : null,
      cleanLaps: laps.length,
      qualifyingGapToTeammateMs: teammate ? diff(input.qualifyingBestMs?.get(driver), input.qualifyingBestMs?.get(teammate)) : null,
    };
  });
}
