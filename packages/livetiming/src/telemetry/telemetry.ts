// Columnar telemetry of one driver: car channels, positions, or both merged on UTC. Every method
// returns a new object; the arrays of an instance are never written after construction.
import {
  CHANNELS, CHANNEL_NAMES, NO_DRIVER, SOURCE_NAMES, STATUS_NAMES, SampleSource,
  type ChannelArray, type ChannelColumn, type ChannelColumns, type ChannelName, type ChannelSpec, type FillKind, type SampleSourceName, type StatusName,
} from './channels.js';
import { fillDiscrete, fillLinear, fillQuadraticChannels, interpBetween, nsAbscissa, quadraticAt, reusedLength } from './interpolate.js';

/** One sample of a {@link Telemetry}, with every channel the telemetry holds. */
export interface TelemetryFrame {
  /** UTC, epoch milliseconds. */
  date: number;
  /** Milliseconds since the session's time zero (t0). */
  sessionTime: number;
  /** Milliseconds since the start of the slice. */
  time: number;
  source: SampleSourceName;
  rpm?: number;
  speed?: number;
  nGear?: number;
  throttle?: number;
  brake?: boolean;
  drs?: number;
  x?: number;
  y?: number;
  z?: number;
  status?: StatusName;
  distance?: number;
  relativeDistance?: number;
  differentialDistance?: number;
  /** Racing number of the car ahead, '' when none. */
  driverAhead?: string;
  distanceToDriverAhead?: number;
}

/** A lap as the telemetry needs it: session times in milliseconds; null/NaN when unknown. */
export interface TelemetryLap {
  readonly driverNumber: string;
  readonly lapNumber: number;
  readonly lapStartTime: number | null;
  /** Session time at the end of the lap. */
  readonly time: number | null;
}

export type PadSide = 'both' | 'before' | 'after';

export interface SliceOptions {
  /** Extra samples kept on each padded side (FastF1's `pad`). */
  pad?: number;
  padSide?: PadSide;
  /** Add samples interpolated at exactly the start and the end of the window. */
  interpolateEdges?: boolean;
}

export interface TelemetryInit {
  driver: string;
  /** UTC of session time zero, epoch ms. */
  t0: number;
  date: Float64Array;
  /**
   * Omitted: derived as Date − t0 when first read. A whole session's car and position data keep no
   * column of their own (8 bytes a sample: ~5.6 MiB on a qualifying), their slices compute it.
   */
  sessionTime?: Float64Array;
  /** Omitted: the session time (as over a whole session, where FastF1 sets both from Date − t0). */
  time?: Float64Array;
  /**
   * With `time` omitted: time is session time − `timeOrigin` (ms), computed when first read (a
   * lap pipeline's result keeps no time columns of its own until they are read).
   */
  timeOrigin?: number;
  source: Uint8Array;
  channels: ChannelColumns;
}

const known = (v: number | null | undefined): v is number => typeof v === 'number' && !Number.isNaN(v);

export class Telemetry {
  readonly driver: string;
  readonly t0: number;
  readonly date: Float64Array;
  readonly source: Uint8Array;
  readonly channels: Readonly<ChannelColumns>;
  // Private fields stay writable on the frozen instance: a derived column is kept once computed.
  #sessionTime: Float64Array | undefined;
  #time: Float64Array | undefined;
  readonly #timeOrigin: number | undefined;

  constructor(init: TelemetryInit) {
    this.driver = init.driver;
    this.t0 = init.t0;
    this.date = init.date;
    this.#sessionTime = init.sessionTime;
    this.#time = init.time;
    this.#timeOrigin = init.time === undefined ? init.timeOrigin : undefined;
    this.source = init.source;
    const n = init.date.length;
    for (const [name, col] of Object.entries(init.channels)) {
      if (col !== undefined && col.length !== n) throw new RangeError(`channel ${name}: ${col.length} values for ${n} samples`);
    }
    this.channels = Object.freeze({ ...init.channels });
    Object.freeze(this);
  }

  static empty(driver: string, t0: number): Telemetry {
    return new Telemetry({
      driver, t0, date: new Float64Array(0), sessionTime: new Float64Array(0), time: new Float64Array(0),
      source: new Uint8Array(0), channels: {},
    });
  }

  get length(): number {
    return this.date.length;
  }

