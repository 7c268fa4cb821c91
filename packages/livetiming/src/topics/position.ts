// Position.z: per-driver car positions (about 4.5 Hz). Each line inflates to
// {"Position":[{"Timestamp":ISO,"Entries":{"<nr>":{"Status":"OnTrack","X":…,"Y":…,"Z":…}}}]}.
// X/Y/Z are in 1/10 m from 2020 on. A numeric (legacy) status maps non-zero to OffTrack.
import { type ParseReport, type StreamMessage } from '../stream/index.js';
import { utf8BomLength } from '../stream/lines.js';
import { parseIsoMicros } from '../telemetry/iso-date.js';
import {
  SCAN_MISMATCH, SampleBuilder, scanDriverKey, scanEntryUtc, ascii, lit, readNumber, referenceDates, takeRows, unionOrder,
  type DriverSamples,
} from '../telemetry/sample-builder.js';
import { readZStream, type TelemetryParseReport } from './car-data.js';

const OFF_TRACK_CODE = 2;

export interface RawPositionChannels {
  /** Sample UTC in epoch microseconds. */
  readonly utcMicros: Float64Array;
  /**
   * NaN where the feed had no value. float32 holds the feed's integer coordinates exactly (half the
   * memory of float64); a driver with a value float32 cannot hold gets float64 for that channel.
   */
  readonly x: Float32Array | Float64Array;
  readonly y: Float32Array | Float64Array;
  readonly z: Float32Array | Float64Array;
  /** 0 unknown, 1 OnTrack, 2 OffTrack (see STATUS_NAMES). */
  readonly status: Uint8Array;
}

export interface RawPositionData {
  readonly drivers: Map<string, RawPositionChannels>;
  /** max(Utc − line session time) over every real sample, in µs. */
  readonly maxOffsetMicros: number;
  readonly report: TelemetryParseReport;
}

function statusCode(v: unknown): number {
  if (v === 'OnTrack') return 1;
  if (v === 'OffTrack') return 2;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return Number(v) !== 0 ? 2 : 1;
  return 0;
}

// Holds doubles (µs timestamps, coordinates) from the start: a small integer first would change
// the field's representation later and throw the compiled reader away.
const num = { v: 0.5 };
const L_POSITION = ascii('{"Position":[');
const L_TIMESTAMP = ascii('{"Timestamp":"');
const L_ENTRIES = ascii(',"Entries":{');
const L_STATUS = ascii(':{"Status":"');
const L_X = ascii(',"X":');
const L_Y = ascii(',"Y":');
const L_Z = ascii(',"Z":');
const ON_TRACK = ascii('OnTrack"');
const OFF_TRACK = ascii('OffTrack"');

/** Fast path over `b[0, end)`, the compact form of the feed; any other shape throws ScanMismatch. */
function scanPositionMessage(b: Uint8Array, end: number, lineTime: number, out: SampleBuilder): void {
  let p = utf8BomLength(b);
  p = lit(b, p, L_POSITION);
  if (b[p] === 93) p++;
  else {
    for (;;) {
      p = scanEntryUtc(b, lit(b, p, L_TIMESTAMP), end, lineTime, out, num);
      const utc = num.v;
      p = lit(b, p, L_ENTRIES);
      if (b[p] === 125) p++;
      else {
        for (;;) {
          p = scanDriverKey(b, p, num);
          const n = num.v;
          p = lit(b, p, L_STATUS);
          let status: number;
          if (b[p] === 79 && b[p + 1] === 110) { p = lit(b, p, ON_TRACK); status = 1; }
          else { p = lit(b, p, OFF_TRACK); status = 2; }
          p = readNumber(b, lit(b, p, L_X), end, num);
          const x = num.v;
          p = readNumber(b, lit(b, p, L_Y), end, num);
          const y = num.v;
          p = readNumber(b, lit(b, p, L_Z), end, num);
          const z = num.v;
          if (b[p] !== 125) throw SCAN_MISMATCH;
          p++;
          const d = out.driverByNumber(n);
          out.touch(d);
          storePosition(d, utc, x, y, z, status);
          const c = b[p];
          if (c === 44) { p++; continue; }
          if (c === 125) { p++; break; }
          throw SCAN_MISMATCH;
        }
      }
      if (b[p] !== 125) throw SCAN_MISMATCH;
      p++;
      const c = b[p];
      if (c === 44) { p++; continue; }
      if (c === 93) { p++; break; }
      throw SCAN_MISMATCH;
    }
  }
  if (b[p] !== 125) throw SCAN_MISMATCH;
  p++;
  while (p < end && (b[p] === 32 || b[p] === 10 || b[p] === 13 || b[p] === 9)) p++;
  if (p !== end) throw SCAN_MISMATCH;
  out.commit();
}

