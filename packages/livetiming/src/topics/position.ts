// Position.z: per-driver car positions (about 4.5 Hz). Each line inflates to
// {"Position":[{"Timestamp":ISO,"Entries":{"<nr>":{"Status":"OnTrack","X":…,"Y":…,"Z":…}}}]}.
// X/Y/Z are in 1/10 m from 2020 on. A numeric (legacy) status maps non-zero to OffTrack.
import { splitStreamLines, type ParseReport, type StreamMessage } from '../stream/index.js';
import { parseIsoMicros } from '../telemetry/iso-date.js';
import { SCAN_MISMATCH, SampleBuilder, scanDriverKey, scanEntryUtc, ascii, lit, readNumber, referenceDates, unionOrder } from '../telemetry/sample-builder.js';
import { readZLine, type TelemetryParseReport } from './car-data.js';

const OFF_TRACK_CODE = 2;

export interface RawPositionChannels {
  /** Sample UTC in epoch microseconds. */
  readonly utcMicros: Float64Array;
  /** NaN where the feed had no value. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
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

/** Fast path over the compact form of the feed; any other shape throws ScanMismatch. */
function scanPositionMessage(b: Uint8Array, lineTime: number, out: SampleBuilder): void {
  let p = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  p = lit(b, p, L_POSITION);
  if (b[p] === 93) p++;
  else {
    for (;;) {
      p = scanEntryUtc(b, lit(b, p, L_TIMESTAMP), lineTime, out, num);
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
          p = readNumber(b, lit(b, p, L_X), num);
          const x = num.v;
          p = readNumber(b, lit(b, p, L_Y), num);
          const y = num.v;
          p = readNumber(b, lit(b, p, L_Z), num);
          const z = num.v;
          if (b[p] !== 125) throw SCAN_MISMATCH;
          p++;
          const d = out.driverByNumber(n);
          out.touch(d);
          const row = d.next();
          d.utc[row] = utc;
          const cols = d.cols;
          cols[0]![row] = x; cols[1]![row] = y; cols[2]![row] = z; cols[3]![row] = status;
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
  while (p < b.length && (b[p] === 32 || b[p] === 10 || b[p] === 13 || b[p] === 9)) p++;
  if (p !== b.length) throw SCAN_MISMATCH;
  out.commit();
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
      const d = out.driver(key);
      const row = d.next();
      d.utc[row] = utc;
      d.cols[0]![row] = coord(v.X); d.cols[1]![row] = coord(v.Y); d.cols[2]![row] = coord(v.Z); d.cols[3]![row] = statusCode(v.Status);
    }
  }
  out.commit();
}

function finishPosition(builder: SampleBuilder, report: ParseReport): RawPositionData {
  const raw = new Map<string, RawPositionChannels>();
  for (const [key, d] of builder.byKey) {
    if (d.length === 0) continue;
    raw.set(key, { utcMicros: d.times(), x: d.column(0), y: d.column(1), z: d.column(2), status: Uint8Array.from(d.column(3)) });
  }
  const filledDrivers: { driver: string; added: number }[] = [];
  const ref = referenceDates(raw.values());
  const drivers = new Map<string, RawPositionChannels>();
  for (const [key, d] of raw) {
    if (ref === null || d.utcMicros.length >= ref.length) { drivers.set(key, d); continue; }
    // FastF1: outer join on the reference's timestamps, then every missing coordinate becomes 0 and
    // every missing status OffTrack (its fillna covers the driver's own gaps too).
    const { order, dates } = unionOrder(d.utcMicros, ref);
    const take = (col: Float64Array) => Float64Array.from(order, (i) => (i >= 0 && !Number.isNaN(col[i]!) ? col[i]! : 0));
    drivers.set(key, {
      utcMicros: dates, x: take(d.x), y: take(d.y), z: take(d.z),
      status: Uint8Array.from(order, (i) => (i >= 0 ? (d.status[i] || OFF_TRACK_CODE) : OFF_TRACK_CODE)),
    });
    filledDrivers.push({ driver: key, added: dates.length - d.utcMicros.length });
  }
  return { drivers, maxOffsetMicros: builder.maxOffset, report: { ...report, filledDrivers } };
}

/** Reads a whole `Position.z.jsonStream` file. Undecodable lines are skipped and counted. */
export function parsePositionStream(text: string): RawPositionData {
  const report: ParseReport = { lines: 0, corrupt: [] };
  const builder = new SampleBuilder(4);
  const lines = splitStreamLines(text, report);
  let sized = false;
  for (const line of lines) {
    if (!sized && builder.byKey.size > 0) { builder.sizeFor(lines.length); sized = true; }
    readZLine(line.payload, line.line, report, (buf) => scanPositionMessage(buf, line.time, builder),
      (msg) => walkPositionMessage(msg, line.time, builder), () => builder.abort());
  }
  return finishPosition(builder, report);
}

/** Same result from messages already decoded by `parseStream(text, { compressed: true })`. */
export function positionFromMessages(messages: readonly StreamMessage[]): RawPositionData {
  const report: ParseReport = { lines: messages.length, corrupt: [] };
  const builder = new SampleBuilder(4);
  messages.forEach((m, i) => {
    try {
      walkPositionMessage(m.data, m.time, builder);
    } catch (err) {
      builder.abort();
      report.corrupt.push({ line: i + 1, reason: (err as Error).message });
    }
  });
  return finishPosition(builder, report);
}
