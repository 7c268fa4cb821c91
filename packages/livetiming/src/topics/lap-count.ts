import type { StreamMessage } from '../stream/index.js';

export interface LapCountUpdate {
  readonly time: number;
  readonly totalLaps: number | null;
  readonly currentLap: number | null;
}

export function parseLapCount(messages: readonly StreamMessage[]): LapCountUpdate[] {
  return messages.map((m) => {
    const d = (m.data ?? {}) as Record<string, unknown>;
    return { time: m.time, totalLaps: toInt(d.TotalLaps), currentLap: toInt(d.CurrentLap) };
  });
}

/** The originally scheduled race distance: the first TotalLaps sent. */
export function scheduledLaps(updates: readonly LapCountUpdate[]): number | null {
  for (const u of updates) if (u.totalLaps !== null) return u.totalLaps;
  return null;
}

function toInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v);
  return null;
}
