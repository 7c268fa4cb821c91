// CarData.z: per-driver car channels as sent (about 4 Hz). Each line inflates to
// {"Entries":[{"Utc":ISO,"Cars":{"<nr>":{"Channels":{"0":rpm,"2":speed,"3":gear,"4":throttle,
// "5":brake,"45":drs}}}}]}. Missing channels read as 0 (DRS is no longer sent from 2026).
import { type ParseReport, type StreamMessage } from '../stream/index.js';
import { inflateRawInto, inflated } from '../stream/inflate.js';
import { StreamLineReader, utf8BomLength } from '../stream/lines.js';
import { parseIsoMicros } from '../telemetry/iso-date.js';
import {
  SCAN_MISMATCH, SampleBuilder, scanDriverKey, scanEntryUtc, ScanMismatch, ascii, lit, readNumber, referenceDates, takeRows, unionOrder,
  type DriverSamples, type SampleColumn,
} from '../telemetry/sample-builder.js';

/**
 * One driver's car samples in stream order. Values are the raw integers of the feed, held in the
 * narrowest array that the feed's values fit (RPM and speed 16 bits, gear, throttle and DRS 8 bits:
 * a third of the memory of float64 columns). A driver whose values do not fit (never seen in the
 * archive) gets float64 for that channel, so values are never cut.
 */
export interface RawCarChannels {
  /** Sample UTC in epoch microseconds (digits beyond µs dropped, as FastF1's parser does). */
  readonly utcMicros: Float64Array;
  readonly rpm: Uint16Array | Float64Array;
  readonly speed: Uint16Array | Float64Array;
  readonly nGear: Uint8Array | Float64Array;
  readonly throttle: Uint8Array | Float64Array;
  /** 1 when the brake channel is non-zero. */
  readonly brake: Uint8Array;
  /** Raw DRS code (0/1/8 closed, 10/12/14 open); 0 when absent. */
  readonly drs: Uint8Array | Float64Array;
}

export interface TelemetryParseReport extends ParseReport {
  /** Drivers completed with filler rows on the reference driver's timestamps, and how many rows. */
  filledDrivers: { driver: string; added: number }[];
}

export interface RawCarData {
  /** Per racing number, in order of first appearance in the stream. */
  readonly drivers: Map<string, RawCarChannels>;
  /**
   * max(Utc − line session time) over every real sample, in µs: the input of t0 (the sample with
   * the least transmission delay is taken as the truth).
   */
  readonly maxOffsetMicros: number;
  /** Brake values strictly between 0 and 100 (FastF1 warns about these; we count them). */
  readonly nonBooleanBrake: number;
  readonly report: TelemetryParseReport;
}

// Channel ids of the feed, in column order: RPM, Speed, nGear, Throttle, Brake, DRS.
const CHANNEL_IDS = [0, 2, 3, 4, 5, 45] as const;
const CH_SLOT = new Int8Array(46).fill(-1);
CHANNEL_IDS.forEach((id, slot) => { CH_SLOT[id] = slot; });

