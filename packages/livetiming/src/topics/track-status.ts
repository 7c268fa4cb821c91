import type { StreamMessage } from '../stream/index.js';

/** One change of the track status. Codes: 1 clear, 2 yellow, 4 SC, 5 red, 6 VSC, 7 VSC ending. */
export interface TrackStatusChange {
  /** Session time (ms). */
  readonly time: number;
  readonly status: string;
  readonly message: string;
}

/** Every TrackStatus message is a complete status; non-object lines are skipped. */
export function parseTrackStatus(messages: readonly StreamMessage[]): TrackStatusChange[] {
  const out: TrackStatusChange[] = [];
  for (const m of messages) {
    const d = m.data as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null || Array.isArray(d)) continue;
    out.push({ time: m.time, status: str(d.Status), message: str(d.Message) });
  }
  return out;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
