// Collects per-driver samples of a `.z` topic (CarData, Position) while its stream is read.
import { parseIsoMicrosBytes } from './iso-date.js';

/** Storage of a channel while reading: the narrow type the feed's integers fit, or a wider one. */
export type SampleColumn = Float64Array | Float32Array | Uint16Array | Uint8Array;
type ColumnCtor = new (length: number) => SampleColumn;

/** Lines of the stream read so far and in all: the columns are sized from the rate seen so far. */
export interface ReadProgress {
  done: number;
  total: number;
}

/** One driver's columns while reading: the sample UTC (epoch µs) plus one column per channel. */
export class DriverSamples {
  utc: Float64Array;
  cols: SampleColumn[];
  length = 0;
  /** Length at the last committed message; a failed message rolls back to it. */
  committed = 0;
  touched = false;
  // A few rows only: the columns then grow during the first lines, while V8 still interprets the
  // reader. Growing for the first time after the reader is compiled (it is by the ~200th line)
  // would meet code the compiler never saw run: the compiled reader would be thrown away and
  // compiled again, ~100 ms of a cold process.
  /** The line the driver first appeared at: its rows per line are counted from there. */
  private readonly since: number;
  constructor(readonly driver: string, kinds: readonly ColumnCtor[], private readonly progress: ReadProgress, capacity = 2) {
    this.utc = new Float64Array(capacity);
    this.cols = kinds.map((K) => new K(capacity));
    this.since = progress.done;
  }

  get width(): number {
    return this.cols.length;
  }

  /** Makes room for one more row and returns its index. */
  next(): number {
    if (this.length === this.utc.length) this.grow();
    return this.length++;
  }

  private grow(): void {
    const cap = this.utc.length;
    const lines = this.progress.done - this.since;
    // Doubling over the driver's first lines; then straight to what its rows per line so far give
    // for the rest of the stream (+3 %), so that columns end up a few percent larger than their
    // content, not up to twice (the columns are kept as they are: views of these buffers).
    const next = lines < 32 ? cap * 2
      : Math.max(Math.ceil(cap * 1.125), Math.ceil((this.length / lines) * (this.progress.total - this.since) * 1.03) + 16);
    const g = <A extends SampleColumn>(a: A): A => { const b = new (a.constructor as new (n: number) => A)(next); b.set(a as never); return b; };
    this.utc = g(this.utc);
    // In place: a new array here would be another map to the compiled reader (see the constructor).
    for (let i = 0; i < this.cols.length; i++) this.cols[i] = g(this.cols[i]!);
  }

  /**
   * Column i as `Wide` (a value that does not fit the narrow type arrived): the rows so far are
   * copied over. Returns the column, already wide or widened.
   */
  widen(i: number, Wide: ColumnCtor): SampleColumn {
    const c = this.cols[i]!;
    if (c instanceof Wide) return c;
    const w = new Wide(c.length);
    w.set(c as never);
    this.cols[i] = w;
    return w;
  }

  /** The filled part of column i (a view; the builder is discarded after reading). */
  column(i: number): SampleColumn {
    return this.cols[i]!.subarray(0, this.length);
  }

  /** The filled part of the timestamps (a view). */
  times(): Float64Array {
    return this.utc.subarray(0, this.length);
  }
}

/**
 * Accumulates samples of any number of messages. A message is committed whole or not at all, so a
 * line that fails half-way never leaves partial rows behind.
 */
export class SampleBuilder {
  readonly byKey = new Map<string, DriverSamples>();
  // Racing numbers are 1–99: an array filled up front keeps one element kind (no map change, which
  // would throw the compiled reader away, see DriverSamples).
  private readonly byNumber: (DriverSamples | undefined)[] = new Array<DriverSamples | undefined>(100).fill(undefined);
  private touched: DriverSamples[] = [];
  /** max(Utc − line time) in µs over committed samples: the input of t0. */
  maxOffset = -Infinity;
  /** The same over the current message, applied on commit. */
  pendingOffset = -Infinity;
  /** Set by the reader as it goes through the stream's lines. */
  readonly progress: ReadProgress = { done: 0, total: 0 };

  /** `kinds`: the narrow array type of each channel column. */
  constructor(private readonly kinds: readonly ColumnCtor[]) {}

  get width(): number {
    return this.kinds.length;
  }

  driverByNumber(n: number): DriverSamples {
    let d = this.byNumber[n];
    if (d === undefined) {
      d = this.driver(String(n));
      this.byNumber[n] = d;
    }
    return d;
  }

  driver(key: string): DriverSamples {
    let d = this.byKey.get(key);
    if (d === undefined) {
      d = new DriverSamples(key, this.kinds, this.progress);
      this.byKey.set(key, d);
    }
    if (!d.touched) {
      d.touched = true;
      this.touched.push(d);
    }
    return d;
  }

  /** Marks a driver fetched through the numeric cache as part of the current message. */
  touch(d: DriverSamples): void {
    if (!d.touched) {
      d.touched = true;
      this.touched.push(d);
    }
  }

  commit(): void {
    for (const d of this.touched) { d.committed = d.length; d.touched = false; }
    this.touched.length = 0;
    if (this.pendingOffset > this.maxOffset) this.maxOffset = this.pendingOffset;
    this.pendingOffset = -Infinity;
  }

  abort(): void {
    for (const d of this.touched) { d.length = d.committed; d.touched = false; }
    this.touched.length = 0;
    this.pendingOffset = -Infinity;
  }
}

/** Thrown by a fast reader when a payload is not in the compact shape it expects. */
export class ScanMismatch extends Error {}
export const SCAN_MISMATCH = new ScanMismatch('unexpected payload shape');

