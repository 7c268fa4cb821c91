// An immutable collection of laps with FastF1's selection helpers. Every pick returns a new
// collection; laps themselves are frozen plain objects. Lap and sector times are never altered by
// any of this: picks only select.
import type { SessionStatusChange } from '../topics/session-status.js';
import type { Lap, SessionKind } from './types.js';

export interface LapsContext {
  readonly kind: SessionKind;
  /** Q1/Q2/Q3 start times (ms) from the timing data; 86 400 000 = part never started. */
  readonly splitTimes: readonly number[];
  readonly sessionStatus: readonly SessionStatusChange[];
}

/** The 107% rule. */
export const QUICKLAP_THRESHOLD = 1.07;

export type TrackStatusMatch = 'equals' | 'contains' | 'excludes' | 'any' | 'none';

export class Laps implements Iterable<Lap> {
  readonly laps: readonly Lap[];
  readonly context: LapsContext;

  constructor(laps: readonly Lap[], context: LapsContext) {
    this.laps = Object.freeze(laps.map((l) => (Object.isFrozen(l) ? l : Object.freeze(l))));
    this.context = context;
  }

  get length(): number { return this.laps.length; }
  [Symbol.iterator](): Iterator<Lap> { return this.laps[Symbol.iterator](); }
  at(i: number): Lap | undefined { return this.laps.at(i); }
  toArray(): Lap[] { return [...this.laps]; }

  filter(pred: (lap: Lap) => boolean): Laps { return new Laps(this.laps.filter(pred), this.context); }

  /** Laps of drivers given by number ("44", 44) or abbreviation ("HAM"), mixed. */
  pickDrivers(ids: string | number | readonly (string | number)[]): Laps {
    const list = Array.isArray(ids) ? ids : [ids];
    const numbers = new Set(list.map(String).filter((s) => /^\d+$/.test(s)));
    const names = new Set(list.map(String).filter((s) => !/^\d+$/.test(s)).map((s) => s.toUpperCase()));
    return this.filter((l) => numbers.has(l.driverNumber) || (l.driver !== null && names.has(l.driver)));
  }

  pickTeams(names: string | readonly string[]): Laps {
    const set = new Set(typeof names === 'string' ? [names] : names);
    return this.filter((l) => l.team !== null && set.has(l.team));
  }

  pickLaps(numbers: number | readonly number[]): Laps {
    const list = typeof numbers === 'number' ? [numbers] : numbers;
    for (const n of list) if (!Number.isInteger(n)) throw new RangeError(`invalid lap number ${n}`);
    const set = new Set(list);
    return this.filter((l) => set.has(l.lapNumber));
  }

  /**
   * The fastest lap among personal bests (a fastest lap that is no PB was not counted, e.g. deleted),
   * or simply by time with `onlyByTime`. null when there is none. Ties: the first in order.
   */
  pickFastest(onlyByTime = false): Lap | null {
    let best: Lap | null = null;
    for (const l of this.laps) {
      if (!onlyByTime && !l.isPersonalBest) continue;
      if (l.lapTime === null) continue;
      if (best === null || l.lapTime < best.lapTime!) best = l;
    }
    return best;
  }

  /** Laps faster than `threshold` × the fastest lap time in this collection (107% by default). */
  pickQuickLaps(threshold = QUICKLAP_THRESHOLD): Laps {
    let min = Infinity;
    for (const l of this.laps) if (l.lapTime !== null && l.lapTime < min) min = l.lapTime;
    const limit = min * threshold;
    return this.filter((l) => l.lapTime !== null && l.lapTime < limit);
  }

  /** Laps on one or several compounds ("SOFT", "MEDIUM", …; case-insensitive). */
  pickTyre(compounds: string | readonly string[]): Laps {
    const set = new Set((typeof compounds === 'string' ? [compounds] : compounds).map((c) => c.toUpperCase()));
    return this.filter((l) => l.compound !== null && set.has(l.compound));
  }
  pickCompounds(compounds: string | readonly string[]): Laps { return this.pickTyre(compounds); }

  /**
   * By track status: `equals` the exact code string, `contains` the substring, `excludes` it, `any` of
   * the given codes, or `none` of them.
   */
  pickTrackStatus(status: string, how: TrackStatusMatch = 'equals'): Laps {
    const codes = [...status];
    switch (how) {
      case 'equals': return this.filter((l) => l.trackStatus === status);
      case 'contains': return this.filter((l) => l.trackStatus.includes(status));
      case 'excludes': return this.filter((l) => !l.trackStatus.includes(status));
      case 'any': return this.filter((l) => codes.some((c) => l.trackStatus.includes(c)));
      case 'none': return this.filter((l) => !codes.some((c) => l.trackStatus.includes(c)));
      default: throw new RangeError(`invalid track status match '${how as string}'`);
    }
  }

  /** Laps that are neither in-laps nor out-laps. */
  pickWoPitInOut(): Laps { return this.filter((l) => l.pitInTime === null && l.pitOutTime === null); }

  /** In-laps, out-laps or both. */
  pickBoxLaps(which: 'in' | 'out' | 'both' = 'both'): Laps {
    if (which === 'in') return this.filter((l) => l.pitInTime !== null);
    if (which === 'out') return this.filter((l) => l.pitOutTime !== null);
    return this.filter((l) => l.pitInTime !== null || l.pitOutTime !== null);
  }

  pickAccurate(): Laps { return this.filter((l) => l.isAccurate); }

  /** Laps whose time was not deleted. Throws when deletions are unknown (no race-control messages). */
  pickNotDeleted(): Laps {
    if (this.laps.some((l) => l.deleted === null)) throw new Error('deleted laps are unknown: race-control messages were not available');
    return this.filter((l) => !l.deleted);
  }

  /**
   * Q1, Q2, Q3 of a qualifying-like session, by lap start (an out-lap started before a split that
   * ends after it belongs to the next part). null for a part that has no laps.
   */
  splitQualifyingSessions(): [Laps | null, Laps | null, Laps | null] {
    if (this.context.kind !== 'qualifying') throw new Error('not a qualifying session');
    const status = this.context.sessionStatus;
    if (status.length === 0) throw new Error('session status is unavailable');
    const split = qualifyingSplitTimes(this.context);
    split.push(status[status.length - 1]!.time);
    const out: [Laps | null, Laps | null, Laps | null] = [null, null, null];
    for (let i = 0; i < split.length - 1 && i < 3; i++) {
      const from = split[i]!;
      const to = split[i + 1]!;
      const part = this.filter((l) => l.lapStartTime !== null && l.lapStartTime > from && l.lapStartTime < to);
      out[i] = part.length ? part : null;
    }
    return out;
  }
}

/**
 * Start times of the qualifying parts: from the timing data when known, otherwise each "Started"
 * of the session status except the restart after a red flag.
 */
export function qualifyingSplitTimes(ctx: LapsContext): number[] {
  if (ctx.splitTimes.length) return [...ctx.splitTimes];
  const out: number[] = [];
  let suspended = false;
  for (const s of ctx.sessionStatus) {
    if (s.status === 'Started') { if (!suspended) out.push(s.time); else suspended = false; }
    else if (s.status === 'Aborted') suspended = true;
    else if (s.status === 'Finished') suspended = false;
  }
  return out;
}
