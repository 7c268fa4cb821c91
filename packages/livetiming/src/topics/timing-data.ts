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
 * patch changes nothing in the laps: leaving it out is exact).
 */
export function lapTimingOf(time: number, data: Obj): LapTimingPatch | null {
  const sectors = isPlainObj(data.Sectors) ? data.Sectors : undefined;
  const speeds = isObj(data.Speeds) ? data.Speeds : undefined;
  const blt = data.BestLapTimes;
  const p: LapTimingPatch = {
    time,
    numberOfLaps: data.NumberOfLaps,
    hasInPit: 'InPit' in data,
    inPit: data.InPit,
    position: data.Position,
    gapToLeader: data.GapToLeader,
    interval: valueOf(data.IntervalToPositionAhead),
    lastLapTime: valueOf(data.LastLapTime),
    bestLapTime: valueOf(data.BestLapTime),
    sector1: sectors && valueOf(sectors['0']),
    sector2: sectors && valueOf(sectors['1']),
    sector3: sectors && valueOf(sectors['2']),
    speedI1: speeds && valueOf(speeds.I1),
    speedI2: speeds && valueOf(speeds.I2),
    speedFL: speeds && valueOf(speeds.FL),
    speedST: speeds && valueOf(speeds.ST),
    bestLapTimesKey: isPlainObj(blt) ? Object.keys(blt)[0] : undefined,
  };
  return p.numberOfLaps === undefined && !p.hasInPit && p.position === undefined && p.gapToLeader === undefined
    && p.interval === undefined && p.lastLapTime === undefined && p.bestLapTime === undefined
    && p.sector1 === undefined && p.sector2 === undefined && p.sector3 === undefined
    && p.speedI1 === undefined && p.speedI2 === undefined && p.speedFL === undefined && p.speedST === undefined
    && p.bestLapTimesKey === undefined ? null : p;
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
