// Tyre information per lap from TimingAppData stint messages: clean up the messages of one driver,
// then take, for each lap, the last message at or before the lap's end.
import type { StintMessage } from '../topics/timing-app-data.js';

/** A stint as used for laps (times in µs, like the lap columns). */
export interface TyreState {
  time: number;
  stint: number;
  compound: string | null;
  startLaps: number | null;
  new: boolean | null;
}

export interface TyreFixReport {
  /** The stint counter jumped more than once between two pit entries and was clamped. */
  stintCounterFixed: boolean;
}

export const isTyreMessage = (m: StintMessage) => m.compound !== null || m.startLaps !== null || m.new !== null;

const ONE_DAY_US = 86_400_000_000;

/**
 * Cleans one driver's stint messages that carry a compound (the others are lap counters):
 * 1. race-like sessions: several stints sent together at the first timestamp (a delayed feed at
 *    the start) are re-timed to just after the start of their own stint, the stint brackets being
 *    delimited by the ends of the in-laps;
 * 2. a stint counter that advances more than once between two pit entries is clamped;
 * 3. later partial corrections of a stint are merged field by field into its first message, keeping
 *    that first message's time (the pit stop).
 */
export function fixStints(
  messages: readonly TyreState[],
  inLapEnds: readonly number[],
  raceLike: boolean,
  report: TyreFixReport = { stintCounterFixed: false },
): TyreState[] {
  if (messages.length === 0) return [];
  let msgs = messages.map((m) => ({ ...m }));
  const brackets = [0, ...inLapEnds, ONE_DAY_US];

  if (raceLike) {
    const first = msgs[0]!.time;
    const bunched = msgs.filter((m) => m.time === first);
    if (bunched.length > 1) {
      for (const m of bunched) {
        if (m.stint < brackets.length) m.time = brackets[m.stint]! + 1000;
      }
    }
  }
  msgs = stableSortByTime(msgs);

  // bracket index of a time: number of in-lap ends at or before it
  const bracketOf = (t: number) => {
    let b = 0;
    while (b < inLapEnds.length && inLapEnds[b]! <= t) b++;
    return b;
  };
  // corrections may re-send an earlier stint: compare against the highest stint reached so far
  let maxStint = -1;
  let maxBracket = 0;
  for (const m of msgs) {
    const b = bracketOf(m.time);
    if (maxStint >= 0) {
      const allowed = maxStint + (b - maxBracket);
      if (m.stint > allowed) {
        m.stint = allowed;
        report.stintCounterFixed = true;
      }
    }
    if (m.stint > maxStint) {
      maxStint = m.stint;
      maxBracket = b;
    }
  }

  const byStint = new Map<number, TyreState>();
  for (const m of msgs) {
    const cur = byStint.get(m.stint);
    if (!cur) { byStint.set(m.stint, m); continue; }
    if (m.compound !== null) cur.compound = m.compound;
    if (m.startLaps !== null) cur.startLaps = m.startLaps;
    if (m.new !== null) cur.new = m.new;
  }
  return [...byStint.values()];
}

function stableSortByTime<T extends { time: number }>(a: T[]): T[] {
  return a.map((v, i) => [v, i] as const).sort((x, y) => x[0].time - y[0].time || x[1] - y[1]).map((x) => x[0]);
}

/** For each lap end time, the last tyre state at or before it (states sorted by time); null if none. */
export function asofTyres(lapEnds: readonly number[], states: readonly TyreState[]): (TyreState | null)[] {
  const sorted = stableSortByTime([...states]);
  return lapEnds.map((t) => {
    if (Number.isNaN(t)) return null;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.time <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? sorted[lo - 1]! : null;
  });
}

/**
 * The stint messages that say something about the tyre set (compound, age when fitted, new); the
 * others only count laps. A message with only some of these is a correction of its stint.
 */
export function tyreStatesOf(messages: readonly StintMessage[]): TyreState[] {
  return messages.filter(isTyreMessage).map((m) => ({
    time: m.time * 1000, stint: m.stint, compound: m.compound, startLaps: m.startLaps, new: m.new,
  }));
}