  /** Milliseconds since t0 (computed from Date when not given, then kept). */
  get sessionTime(): Float64Array {
    return (this.#sessionTime ??= sessionTimeOf(this.date, this.t0));
  }

  /** Milliseconds since the start of the slice. */
  get time(): Float64Array {
    if (this.#time === undefined && this.#timeOrigin !== undefined) this.#time = timeFrom(this.sessionTimeAxis(), this.#timeOrigin);
    return this.#time ?? this.sessionTime;
  }

  /**
   * Session time without computing a column: `values[i] - offset` is sample i's session time
   * (the stored column with offset 0, or Date with offset t0) — for reads of a whole session.
   */
  sessionTimeAxis(): TimeAxis {
    const st = this.#sessionTime;
    return st !== undefined ? { values: st, offset: 0 } : { values: this.date, offset: this.t0 };
  }

  /**
   * Time without computing a column: sample i's time is `values[i] - offset - origin`, evaluated
   * in that order as the derived column would be (the stored column with both 0 otherwise).
   */
  timeAxis(): { values: Float64Array; offset: number; origin: number } {
    if (this.#time !== undefined) return { values: this.#time, offset: 0, origin: 0 };
    const { values, offset } = this.sessionTimeAxis();
    return { values, offset, origin: this.#timeOrigin ?? 0 };
  }

  has(name: ChannelName): boolean {
    return this.channels[name] !== undefined;
  }

  channel<K extends ChannelName>(name: K): ChannelArray<K> | undefined {
    return this.channels[name] as ChannelArray<K> | undefined;
  }

  /** Channel names present, in registry order. */
  channelNames(): ChannelName[] {
    return CHANNEL_NAMES.filter((c) => this.channels[c] !== undefined);
  }

  frame(i: number): TelemetryFrame {
    if (i < 0 || i >= this.length) throw new RangeError(`sample ${i} out of range 0..${this.length - 1}`);
    const f: TelemetryFrame = {
      date: this.date[i]!, sessionTime: this.sessionTime[i]!, time: this.time[i]!, source: SOURCE_NAMES[this.source[i]!]!,
    };
    const c = this.channels;
    for (const name of CHANNEL_NAMES) {
      const col = c[name];
      if (col === undefined) continue;
      const v = col[i]!;
      if (name === 'brake') f.brake = v !== 0;
      else if (name === 'status') f.status = STATUS_NAMES[v] ?? null;
      else if (name === 'driverAhead') f.driverAhead = v === NO_DRIVER ? '' : String(v);
      else (f as unknown as Record<string, number>)[name] = v;
    }
    return f;
  }

  *frames(): IterableIterator<TelemetryFrame> {
    for (let i = 0; i < this.length; i++) yield this.frame(i);
  }

  /** Rows [from, to) as a new telemetry sharing this one's arrays (time left as is). */
  rows(from: number, to: number): Telemetry {
    from = Math.max(0, from);
    to = Math.min(this.length, to);
    if (to < from) to = from;
    if (from === 0 && to === this.length) return this;
    const channels: ChannelColumns = {};
    for (const name of this.channelNames()) (channels as Record<string, unknown>)[name] = this.channels[name]!.subarray(from, to);
    return new Telemetry({
      driver: this.driver, t0: this.t0, date: this.date.subarray(from, to), sessionTime: this.#sessionTime?.subarray(from, to),
      time: this.#time?.subarray(from, to), timeOrigin: this.#timeOrigin, source: this.source.subarray(from, to), channels,
    });
  }

  /** Rows where `mask` is set. */
  select(mask: Uint8Array): Telemetry {
    const idx: number[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i]) idx.push(i);
    if (idx.length > 0 && idx[idx.length - 1]! - idx[0]! === idx.length - 1) return this.rows(idx[0]!, idx[0]! + idx.length);
    const pick = <T extends ChannelColumn>(a: T): T => {
      const out = new (a.constructor as new (n: number) => T)(idx.length);
      for (let k = 0; k < idx.length; k++) out[k] = a[idx[k]!]!;
      return out;
    };
    const channels: ChannelColumns = {};
    for (const name of this.channelNames()) (channels as Record<string, unknown>)[name] = pick(this.channels[name]!);
    return new Telemetry({
      driver: this.driver, t0: this.t0, date: pick(this.date), sessionTime: this.#sessionTime && pick(this.#sessionTime),
      time: this.#time && pick(this.#time), timeOrigin: this.#timeOrigin,
      source: pick(this.source), channels,
    });
  }

  /** Same samples with `time` measured from `origin` (session time, ms). */
  withTimeFrom(origin: number): Telemetry {
    return new Telemetry({ ...this.init(), time: timeFrom(this.sessionTimeAxis(), origin) });
  }

  /**
   * {@link withTimeFrom} with the time column computed when first read (a slice that is only a
   * step, like the padded car and position data of a lap, never needs it).
   */
  timedFrom(origin: number): Telemetry {
    return new Telemetry({ ...this.init(), time: undefined, timeOrigin: origin });
  }

  /** Same samples with one channel added or replaced. */
  withChannel<K extends ChannelName>(name: K, values: ChannelArray<K>): Telemetry {
    return new Telemetry({ ...this.init(), channels: { ...this.channels, [name]: values } });
  }

  /** Same samples without the given channels. */
  without(...names: ChannelName[]): Telemetry {
    const channels: ChannelColumns = { ...this.channels };
    for (const n of names) delete channels[n];
    return new Telemetry({ ...this.init(), channels });
  }

  private init(): TelemetryInit {
    return {
      driver: this.driver, t0: this.t0, date: this.date, sessionTime: this.#sessionTime, time: this.#time,
      timeOrigin: this.#timeOrigin, source: this.source, channels: this.channels,
    };
  }

  /**
   * Samples with session time in [start, end] (ms), optionally padded by whole samples and with
   * samples interpolated exactly at both ends. `time` then counts from `start`.
   */
  sliceByTime(start: number, end: number, options: SliceOptions = {}): Telemetry {
    const { pad = 0, padSide = 'both', interpolateEdges = false } = options;
    if (!known(start) || !known(end)) return Telemetry.empty(this.driver, this.t0);
    const d = interpolateEdges ? withEdges(this, start, end) : this;
    const n = d.length;
    // Date − t0 never decreases where Date does not (rounding is monotonic): Date's order stands for it.
    const { values: st, offset } = d.sessionTimeAxis();
    let first: number;
    let last: number;
    let contiguous = true;
    if (isSorted(st)) {
      first = lowerBound(st, start, offset);
      last = upperBound(st, end, offset) - 1;
      if (first > last) return Telemetry.empty(this.driver, this.t0);
    } else {
      first = -1;
      last = -1;
      for (let i = 0; i < n; i++) {
        const t = st[i]! - offset;
        if (t >= start && t <= end) {
          if (first >= 0 && i !== last + 1) contiguous = false;
          if (first < 0) first = i;
          last = i;
        }
      }
      if (first < 0) return Telemetry.empty(this.driver, this.t0);
    }
    if (pad > 0) {
      // Padding takes whole samples around the window, and everything in between.
      first = padSide === 'after' ? first : Math.max(0, first - pad);
      last = padSide === 'before' ? last : Math.min(n - 1, last + pad);
      contiguous = true;
    }
    if (contiguous) return d.rows(first, last + 1).timedFrom(start);
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) mask[i] = st[i]! - offset >= start && st[i]! - offset <= end ? 1 : 0;
    return d.select(mask).timedFrom(start);
  }

  /**
   * Samples of one lap ([LapStartTime, Time]) or of several laps of this driver (first start to last
   * end; laps missing in between are not cut out).
   */
  sliceByLap(laps: TelemetryLap | readonly TelemetryLap[], options: SliceOptions = {}): Telemetry {
    const [start, end] = lapWindow(laps);
    return this.sliceByTime(start, end, options);
  }

  /**
   * Merges another telemetry of the same driver onto the union of both timestamps and fills every
   * gap by the channel's rule. Where both have a channel, this telemetry's values win.
   */
  mergeChannels(other: Telemetry): Telemetry {
    return mergeTelemetry(this, other);
  }

  /** Adds `differentialDistance` (m driven since the previous sample: speed × Δtime). */
  withDifferentialDistance(): Telemetry {
    return this.withChannel('differentialDistance', differentialDistance(this));
  }

  /** Adds `distance`: speed integrated over `time` from the first sample (use per lap). */
  withDistance(): Telemetry {
    const ds = differentialDistance(this);
    for (let i = 1; i < ds.length; i++) ds[i] = ds[i - 1]! + ds[i]!;
    return this.withChannel('distance', ds);
  }

  /** Adds `relativeDistance` = distance / last distance (0 → 1 over a lap). */
  withRelativeDistance(): Telemetry {
    const base = this.has('distance') ? this : this.withDistance();
    const d = base.channels.distance!;
    const out = new Float64Array(d.length);
    const lastD = d[d.length - 1]!;
    for (let i = 0; i < d.length; i++) out[i] = d[i]! / lastD;
    return base.withChannel('relativeDistance', out);
  }

  /** FastF1's column names and units: seconds for times, ISO strings for dates, null for missing. */
  toFastF1Columns(): Record<string, (number | string | boolean | null)[]> {
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 23);
    const secs = (ms: number) => ms / 1000;
    const cols: Record<string, (number | string | boolean | null)[]> = {
      Date: Array.from(this.date, iso),
      SessionTime: Array.from(this.sessionTime, secs),
      Time: Array.from(this.time, secs),
    };
    for (const name of this.channelNames()) {
      const col = this.channels[name]!;
      const key = CHANNELS[name].fastf1;
      if (name === 'brake') cols[key] = Array.from(col, (v) => v !== 0);
      else if (name === 'status') cols[key] = Array.from(col, (v) => STATUS_NAMES[v] ?? null);
      else if (name === 'driverAhead') cols[key] = Array.from(col, (v) => (v === NO_DRIVER ? '' : String(v)));
      else cols[key] = Array.from(col, (v) => (Number.isNaN(v) ? null : v));
    }
    cols.Source = Array.from(this.source, (s) => SOURCE_NAMES[s]!);
    return cols;
  }
}

const sortedCache = new WeakMap<Float64Array, boolean>();

/** Whether the values never decrease (cached per array; telemetry arrays are never written). */
function isSorted(a: Float64Array): boolean {
  let v = sortedCache.get(a);
  if (v === undefined) {
    v = true;
    for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]!) { v = false; break; }
    sortedCache.set(a, v);
  }
  return v;
}

