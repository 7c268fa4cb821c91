// Columnar telemetry codec: a driver's raw car or position samples for a whole session as one
// compressed blob. Integer-valued columns (UTC in µs, RPM, speed, gear, throttle, brake, DRS, X/Y/Z,
// status) are delta-encoded into the narrowest signed width that holds every delta (int8/16/32),
// NaNs kept in a bitmap; anything else is stored as raw float64. Narrow deltas of slowly changing
// channels are mostly zeros and tiny values, which deflate compresses to a fraction of a byte per
// sample. Decoding restores every value bit for bit (tested), including NaN positions and the array
// type of each column.
//
// Layout before compression (little-endian):
//   u8 version | u32 samples | u8 columns | per column:
//   u8 nameLength | name (ascii) | u8 arrayType | u8 encoding | u32 payloadBytes | payload
// Encodings: 0 = float64 raw; 1 = delta (f64 first value, i8 deltas); 2 = delta i16; 3 = delta i32.
// A delta encoding ORed with 0x80 is followed (inside its payload, first) by a NaN bitmap of
// ceil(n/8) bytes; NaN samples repeat the previous value in the delta stream.
import { brotliCompressSync, brotliDecompressSync, constants as zc, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { RawCarChannels, RawPositionChannels } from '@apexdata/livetiming';

export type Column = Float64Array | Int16Array | Uint8Array | Uint16Array | Float32Array;
export type Compression = 'deflate' | 'brotli';

/** Codec identifiers as stored in `session_telemetry.codec`. */
export const CODEC_IDS = { deflate: 'cols1+deflate', brotli: 'cols1+brotli' } as const satisfies Record<Compression, string>;
export const DEFAULT_COMPRESSION: Compression = 'deflate';

const VERSION = 1;
// Index = the array type byte of a column; new types are only ever appended (old blobs keep decoding).
const ARRAY_TYPES = [Float64Array, Int16Array, Uint8Array, Uint16Array, Float32Array] as const;
const ENC_F64 = 0;
const ENC_D8 = 1;
const ENC_D16 = 2;
const ENC_D32 = 3;
const NAN_FLAG = 0x80;

export interface EncodedColumns {
  readonly data: Buffer;
  /** Bytes of the columns as typed arrays in memory (before any encoding). */
  readonly rawBytes: number;
  readonly samples: number;
  readonly codec: string;
}

/** Delta width for a column, or null when it is not integer-valued (then raw float64). */
function deltaPlan(col: Column): { width: 1 | 2 | 4; hasNaN: boolean } | null {
  let prev = 0;
  let started = false;
  let min = 0;
  let max = 0;
  let hasNaN = false;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (Number.isNaN(v)) {
      hasNaN = true;
      continue;
    }
    // -0 would come back as +0 through a delta: keep such a column raw.
    if (!Number.isSafeInteger(v) || Object.is(v, -0)) return null;
    if (started) {
      const d = v - prev;
      if (d < min) min = d;
      if (d > max) max = d;
    }
    prev = v;
    started = true;
  }
  if (min >= -128 && max <= 127) return { width: 1, hasNaN };
  if (min >= -32768 && max <= 32767) return { width: 2, hasNaN };
  if (min >= -2147483648 && max <= 2147483647) return { width: 4, hasNaN };
  return null;
}

function encodeColumn(col: Column): { encoding: number; payload: Buffer } {
  const n = col.length;
  const plan = deltaPlan(col);
  if (plan === null) {
    const f = col instanceof Float64Array ? col : Float64Array.from(col);
    return { encoding: ENC_F64, payload: Buffer.from(f.buffer, f.byteOffset, f.byteLength) };
  }
  const bitmapBytes = plan.hasNaN ? Math.ceil(n / 8) : 0;
  const bitmap = new Uint8Array(bitmapBytes);
  const Deltas = plan.width === 1 ? Int8Array : plan.width === 2 ? Int16Array : Int32Array;
  const deltas = new Deltas(Math.max(0, n - 1));
  let first = NaN;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(col[i]!)) { first = col[i]!; break; }
  }
  // An all-NaN column still needs a start value; any will do, the bitmap restores the NaNs.
  let prev = Number.isNaN(first) ? 0 : first;
  const start = Buffer.alloc(8);
  start.writeDoubleLE(prev, 0);
  for (let i = 0; i < n; i++) {
    let v = col[i]!;
    if (v !== v) {
      bitmap[i >> 3] = bitmap[i >> 3]! | (1 << (i & 7));
      v = prev;
    }
    if (i > 0) deltas[i - 1] = v - prev;
    prev = v;
  }
  const payload = Buffer.concat([bitmap, start, new Uint8Array(deltas.buffer, deltas.byteOffset, deltas.byteLength)]);
  const encoding = (plan.width === 1 ? ENC_D8 : plan.width === 2 ? ENC_D16 : ENC_D32) | (plan.hasNaN ? NAN_FLAG : 0);
  return { encoding, payload };
}

