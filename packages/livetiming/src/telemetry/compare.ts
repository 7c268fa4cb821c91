// Lap comparison on a common distance axis, and the time delta between laps.
//
// FastF1 dropped its delta_time because scaling one lap's integrated Distance onto another's is
// inaccurate: speed × time drifts by tens of metres per lap and differently in every lap. What is
// exact in the feed are the lap and sector times (transponder loops), so the timing lines anchor the
// alignment here: each lap's distance is mapped piecewise-linearly onto the reference lap so that
// its start line, sector 1 and sector 2 lines and finish line land on the reference's, at the
// times the sector times give. Between the lines the telemetry shapes the trace. Distance is
// integrated with the trapezoid rule, which stays accurate over the samples the feed drops (up
// to ~1.2 s here); FastF1's right-endpoint sum does not.
import { interp } from './interpolate.js';
import type { SessionTelemetry } from './session-telemetry.js';
import type { Telemetry, TelemetryLap } from './telemetry.js';

export const MAX_COMPARED_LAPS = 5;

/** A lap with the timing that anchors it (ms; null/undefined when unknown). The engine's Lap fits. */
export interface ComparableLap extends TelemetryLap {
  readonly lapTime?: number | null;
  readonly sector1Time?: number | null;
  readonly sector2Time?: number | null;
  readonly sector3Time?: number | null;
}

/** Channels resampled onto the common axis. */
export const TRACE_CHANNELS = ['speed', 'rpm', 'throttle', 'nGear', 'drs', 'brake', 'x', 'y', 'z'] as const;
export type TraceChannel = (typeof TRACE_CHANNELS)[number];
const STEPPED = new Set<TraceChannel>(['nGear', 'drs', 'brake']);

/** The timing lines: lap start, sector 1 and sector 2 ends, lap end. */
export type TimingLine = 'start' | 'sector1' | 'sector2' | 'finish';
const LINES: readonly TimingLine[] = ['start', 'sector1', 'sector2', 'finish'];

export interface LapComparisonOptions {
  /** Spacing of the common distance axis in metres (default 1). */
  step?: number;
  /** Index of the reference lap in the list (default 0). */
  reference?: number;
  /**
   * Timing lines used as anchors (default all four). With ['start', 'finish'] only, the laps are
   * scaled as a whole — the approach FastF1 abandoned; kept to measure what the anchors buy.
   */
  anchors?: readonly TimingLine[];
}

export interface LapTrace {
  readonly lap: ComparableLap;
  /** Milliseconds since the lap's start line, at each axis distance. */
  readonly time: Float64Array;
  /** time − reference time (ms); positive = behind the reference at that point. */
  readonly delta: Float64Array;
  /** Timing lines this lap was pinned to (those known for it and for the reference). */
  readonly anchoredAt: readonly TimingLine[];
  /** Channels at each axis distance: linear for continuous ones, last value for gear/DRS/brake. */
  readonly channels: Readonly<Record<TraceChannel, Float64Array>>;
}

export interface LapComparison {
  /** Metres along the reference lap from its start line: 0, step, 2·step, …, its full length. */
  readonly distance: Float64Array;
  readonly reference: number;
  readonly laps: readonly LapTrace[];
  /** Axis distance of the reference lap at a session time (ms), e.g. at a sector crossing. */
  referenceDistanceAt(sessionTime: number): number;
  /** Axis distance of a timing line (NaN when the reference lap lacks that line's timing). */
  lineDistance(line: TimingLine): number;
}

interface Prepared {
  lap: ComparableLap;
  car: Telemetry;
  /** Trapezoid-integrated distance of every car sample (m, from the window start). */
  dist: Float64Array;
  /** Session time (ms) of each timing line, NaN when unknown. */
  lineTimes: Float64Array;
}

const known = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Distance-aligned traces of up to five laps (any drivers) and each lap's time delta to the
 * reference lap.
 */