/** First index whose `a[i] - offset` is not below `v` (a sorted); a time axis searched as stored. */
export function lowerBound(a: Float64Array, v: number, offset = 0): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! - offset < v) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** First index whose `a[i] - offset` is above `v` (a sorted). */
function upperBound(a: Float64Array, v: number, offset = 0): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! - offset <= v) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** A session-time axis read in place: sample i is at `values[i] - offset` ms. */
export interface TimeAxis {
  values: Float64Array;
  offset: number;
}

/** Time column measured from `origin` (session ms) on a session-time axis. */
function timeFrom({ values, offset }: TimeAxis, origin: number): Float64Array {
  const time = new Float64Array(values.length);
  for (let i = 0; i < time.length; i++) time[i] = values[i]! - offset - origin;
  return time;
}

/** Session time column from Date (ms) and t0, exactly as the stored column would hold it. */
function sessionTimeOf(date: Float64Array, t0: number): Float64Array {
  const out = new Float64Array(date.length);
  for (let i = 0; i < out.length; i++) out[i] = date[i]! - t0;
  return out;
}

/** [start, end] session times of a lap or of a run of laps (min start, max end). */
export function lapWindow(laps: TelemetryLap | readonly TelemetryLap[]): [number, number] {
  const list: readonly TelemetryLap[] = Array.isArray(laps) ? laps : [laps as TelemetryLap];
  if (list.length === 0) return [NaN, NaN];
  if (list.length === 1) return [list[0]!.lapStartTime ?? NaN, list[0]!.time ?? NaN];
  const drivers = new Set(list.map((l) => l.driverNumber));
  if (drivers.size > 1) throw new Error('cannot slice telemetry by laps of several drivers');
  let start = Infinity;
  let end = -Infinity;
  for (const l of list) {
    if (known(l.lapStartTime) && l.lapStartTime < start) start = l.lapStartTime;
    if (known(l.time) && l.time > end) end = l.time;
  }
  return [Number.isFinite(start) ? start : NaN, Number.isFinite(end) ? end : NaN];
}

// Per array type, so that each loop sees a single typed-array kind (keeps V8's element access fast).
function gatherF64(tmp: Float64Array, col: Float64Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    const v = j >= 0 ? col[j]! : NaN;
    tmp[k] = v === miss ? NaN : v;
  }
}
function gatherF32(tmp: Float64Array, col: Float32Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    const v = j >= 0 ? col[j]! : NaN;
    tmp[k] = v === miss ? NaN : v;
  }
}
function gatherI16(tmp: Float64Array, col: Int16Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    const v = j >= 0 ? col[j]! : NaN;
    tmp[k] = v === miss ? NaN : v;
  }
}
function gatherU16(tmp: Float64Array, col: Uint16Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    const v = j >= 0 ? col[j]! : NaN;
    tmp[k] = v === miss ? NaN : v;
  }
}
function gatherU8(tmp: Float64Array, col: Uint8Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    const v = j >= 0 ? col[j]! : NaN;
    tmp[k] = v === miss ? NaN : v;
  }
}
/** tmp[k] = col[idx[k]] (NaN where idx is -1 or the value means "missing"). */
function gather(tmp: Float64Array, col: ChannelColumn, idx: Int32Array, miss: number): void {
  if (col instanceof Float64Array) gatherF64(tmp, col, idx, miss);
  else if (col instanceof Float32Array) gatherF32(tmp, col, idx, miss);
  else if (col instanceof Int16Array) gatherI16(tmp, col, idx, miss);
  else if (col instanceof Uint16Array) gatherU16(tmp, col, idx, miss);
  else gatherU8(tmp, col, idx, miss);
}

