import type { StreamMessage } from '../stream/index.js';

export type SessionStatusValue = 'Inactive' | 'Started' | 'Aborted' | 'Finished' | 'Finalised' | 'Ends' | string;

export interface SessionStatusChange {
  /** Session time (ms). */
  readonly time: number;
  readonly status: SessionStatusValue;
}

/** Lines without a `Status` are ignored (the feed sends other keys on this topic too). */
export function parseSessionStatus(messages: readonly StreamMessage[]): SessionStatusChange[] {
  const out: SessionStatusChange[] = [];
  for (const m of messages) {
    const d = m.data as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null || Array.isArray(d) || !('Status' in d)) continue;
    out.push({ time: m.time, status: String(d.Status) });
  }
  return out;
}

/** Session time of the first "Started": the race start in race-like sessions; null if never started. */
export function sessionStartTime(changes: readonly SessionStatusChange[]): number | null {
  for (const c of changes) if (c.status === 'Started') return c.time;
  return null;
}