export function compareLaps(session: SessionTelemetry, laps: readonly ComparableLap[], options: LapComparisonOptions = {}): LapComparison {
  const { step = 1, reference = 0, anchors = LINES } = options;
  if (laps.length === 0) throw new Error('no lap to compare');
  if (laps.length > MAX_COMPARED_LAPS) throw new Error(`at most ${MAX_COMPARED_LAPS} laps can be compared, got ${laps.length}`);
  if (!(reference >= 0 && reference < laps.length)) throw new RangeError(`reference ${reference} is not one of the ${laps.length} laps`);
  if (!(step > 0)) throw new RangeError('step must be positive');

  const prepared = laps.map((lap) => prepare(session, lap));
  const ref = prepared[reference]!;
  const refStartDist = interp(ref.car.sessionTime, ref.dist, ref.lineTimes[0]!);
  const refLineAxis = Float64Array.from(ref.lineTimes, (t) => (Number.isNaN(t) ? NaN : interp(ref.car.sessionTime, ref.dist, t) - refStartDist));
  const lapLength = known(refLineAxis[3]) ? refLineAxis[3] : interp(ref.car.sessionTime, ref.dist, ref.lap.time ?? NaN) - refStartDist;
  if (!(lapLength > 0)) throw new Error('the reference lap has no distance');

  const distance = axis(lapLength, step);
  const placed = prepared.map((p, i) => {
    const used = LINES.filter((line, k) => anchors.includes(line) && !Number.isNaN(p.lineTimes[k]!) && !Number.isNaN(refLineAxis[k]!));
    const axisOf = i === reference ? ((d: number) => d - refStartDist) : lineMap(p, used, refLineAxis);
    const sampleAxis = Float64Array.from(p.dist, axisOf);
    for (let k = 1; k < sampleAxis.length; k++) if (sampleAxis[k]! < sampleAxis[k - 1]!) sampleAxis[k] = sampleAxis[k - 1]!;
    return { p, used: i === reference ? LINES.filter((l, k) => !Number.isNaN(p.lineTimes[k]!)) : used, sampleAxis };
  });
  const times = placed.map(({ p, sampleAxis }) => {
    const out = new Float64Array(distance.length);
    for (let k = 0; k < out.length; k++) out[k] = firstTimeAt(sampleAxis, p.car.sessionTime, distance[k]!) - p.lineTimes[0]!;
    return out;
  });
  const refTime = times[reference]!;
  const traces: LapTrace[] = placed.map(({ p, used, sampleAxis }, i) => {
    const delta = new Float64Array(distance.length);
    for (let k = 0; k < delta.length; k++) delta[k] = times[i]![k]! - refTime[k]!;
    return { lap: p.lap, time: times[i]!, delta, anchoredAt: used, channels: resample(session, p, sampleAxis, distance) };
  });
  return {
    distance, reference, laps: traces,
    referenceDistanceAt: (t: number) => interp(ref.car.sessionTime, ref.dist, t) - refStartDist,
    lineDistance: (line: TimingLine) => refLineAxis[LINES.indexOf(line)]!,
  };
}

/** The time delta of `compare` to `reference` along the reference lap's distance (ms). */
export function deltaTime(session: SessionTelemetry, reference: ComparableLap, compare: ComparableLap,
  options: Omit<LapComparisonOptions, 'reference'> = {}): { distance: Float64Array; delta: Float64Array; comparison: LapComparison } {
  const comparison = compareLaps(session, [reference, compare], { ...options, reference: 0 });
  return { distance: comparison.distance, delta: comparison.laps[1]!.delta, comparison };
}

/**
 * When the car first reached axis distance `a` (linear between samples). A car standing still
 * (pit box) keeps its distance for a while; the first arrival is the one that counts.
 */
function firstTimeAt(axisOf: Float64Array, time: Float64Array, a: number): number {
  const n = axisOf.length;
  if (a <= axisOf[0]!) return time[0]!;
  if (a > axisOf[n - 1]!) return time[n - 1]!;
  let lo = 0;
  let hi = n - 1; // axisOf[lo] < a <= axisOf[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (axisOf[mid]! < a) lo = mid; else hi = mid;
  }
  const span = axisOf[hi]! - axisOf[lo]!;
  return time[lo]! + ((a - axisOf[lo]!) / span) * (time[hi]! - time[lo]!);
}

