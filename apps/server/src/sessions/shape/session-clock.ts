// The session clock: UTC of session time zero (t0), so race-control messages (stamped in UTC) sit on
// the session-time axis that laps and track status use. The engine fixes t0 from car and position
// data; archives without them (older seasons, some sessions) still have track status on the session
// clock and messages in UTC, and the two report the same events — that agreement gives t0.
import type { RaceControlMessage, TrackStatusChange } from '@apexdata/livetiming';

/** Where a session's t0 comes from: the engine (car data), track status ↔ messages, or the green light. */
export const CLOCK_SOURCES = ['archive', 'track-status', 'green-light'] as const;
export type ClockSource = (typeof CLOCK_SOURCES)[number];

export interface SessionClock {
  /** UTC (epoch ms) of session time zero. */
  t0: number;
  source: ClockSource;
}

const text = (m: RaceControlMessage) => (m.message ?? '').toUpperCase();

/** Which messages announce each track status change (the two feeds report the same events). */
const ANNOUNCES: Record<string, (m: RaceControlMessage) => boolean> = {
  '1': (m) => m.flag === 'CLEAR' || m.flag === 'GREEN',
  '2': (m) => m.flag === 'YELLOW' || m.flag === 'DOUBLE YELLOW',
  '4': (m) => m.category === 'SafetyCar' && text(m).startsWith('SAFETY CAR DEPLOYED'),
  '5': (m) => m.flag === 'RED',
  '6': (m) => text(m).startsWith('VIRTUAL SAFETY CAR DEPLOYED'),
  '7': (m) => text(m).startsWith('VIRTUAL SAFETY CAR ENDING'),
};

export interface T0Estimate {
  /** UTC (epoch ms) of session time zero. */
  t0: number;
  /** How many track status changes agree with it. */
  support: number;
}

/**
 * t0 from track status and messages: every pairing of a status change with a message announcing
 * the same kind of event proposes an offset (message UTC − change time); the offset most changes
 * agree on within `tolerance` wins. Messages carry whole seconds and trail the status by a moment,
 * so agreement is looser than a millisecond clock. Null when fewer than `minSupport` changes agree:
 * one pairing alone proves nothing.
 */
export function estimateT0(changes: readonly TrackStatusChange[], messages: readonly RaceControlMessage[], { tolerance = 3000, minSupport = 2 } = {}): T0Estimate | null {
  const votes: { offset: number; change: number }[] = [];
  changes.forEach((c, i) => {
    const announces = c.status ? ANNOUNCES[c.status] : undefined;
    if (c.time === null || !announces) return;
    for (const m of messages) {
      if (Number.isFinite(m.date) && announces(m)) votes.push({ offset: m.date - c.time, change: i });
    }
  });
  votes.sort((a, b) => a.offset - b.offset);
  // Sliding window over the sorted offsets, counting distinct changes inside it.
  const inWindow = new Map<number, number>();
  let best = { support: 0, lo: 0, hi: 0 };
  let lo = 0;
  for (let hi = 0; hi < votes.length; hi++) {
    inWindow.set(votes[hi]!.change, (inWindow.get(votes[hi]!.change) ?? 0) + 1);
    while (votes[hi]!.offset - votes[lo]!.offset > tolerance) {
      const c = votes[lo]!.change;
      const n = inWindow.get(c)! - 1;
      if (n) inWindow.set(c, n);
      else inWindow.delete(c);
      lo++;
    }
    if (inWindow.size > best.support) best = { support: inWindow.size, lo, hi };
  }
  if (best.support < minSupport) return null;
  const window = votes.slice(best.lo, best.hi + 1).map((v) => v.offset);
  return { t0: window[window.length >> 1]!, support: best.support };
}

/**
 * t0 from the best source at hand: the engine's (fixed by car data), else agreement between track
 * status and messages, else — outside races — the green light that opens the session at its start
 * (in races the pit exit opens long before the start). Null when none applies.
 */
export function sessionClock({ t0, sessionStartTime, raceLike, changes, messages }: {
  t0: number | null;
  sessionStartTime: number | null;
  raceLike: boolean;
  changes: readonly TrackStatusChange[];
  messages: readonly RaceControlMessage[];
}): SessionClock | null {
  if (t0 !== null && Number.isFinite(t0)) return { t0, source: 'archive' };
  const estimate = estimateT0(changes, messages);
  if (estimate) return { t0: estimate.t0, source: 'track-status' };
  if (raceLike || sessionStartTime === null) return null;
  const green = messages.find((m) => m.flag === 'GREEN' && m.scope === 'Track' && Number.isFinite(m.date));
  return green ? { t0: green.date - sessionStartTime, source: 'green-light' } : null;
}

/** A race-control message with its session time (ms; null without a clock). */
export type TimedMessage = RaceControlMessage & { readonly time: number | null };

/** Messages on the session clock. */
export function onSessionClock(messages: readonly RaceControlMessage[], clock: SessionClock | null): TimedMessage[] {
  return messages.map((m) => ({ ...m, time: clock && Number.isFinite(m.date) ? m.date - clock.t0 : null }));
}
