// Championship scoring rules (Jolpica's enumerations) and the arithmetic they imply.

/** How the season is split for best-results counting. */
export const SeasonSplit = { NONE: 0, HALF_LARGER_FRONT: 2, HALF_LARGER_BACK: 3 } as const;
/** How many rounds count per split: a positive N, or one of these. */
export const BestResults = { ALL_BUT_ONE: -2, ALL: -1, NONE: 0 } as const;
/** Who gets a championship position. */
export const Eligibility = { HAS_POINT: 1, HAS_FINISH: 2 } as const;
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
 * Championship total from points per round: rounds are split (halves) when the system says so and
 * only the best N rounds of each split count.
 * Returns null when the system counts no results (no championship of that kind that year).
 */
export function championshipPoints(
  roundPoints: ReadonlyMap<number, number>,
  split: number,
  bestResults: number,
  totalRounds: number,
): number | null {
  if (bestResults === BestResults.NONE) return null;
  const rounds = Math.max(1, totalRounds);
  let firstSplitRounds = rounds;
  let splits: number[][];
  if (split === SeasonSplit.NONE) {
    splits = [[...roundPoints.values()]];
  } else if (split === SeasonSplit.HALF_LARGER_FRONT || split === SeasonSplit.HALF_LARGER_BACK) {
    firstSplitRounds = split === SeasonSplit.HALF_LARGER_FRONT ? Math.floor((rounds + 1) / 2) : Math.floor(rounds / 2);
    splits = [[], []];
    for (const [round, points] of roundPoints) splits[round <= firstSplitRounds ? 0 : 1]!.push(points);
  } else {
    throw new Error(`unknown season split type ${split}`);
  }
  if (bestResults !== BestResults.ALL) {
    let counts: number[];
    if (bestResults === BestResults.ALL_BUT_ONE) {
      counts = split === SeasonSplit.NONE ? [rounds - 1] : [firstSplitRounds - 1, rounds - firstSplitRounds - 1];
    } else if (bestResults > 0) {
      counts = splits.map(() => bestResults);
    } else {
      throw new Error(`unknown best-results type ${bestResults}`);
    }
    splits = splits.map((points, i) => [...points].sort((a, b) => b - a).slice(0, Math.max(0, counts[i]!)));
  }
  return splits.flat().reduce((sum, p) => sum + p, 0);
}