/** 0, step, 2·step, … and the exact length as the last point. */
function axis(length: number, step: number): Float64Array {
  const n = Math.floor(length / step);
  const out: number[] = [];
  for (let k = 0; k <= n; k++) out.push(k * step);
  if (out[out.length - 1]! < length) out.push(length);
  return Float64Array.from(out);
}

/** Car data of the lap with two seconds either side, its integrated distance and its line times. */
function prepare(session: SessionTelemetry, lap: ComparableLap): Prepared {
  const start = lap.lapStartTime;
  if (!known(start)) throw new Error(`lap ${lap.lapNumber} of driver ${lap.driverNumber} has no start time`);
  const lapTime = known(lap.lapTime) ? lap.lapTime : known(lap.time) ? lap.time - start : NaN;
  const end = Number.isNaN(lapTime) ? NaN : start + lapTime;
  if (Number.isNaN(end)) throw new Error(`lap ${lap.lapNumber} of driver ${lap.driverNumber} has no end time`);
  const car = session.carData(lap.driverNumber).sliceByTime(start - 2000, end + 2000);
  if (car.length < 2) throw new Error(`no car data for lap ${lap.lapNumber} of driver ${lap.driverNumber}`);
  const speed = car.channels.speed!;
  const t = car.sessionTime;
  const dist = new Float64Array(car.length);
  for (let i = 1; i < dist.length; i++) dist[i] = dist[i - 1]! + ((speed[i]! + speed[i - 1]!) / 2 / 3.6) * ((t[i]! - t[i - 1]!) / 1000);
  const s1 = known(lap.sector1Time) ? start + lap.sector1Time : NaN;
  const s2 = known(lap.sector1Time) && known(lap.sector2Time) ? start + lap.sector1Time + lap.sector2Time : NaN;
  return { lap, car, dist, lineTimes: Float64Array.of(start, s1, s2, end) };
}

/**
 * Maps a lap's own distance to the reference axis: piecewise linear through its anchor lines
 * (own distance at the line time ↦ reference distance of the line), continued with the nearest
 * segment's slope outside them (slope 1 with a single anchor).
 */
function lineMap(p: Prepared, used: readonly TimingLine[], refLineAxis: Float64Array): (d: number) => number {
  const own: number[] = [];
  const ref: number[] = [];
  for (const line of used) {
    const k = LINES.indexOf(line);
    own.push(interp(p.car.sessionTime, p.dist, p.lineTimes[k]!));
    ref.push(refLineAxis[k]!);
  }
  if (own.length === 1) return (d) => d - own[0]! + ref[0]!;
  const last = own.length - 1;
  return (d) => {
    let j = 0;
    while (j < last - 1 && d > own[j + 1]!) j++;
    const slope = (ref[j + 1]! - ref[j]!) / (own[j + 1]! - own[j]!);
    return ref[j]! + (d - own[j]!) * slope;
  };
}

function resample(session: SessionTelemetry, p: Prepared, sampleAxis: Float64Array, distance: Float64Array): Record<TraceChannel, Float64Array> {
  const out = {} as Record<TraceChannel, Float64Array>;
  // Positions come from their own samples, placed on the axis through the car's distance at their time.
  const t = p.car.sessionTime;
  const pos = session.posData(p.lap.driverNumber).sliceByTime(t[0]!, t[t.length - 1]!);
  const posAxis = Float64Array.from(pos.sessionTime, (st) => interp(t, sampleAxis, st));
  for (const name of TRACE_CHANNELS) {
    const isPos = name === 'x' || name === 'y' || name === 'z';
    const col = isPos ? pos.channels[name] : p.car.channels[name];
    const xs = isPos ? posAxis : sampleAxis;
    const res = new Float64Array(distance.length).fill(NaN);
    if (col !== undefined && xs.length > 0) {
      if (STEPPED.has(name)) {
        let i = 0;
        for (let k = 0; k < res.length; k++) {
          while (i + 1 < xs.length && xs[i + 1]! <= distance[k]!) i++;
          res[k] = col[i]!;
        }
      } else {
        for (let k = 0; k < res.length; k++) res[k] = interp(xs, col, distance[k]!);
      }
    }
    out[name] = res;
  }
  return out;
}
