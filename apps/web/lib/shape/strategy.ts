// Strategy-tab layout: only the order drivers are listed in. Degradation is the API's (the
// analytics endpoint), never fitted here.
import type { SessionLap } from '../api/session-types';

/**
 * Drivers in the order a strategy chart lists them: by running position on their last lap when the
 * session has positions (races), otherwise by their best lap time (qualifying, practice).
 */
export function driverOrder(laps: readonly SessionLap[]): string[] {
  const by = new Map<string, { lap: number; pos: number | null; best: number }>();
  for (const l of laps) {
    const e = by.get(l.driver) ?? { lap: -1, pos: null, best: Infinity };
    if (l.lapNumber >= e.lap) {
      e.lap = l.lapNumber;
      e.pos = l.position;
    }
    if (l.lapTime !== null && l.deleted !== true && l.lapTime < e.best) e.best = l.lapTime;
    by.set(l.driver, e);
  }
  const raceLike = laps.some((l) => l.position !== null);
  return [...by.entries()]
    .sort(([da, a], [db, b]) =>
      raceLike
        ? // Further laps first (retirements drop back), then the position on the last lap.
          b.lap - a.lap || (a.pos ?? 999) - (b.pos ?? 999) || da.localeCompare(db)
        : a.best - b.best || da.localeCompare(db),
    )
    .map(([d]) => d);
}
