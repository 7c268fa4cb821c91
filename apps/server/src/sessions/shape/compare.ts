// Distance-aligned comparison of up to five laps and the time delta to a reference lap.
//
// Each lap's Distance is speed integrated over time, so two laps of the same track end a few metres
// (sometimes tens of metres) apart and a naive "time at the same distance" drifts by tenths of a
// second over a lap — why FastF1 removed its delta_time. Here each lap's distance is mapped onto the
// reference lap's distance piecewise-linearly between known points of the track: the start line, the
// two sector lines (located in each lap's telemetry at the session time the timing feed gives for
// the sector: Sector1SessionTime, Sector2SessionTime) and the finish line. The delta trace therefore
// equals the timing's own sector differences at the sector lines (up to the feed's rounding) and
// only interpolates in between. When a lap has no sector session times, every lap is scaled by its
// whole distance instead (FastF1's pre-removal behaviour).
import type { Lap, Telemetry } from '@apexdata/livetiming';

export const COMPARE_CHANNELS = ['speed', 'throttle', 'brake', 'nGear', 'rpm', 'drs', 'x', 'y', 'z'] as const;
export type CompareChannel = (typeof COMPARE_CHANNELS)[number];
export const DEFAULT_COMPARE_CHANNELS: readonly CompareChannel[] = ['speed', 'throttle', 'brake', 'nGear', 'rpm', 'drs'];
/** Channels that hold states, not quantities: never interpolated between two samples. */
const DISCRETE = new Set<CompareChannel>(['brake', 'nGear', 'drs']);

export const MAX_COMPARED_LAPS = 5;

export interface CompareInput {
  readonly lap: Lap;
  /** The lap's merged telemetry with `distance` (the engine's lapTelemetry). */
  readonly tel: Telemetry;
}

export interface CompareOptions {
  /** Index of the reference lap; default the fastest lap time among them. */
  readonly reference?: number;
  /** Spacing of the common distance axis in metres (sector and finish lines are added exactly). */
  readonly step?: number;
  readonly channels?: readonly CompareChannel[];
  /** 'sectors' (default) aligns on the sector lines when every lap has them; 'lap' scales by whole-lap distance only. */
  readonly align?: 'sectors' | 'lap';
}

export interface ComparedLap {
  readonly driver: string | null;
  readonly driverNumber: string;
  readonly lapNumber: number;
  readonly lapTime: number | null;
  readonly compound: string | null;
  readonly tyreLife: number | null;
  /** Sector times from the timing (ms). */
  readonly sectors: [number | null, number | null, number | null];
  /** Sector time minus the reference's (ms; negative = faster). */
  readonly sectorDeltas: [number | null, number | null, number | null];
  readonly lapTimeDelta: number | null;
  /** This lap's own integrated distance at the finish line (m). */
  readonly lapDistance: number;
}

export interface Comparison {
  /** The common axis: metres along the reference lap. */
  readonly distance: number[];
  readonly reference: number;
  readonly alignment: 'sectors' | 'lap';
  /** Where the sector 1→2 and 2→3 lines fall on the common axis (reference lap), when known. */
  readonly sectorDistances: number[];
  readonly laps: ComparedLap[];
  /** Channel → one array per lap aligned with `distance`. */
  readonly channels: Partial<Record<CompareChannel, (number | null)[][]>>;
  /** Elapsed lap time (ms) at each distance, one array per lap. */
  readonly time: (number | null)[][];
  /** Elapsed time minus the reference's at the same point of the track (ms), one array per lap. */
  readonly delta: (number | null)[][];
}

export class CompareError extends Error {}

/** Index of the last element ≤ v in a non-decreasing array (−1 when v < a[0]). */
function lastAtOrBelow(a: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  if (hi < 0 || v < a[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** y at x by linear interpolation over a non-decreasing xs (clamped to the ends). */
export function interpAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (n === 0) return NaN;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  const i = lastAtOrBelow(xs, x);
  const x0 = xs[i]!;
  const x1 = xs[i + 1]!;
  if (x1 === x0) return ys[i]!;
  return ys[i]! + ((ys[i + 1]! - ys[i]!) * (x - x0)) / (x1 - x0);
}

/** The sample value in effect at x (the last sample at or before it). */
function stepAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const i = lastAtOrBelow(xs, x);
  return ys[Math.max(0, i)]!;
}

interface Trace {
  readonly input: CompareInput;
  readonly time: Float64Array;
  readonly dist: Float64Array;
  /** Distances of the alignment points: start, [sector lines], finish. */
  sectorDist: number[] | null;
}

function traceOf(input: CompareInput): Trace {
  const dist = input.tel.channel('distance');
  if (!dist || input.tel.length < 2) {
    throw new CompareError(`lap ${input.lap.lapNumber} of ${input.lap.driver ?? input.lap.driverNumber} has no telemetry with distance`);
  }
  // Metres from the start line: the engine's Distance starts at the padded sample before it.
  const d0 = interpAt(input.tel.time, dist, 0);
  const trace: Trace = { input, time: input.tel.time, dist: dist.map((d) => d - d0), sectorDist: null };
  // Sector lines located in this lap's own telemetry, at the feed's sector session times.
  const { lapStartTime, sector1SessionTime: s1, sector2SessionTime: s2 } = input.lap;
  const tEnd = trace.time[trace.time.length - 1]!;
  if (lapStartTime !== null && s1 !== null && s2 !== null) {
    const t1 = s1 - lapStartTime;
    const t2 = s2 - lapStartTime;
    if (t1 > 0 && t2 > t1 && t2 < tEnd) trace.sectorDist = [interpAt(trace.time, trace.dist, t1), interpAt(trace.time, trace.dist, t2)];
  }
  return trace;
}

const lastOf = (a: ArrayLike<number>) => a[a.length - 1]!;

/** Sorted union of a regular grid over [0, end] and the given exact points. */
function axisOf(end: number, step: number, exact: readonly number[]): number[] {
  const pts = new Set<number>();
  for (let d = 0; d < end; d += step) pts.add(Math.round(d * 100) / 100);
  for (const e of [...exact, end]) pts.add(Math.round(e * 100) / 100);
  return [...pts].sort((a, b) => a - b);
}

function fastestIndex(inputs: readonly CompareInput[]): number {
  let best = 0;
  for (let i = 1; i < inputs.length; i++) {
    const t = inputs[i]!.lap.lapTime;
    const b = inputs[best]!.lap.lapTime;
    if (t !== null && (b === null || t < b)) best = i;
  }
  return best;
}

const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);
const round0 = (v: number) => (Number.isFinite(v) ? Math.round(v) : null);
const round1 = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : null);