function overlayF64(tmp: Float64Array, col: Float64Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    if (j < 0) continue;
    const v = col[j]!;
    if (v === v && v !== miss) tmp[k] = v;
  }
}
function overlayF32(tmp: Float64Array, col: Float32Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    if (j < 0) continue;
    const v = col[j]!;
    if (v === v && v !== miss) tmp[k] = v;
  }
}
function overlayI16(tmp: Float64Array, col: Int16Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    if (j < 0) continue;
    const v = col[j]!;
    if (v !== miss) tmp[k] = v;
  }
}
function overlayU16(tmp: Float64Array, col: Uint16Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    if (j < 0) continue;
    const v = col[j]!;
    if (v !== miss) tmp[k] = v;
  }
}
function overlayU8(tmp: Float64Array, col: Uint8Array, idx: Int32Array, miss: number): void {
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k]!;
    if (j < 0) continue;
    const v = col[j]!;
    if (v !== miss) tmp[k] = v;
  }
}
/** Where idx points to a real value of col, it replaces tmp[k] (pandas' update: self wins). */
function overlay(tmp: Float64Array, col: ChannelColumn, idx: Int32Array, miss: number): void {
  if (col instanceof Float64Array) overlayF64(tmp, col, idx, miss);
  else if (col instanceof Float32Array) overlayF32(tmp, col, idx, miss);
  else if (col instanceof Int16Array) overlayI16(tmp, col, idx, miss);
  else if (col instanceof Uint16Array) overlayU16(tmp, col, idx, miss);
  else overlayU8(tmp, col, idx, miss);
}

function toStored(tmp: Float64Array, out: Int16Array | Uint8Array, missing: number): Int16Array | Uint8Array {
  if (out instanceof Int16Array) {
    for (let k = 0; k < tmp.length; k++) { const v = tmp[k]!; out[k] = v === v ? v : missing; }
  } else {
    for (let k = 0; k < tmp.length; k++) { const v = tmp[k]!; out[k] = v === v ? v : missing; }
  }
  return out;
}

type ColumnCtor = { new (buffer: ArrayBuffer, byteOffset: number, length: number): ChannelColumn; readonly BYTES_PER_ELEMENT: number };

/**
 * Typed arrays of one length carved out of a single buffer: a merge creates a dozen columns, and
 * one allocation is much cheaper than twelve. Each array starts 8-byte aligned.
 */
class Arena {
  readonly buf: ArrayBuffer;
  private at = 0;
  /** `pooled`: the slot of a reused buffer (see {@link mergeIntermediate}), or -1 for a new one. */
  constructor(private readonly n: number, bytesPerRow: number, columns: number, pooled = -1) {
    const bytes = bytesPerRow * n + 8 * columns;
    if (pooled < 0) this.buf = new ArrayBuffer(bytes);
    else {
      let b = arenaPool[pooled];
      if (b === undefined || b.byteLength < bytes) arenaPool[pooled] = b = new ArrayBuffer(Math.max(bytes, Math.ceil((b?.byteLength ?? 0) * 1.25)));
      this.buf = b;
    }
  }
  private take<A extends ChannelColumn>(Ctor: new (buffer: ArrayBuffer, byteOffset: number, length: number) => A, bytes: number): A {
    const a = new Ctor(this.buf, this.at, this.n);
    this.at += Math.ceil((bytes * this.n) / 8) * 8;
    return a;
  }
  float64(): Float64Array { return this.take(Float64Array, 8); }
  uint8(): Uint8Array { return this.take(Uint8Array, 1); }
  of(ctor: ColumnCtor): ChannelColumn { return this.take(ctor, ctor.BYTES_PER_ELEMENT); }
  static for(n: number, ctors: readonly ColumnCtor[], extraF64 = 0, extraU8 = 0, pooled = -1): Arena {
    let bytes = extraF64 * 8 + extraU8;
    for (const c of ctors) bytes += c.BYTES_PER_ELEMENT;
    return new Arena(n, bytes, ctors.length + extraF64 + extraU8, pooled);
  }
}

// Buffers of merges whose result is only a step towards another telemetry: reused by the next
// such merge instead of allocated each time. A whole session's laps would otherwise leave
// megabytes of dead buffers per driver until V8 gets to collect them (it lets tens of MiB of
// buffer memory pile up). The lap pipeline needs one only where attachDriverAhead declines (slot
// 0); its last merge writes the result directly (mergeLapWindow).
const arenaPool: ArrayBuffer[] = [];

/**
 * `self.mergeChannels(other)` into the reused buffer of `slot`: the result is valid only until the
 * next call with the same slot. Internal to the lap telemetry pipeline.
 */
export function mergeIntermediate(self: Telemetry, other: Telemetry, slot: number): Telemetry {
  return mergeTelemetry(self, other, slot);
}

/** `t` itself, or a copy of it when its arrays live in a reused merge buffer. */
export function owned(t: Telemetry): Telemetry {
  if (!arenaPool.includes(t.date.buffer as ArrayBuffer)) return t;
  const names = t.channelNames();
  const arena = Arena.for(t.length, names.map((c) => t.channels[c]!.constructor as ColumnCtor), 3, 1);
  const copy = <A extends ChannelColumn>(a: A, into: ChannelColumn): A => { into.set(a as never); return into as A; };
  const channels: ChannelColumns = {};
  for (const name of names) (channels as Record<string, unknown>)[name] = copy(t.channels[name]!, arena.of(t.channels[name]!.constructor as ColumnCtor));
  return new Telemetry({
    driver: t.driver, t0: t.t0, date: copy(t.date, arena.float64()), sessionTime: copy(t.sessionTime, arena.float64()),
    time: copy(t.time, arena.float64()), source: copy(t.source, arena.uint8()), channels,
  });
}

