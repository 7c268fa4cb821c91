// Durations as Jolpica's Ergast surface prints them, computed from integer milliseconds.

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Integer milliseconds of a duration given in microseconds. */
export function microsToMillis(micros: number): number {
  return Math.round(micros / 1000);
}

/** A lap, qualifying or pit-stop time: '1:07.012', '59.123', '1:02:03.456'. */
export function formatLapTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const frac = pad(ms % 1000, 3);
  if (h) return `${h}:${pad(m, 2)}:${pad(s, 2)}.${frac}`;
  if (m) return `${m}:${pad(s, 2)}.${frac}`;
  return `${s}.${frac}`;
}

/** A race time as printed for the winner: '1:25:33.607' (same shape as a lap time). */
export const formatRaceTime = formatLapTime;

/** A gap to the winner: '+17.188', '+1:19.767', '+1:02:03.456'. */
export function formatGap(ms: number): string {
  return `+${formatLapTime(ms)}`;
}

/** Time.time of a result: the winner's race time, otherwise the gap to it. */
export function formatResultTime(ms: number, winnerMs: number | null): string {
  if (winnerMs === null || ms === winnerMs) return formatRaceTime(ms);
  return formatGap(ms - winnerMs);
}
