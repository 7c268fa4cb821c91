// `/{season}/next` and `/{season}/last` follow the calendar, not which rounds have results: a race
// whose results are late (or never imported) has still been run, and a future race with a stray
// result row has not. Pure: the handler passes the season's schedule and the request's clock.

export interface ScheduledRound {
  round: number;
  /** Race day, 'YYYY-MM-DD' (UTC); null when the calendar does not know it yet. */
  date: string | null;
  /** Race start, 'HH:MM:SS' UTC, when known. */
  time: string | null;
  isCancelled: boolean;
}

/**
 * When a race counts as run: at its start when the start time is known, otherwise once its day is
 * over (UTC), so a race on today's date without a known start is still "next".
 */
export function raceStart(r: Pick<ScheduledRound, 'date' | 'time'>): number | null {
  if (r.date === null) return null;
  if (r.time !== null) {
    const t = Date.parse(`${r.date}T${r.time.replace(/Z$/, '')}Z`);
    if (!Number.isNaN(t)) return t;
  }
  return Date.parse(`${r.date}T00:00:00Z`) + 24 * 3_600_000;
}

export type NextLast =
  | { kind: 'round'; round: number }
  /** no such race in this season: the first round of the next one (next) or the final round of the previous one (last) */
  | { kind: 'next-season' }
  | { kind: 'previous-season' };

/** The next race not yet run, or the last one run, of a season's schedule at `now`. Cancelled rounds are skipped. */
export function pickNextLast(schedule: readonly ScheduledRound[], which: 'next' | 'last', now: Date): NextLast {
  const rounds = schedule.filter((r) => !r.isCancelled).sort((a, b) => a.round - b.round);
  const t = now.getTime();
  // A round without a date is in the future: it is on the calendar but not yet dated.
  const run = (r: ScheduledRound) => {
    const start = raceStart(r);
    return start !== null && start <= t;
  };
  if (which === 'next') {
    const next = rounds.find((r) => !run(r));
    return next ? { kind: 'round', round: next.round } : { kind: 'next-season' };
  }
  const done = rounds.filter(run);
  const last = done[done.length - 1];
  return last ? { kind: 'round', round: last.round } : { kind: 'previous-season' };
}

/** The final round of a season's schedule (cancelled rounds skipped), for `last` across a season boundary. */
export function finalRound(schedule: readonly ScheduledRound[]): number | undefined {
  const rounds = schedule.filter((r) => !r.isCancelled).map((r) => r.round);
  return rounds.length ? Math.max(...rounds) : undefined;
}