/** Expects the ASCII `lit` at `p` in `b`; returns the position after it or throws ScanMismatch. */
export function lit(b: Uint8Array, p: number, text: Uint8Array): number {
  const n = text.length;
  for (let i = 0; i < n; i++) if (b[p + i] !== text[i]) throw SCAN_MISMATCH;
  return p + n;
}

/**
 * Reads an entry's quoted ISO timestamp at `p` (just after its opening quote) into `out.v` as epoch
 * microseconds and raises the builder's pending line offset (UTC − line time), from which t0 comes.
 * Returns the position after the closing quote.
 */
export function scanEntryUtc(b: Uint8Array, p: number, end: number, lineTime: number, builder: SampleBuilder, out: { v: number }): number {
  const start = p;
  while (p < end && b[p] !== 34) p++;
  const utc = parseIsoMicrosBytes(b, start, p);
  if (Number.isNaN(utc) || p >= end) throw SCAN_MISMATCH;
  // The line time is in ms: `lineTime * 1000` leaves int32 after 35.8 min of session, and as a
  // small-integer multiply it would then throw the compiled readers away (and have them compiled
  // again). Halving first makes it a double multiply from the first line; both steps are exact.
  const off = utc - lineTime * 0.5 * 2000;
  if (off > builder.pendingOffset) builder.pendingOffset = off;
  out.v = utc;
  return p + 1;
}

/** Reads a quoted racing-number key (`"44"`, no leading zero, at most 4 digits) into `out.v`; returns the position after it. */
export function scanDriverKey(b: Uint8Array, p: number, out: { v: number }): number {
  if (b[p] !== 34) throw SCAN_MISMATCH;
  p++;
  let n = 0;
  const start = p;
  while (b[p]! >= 48 && b[p]! <= 57) { n = n * 10 + b[p]! - 48; p++; }
  if (b[p] !== 34 || p === start || p - start > 4 || (p - start > 1 && b[start] === 48)) throw SCAN_MISMATCH;
  out.v = n;
  return p + 1;
}

export const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * Sorted union of a driver's timestamps with the reference's. `order[k]` is the driver's row for
 * union row k, or -1 for a reference-only timestamp. Equal timestamps are joined one to one.
 */
export function unionOrder(own: Float64Array, ref: Float64Array): { order: Int32Array; dates: Float64Array } {
  const ownIdx = sortedIndex(own);
  const refSorted = Float64Array.from(ref).sort();
  const order: number[] = [];
  const dates: number[] = [];
  let i = 0;
  let j = 0;
  while (i < ownIdx.length || j < refSorted.length) {
    const a = i < ownIdx.length ? own[ownIdx[i]!]! : Infinity;
    const b = j < refSorted.length ? refSorted[j]! : Infinity;
    if (a <= b) {
      order.push(ownIdx[i]!);
      dates.push(a);
      i++;
      if (a === b) j++;
    } else {
      order.push(-1);
      dates.push(b);
      j++;
    }
  }
  return { order: Int32Array.from(order), dates: Float64Array.from(dates) };
}

function sortedIndex(v: Float64Array): Int32Array {
  const idx = new Int32Array(v.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  let sorted = true;
  for (let i = 1; i < v.length; i++) if (v[i]! < v[i - 1]!) { sorted = false; break; }
  if (!sorted) idx.sort((a, b) => v[a]! - v[b]! || a - b);
  return idx;
}

/** The driver with the most samples (first such in stream order): FastF1's gap-filling reference. */
export function referenceDates(drivers: Iterable<{ utcMicros: Float64Array }>): Float64Array | null {
  let ref: Float64Array | null = null;
  for (const d of drivers) if (ref === null || d.utcMicros.length > ref.length) ref = d.utcMicros;
  return ref;
}

/**
 * Reads a JSON number starting at `p` (compact form, ending before `end`); returns the next position
 * and the value in `out.v`.
 */
export function readNumber(b: Uint8Array, p: number, end: number, out: { v: number }): number {
  const start = p;
  // Branch-free sign: code first met after the reader is compiled (a negation or increment only
  // for '-': CarData has no negative value, Position's coordinates do) would throw it away.
  const minus = b[p] === 45 ? 1 : 0;
  const sign = 1 - 2 * minus;
  p += minus;
  let v = 0;
  let digits = 0;
  for (;;) {
    const c = b[p]! - 48;
    // Written so that NaN (read past the end of the array) stops too: a payload cut inside a
    // number looped for ever.
    if (!(c >= 0 && c <= 9)) break;
    v = v * 10 + c;
    digits++;
    p++;
  }
  if (digits === 0) {
    if (b[p] === 110 && b[p + 1] === 117 && b[p + 2] === 108 && b[p + 3] === 108) { out.v = NaN; return p + 4; }
    throw SCAN_MISMATCH;
  }
  const c = b[p];
  if (c === 46 || c === 101 || c === 69 || digits > 15) {
    while (p < end) {
      const d = b[p]!;
      if ((d >= 48 && d <= 57) || d === 43 || d === 45 || d === 46 || d === 101 || d === 69) p++;
      else break;
    }
    const n = Number(Buffer.from(b.buffer, b.byteOffset + start, p - start).toString('latin1'));
    if (Number.isNaN(n)) throw SCAN_MISMATCH;
    out.v = n;
    return p;
  }
  out.v = v * sign;
  return p;
}

/**
 * `col` on the rows of `order` (from {@link unionOrder}), in an array of the same type; `fill` where
 * the order has no row of the driver, or where `col` holds NaN.
 */
export function takeRows<A extends SampleColumn>(col: A, order: Int32Array, fill: number): A {
  const out = new (col.constructor as new (n: number) => A)(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const v = i >= 0 ? col[i]! : fill;
    out[k] = v === v ? v : fill;
  }
  return out;
}
