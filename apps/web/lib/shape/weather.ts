import type { SessionLap } from '../api/session-types';
import { nearestIndex } from './telemetry';

/**
 * Lap times (s) on the weather samples' time axis: each timed lap goes to the sample nearest its
 * start, keeping the quickest when several fall on one sample (weather comes once a minute).
 */
export function alignLapsToTime(times: readonly number[], laps: readonly SessionLap[]): (number | null)[] {
  const out: (number | null)[] = times.map(() => null);
  if (times.length === 0) return out;
  for (const l of laps) {
    if (l.lapTime === null || l.lapStartTime === null || l.deleted === true) continue;
    if (l.lapStartTime < times[0]! - 60_000 || l.lapStartTime > times[times.length - 1]! + 60_000) continue;
    const i = nearestIndex(times, l.lapStartTime);
    const s = l.lapTime / 1000;
    if (out[i] === null || s < out[i]!) out[i] = s;
  }
  return out;
}