interface GapInfo {
  /** Missing values before the first value. */
  leading: number;
  /** Missing values after the first value. */
  inner: boolean;
}
const gapCache = new WeakMap<object, GapInfo>();

/** Where a column's missing values are (cached: telemetry arrays are never written). */
function gapInfo(col: ChannelColumn, missing: number | undefined): GapInfo {
  let g = gapCache.get(col);
  if (g === undefined) gapCache.set(col, (g = scanGaps(col, missing)));
  return g;
}

/** {@link gapInfo} without the cache (for a column still being built). */
function scanGaps(col: ChannelColumn, missing: number | undefined): GapInfo {
  let i = 0;
  let inner = false;
  if (col instanceof Float64Array || col instanceof Float32Array) {
    while (i < col.length && col[i] !== col[i]) i++;
    for (let k = i; k < col.length; k++) if (col[k] !== col[k]) { inner = true; break; }
  } else if (missing !== undefined) {
    while (i < col.length && col[i] === missing) i++;
    inner = col.indexOf(missing, i) >= 0;
  }
  return { leading: i, inner };
}

/**
 * This telemetry merged with two sample-less rows at exactly `start` and `end` — what
 * `mergeChannels(edges)` gives, computed without rebuilding every channel: the new rows take the
 * previous value (discrete), the time-linear value between their neighbours (linear), or the
 * quadratic spline's value from a local solve (bit-identical to the full one, see quadraticAt).
 * Channels with gaps of their own take the general merge.
 */
function withEdges(t: Telemetry, start: number, end: number): Telemetry {
  const n = t.length;
  if (n === 0 || !isSorted(t.date)) return t.mergeChannels(edges(t, start, end));
  const inserts: number[] = []; // dates to insert, ascending
  for (const st of start === end ? [start] : [start, end]) {
    const d = st + t.t0;
    const i = lowerBound(t.date, d);
    if (i < n && t.date[i] === d) continue;
    inserts.push(d);
  }
  if (inserts.length === 0) return t;
  const names = t.channelNames();
  for (const name of names) {
    const spec: ChannelSpec = CHANNELS[name];
    const g = gapInfo(t.channels[name]!, spec.missing);
    // Gaps of its own (or leading gaps in a channel the merge would back fill) take the general path.
    if (g.inner || (g.leading > 0 && spec.fill !== 'quadratic')) return t.mergeChannels(edges(t, start, end));
  }
  const N = n + inserts.length;
  // Discrete channels keep their array type; interpolated ones need float64 (a feed channel held
  // in a narrow type would round the new rows' values). One buffer for every column.
  const ctorOf = (name: ChannelName): ColumnCtor => (CHANNELS[name].fill === 'discrete' ? t.channels[name]!.constructor as ColumnCtor : Float64Array);
  const arena = Arena.for(N, names.map(ctorOf), 3, 1);
  const date = arena.float64();
  const from = scratch(scratchI32, 2, N, Int32Array); // original row of each new row, -1 for inserted
  for (let k = 0, i = 0, e = 0; k < N; k++) {
    if (e < inserts.length && (i >= n || inserts[e]! < t.date[i]!)) { from[k] = -1; date[k] = inserts[e++]!; }
    else { from[k] = i; date[k] = t.date[i++]!; }
  }
  const newRows: number[] = [];
  for (let k = 0; k < N; k++) if (from[k]! < 0) newRows.push(k);
  // Original rows are copied in blocks between the inserted rows.
  const blocks: [number, number, number][] = []; // [srcFrom, srcTo, dst]
  {
    let srcFrom = 0;
    let dst = 0;
    for (const k of newRows) {
      const len = k - dst;
      blocks.push([srcFrom, srcFrom + len, dst]);
      srcFrom += len;
      dst = k + 1;
    }
    blocks.push([srcFrom, n, dst]);
  }
  const channels: ChannelColumns = {};
  const quadGroups: { arrays: Float64Array[]; originals: (Float64Array | Float32Array)[] }[] = [];
  // Rows are copied in blocks between the inserted rows (native copies).
  for (const name of names) {
    const src = t.channels[name]!;
    const spec: ChannelSpec = CHANNELS[name];
    const out = arena.of(ctorOf(name));
    for (let b = 0; b < blocks.length; b++) {
      const [a, e, d] = blocks[b]!;
      if (e > a) out.set(src.subarray(a, e) as never, d);
    }
    for (let r = 0; r < newRows.length; r++) {
      const k = newRows[r]!;
      const prev = k > 0 ? from[k - 1]! : -1;
      const next = k + 1 < N ? from[k + 1]! : -1;
      if (spec.fill === 'discrete') out[k] = src[prev >= 0 ? prev : next]!;
      else if (spec.fill === 'linear') {
        out[k] = prev < 0 ? src[next]! : next < 0 ? src[prev]!
          : interpBetween(t.date[prev]! * 1e6, t.date[next]! * 1e6, src[prev]!, src[next]!, date[k]! * 1e6);
      }
    }
    if (spec.fill === 'quadratic') {
      const orig = src as Float64Array | Float32Array;
      let group = null;
      const lead = gapInfo(orig, undefined).leading;
      for (const g of quadGroups) if (gapInfo(g.originals[0]!, undefined).leading === lead) { group = g; break; }
      // Values computed into a float64 array, whatever the channel's type (then stored below).
      if (group) { group.arrays.push(out as Float64Array); group.originals.push(orig); }
      else quadGroups.push({ arrays: [out as Float64Array], originals: [orig] });
    }
    (channels as Record<string, unknown>)[name] = out;
  }
  if (quadGroups.length > 0) {
    const val = new Float64Array(8);
    for (const g of quadGroups) {
      for (let r = 0; r < newRows.length; r++) {
        const k = newRows[r]!;
        quadraticAt(t.date, g.originals, date[k]! * 1e6, val);
        for (let j = 0; j < g.arrays.length; j++) g.arrays[j]![k] = val[j]!;
      }
    }
  }
  const source = arena.uint8();
  const sessionTime = arena.float64();
  const time = arena.float64();
  for (let k = 0; k < N; k++) {
    source[k] = from[k]! >= 0 ? t.source[from[k]!]! : SampleSource.interpolation;
    sessionTime[k] = date[k]! - t.t0;
    time[k] = sessionTime[k]! - sessionTime[0]!;
  }
  return new Telemetry({ driver: t.driver, t0: t.t0, date, sessionTime, time, source, channels });
}