/** Column types while reading: X, Y, Z, Status. */
const POS_KINDS = [Float32Array, Float32Array, Float32Array, Uint8Array];

/**
 * Appends one sample, one statement per column (see storeCar); a coordinate float32 would round
 * widens the driver's column to float64.
 */
function storePosition(d: DriverSamples, utc: number, x: number, y: number, z: number, status: number): void {
  const row = d.next();
  d.utc[row] = utc;
  const c = d.cols;
  if (Math.fround(x) === x || x !== x) c[0]![row] = x; else d.widen(0, Float64Array)[row] = x;
  if (Math.fround(y) === y || y !== y) c[1]![row] = y; else d.widen(1, Float64Array)[row] = y;
  if (Math.fround(z) === z || z !== z) c[2]![row] = z; else d.widen(2, Float64Array)[row] = z;
  c[3]![row] = status;
}

function coord(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

function walkPositionMessage(msg: unknown, lineTime: number, out: SampleBuilder): void {
  const samples = (msg as { Position?: unknown } | null)?.Position;
  if (!Array.isArray(samples)) throw new Error('position message without Position');
  for (const sample of samples) {
    const s = sample as { Timestamp?: unknown; Entries?: unknown } | null;
    const utc = parseIsoMicros(s?.Timestamp as string);
    if (Number.isNaN(utc)) throw new Error('position sample without Timestamp');
    const entries = s!.Entries;
    if (typeof entries !== 'object' || entries === null) throw new Error('position sample without Entries');
    const off = utc - lineTime * 1000;
    if (off > out.pendingOffset) out.pendingOffset = off;
    for (const [key, e] of Object.entries(entries as Record<string, unknown>)) {
      const v = (e ?? {}) as Record<string, unknown>;
      storePosition(out.driver(key), utc, coord(v.X), coord(v.Y), coord(v.Z), statusCode(v.Status));
    }
  }
  out.commit();
}

function finishPosition(builder: SampleBuilder, report: ParseReport): RawPositionData {
  const raw = new Map<string, RawPositionChannels>();
  for (const [key, d] of builder.byKey) {
    if (d.length === 0) continue;
    const xyz = (i: number) => d.column(i) as Float32Array | Float64Array;
    raw.set(key, { utcMicros: d.times(), x: xyz(0), y: xyz(1), z: xyz(2), status: d.column(3) as Uint8Array });
  }
  const filledDrivers: { driver: string; added: number }[] = [];
  const ref = referenceDates(raw.values());
  const drivers = new Map<string, RawPositionChannels>();
  for (const [key, d] of raw) {
    if (ref === null || d.utcMicros.length >= ref.length) { drivers.set(key, d); continue; }
    // FastF1: outer join on the reference's timestamps, then every missing coordinate becomes 0 and
    // every missing status OffTrack (its fillna covers the driver's own gaps too).
    const { order, dates } = unionOrder(d.utcMicros, ref);
    drivers.set(key, {
      utcMicros: dates, x: takeRows(d.x, order, 0), y: takeRows(d.y, order, 0), z: takeRows(d.z, order, 0),
      status: Uint8Array.from(order, (i) => (i >= 0 ? (d.status[i] || OFF_TRACK_CODE) : OFF_TRACK_CODE)),
    });
    filledDrivers.push({ driver: key, added: dates.length - d.utcMicros.length });
  }
  return { drivers, maxOffsetMicros: builder.maxOffset, report: { ...report, filledDrivers } };
}

/** Reads a whole `Position.z.jsonStream` file (text or bytes, see parseCarDataStream). Undecodable lines are skipped and counted. */
export function parsePositionStream(input: string | Uint8Array): RawPositionData {
  const builder = new SampleBuilder(POS_KINDS);
  return finishPosition(builder, readZStream(input, builder, scanPositionMessage, walkPositionMessage));
}

/** Same result from messages already decoded by `parseStream(text, { compressed: true })`. */
export function positionFromMessages(messages: readonly StreamMessage[]): RawPositionData {
  const report: ParseReport = { lines: messages.length, corrupt: [] };
  const builder = new SampleBuilder(POS_KINDS);
  builder.progress.total = messages.length;
  messages.forEach((m, i) => {
    builder.progress.done = i;
    try {
      walkPositionMessage(m.data, m.time, builder);
    } catch (err) {
      builder.abort();
      report.corrupt.push({ line: i + 1, reason: (err as Error).message });
    }
  });
  return finishPosition(builder, report);
}
