// The session clock (UTC of session time zero) on recorded sessions built by the engine: the
// engine's t0 where car data fixes it, else the agreement of track status and race-control
// messages, else the green light outside races. Checked against the engine's own t0 (Mexico City)
// and against the feed's own lap numbers (the leader's lap each message carries).
import { describe, expect, it } from 'vitest';
import type { Lap, Session } from '@apexdata/livetiming';
import { estimateT0, onSessionClock, sessionClock } from '../../src/sessions/shape/session-clock.js';
import { BAKU_2018_R, engineSession, MEXICO_2025_Q } from './api-fixtures.js';

const MIAMI_2025_S = '2025/2025-05-04_Miami_Grand_Prix/2025-05-03_Sprint/';

function clockOf(s: Session, t0: number | null = s.t0) {
  return sessionClock({ t0, sessionStartTime: s.sessionStartTime, raceLike: s.kind === 'race', changes: s.trackStatus ?? [], messages: s.raceControl ?? [] });
}

/** When the leader began each lap: the earliest start of every lap number, in time order. */
function leaderStarts(laps: readonly Lap[]): { lap: number; start: number }[] {
  const first = new Map<number, number>();
  for (const l of laps) if (l.lapStartTime !== null && !(l.lapStartTime >= (first.get(l.lapNumber) ?? Infinity))) first.set(l.lapNumber, l.lapStartTime);
  const out: { lap: number; start: number }[] = [];
  for (const [lap, start] of [...first].sort(([a], [b]) => a - b)) if (!out.length || start >= out[out.length - 1]!.start) out.push({ lap, start });
  return out;
}

describe('the session clock', () => {
  it('is the engine’s t0 where car data fixed it (Mexico City 2025 qualifying)', async () => {
    const mexico = await engineSession(MEXICO_2025_Q);
    expect(mexico.t0).not.toBeNull();
    expect(clockOf(mexico)).toEqual({ t0: mexico.t0, source: 'archive' });
    const timed = onSessionClock(mexico.raceControl ?? [], clockOf(mexico));
    for (const m of timed) expect(m.time).toBe(m.date - mexico.t0!);
  });

  it('does not trust a single pairing of track status and message, and falls back to the green light within a second outside races', async () => {
    const mexico = await engineSession(MEXICO_2025_Q);
    expect(estimateT0(mexico.trackStatus ?? [], mexico.raceControl ?? [])).toBeNull();
    expect(estimateT0(mexico.trackStatus ?? [], mexico.raceControl ?? [], { minSupport: 1 })).not.toBeNull();
    const green = clockOf(mexico, null)!;
    expect(green.source).toBe('green-light');
    expect(Math.abs(green.t0 - mexico.t0!)).toBeLessThan(1000);
    // In a race the pit exit opens long before the start: no green-light guess there.
    expect(sessionClock({ t0: null, sessionStartTime: mexico.sessionStartTime, raceLike: true, changes: mexico.trackStatus ?? [], messages: mexico.raceControl ?? [] })).toBeNull();
  });

  for (const [name, path] of [['Baku 2018 race', BAKU_2018_R], ['Miami 2025 sprint', MIAMI_2025_S]] as const) {
    it(`puts each message on the leader’s lap the feed gives it (${name}, estimated from track status)`, async () => {
      const s = await engineSession(path);
      const clock = clockOf(s, null);
      expect(clock?.source).toBe('track-status');
      const leader = leaderStarts(s.laps!.toArray());
      const last = leader[leader.length - 1]!.start;
      const lapAt = (t: number) => [...leader].reverse().find((l) => l.start <= t)?.lap ?? null;
      const inRace = onSessionClock(s.raceControl ?? [], clock).filter((m) => m.time! >= leader[0]!.start && m.time! < last && m.lap !== null);
      expect(inRace.length).toBeGreaterThan(25);
      for (const m of inRace) expect(lapAt(m.time!), m.message ?? '').toBe(m.lap);
    });
  }
});