/** Two sample-less rows at exactly `start` and `end` for edge interpolation. */
function edges(of: Telemetry, start: number, end: number): Telemetry {
  return new Telemetry({
    driver: of.driver, t0: of.t0,
    date: Float64Array.of(start + of.t0, end + of.t0), sessionTime: Float64Array.of(start, end),
    time: Float64Array.of(0, end - start), source: Uint8Array.of(255, 255), channels: {},
  });
}

const NO_SOURCE = 255;

/** Speed (km/h) × Δtime (s) per sample; the first Δtime is the first sample's own time. */
function differentialDistance(t: Telemetry, ds: Float64Array = new Float64Array(t.length)): Float64Array {
  const speed = t.channels.speed;
  if (speed === undefined) throw new Error('distance needs the speed channel');
  const n = t.length;
  // Read in place: a lap slice's time column would be a column of its own just for this.
  const { values, offset, origin } = t.timeAxis();
  let prev = 0;
  for (let i = 0; i < n; i++) {
    // Seconds as pandas' total_seconds() gives them (ns / 1e9 == ms / 1e3, both correctly rounded).
    const s = (values[i]! - offset - origin) / 1000;
    const dt = i === 0 ? s : s - prev;
    ds[i] = speed[i]! / 3.6 * dt;
    prev = s;
  }
  return ds;
}

// Working arrays of merges that never leave the call (row pairings, abscissa, integer channels
// before they are stored): reused from call to call instead of allocated per merge, which keeps a
// session's worth of lap merges from piling up garbage buffers until the next GC.
const scratchI32: Int32Array[] = [];
const scratchF64: Float64Array[] = [];
function scratch<A extends Int32Array | Float64Array>(pool: A[], slot: number, n: number, Ctor: new (n: number) => A): A {
  let a = pool[slot];
  if (a === undefined || a.length < n) pool[slot] = a = new Ctor(reusedLength(n));
  return a.subarray(0, n) as A;
}

/**
 * Row pairing of two date-sorted telemetries: the sorted union of their dates, equal dates joined
 * one to one. Returns, per union row, the row in `a` and in `b` (or -1), and the dates; all three
 * are scratch arrays, valid until the next merge.
 */
function unionRows(a: Float64Array, b: Float64Array): { ia: Int32Array; ib: Int32Array; date: Float64Array } {
  const cap = a.length + b.length;
  const ia = scratch(scratchI32, 0, cap, Int32Array);
  const ib = scratch(scratchI32, 1, cap, Int32Array);
  const date = scratch(scratchF64, 0, cap, Float64Array);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const da = i < a.length ? a[i]! : Infinity;
    const db = j < b.length ? b[j]! : Infinity;
    if (da === db) { ia[k] = i++; ib[k] = j++; date[k++] = da; }
    else if (da < db) { ia[k] = i++; ib[k] = -1; date[k++] = da; }
    else { ia[k] = -1; ib[k] = j++; date[k++] = db; }
  }
  return { ia: ia.subarray(0, k), ib: ib.subarray(0, k), date: date.subarray(0, k) };
}

function mergeTelemetry(self: Telemetry, other: Telemetry, pooled = -1): Telemetry {
  if (self.driver !== other.driver && self.length > 0 && other.length > 0) throw new Error('cannot merge telemetry of different drivers');
  const { ia, ib, date: unionDate } = unionRows(self.date, other.date);
  const n = unionDate.length;
  const present = presentChannels(self, other);
  // One buffer for every column of the result (dates, channels, source, session time, time).
  const arena = Arena.for(n, present.map((c) => CHANNELS[c].array), 3, 1, pooled);
  const date = arena.float64();
  date.set(unionDate);
  const x = nsAbscissa(date, scratch(scratchF64, 1, n, Float64Array));
  const channels = mergedChannels(self, other, ia, ib, x, present, (_name, ctor) => arena.of(ctor));
  const source = mergedSource(self, other, ia, ib, arena.uint8());
  const t0 = self.t0;
  const sessionTime = arena.float64();
  const time = arena.float64();
  for (let k = 0; k < n; k++) sessionTime[k] = date[k]! - t0;
  for (let k = 0; k < n; k++) time[k] = sessionTime[k]! - sessionTime[0]!;
  return new Telemetry({ driver: self.length > 0 ? self.driver : other.driver, t0, date, sessionTime, time, source, channels });
}

/** Channels of either telemetry, in registry order. */
function presentChannels(self: Telemetry, other: Telemetry): ChannelName[] {
  return CHANNEL_NAMES.filter((c) => self.channels[c] !== undefined || other.channels[c] !== undefined);
}

/**
 * The channels of `self` merged with `other` on the union rows `ia`/`ib` (abscissa `x`), every gap
 * filled by the channel's rule; `self` wins where both have a value. `column(name, type)` gives the
 * array a channel is written to (union length).
 */
function mergedChannels(self: Telemetry, other: Telemetry, ia: Int32Array, ib: Int32Array, x: Float64Array,
  present: readonly ChannelName[], column: (name: ChannelName, ctor: ColumnCtor) => ChannelColumn): ChannelColumns {
  const n = ia.length;
  const channels: ChannelColumns = {};
  const quadratic: Float64Array[] = [];
  for (const name of present) {
    const cs = self.channels[name];
    const co = other.channels[name];
    if (cs === undefined && co === undefined) continue;
    const spec: ChannelSpec = CHANNELS[name];
    // Float channels are filled in their own column; integer ones in scratch, then stored.
    const tmp = spec.array === Float64Array ? column(name, Float64Array) as Float64Array : scratch(scratchF64, 2, n, Float64Array);
    const miss = spec.missing ?? NaN;
    if (co !== undefined) gather(tmp, co, ib, miss);
    else tmp.fill(NaN);
    if (cs !== undefined) overlay(tmp, cs, ia, miss);
    if (spec.fill === 'quadratic') quadratic.push(tmp);
    else if (spec.fill === 'linear') fillLinear(x, tmp);
    else fillDiscrete(tmp);
    // Quadratic channels are filled in place below, together (they often share their gaps).
    (channels as Record<string, unknown>)[name] = spec.array === Float64Array ? tmp : toStored(tmp, column(name, spec.array) as Int16Array | Uint8Array, spec.missing ?? 0);
  }
  fillQuadraticChannels(x, quadratic);
  return channels;
}

