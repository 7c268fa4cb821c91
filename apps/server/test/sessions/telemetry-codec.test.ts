// The telemetry codec restores every column bit for bit — real car and position data of the Mexico
// City 2025 qualifying and hand-made edge cases — and actually compresses.
import { describe, expect, it } from 'vitest';
import { CODEC_IDS, decodeCarChannels, decodeColumns, decodePositionChannels, encodeColumns, type Column } from '../../src/sessions/telemetry-codec.js';
import { encodeTelemetry } from '../../src/sessions/load.js';
import { engineSession, MEXICO_Q } from '../jobs/session-fixtures.js';

/** Bitwise equality, NaN included (and -0 told from +0). */
function expectSameColumn(actual: Column, expected: Column, label: string): void {
  expect(actual.constructor, label).toBe(expected.constructor);
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`${label}[${i}]: ${actual[i]} !== ${expected[i]}`);
  }
}

function roundTrip(columns: Record<string, Column>, compression: 'deflate' | 'brotli' = 'deflate') {
  const enc = encodeColumns(columns, compression);
  const dec = decodeColumns(enc.data, enc.codec);
  expect(Object.keys(dec.columns)).toEqual(Object.keys(columns));
  for (const [name, col] of Object.entries(columns)) expectSameColumn(dec.columns[name]!, col, name);
  return enc;
}

describe('telemetry codec', () => {
  it('round-trips edge cases exactly: NaN runs, -0, fractions, huge deltas, empty and all-NaN columns', () => {
    const n = 1000;
    const mixed = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i * 3 - 500));
    mixed[0] = NaN;
    roundTrip({
      nanInts: mixed,
      fractions: Float64Array.from({ length: n }, (_, i) => i / 3),
      negZero: Float64Array.from({ length: n }, (_, i) => (i === 5 ? -0 : i)),
      bigSteps: Float64Array.from({ length: n }, (_, i) => (i % 2 ? 2 ** 40 : -(2 ** 40))),
      epochMicros: Float64Array.from({ length: n }, (_, i) => 1_761_425_183_900_000 + i * 250_123),
      allNaN: new Float64Array(n).fill(NaN),
      infinities: Float64Array.from({ length: n }, (_, i) => (i % 3 ? Infinity : -Infinity)),
      int16: Int16Array.from({ length: n }, (_, i) => ((i * 7919) % 65536) - 32768),
      uint8: Uint8Array.from({ length: n }, (_, i) => (i * 31) % 256),
    });
    for (const c of ['deflate', 'brotli'] as const) {
      roundTrip({ empty: new Float64Array(0), alsoEmpty: new Uint8Array(0) }, c);
      roundTrip({ one: Float64Array.of(42.5), nan: Float64Array.of(NaN) }, c);
    }
  });

  it('refuses columns of different lengths and unknown codecs', () => {
    expect(() => encodeColumns({ a: new Float64Array(2), b: new Float64Array(3) })).toThrow(/column b has 3 values, expected 2/);
    const enc = encodeColumns({ a: Float64Array.of(1, 2, 3) });
    expect(() => decodeColumns(enc.data, 'cols9+zstd')).toThrow(/unknown codec/);
    expect(() => decodeColumns(enc.data.subarray(0, 5), enc.codec)).toThrow();
  });

  it('restores every driver\'s real car and position samples of Mexico City 2025 Q bit for bit, at a fraction of their size', async () => {
    const session = await engineSession(MEXICO_Q);
    const tel = session.telemetry!;
    expect(tel.car.size).toBe(20);
    for (const compression of ['deflate', 'brotli'] as const) {
      const blobs = encodeTelemetry(session, compression);
      expect(blobs).toHaveLength(tel.car.size + tel.pos.size);
      let raw = 0;
      let stored = 0;
      for (const b of blobs) {
        expect(b.codec).toBe(CODEC_IDS[compression]);
        const t = (b.kind === 'car' ? tel.car : tel.pos).get(b.driverNumber)!;
        expect(b.samples).toBe(t.length);
        raw += b.rawBytes;
        stored += b.data.length;
        if (b.kind === 'car') {
          const c = decodeCarChannels(b.data, b.codec);
          // Dates come back as µs; the engine's ms dates are whole, so ms × 1000 is exact.
          expectSameColumn(c.utcMicros, Float64Array.from(t.date, (d) => d * 1000), `${b.driverNumber} car date`);
          expectSameColumn(c.rpm, t.channels.rpm!, `${b.driverNumber} rpm`);
          expectSameColumn(c.speed, t.channels.speed!, `${b.driverNumber} speed`);
          expectSameColumn(c.throttle, t.channels.throttle!, `${b.driverNumber} throttle`);
          expectSameColumn(c.brake, t.channels.brake!, `${b.driverNumber} brake`);
          // The engine keeps the feed's integers in narrow arrays; they come back in the same types.
          expectSameColumn(c.nGear, t.channels.nGear!, `${b.driverNumber} nGear`);
          expectSameColumn(c.drs, t.channels.drs!, `${b.driverNumber} drs`);
        } else {
          const p = decodePositionChannels(b.data, b.codec);
          expectSameColumn(p.utcMicros, Float64Array.from(t.date, (d) => d * 1000), `${b.driverNumber} pos date`);
          for (const ch of ['x', 'y', 'z'] as const) expectSameColumn(p[ch], t.channels[ch]!, `${b.driverNumber} ${ch}`);
          expectSameColumn(p.status, t.channels.status!, `${b.driverNumber} status`);
        }
      }
      // Stored vs. the same columns as float64 (the engine keeps most in narrow arrays in memory now):
      // the delta coding + compression must pay for itself many times over.
      const asFloat64 = blobs.reduce((n, b) => n + b.samples * (b.kind === 'car' ? 7 : 5) * 8, 0);
      expect(stored).toBeLessThan(asFloat64 / 12);
      console.info(`codec ${compression}: ${blobs.reduce((n, b) => n + b.samples, 0)} samples, ${(raw / 2 ** 20).toFixed(1)} MiB in memory → ${(stored / 2 ** 20).toFixed(2)} MiB stored`);
    }
  });
});