/** Python's int() of a channel value; null/absent/unparseable → 0 (missing channels are 0). */
function channelInt(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : typeof v === 'boolean' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

// Holds doubles (µs timestamps, coordinates) from the start: a small integer first would change
// the field's representation later and throw the compiled reader away.
const num = { v: 0.5 };
const L_ENTRIES = ascii('{"Entries":[');
const L_UTC = ascii('{"Utc":"');
const L_CARS = ascii(',"Cars":{');
const L_CHANNELS = ascii(':{"Channels":{');

/**
 * Fast path over the inflated bytes `b[0, end)` of the compact form the feed sends. Anything else
 * (other key order, whitespace, escapes) throws ScanMismatch and goes through JSON.parse instead.
 */
function scanCarMessage(b: Uint8Array, end: number, lineTime: number, out: SampleBuilder): void {
  let p = utf8BomLength(b);
  p = lit(b, p, L_ENTRIES);
  if (b[p] === 93) p++;
  else {
    for (;;) {
      p = scanEntryUtc(b, lit(b, p, L_UTC), end, lineTime, out, num);
      const utc = num.v;
      p = lit(b, p, L_CARS);
      if (b[p] === 125) p++;
      else {
        for (;;) {
          p = scanDriverKey(b, p, num);
          const d = out.driverByNumber(num.v);
          out.touch(d);
          vals[0] = 0; vals[1] = 0; vals[2] = 0; vals[3] = 0; vals[4] = 0; vals[5] = 0;
          p = lit(b, p, L_CHANNELS);
          if (b[p] === 125) p++;
          else {
            for (;;) {
              if (b[p] !== 34) throw SCAN_MISMATCH;
              p++;
              let id = 0;
              const cs = p;
              while (b[p]! >= 48 && b[p]! <= 57) { id = id * 10 + b[p]! - 48; p++; }
              if (b[p] !== 34 || b[p + 1] !== 58 || p === cs) throw SCAN_MISMATCH;
              p = readNumber(b, p + 2, end, num);
              const slot = id < CH_SLOT.length ? CH_SLOT[id]! : -1;
              if (slot >= 0) vals[slot] = Number.isFinite(num.v) ? Math.trunc(num.v) : 0;
              const c = b[p];
              if (c === 44) { p++; continue; }
              if (c === 125) { p++; break; }
              throw SCAN_MISMATCH;
            }
          }
          if (b[p] !== 125) throw SCAN_MISMATCH; // end of the car object
          p++;
          storeCar(d, utc, vals);
          const c = b[p];
          if (c === 44) { p++; continue; }
          if (c === 125) { p++; break; }
          throw SCAN_MISMATCH;
        }
      }
      if (b[p] !== 125) throw SCAN_MISMATCH; // end of the entry
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

/** One car's channel values of the message being read, in column order. */
const vals = new Float64Array(6);

/** Column types while reading: RPM, Speed, nGear, Throttle, Brake (raw value), DRS. */
const CAR_KINDS = [Uint16Array, Uint16Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
const U16 = 0xffff;
const U8 = 0xff;

/**
 * Appends one sample. Each column is written by its own statement (one array type per site keeps
 * the compiled reader fast); a value outside the narrow type's range widens the driver's column.
 */
function storeCar(d: DriverSamples, utc: number, v: Float64Array): void {
  const row = d.next();
  d.utc[row] = utc;
  const c = d.cols;
  const rpm = v[0]!;
  if (rpm >= 0 && rpm <= U16) c[0]![row] = rpm; else d.widen(0, Float64Array)[row] = rpm;
  const speed = v[1]!;
  if (speed >= 0 && speed <= U16) c[1]![row] = speed; else d.widen(1, Float64Array)[row] = speed;
  const gear = v[2]!;
  if (gear >= 0 && gear <= U8) c[2]![row] = gear; else d.widen(2, Float64Array)[row] = gear;
  const throttle = v[3]!;
  if (throttle >= 0 && throttle <= U8) c[3]![row] = throttle; else d.widen(3, Float64Array)[row] = throttle;
  const brake = v[4]!;
  if (brake >= 0 && brake <= U8) c[4]![row] = brake; else d.widen(4, Float64Array)[row] = brake;
  const drs = v[5]!;
  if (drs >= 0 && drs <= U8) c[5]![row] = drs; else d.widen(5, Float64Array)[row] = drs;
}

/** Object path: a decoded message (JSON.parse or parseStream). Throws on unusable messages. */
function walkCarMessage(msg: unknown, lineTime: number, out: SampleBuilder): void {
  const entries = (msg as { Entries?: unknown } | null)?.Entries;
  if (!Array.isArray(entries)) throw new Error('car data message without Entries');
  for (const entry of entries) {
    const e = entry as { Utc?: unknown; Cars?: unknown } | null;
    const utc = parseIsoMicros(e?.Utc as string);
    if (Number.isNaN(utc)) throw new Error('car data entry without Utc');
    const cars = e!.Cars;
    if (typeof cars !== 'object' || cars === null) throw new Error('car data entry without Cars');
    const off = utc - lineTime * 1000;
    if (off > out.pendingOffset) out.pendingOffset = off;
    for (const [key, car] of Object.entries(cars as Record<string, unknown>)) {
      const ch = (car as { Channels?: Record<string, unknown> } | null)?.Channels ?? {};
      for (let i = 0; i < 6; i++) vals[i] = channelInt(ch[String(CHANNEL_IDS[i])]);
      storeCar(out.driver(key), utc, vals);
    }
  }
  out.commit();
}

/**
 * Writes the flag of each raw brake value into `brake` (which may be `raw`) and returns how many
 * values lie strictly between 0 and 100. Its own function: the loop is what gets compiled on the
 * spot (on-stack replacement), not the whole of finishCarData with code not run yet.
 */
function brakeFlags(raw: SampleColumn, brake: Uint8Array): number {
  let nonBoolean = 0;
  for (let i = 0; i < brake.length; i++) {
    const v = raw[i]!;
    if (v > 0 && v < 100) nonBoolean++;
    brake[i] = v !== 0 ? 1 : 0;
  }
  return nonBoolean;
}

/** Per-driver columns, gap-filled as FastF1 does. */
function finishCarData(builder: SampleBuilder, report: ParseReport): RawCarData {
  const raw = new Map<string, RawCarChannels>();
  let nonBooleanBrake = 0;
  for (const [key, d] of builder.byKey) {
    const n = d.length;
    if (n === 0) continue;
    // The raw brake value becomes a flag, in place when the column is bytes.
    const braw = d.column(4);
    const brake = braw instanceof Uint8Array ? braw : new Uint8Array(n);
    nonBooleanBrake += brakeFlags(braw, brake);
    raw.set(key, {
      utcMicros: d.times(), rpm: d.column(0) as RawCarChannels['rpm'], speed: d.column(1) as RawCarChannels['speed'],
      nGear: d.column(2) as RawCarChannels['nGear'], throttle: d.column(3) as RawCarChannels['throttle'], brake,
      drs: d.column(5) as RawCarChannels['drs'],
    });
  }
  const filledDrivers: { driver: string; added: number }[] = [];
  const ref = referenceDates(raw.values());
  const drivers = new Map<string, RawCarChannels>();
  for (const [key, d] of raw) {
    if (ref === null || d.utcMicros.length >= ref.length) { drivers.set(key, d); continue; }
    // FastF1: a driver with fewer samples than the reference is outer-joined on the reference's
    // timestamps; the added rows are zeros (brake off).
    const { order, dates } = unionOrder(d.utcMicros, ref);
    drivers.set(key, {
      utcMicros: dates, rpm: takeRows(d.rpm, order, 0), speed: takeRows(d.speed, order, 0), nGear: takeRows(d.nGear, order, 0),
      throttle: takeRows(d.throttle, order, 0), brake: takeRows(d.brake, order, 0), drs: takeRows(d.drs, order, 0),
    });
    filledDrivers.push({ driver: key, added: dates.length - d.utcMicros.length });
  }
  return { drivers, maxOffsetMicros: builder.maxOffset, nonBooleanBrake, report: { ...report, filledDrivers } };
}

/**
 * Reads a whole `CarData.z.jsonStream` file: its text, or better its bytes as read (no string of the
 * whole file is then made). Undecodable lines are skipped and counted, never fatal.
 */
export function parseCarDataStream(input: string | Uint8Array): RawCarData {
  const builder = new SampleBuilder(CAR_KINDS);
  return finishCarData(builder, readZStream(input, builder, scanCarMessage, walkCarMessage));
}

/** Same result from messages already decoded by `parseStream(text, { compressed: true })`. */
export function carDataFromMessages(messages: readonly StreamMessage[]): RawCarData {
  const report: ParseReport = { lines: messages.length, corrupt: [] };
  const builder = new SampleBuilder(CAR_KINDS);
  builder.progress.total = messages.length;
  messages.forEach((m, i) => {
    builder.progress.done = i;
    try {
      walkCarMessage(m.data, m.time, builder);
    } catch (err) {
      builder.abort();
      report.corrupt.push({ line: i + 1, reason: (err as Error).message });
    }
  });
  return finishCarData(builder, report);
}

/**
 * Reads every line of a `.z` topic stream into `builder`: each payload is inflated and handed to the
 * fast reader; a shape the fast reader does not know goes through JSON.parse and the object reader.
 * Failed lines are recorded in the returned report, never thrown.
 */
export function readZStream(input: string | Uint8Array, builder: SampleBuilder,
  fast: (b: Uint8Array, end: number, lineTime: number, out: SampleBuilder) => void,
  slow: (msg: unknown, lineTime: number, out: SampleBuilder) => void): ParseReport {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const report: ParseReport = { lines: 0, corrupt: [] };
  const lines = new StreamLineReader(bytes, report);
  builder.progress.total = lines.lineCount;
  while (lines.next()) {
    builder.progress.done = report.lines;
    readZLine(bytes, lines.from, lines.to, lines.time, lines.line, report, builder, fast, slow);
  }
  return report;
}

function readZLine(bytes: Buffer, from: number, to: number, time: number, lineNo: number, report: ParseReport, builder: SampleBuilder,
  fast: (b: Uint8Array, end: number, lineTime: number, out: SampleBuilder) => void,
  slow: (msg: unknown, lineTime: number, out: SampleBuilder) => void): void {
  let n: number;
  try {
    n = inflatePayload(bytes, from, to);
  } catch (err) {
    report.corrupt.push({ line: lineNo, reason: `undecodable .z payload: ${(err as Error).message}` });
    return;
  }
  const buf = inflated.bytes;
  // The buffer is reused and longer than this payload: a zero just after it stops the fast reader
  // as the end of the array would (0 is no byte of any JSON token it expects).
  if (n < buf.length) buf[n] = 0;
  try {
    fast(buf, n, time, builder);
    return;
  } catch (err) {
    builder.abort();
    if (!(err instanceof ScanMismatch)) {
      report.corrupt.push({ line: lineNo, reason: (err as Error).message });
      return;
    }
  }
  try {
    let text = buf.toString('utf8', 0, n);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    slow(JSON.parse(text), time, builder);
  } catch (err) {
    builder.abort();
    report.corrupt.push({ line: lineNo, reason: (err as Error).message });
  }
}

let b64Scratch = Buffer.alloc(64 * 1024);

// Buffer's own latin1 and base64 methods, without the wrappers of toString/write (argument and
// encoding checks, run per line, and compiled into the reader). Not documented: looked up once,
// with the documented calls as fallback.
type Latin1Slice = (this: Buffer, from: number, to: number) => string;
type Base64Write = (this: Buffer, text: string, offset: number, length: number) => number;
const proto = Buffer.prototype as unknown as { latin1Slice?: Latin1Slice; base64Write?: Base64Write };
const latin1Slice: Latin1Slice = typeof proto.latin1Slice === 'function' ? proto.latin1Slice
  : function (this: Buffer, from: number, to: number) { return this.toString('latin1', from, to); };
const base64Write: Base64Write = typeof proto.base64Write === 'function' ? proto.base64Write
  : function (this: Buffer, text: string, offset: number, length: number) { return this.write(text, offset, length, 'base64'); };

/**
 * The payload in `bytes[from, to)` — base64, optionally still in its JSON quotes — → raw DEFLATE →
 * bytes `inflated.bytes[0, n)`, valid until the next call; returns n.
 */
function inflatePayload(bytes: Buffer, from: number, to: number): number {
  if (bytes[from] === 34) from++;
  if (to > from && bytes[to - 1] === 34) to--;
  if (to <= from) throw new Error('empty payload');
  // Decoded into a reused buffer: thousands of lines would otherwise each allocate one.
  const need = Math.ceil(((to - from) * 3) / 4) + 3;
  if (b64Scratch.length < need) b64Scratch = Buffer.alloc(Math.max(need, b64Scratch.length * 2));
  // Node decodes base64 only from a string: a short one per line, garbage at once (a JavaScript
  // decoder straight from the bytes was slower in a cold process, before V8 compiles it).
  const n = base64Write.call(b64Scratch, latin1Slice.call(bytes, from, to), 0, b64Scratch.length);
  return inflateRawInto(b64Scratch, n);
}
