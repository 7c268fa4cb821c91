// Championship scoring rules (Jolpica's enumerations) and the arithmetic they imply.
import type { Counting } from './eras.js';

/** How the season is split for best-results counting. */
export const SeasonSplit = { NONE: 0, HALF_LARGER_FRONT: 2, HALF_LARGER_BACK: 3 } as const;
/** How many rounds count per split: a positive N, or one of these. */
export const BestResults = { ALL_BUT_ONE: -2, ALL: -1, NONE: 0 } as const;
/** Who gets a championship position (3: a point or a classified finish, as F1DB places them). */
export const Eligibility = { HAS_POINT: 1, HAS_FINISH: 2, HAS_POINT_OR_FINISH: 3 } as const;
/** How a team's cars in one session are combined. */
export const TeamPointsPerSession = { SUM: 0, BEST: 1 } as const;
/** Championship adjustments: >100 removes the entry from the classification. */
export const Adjustment = { NONE: 0, POINT_DEDUCTION: 1, DISQUALIFIED: 101, EXCLUDED: 102 } as const;

export interface ChampionshipRules {
  eligibility: number;
  driverSeasonSplit: number;
  driverBestResults: number;
  teamSeasonSplit: number;
  teamBestResults: number;
  teamPointsPerSession: number;
  /** Which results count, when known exactly (eras.ts); otherwise derived from the enumerations above. */
  driverCounting?: Counting | null;
  teamCounting?: Counting | null;
  /** Ties on points are broken by the count of each of the first N places only (else every place, then retirements). */
  countbackPlaces?: number;
}

/** The rules in force since 2002; used for seasons whose system is unknown (e.g. synced from the API). */
export const modernRules: ChampionshipRules = {
  eligibility: Eligibility.HAS_FINISH,
  driverSeasonSplit: SeasonSplit.NONE,
  driverBestResults: BestResults.ALL,
  teamSeasonSplit: SeasonSplit.NONE,
  teamBestResults: BestResults.ALL,
  teamPointsPerSession: TeamPointsPerSession.SUM,
};

export interface PointRules {
  driverPositionPoints: number;
  driverFastestLap: number;
  teamPositionPoints: number;
  teamFastestLap: number;
  /** 0 = a car shared by several drivers scores nothing; otherwise points are shared. */
  sharedDrive: number;
}

/** Points per finishing position for each of Jolpica's position scales. */
export const positionScales: Readonly<Record<number, readonly number[]>> = {
  0: [],
  1: [8, 6, 4, 3, 2],
  2: [8, 6, 4, 3, 2, 1],
  3: [9, 6, 4, 3, 2, 1],
  5: [10, 6, 4, 3, 2, 1],
  6: [10, 8, 6, 5, 4, 3, 2, 1],
  7: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],
  21: [3, 2, 1],
  22: [8, 7, 6, 5, 4, 3, 2, 1],
};

/**
 * Jolpica's enumerations as a Counting (eras.ts): halves are split by the number of rounds, the larger
 * half first or last; "all but one" drops one result per half. Null: no championship of that kind.
 */
export function countingOf(split: number, bestResults: number, totalRounds: number): Counting | null {
  if (bestResults === BestResults.NONE) return null;
  const rounds = Math.max(1, totalRounds);
  if (split === SeasonSplit.NONE) {
    if (bestResults === BestResults.ALL) return { kind: 'all' };
    if (bestResults === BestResults.ALL_BUT_ONE) return { kind: 'best', n: rounds - 1 };
    if (bestResults > 0) return { kind: 'best', n: bestResults };
    throw new Error(`unknown best-results type ${bestResults}`);
  }
  if (split !== SeasonSplit.HALF_LARGER_FRONT && split !== SeasonSplit.HALF_LARGER_BACK) throw new Error(`unknown season split type ${split}`);
  const firstRounds = split === SeasonSplit.HALF_LARGER_FRONT ? Math.floor((rounds + 1) / 2) : Math.floor(rounds / 2);
  if (bestResults === BestResults.ALL) return { kind: 'all' };
  if (bestResults === BestResults.ALL_BUT_ONE) return { kind: 'split', firstRounds, bestFirst: firstRounds - 1, bestSecond: rounds - firstRounds - 1 };
  if (bestResults > 0) return { kind: 'split', firstRounds, bestFirst: bestResults, bestSecond: bestResults };
  throw new Error(`unknown best-results type ${bestResults}`);
}

/** Championship total from points per round: only the results the counting rule keeps. */
export function countedPoints(roundPoints: ReadonlyMap<number, number>, counting: Counting): number {
  const bestOf = (points: number[], n: number) => [...points].sort((a, b) => b - a).slice(0, Math.max(0, n));
  let kept: number[];
  if (counting.kind === 'all') kept = [...roundPoints.values()];
  else if (counting.kind === 'best') kept = bestOf([...roundPoints.values()], counting.n);
  else {
    const first: number[] = [];
    const second: number[] = [];
    for (const [round, points] of roundPoints) (round <= counting.firstRounds ? first : second).push(points);
    kept = [...bestOf(first, counting.bestFirst), ...bestOf(second, counting.bestSecond)];
  }
  // Rounded to the 1/1,000,000 so shared drives (thirds, sevenths) do not drift.
  return Math.round(kept.reduce((sum, p) => sum + p, 0) * 1e6) / 1e6;
}
