import type { RaceSummary, SeasonSummary } from '../api/types';

/**
 * Which seasons the home page shows: the newest season on the calendar (for the next race) and the
 * newest season with results (for the latest race and the standings). They differ when the database
 * holds a schedule for a season without results yet.
 */
export function pickHomeSeasons(seasons: readonly SeasonSummary[]): { calendarYear: number | null; resultsYear: number | null } {
  const sorted = [...seasons].sort((a, b) => b.year - a.year);
  return {
    calendarYear: sorted.find((s) => s.rounds > 0)?.year ?? null,
    resultsYear: sorted.find((s) => s.driverChampion !== null)?.year ?? null,
  };
}

/** The last race with a winner. */
export function latestRace(races: readonly RaceSummary[]): RaceSummary | null {
  return [...races].reverse().find((r) => r.winner) ?? null;
}

/** The first race on or after `today` (YYYY-MM-DD, UTC) that has no result yet. */
export function nextRace(races: readonly RaceSummary[], today: string): RaceSummary | null {
  return races.find((r) => !r.winner && r.date !== null && r.date >= today) ?? null;
}
