// A driver's or constructor's career from their results: starts, wins, podiums, poles, fastest
// laps, titles, points and best finish. Pure: the API (routes/v1) and the tests feed it rows from
// whichever source holds them. Definitions follow the sport's published statistics:
// - a start is a race the car took the start of (Indianapolis 500 of 1950–60 included, as F1 counts
//   it); entries that did not start, did not (pre-)qualify or were withdrawn are not starts;
// - wins and podiums are classified finishes in the top 1 / 3 (a disqualified winner has none);
// - a constructor's starts, wins, poles and fastest laps count races (two cars on the podium are two
//   podiums, as published);
// - points are those each result scored (race and sprint) before dropped scores;
// - titles are seasons finished first in the championship.

export interface CareerEntry {
  /** One race weekend (same key for a constructor's cars in that race). */
  race: string;
  season: number;
  kind: 'race' | 'sprint';
  started: boolean;
  classified: boolean;
  /** Finishing place, classified or not; null without one. */
  position: number | null;
  pole: boolean;
  fastestLap: boolean;
  points: number;
}

export interface Career {
  starts: number;
  wins: number;
  podiums: number;
  poles: number;
  fastestLaps: number;
  titles: number;
  points: number;
  /** The best classified finish and how many times it was achieved. */
  bestFinish: { position: number; times: number } | null;
  seasons: number[];
}

/** Sum of points, rounded to the 1/1000 (no 0.1 + 0.2 drift; 1950s shared drives give thirds). */
export function sumPoints(values: readonly (number | null)[]): number {
  const total = values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
  return Math.round(total * 1000) / 1000;
}

/** A career from its entries; `titleSeasons` are the seasons it won the championship. */
export function computeCareer(entries: readonly CareerEntry[], titleSeasons: readonly number[], kind: 'driver' | 'constructor'): Career {
  const races = entries.filter((e) => e.kind === 'race');
  // Drivers count entries (a 1950s driver in two cars of one race has one start: the race), constructors count races.
  const distinct = (pred: (e: CareerEntry) => boolean) => new Set(races.filter(pred).map((e) => e.race)).size;
  const finishes = races.filter((e) => e.classified && e.position !== null).map((e) => e.position!);
  const best = finishes.length ? Math.min(...finishes) : null;
  const podiums =
    kind === 'constructor'
      ? races.filter((e) => e.classified && e.position !== null && e.position <= 3).length
      : distinct((e) => e.classified && e.position !== null && e.position <= 3);
  return {
    starts: distinct((e) => e.started),
    wins: distinct((e) => e.classified && e.position === 1),
    podiums,
    poles: distinct((e) => e.pole),
    fastestLaps: distinct((e) => e.fastestLap),
    titles: new Set(titleSeasons).size,
    points: sumPoints(entries.map((e) => e.points)),
    bestFinish: best === null ? null : { position: best, times: kind === 'constructor' ? finishes.filter((p) => p === best).length : distinct((e) => e.classified && e.position === best) },
    seasons: [...new Set(entries.map((e) => e.season))].sort((a, b) => a - b),
  };
}