function decodeColumn(encoding: number, payload: Buffer, n: number, Type: (typeof ARRAY_TYPES)[number]): Column {
  const out = new Type(n);
  if (encoding === ENC_F64) {
    const f = new Float64Array(n);
    // The payload may sit at any offset of the inflated buffer: copy rather than alias.
    Buffer.from(f.buffer).set(payload.subarray(0, n * 8));
    if (Type === Float64Array) return f;
    out.set(f);
    return out;
  }
  const hasNaN = (encoding & NAN_FLAG) !== 0;
  const base = encoding & ~NAN_FLAG;
  const width = base === ENC_D8 ? 1 : base === ENC_D16 ? 2 : base === ENC_D32 ? 4 : 0;
  if (width === 0) throw new Error(`telemetry codec: unknown column encoding ${encoding}`);
  const bitmapBytes = hasNaN ? Math.ceil(n / 8) : 0;
  let v = payload.readDoubleLE(bitmapBytes);
  const from = bitmapBytes + 8;
  // Copy the deltas to an aligned buffer so they can be read through a typed array view.
  const bytes = payload.buffer.slice(payload.byteOffset + from, payload.byteOffset + from + Math.max(0, n - 1) * width);
  const deltas = width === 1 ? new Int8Array(bytes) : width === 2 ? new Int16Array(bytes) : new Int32Array(bytes);
  if (n > 0) out[0] = v;
  for (let i = 1; i < n; i++) {
    v += deltas[i - 1]!;
    out[i] = v;
  }
  if (hasNaN) {
    for (let i = 0; i < n; i++) if ((payload[i >> 3]! & (1 << (i & 7))) !== 0) out[i] = NaN;
  }
  return out;
}

function compress(buf: Buffer, how: Compression): Buffer {
  if (how === 'brotli') {
    return brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } });
  }
  return deflateRawSync(buf, { level: 6 });
}

/** Encodes equally long columns into one compressed blob. */
export function encodeColumns(columns: Readonly<Record<string, Column>>, compression: Compression = DEFAULT_COMPRESSION): EncodedColumns {
  const names = Object.keys(columns);
  if (names.length > 255) throw new Error('telemetry codec: too many columns');
  const n = names.length ? columns[names[0]!]!.length : 0;
  const parts: Buffer[] = [];
  const head = Buffer.alloc(6);
  head.writeUInt8(VERSION, 0);
  head.writeUInt32LE(n, 1);
  head.writeUInt8(names.length, 5);
  parts.push(head);
  let rawBytes = 0;
  for (const name of names) {
    const col = columns[name]!;
    if (col.length !== n) throw new Error(`telemetry codec: column ${name} has ${col.length} values, expected ${n}`);
    const type = ARRAY_TYPES.findIndex((T) => col instanceof T);
    if (type < 0) throw new Error(`telemetry codec: column ${name} is not a ${ARRAY_TYPES.map((T) => T.name).join(', ')}`);
    rawBytes += col.byteLength;
    const nameBytes = Buffer.from(name, 'ascii');
    const { encoding, payload } = encodeColumn(col);
    const colHead = Buffer.alloc(1 + nameBytes.length + 6);
    colHead.writeUInt8(nameBytes.length, 0);
    nameBytes.copy(colHead, 1);
    colHead.writeUInt8(type, 1 + nameBytes.length);
    colHead.writeUInt8(encoding, 2 + nameBytes.length);
    colHead.writeUInt32LE(payload.length, 3 + nameBytes.length);
    parts.push(colHead, payload);
  }
  return { data: compress(Buffer.concat(parts), compression), rawBytes, samples: n, codec: CODEC_IDS[compression] };
}