/** Compares laps on the reference lap's distance. */
export function compareLaps(inputs: readonly CompareInput[], options: CompareOptions = {}): Comparison {
  if (inputs.length === 0) throw new CompareError('no lap to compare');
  if (inputs.length > MAX_COMPARED_LAPS) throw new CompareError(`at most ${MAX_COMPARED_LAPS} laps can be compared, got ${inputs.length}`);
  const reference = options.reference ?? fastestIndex(inputs);
  if (!Number.isInteger(reference) || reference < 0 || reference >= inputs.length) throw new CompareError(`reference ${reference} is not one of the ${inputs.length} laps`);
  const step = options.step ?? 5;
  const channels = options.channels ?? DEFAULT_COMPARE_CHANNELS;

  const traces = inputs.map(traceOf);
  const bySectors = (options.align ?? 'sectors') === 'sectors' && traces.every((t) => t.sectorDist !== null);
  const ref = traces[reference]!;
  const anchorsOf = (t: Trace) => (bySectors ? [0, ...t.sectorDist!, lastOf(t.dist)] : [0, lastOf(t.dist)]);
  const refAnchors = anchorsOf(ref);
  const distance = axisOf(lastOf(ref.dist), step, bySectors ? ref.sectorDist! : []);

  const time: (number | null)[][] = [];
  const out: Partial<Record<CompareChannel, (number | null)[][]>> = {};
  for (const c of channels) out[c] = [];
  const mapped = traces.map((t) => {
    const anchors = anchorsOf(t);
    // Reference distance → this lap's distance, linear between matching alignment points.
    return distance.map((g) => {
      let k = lastAtOrBelow(refAnchors, g);
      k = Math.min(Math.max(k, 0), refAnchors.length - 2);
      const span = refAnchors[k + 1]! - refAnchors[k]!;
      return anchors[k]! + (span > 0 ? ((g - refAnchors[k]!) * (anchors[k + 1]! - anchors[k]!)) / span : 0);
    });
  });
  traces.forEach((t, i) => {
    const at = mapped[i]!;
    time.push(at.map((d) => round0(interpAt(t.dist, t.time, d))));
    for (const c of channels) {
      const col = t.input.tel.channel(c);
      if (!col) {
        out[c]!.push(at.map(() => null));
        continue;
      }
      const values = col as ArrayLike<number>;
      out[c]!.push(at.map((d) => (DISCRETE.has(c) ? stepAt(t.dist, values, d) : round1(interpAt(t.dist, values, d)))));
    }
  });
  const refTime = time[reference]!;
  const delta = time.map((row) => row.map((v, j) => (v !== null && refTime[j] !== null ? v - refTime[j]! : null)));

  const refLap = inputs[reference]!.lap;
  const sectorsOf = (l: Lap): [number | null, number | null, number | null] => [l.sector1Time, l.sector2Time, l.sector3Time];
  const refSectors = sectorsOf(refLap);
  const laps = traces.map((t): ComparedLap => {
    const l = t.input.lap;
    const sectors = sectorsOf(l);
    return {
      driver: l.driver,
      driverNumber: l.driverNumber,
      lapNumber: l.lapNumber,
      lapTime: l.lapTime,
      compound: l.compound,
      tyreLife: l.tyreLife,
      sectors,
      sectorDeltas: [diff(sectors[0], refSectors[0]), diff(sectors[1], refSectors[1]), diff(sectors[2], refSectors[2])],
      lapTimeDelta: diff(l.lapTime, refLap.lapTime),
      lapDistance: Math.round(lastOf(t.dist) * 100) / 100,
    };
  });
  return {
    distance,
    reference,
    alignment: bySectors ? 'sectors' : 'lap',
    sectorDistances: bySectors ? ref.sectorDist!.map((d) => Math.round(d * 100) / 100) : [],
    laps,
    channels: out,
    time,
    delta,
  };
}