/** Source of each union row: `self`'s unless it has none there, then `other`'s, else interpolation. */
function mergedSource(self: Telemetry, other: Telemetry, ia: Int32Array, ib: Int32Array, source: Uint8Array): Uint8Array {
  for (let k = 0; k < ia.length; k++) {
    let s: number = NO_SOURCE;
    if (ib[k]! >= 0) s = other.source[ib[k]!]!;
    if (ia[k]! >= 0 && self.source[ia[k]!] !== NO_SOURCE) s = self.source[ia[k]!]!;
    source[k] = s === NO_SOURCE ? SampleSource.interpolation : s;
  }
  return source;
}

/**
 * The last step of a lap's telemetry: `self.mergeChannels(other)` with samples interpolated at
 * exactly `start` and `end` (session ms), cut to [start, end] with `time` from `start` — what
 * `mergeIntermediate(self, other, ·).sliceByTime(start, end, { interpolateEdges: true })` then
 * `owned()` give, written once into the result's own buffer. The merge goes into columns with a
 * free row at each end; an edge row is then made room for by moving the few rows outside the
 * window by one (they are cut off). The edge values are computed from the filled columns as
 * {@link withEdges} does; cases it sends to the general merge take the steps above instead.
 */
export function mergeLapWindow(self: Telemetry, other: Telemetry, start: number, end: number): Telemetry {
  if (self.driver !== other.driver && self.length > 0 && other.length > 0) throw new Error('cannot merge telemetry of different drivers');
  const stepwise = () => owned(mergeTelemetry(self, other).sliceByTime(start, end, { interpolateEdges: true }));
  if (!known(start) || !known(end) || start > end) return stepwise();
  const { ia, ib, date: unionDate } = unionRows(self.date, other.date);
  const n = unionDate.length;
  if (n === 0 || !ascending(unionDate)) return stepwise();
  const t0 = self.t0;
  // Where the edge rows go (before union row p and q), if their dates are not there already.
  const dStart = start + t0;
  const dEnd = end + t0;
  const p = lowerBound(unionDate, dStart);
  const q = lowerBound(unionDate, dEnd);
  const atStart = !(p < n && unionDate[p] === dStart);
  const atEnd = start !== end && !(q < n && unionDate[q] === dEnd);
  // Two edge rows next to each other: rows that are each other's neighbours (general path).
  if (atStart && atEnd && p === q) return stepwise();
  const present = presentChannels(self, other);
  const L = n + 2;
  // No session time or time column: the result derives them from Date when they are read.
  const arena = Arena.for(L, present.map((c) => CHANNELS[c].array), 1, 1);
  // Every column holds the union rows at [1, n + 1) while the merge fills them.
  const full = new Map<ChannelName, ChannelColumn>();
  const date = arena.float64();
  date.set(unionDate, 1);
  const merged = (a: ChannelColumn): ChannelColumn => a.subarray(1, n + 1);
  const mDate = merged(date) as Float64Array;
  const x = nsAbscissa(mDate, scratch(scratchF64, 1, n, Float64Array));
  const channels = mergedChannels(self, other, ia, ib, x, present, (name, ctor) => {
    const col = arena.of(ctor);
    full.set(name, col);
    return merged(col);
  });
  const source = arena.uint8();
  mergedSource(self, other, ia, ib, merged(source) as Uint8Array);
  // withEdges' test: a channel with gaps inside, or leading gaps it would not leave open, makes
  // the general merge necessary (the gaps are found in the columns just filled, still in cache).
  const leading = new Map<ChannelName, number>();
  for (const name of present) {
    const spec: ChannelSpec = CHANNELS[name];
    const g = scanGaps(channels[name]!, spec.missing);
    if (g.inner || (g.leading > 0 && spec.fill !== 'quadratic')) return stepwise();
    leading.set(name, g.leading);
  }
  const edgeRows: { u: number; date: number }[] = [];
  if (atStart) edgeRows.push({ u: p, date: dStart });
  if (atEnd) edgeRows.push({ u: q, date: dEnd });
  // Edge values from the merged columns (union indexing), before any row moves.
  const edgeValues = edgeRows.map(() => new Map<ChannelName, number>());
  const quadGroups: { lead: number; names: ChannelName[]; originals: Float64Array[] }[] = [];
  for (const name of present) {
    const spec: ChannelSpec = CHANNELS[name];
    const m = channels[name]!;
    if (spec.fill === 'quadratic') {
      const lead = leading.get(name)!;
      let g = quadGroups.find((q) => q.lead === lead);
      if (g === undefined) quadGroups.push((g = { lead, names: [], originals: [] }));
      g.names.push(name);
      g.originals.push(m as Float64Array);
      continue;
    }
    edgeRows.forEach((e, r) => {
      const prev = e.u - 1;
      const next = e.u < n ? e.u : -1;
      const v = spec.fill === 'discrete' ? m[prev >= 0 ? prev : next]!
        : prev < 0 ? m[next]! : next < 0 ? m[prev]!
        : interpBetween(mDate[prev]! * 1e6, mDate[next]! * 1e6, m[prev]!, m[next]!, e.date * 1e6);
      edgeValues[r]!.set(name, v);
    });
  }
  if (quadGroups.length > 0) {
    const val = new Float64Array(8);
    for (const g of quadGroups) {
      edgeRows.forEach((e, r) => {
        quadraticAt(mDate, g.originals, e.date * 1e6, val);
        g.names.forEach((name, j) => edgeValues[r]!.set(name, val[j]!));
      });
    }
  }
  // Room for the edge rows: the rows before the start edge move down by one, those after the end
  // edge up by one (only the window's padding rows, which the cut drops).
  const place = (col: ChannelColumn, atStartValue: number, atEndValue: number) => {
    if (atStart) { col.copyWithin(0, 1, p + 1); col[p] = atStartValue; }
    if (atEnd) { col.copyWithin(q + 2, q + 1, n + 1); col[q + 1] = atEndValue; }
  };
  const vStart = atStart ? edgeValues[0]! : undefined;
  const vEnd = atEnd ? edgeValues[edgeRows.length - 1]! : undefined;
  place(date, dStart, dEnd);
  place(source, SampleSource.interpolation, SampleSource.interpolation);
  for (const name of present) place(full.get(name)!, vStart?.get(name) ?? 0, vEnd?.get(name) ?? 0);
  const lo = atStart ? 0 : 1;
  const hi = atEnd ? n + 2 : n + 1;
  // The cut, as sliceByTime makes it on the session times Date − t0 (sorted, as the dates are).
  const first = lo + lowerBound(date.subarray(lo, hi), start, t0);
  const last = lo + upperBound(date.subarray(lo, hi), end, t0) - 1;
  const driver = self.length > 0 ? self.driver : other.driver;
  if (first > last) return Telemetry.empty(driver, t0);
  const cut: ChannelColumns = {};
  for (const name of present) (cut as Record<string, unknown>)[name] = full.get(name)!.subarray(first, last + 1);
  // Session time (Date − t0) and time (session time − start) as the steps stored them, on read.
  return new Telemetry({
    driver, t0, date: date.subarray(first, last + 1), timeOrigin: start, source: source.subarray(first, last + 1), channels: cut,
  });
}