/** Decodes a blob written by {@link encodeColumns}; `codec` is the stored codec id. */
export function decodeColumns(data: Uint8Array, codec: string): { samples: number; columns: Record<string, Column> } {
  const packed = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let buf: Buffer;
  if (codec === CODEC_IDS.deflate) buf = inflateRawSync(packed);
  else if (codec === CODEC_IDS.brotli) buf = brotliDecompressSync(packed);
  else throw new Error(`telemetry codec: unknown codec '${codec}'`);
  if (buf.readUInt8(0) !== VERSION) throw new Error(`telemetry codec: unknown layout version ${buf.readUInt8(0)}`);
  const n = buf.readUInt32LE(1);
  const count = buf.readUInt8(5);
  let p = 6;
  const columns: Record<string, Column> = {};
  for (let c = 0; c < count; c++) {
    const len = buf.readUInt8(p);
    const name = buf.toString('ascii', p + 1, p + 1 + len);
    p += 1 + len;
    const Type = ARRAY_TYPES[buf.readUInt8(p)];
    if (!Type) throw new Error(`telemetry codec: unknown array type in column ${name}`);
    const encoding = buf.readUInt8(p + 1);
    const size = buf.readUInt32LE(p + 2);
    p += 6;
    columns[name] = decodeColumn(encoding, buf.subarray(p, p + size), n, Type);
    p += size;
  }
  return { samples: n, columns };
}

// ── The engine's per-driver car and position samples ───────────────────────────────────────────
// Blobs hold the engine's sample dates in whole UTC milliseconds (`date`) and the channels in the
// engine's array types. They are turned back into the engine's raw channels (µs = ms × 1000, exact)
// so that the engine's own constructors rebuild identical telemetry.

const CAR_COLUMNS = ['date', 'rpm', 'speed', 'nGear', 'throttle', 'brake', 'drs'] as const;
const POS_COLUMNS = ['date', 'x', 'y', 'z', 'status'] as const;

function need(columns: Record<string, Column>, names: readonly string[], what: string): void {
  for (const n of names) if (!columns[n]) throw new Error(`telemetry codec: ${what} blob has no column ${n}`);
}

function micros(date: Column): Float64Array {
  const out = new Float64Array(date.length);
  for (let i = 0; i < out.length; i++) out[i] = date[i]! * 1000;
  return out;
}
// A column comes back in its stored type when the engine's raw channel takes that type (blobs
// written since the engine keeps the feed's integers in narrow arrays), else as float64 (as older
// blobs were read). Typed-array constructors copy and convert natively.
const f64 = (c: Column) => (c instanceof Float64Array ? c : new Float64Array(c));
const u8 = (c: Column) => (c instanceof Uint8Array ? c : new Uint8Array(c));
const u16OrF64 = (c: Column) => (c instanceof Uint16Array ? c : f64(c));
const u8OrF64 = (c: Column) => (c instanceof Uint8Array ? c : f64(c));
const f32OrF64 = (c: Column) => (c instanceof Float32Array ? c : f64(c));

export function decodeCarChannels(data: Uint8Array, codec: string): RawCarChannels {
  const c = decodeColumns(data, codec).columns;
  need(c, CAR_COLUMNS, 'car');
  return {
    utcMicros: micros(c.date!), rpm: u16OrF64(c.rpm!), speed: u16OrF64(c.speed!), nGear: u8OrF64(c.nGear!), throttle: u8OrF64(c.throttle!),
    brake: u8(c.brake!), drs: u8OrF64(c.drs!),
  };
}

export function decodePositionChannels(data: Uint8Array, codec: string): RawPositionChannels {
  const c = decodeColumns(data, codec).columns;
  need(c, POS_COLUMNS, 'position');
  return { utcMicros: micros(c.date!), x: f32OrF64(c.x!), y: f32OrF64(c.y!), z: f32OrF64(c.z!), status: u8(c.status!) };
}
