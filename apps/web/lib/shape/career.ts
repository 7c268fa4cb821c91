import type { DriverResultRow } from '../api/types';

export interface CareerPoint {
  /** Season + fractional round, so races of one year sit side by side on a time axis. */
  x: number;
  season: number;
  round: number;
  raceName: string;
  /** Finishing position when classified, null otherwise. */
  finish: number | null;
  grid: number | null;
  points: number;
  constructorId: string;
}

/** Every race of a career on one axis, for a results-over-time chart. */
export function careerTimeline(results: readonly DriverResultRow[]): CareerPoint[] {
  const roundsPerSeason = new Map<number, number>();
  for (const r of results) roundsPerSeason.set(r.season, Math.max(roundsPerSeason.get(r.season) ?? 0, r.round));
  return [...results]
    .sort((a, b) => a.season - b.season || a.round - b.round)
    .map((r) => ({
      x: r.season + (r.round - 0.5) / Math.max(roundsPerSeason.get(r.season)!, 1),
      season: r.season,
      round: r.round,
      raceName: r.raceName,
      finish: /^\d+$/.test(r.positionText) ? r.position : null,
      grid: r.grid && r.grid > 0 ? r.grid : null,
      points: r.points ?? 0,
      constructorId: r.constructor.id,
    }));
}

export interface SeasonTotals {
  season: number;
  races: number;
  wins: number;
  podiums: number;
  points: number;
  bestFinish: number | null;
}

/** Per-season totals computed from race results (used when the API has no standings for a year). */
export function seasonTotals(results: readonly DriverResultRow[]): SeasonTotals[] {
  const by = new Map<number, SeasonTotals>();
  for (const r of results) {
    let t = by.get(r.season);
    if (!t) by.set(r.season, (t = { season: r.season, races: 0, wins: 0, podiums: 0, points: 0, bestFinish: null }));
    t.races++;
    t.points += r.points ?? 0;
    const classified = /^\d+$/.test(r.positionText);
    if (classified && r.position === 1) t.wins++;
    if (classified && r.position <= 3) t.podiums++;
    if (classified && (t.bestFinish === null || r.position < t.bestFinish)) t.bestFinish = r.position;
  }
  return [...by.values()].sort((a, b) => a.season - b.season);
}
