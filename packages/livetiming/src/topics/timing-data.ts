import type { StreamMessage } from '../stream/index.js';

/** A driver's raw TimingData patch (`Lines[n]`) at a session time. Not cloned: treat as read-only. */
export interface DriverPatch {
  readonly time: number;
  readonly data: Record<string, unknown>;
}

/**
 * Splits TimingData into per-driver patch sequences, in feed order. Patches are referenced, not
 * copied, so this stays one cheap pass over the stream.
 */
export function timingDataByDriver(messages: readonly StreamMessage[]): Map<string, DriverPatch[]> {
  const out = new Map<string, DriverPatch[]>();
  for (const m of messages) {
    const lines = (m.data as { Lines?: unknown } | null)?.Lines;
    if (!lines || typeof lines !== 'object' || Array.isArray(lines)) continue;
    for (const drv in lines as Record<string, unknown>) {
      const patch = (lines as Record<string, unknown>)[drv];
      if (!patch || typeof patch !== 'object' || Array.isArray(patch)) continue;
      let list = out.get(drv);
      if (!list) out.set(drv, (list = []));
      list.push({ time: m.time, data: patch as Record<string, unknown> });
    }
  }
  return out;
}

/**
 * What the laps builder reads of one driver's TimingData patch, as sent (undefined: not sent):
 * a small record of fixed shape instead of the patch, whose segment colours, stats and flags (most
 * of the feed) the laps never use. See {@link lapTimingOf}.
 */
export interface LapTimingPatch {
  readonly time: number;
  readonly numberOfLaps: unknown;
  /** Whether the patch has an InPit key (its value may still be anything). */
  readonly hasInPit: boolean;
  readonly inPit: unknown;
  readonly position: unknown;
  readonly gapToLeader: unknown;
  /** IntervalToPositionAhead.Value */
  readonly interval: unknown;
  /** LastLapTime.Value */
  readonly lastLapTime: unknown;
  /** BestLapTime.Value */
  readonly bestLapTime: unknown;
  /** Sectors["0" | "1" | "2"].Value, when Sectors is an object (not the first snapshot's list). */
  readonly sector1: unknown;
  readonly sector2: unknown;
  readonly sector3: unknown;
  /** Speeds.{I1, I2, FL, ST}.Value */
  readonly speedI1: unknown;
  readonly speedI2: unknown;
  readonly speedFL: unknown;
  readonly speedST: unknown;
  /** The first key of BestLapTimes when it is an object (the (sub)session the best is for). */
  readonly bestLapTimesKey: string | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const isPlainObj = (v: unknown): v is Obj => isObj(v) && !Array.isArray(v);
/** `patch[a].Value`, undefined when `patch[a]` is not an object. */
const valueOf = (v: unknown): unknown => (isObj(v) ? v.Value : undefined);

/**
 * The laps builder's part of a patch at `time` (ms), or null when the patch has none of it (such a
 * patch changes nothing in the laps: leaving it out is exact). `data` is plain data (as from JSON).
 *
 * The patch's own keys are walked once instead of each field being looked up: patches come in
 * hundreds of shapes, and a lookup of a field a patch lacks (most of them: a typical patch holds one
 * segment colour) is a megamorphic miss.
 */
export function lapTimingOf(time: number, data: Obj): LapTimingPatch | null {
  let numberOfLaps: unknown;
  let hasInPit = false;
  let inPit: unknown;
  let position: unknown;
  let gapToLeader: unknown;
  let interval: unknown;
  let lastLapTime: unknown;
  let bestLapTime: unknown;
  let sector1: unknown;
  let sector2: unknown;
  let sector3: unknown;
  let speedI1: unknown;
  let speedI2: unknown;
  let speedFL: unknown;
  let speedST: unknown;
  let bestLapTimesKey: string | undefined;
  for (const key in data) {
    const v = data[key];
    switch (key) {
      case 'NumberOfLaps': numberOfLaps = v; break;
      case 'InPit': hasInPit = true; inPit = v; break;
      case 'Position': position = v; break;
      case 'GapToLeader': gapToLeader = v; break;
      case 'IntervalToPositionAhead': interval = valueOf(v); break;
      case 'LastLapTime': lastLapTime = valueOf(v); break;
      case 'BestLapTime': bestLapTime = valueOf(v); break;
      case 'Sectors':
        // a list (the session's first snapshot) is not read
        if (isPlainObj(v)) { sector1 = valueOf(v['0']); sector2 = valueOf(v['1']); sector3 = valueOf(v['2']); }
        break;
      case 'Speeds':
        if (isObj(v)) { speedI1 = valueOf(v.I1); speedI2 = valueOf(v.I2); speedFL = valueOf(v.FL); speedST = valueOf(v.ST); }
        break;
      case 'BestLapTimes':
        if (isPlainObj(v)) bestLapTimesKey = Object.keys(v)[0];
        break;
    }
  }
  if (numberOfLaps === undefined && !hasInPit && position === undefined && gapToLeader === undefined && interval === undefined
    && lastLapTime === undefined && bestLapTime === undefined && sector1 === undefined && sector2 === undefined && sector3 === undefined
    && speedI1 === undefined && speedI2 === undefined && speedFL === undefined && speedST === undefined && bestLapTimesKey === undefined) return null;
  return {
    time, numberOfLaps, hasInPit, inPit, position, gapToLeader, interval, lastLapTime, bestLapTime,
    sector1, sector2, sector3, speedI1, speedI2, speedFL, speedST, bestLapTimesKey,
  };
}

/**
 * TimingData reduced to what the laps need, message by message, so that it can be fed as the
 * stream is read: the parsed messages then die young instead of all being kept until the laps are
 * built (~5 MiB on a qualifying, which V8 answers by growing its young generation for good).
 */
export class LapTimingCollector {
  /** Per racing number, in the order timingDataByDriver meets them (first object patch). */
  readonly byDriver = new Map<string, LapTimingPatch[]>();
  /** Every key of `Lines` (racing numbers), whatever its patch. */
  readonly numbers = new Set<string>();

  add(time: number, data: unknown): void {
    const lines = isObj(data) ? data.Lines : undefined;
    if (!isPlainObj(lines)) return;
    for (const drv in lines) {
      this.numbers.add(drv);
      const patch = lines[drv];
      if (!isPlainObj(patch)) continue;
      let list = this.byDriver.get(drv);
      if (list === undefined) this.byDriver.set(drv, (list = []));
      const p = lapTimingOf(time, patch);
      if (p !== null) list.push(p);
    }
  }
}

/** {@link LapTimingCollector} of decoded messages. */
export function lapTimingByDriver(messages: readonly StreamMessage[]): LapTimingCollector {
  const c = new LapTimingCollector();
  for (const m of messages) c.add(m.time, m.data);
  return c;
}