/** Whether the values never decrease (not cached: for scratch arrays). */
function ascending(a: Float64Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]!) return false;
  return true;
}

/**
 * `car.mergeChannels(ahead)` for the lap pipeline's first merge, where `ahead` holds DriverAhead
 * and DistanceToDriverAhead on car rows 1 … n − 2 (the car data without its padding rows): both
 * have the same timestamps, so the merge only attaches the two columns and fills their first and
 * last row (and DistanceToDriverAhead's gaps) the way it would. null when that would not be the
 * merge's result: dates not strictly increasing (rows would pair otherwise), fewer than three
 * rows, or a car channel with gaps of its own (the merge would fill them). The car channels keep
 * their arrays and types (the next merge reads values only: the merge's copies in the registry's
 * types hold the same numbers), and so does the source (a car row with no source becomes
 * interpolation in the next merge either way).
 */
export function attachDriverAhead(car: Telemetry, driverAhead: Int16Array, distanceToDriverAhead: Float64Array): Telemetry | null {
  const n = car.length;
  if (n < 3 || driverAhead.length !== n - 2 || distanceToDriverAhead.length !== n - 2) return null;
  const date = car.date;
  for (let i = 1; i < n; i++) if (!(date[i]! > date[i - 1]!)) return null;
  for (const name of car.channelNames()) {
    const g = scanGaps(car.channels[name]!, (CHANNELS[name] as ChannelSpec).missing);
    if (g.leading > 0 || g.inner) return null;
  }
  // DriverAhead: discrete, so the padding rows take their neighbour's value (back, forward fill).
  const who = lapColumnI16(LapSlot.attachedDriver, n);
  who.set(driverAhead, 1);
  who[0] = driverAhead[0]!;
  who[n - 1] = driverAhead[n - 3]!;
  // DistanceToDriverAhead: linear over every gap, ends held (NaN where no car is ahead inside).
  const dist = lapColumnF64(LapSlot.attachedDistance, n);
  dist.set(distanceToDriverAhead, 1);
  dist[0] = NaN;
  dist[n - 1] = NaN;
  fillLinear(nsAbscissa(date, scratch(scratchF64, 1, n, Float64Array)), dist);
  return new Telemetry({
    driver: car.driver, t0: car.t0, date, source: car.source,
    channels: { ...car.channels, driverAhead: who, distanceToDriverAhead: dist },
  });
}

// Working columns of one lap telemetry call (distance, relative distance, driver ahead and its
// inputs): they never leave the call — the last merge copies what it keeps — so one set is reused
// from call to call instead of a fresh set per lap that lives on as garbage until V8 collects it
// (a whole session's set is ~0.6 MB per driver). Valid until the next lap telemetry call.
const lapF64: Float64Array[] = [];
const lapI16: Int16Array[] = [];
/** A reused float column of the lap pipeline (slots: see where they are taken). */
export function lapColumnF64(slot: number, n: number): Float64Array {
  let a = lapF64[slot];
  if (a === undefined || a.length < n) lapF64[slot] = a = new Float64Array(reusedLength(n));
  return a.subarray(0, n);
}
/** A reused int16 column of the lap pipeline. */
export function lapColumnI16(slot: number, n: number): Int16Array {
  let a = lapI16[slot];
  if (a === undefined || a.length < n) lapI16[slot] = a = new Int16Array(reusedLength(n));
  return a.subarray(0, n);
}

/**
 * `car.withDistance().withRelativeDistance()` with both columns in the lap pipeline's reused
 * columns (same arithmetic, same order). For the lap pipeline only.
 */
export function withLapDistance(car: Telemetry): Telemetry {
  const n = car.length;
  const ds = differentialDistance(car, lapColumnF64(LapSlot.distance, n));
  for (let i = 1; i < n; i++) ds[i] = ds[i - 1]! + ds[i]!;
  const rel = lapColumnF64(LapSlot.relativeDistance, n);
  const lastD = ds[n - 1]!;
  for (let i = 0; i < n; i++) rel[i] = ds[i]! / lastD;
  return car.withChannel('distance', ds).withChannel('relativeDistance', rel);
}

/** Slots of {@link lapColumnF64} / {@link lapColumnI16}. */
export const LapSlot = {
  distance: 0, relativeDistance: 1, aheadDistance: 2, ownDistance: 3, window: 4, attachedDistance: 5,
  aheadDriver: 0, attachedDriver: 1,
} as const;
