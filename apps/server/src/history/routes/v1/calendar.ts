// Where a season stands on a given day: pure rules, so the definitions are tested without a database.
// "Today" is the server's UTC date unless a route is asked about another day.
import type { RaceState, SeasonState } from './schemas.js';

/** The current UTC date as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}


export interface SeasonProgress {
  /** rounds on the calendar that were not cancelled */
  rounds: number;
  /** of those, rounds whose Grand Prix results are loaded */
  roundsWithResults: number;
  /** of those, rounds dated before today: they should have results by now */
  roundsDue: number;
  /** the final round has standings: the champion is known */
  decided: boolean;
}

/**
 * complete: decided. upcoming: nothing run and nothing due. results_missing: a round dated before
 * today has no results, or the final round has results but no standings (the data is behind, not the
 * season). in_progress: every due round has
 * results and rounds are still ahead.
 */
export function seasonState(p: SeasonProgress): SeasonState {
  if (p.decided) return 'complete';
  if (p.roundsWithResults < p.roundsDue) return 'results_missing';
  if (p.roundsWithResults === 0) return 'upcoming';
  // every round has results yet the final one has no standings: the data is behind
  if (p.roundsWithResults >= p.rounds) return 'results_missing';
  return 'in_progress';
}

/**
 * One round on a given day: completed once its Grand Prix results are loaded; awaiting_results when
 * it is dated before today and has none (the data is behind — the same rule that makes a round
 * "due" above); upcoming on its day and after; cancelled whatever else.
 */
export function raceState(race: { date: string | null; isCancelled: boolean; hasResults: boolean }, today: string): RaceState {
  if (race.isCancelled) return 'cancelled';
  if (race.hasResults) return 'completed';
  if (race.date !== null && race.date < today) return 'awaiting_results';
  return 'upcoming';
}
