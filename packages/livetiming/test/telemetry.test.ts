// CarData.z / Position.z readers, t0, timestamps, interpolation and merge rules, slicing.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  QuadraticSpline, SampleSource, Telemetry, buildSessionTelemetry, carDataFromMessages, computeT0, fillLinear,
  fillQuadratic, microsToMillis, parseCarDataStream, parseIsoMicros, parsePositionStream, parseStream,
  positionFromMessages,
} from '../src/index.js';
import { mexico, readOracle, readTopic } from './telemetry-fixture.js';

/** A `.z` stream line carrying `json` (what the feed sends: base64 of raw DEFLATE, in quotes). */
const zLine = (time: string, json: string) => `${time}"${deflateRawSync(Buffer.from(json)).toString('base64')}"`;
const firstLines = (text: string, n: number) => text.split('\n').slice(0, n).join('\n');

describe('CarData.z and Position.z of the 2025 Mexico City qualifying', () => {
  const { car, pos, session } = mexico();
  const meta = readOracle<{ counts: { car_data_rows: Record<string, number>; pos_data_rows: Record<string, number> } }>('meta.json');

  it('has every driver with as many samples as FastF1 read', () => {
    expect(car.report.corrupt).toEqual([]);
    expect(pos.report.corrupt).toEqual([]);
    expect(car.drivers.size).toBe(20);
    expect(pos.drivers.size).toBe(20);
    expect(car.report.filledDrivers).toEqual([]);
    const tla = new Map(mexico().laps.map((l) => [l.driver, l.driverNumber]));
    for (const [d, rows] of Object.entries(meta.counts.car_data_rows)) expect(car.drivers.get(tla.get(d)!)!.utcMicros.length, d).toBe(rows);
    for (const [d, rows] of Object.entries(meta.counts.pos_data_rows)) expect(pos.drivers.get(tla.get(d)!)!.utcMicros.length, d).toBe(rows);
  });

  it('derives t0 as FastF1 does (max Utc − line time, rounded to ms)', () => {
    const t0 = readOracle<{ t0_date: string }>('t0.json').t0_date;
    expect(new Date(computeT0(car, pos)).toISOString().slice(0, 23)).toBe(t0);
    expect(session.t0).toBe(computeT0(car, pos));
    // Both streams agree on the least-delayed sample here; either alone gives the same t0.
    expect(computeT0(car, null)).toBe(session.t0);
  });

  it('keeps raw channel codes: gears 0–8, DRS codes, brake as 0/1, throttle up to 104', () => {
    const nor = car.drivers.get('4')!;
    expect(new Set(nor.drs)).toEqual(new Set([0, 1, 8, 10, 12, 14].filter((v) => nor.drs.includes(v))));
    expect(nor.drs.some((v) => v >= 10)).toBe(true);
    expect(Math.max(...nor.nGear)).toBe(8);
    expect(new Set(nor.brake)).toEqual(new Set([0, 1]));
    expect(car.nonBooleanBrake).toBe(0);
    expect(Math.max(...nor.throttle)).toBeLessThanOrEqual(104);
    const statuses = new Set([...pos.drivers.values()].flatMap((p) => [...new Set(p.status)]));
    // Every sample carries a known status (this session reports OnTrack throughout, as FastF1 shows).
    expect([...statuses].every((v) => v === 1 || v === 2)).toBe(true);
    expect(statuses.has(1)).toBe(true);
  });

  it('reads decoded messages (parseStream) to the same columns as the byte reader', () => {
    const carText = firstLines(readTopic('CarData.z'), 150);
    const posText = firstLines(readTopic('Position.z'), 150);
    const fast = parseCarDataStream(carText);
    const slow = carDataFromMessages(parseStream(carText, { compressed: true }).messages);
    expect(slow.maxOffsetMicros).toBe(fast.maxOffsetMicros);
    expect([...slow.drivers.keys()]).toEqual([...fast.drivers.keys()]);
    for (const [d, c] of fast.drivers) expect(slow.drivers.get(d)).toEqual(c);
    const pFast = parsePositionStream(posText);
    const pSlow = positionFromMessages(parseStream(posText, { compressed: true }).messages);
    expect(pSlow.maxOffsetMicros).toBe(pFast.maxOffsetMicros);
    for (const [d, c] of pFast.drivers) expect(pSlow.drivers.get(d)).toEqual(c);
  });
});

describe('UTC timestamps', () => {
  it('keeps microseconds (extra digits truncated) and rounds to ms half to even, like pandas', () => {
    const base = Date.UTC(2025, 9, 25, 20, 47, 27) * 1000;
    expect(parseIsoMicros('2025-10-25T20:47:27.8777755Z')).toBe(base + 877_775);
    expect(parseIsoMicros('2025-10-25T20:47:27.87Z')).toBe(base + 870_000);
    expect(parseIsoMicros('2025-10-25T20:47:27Z')).toBe(base);
    expect(parseIsoMicros('2025-10-25T20:47:27.123456')).toBe(base + 123_456);
    expect(parseIsoMicros('not a date')).toBeNaN();
    expect(parseIsoMicros('2025-13-25T20:47:27Z')).toBeNaN();
    expect(microsToMillis(base + 877_775)).toBe(base / 1000 + 878);
    expect(microsToMillis(base + 500)).toBe(base / 1000); // tie → even
    expect(microsToMillis(base + 1_500)).toBe(base / 1000 + 2); // tie → even
    expect(microsToMillis(base + 501)).toBe(base / 1000 + 1);
    // The 7th digit never decides: .0005009 is a tie at µs precision.
    expect(microsToMillis(parseIsoMicros('2025-10-25T20:47:27.0005009Z'))).toBe(base / 1000);
  });
});

describe('stream robustness and FastF1\'s gap filling', () => {
  const entry = (utc: string, cars: Record<string, Record<string, unknown>>) =>
    ({ Utc: utc, Cars: Object.fromEntries(Object.entries(cars).map(([k, ch]) => [k, { Channels: ch }])) });
  const ch = (rpm: number, speed: number, extra: Record<string, unknown> = {}) => ({ 0: rpm, 2: speed, 3: 7, 4: 100, 5: 0, 45: 8, ...extra });

  it('skips and counts corrupt lines, never fails, and reads non-compact JSON the slow way', () => {
    const good = JSON.stringify({ Entries: [entry('2025-01-01T00:00:10.100Z', { 1: ch(10000, 200), 44: ch(11000, 210) })] });
    const spaced = JSON.stringify({ Entries: [entry('2025-01-01T00:00:10.350Z', { 1: ch(10100, 201), 44: ch(11100, 211) })] }, null, 1);
    const text = [
      '\ufeff' + zLine('00:00:10.000', good),
      '00:00:10.200"@@@not base64@@@"',
      zLine('00:00:10.250', 'this is not json'),
      zLine('00:00:10.300', JSON.stringify({ Entries: [{ Cars: { 1: { Channels: ch(1, 1) } } }] })),
      '00:00:1',
      zLine('00:00:10.400', spaced),
      '',
    ].join('\r\n');
    const car = parseCarDataStream(text);
    expect(car.report.corrupt.map((c) => c.line).sort()).toEqual([2, 3, 4, 5]);
    expect(car.drivers.get('1')!.rpm).toEqual(Uint16Array.of(10000, 10100));
    expect(car.drivers.get('44')!.speed).toEqual(Uint16Array.of(210, 211));
    // The line without Utc is rejected as a whole: no partial rows for driver 1.
    expect(car.drivers.get('1')!.utcMicros.length).toBe(2);
  });

  it('reports a payload cut inside a number (or just after one) as corrupt, for CarData and Position alike', () => {
    const good = JSON.stringify({ Entries: [entry('2025-01-01T00:00:10.100Z', { 1: ch(10000, 200) })] });
    const pos = JSON.stringify({ Position: [{ Timestamp: '2025-01-01T00:00:10.100Z', Entries: { 1: { Status: 'OnTrack', X: -1234, Y: 56, Z: 7 } } }] });
    // The cut lines are read after longer ones, so the reused inflate buffer still holds bytes past their end.
    const cut = (json: string, at: string) => json.slice(0, json.lastIndexOf(at) + at.length);
    const car = parseCarDataStream([zLine('00:00:10.000', good), zLine('00:00:10.100', cut(good, ':1000')),
      zLine('00:00:10.200', cut(good, ':8')), zLine('00:00:10.300', good)].join('\n'));
    expect(car.report.corrupt.map((c) => c.line)).toEqual([2, 3]);
    expect(car.drivers.get('1')!.rpm).toEqual(Uint16Array.of(10000, 10000));
    const position = parsePositionStream([zLine('00:00:10.000', pos), zLine('00:00:10.100', cut(pos, '"X":-12')),
      zLine('00:00:10.200', cut(pos, '"Z":7')), zLine('00:00:10.300', pos)].join('\n'));
    expect(position.report.corrupt.map((c) => c.line)).toEqual([2, 3]);
    expect(position.drivers.get('1')!.x).toEqual(Float32Array.of(-1234, -1234));
  });

  it('fills a driver missing from some entries with zero rows on the reference timestamps', () => {
    const msg = JSON.stringify({
      Entries: [
        entry('2025-01-01T00:00:10.100Z', { 1: ch(10000, 200), 44: ch(11000, 210) }),
        entry('2025-01-01T00:00:10.340Z', { 1: ch(10100, 201) }),
        entry('2025-01-01T00:00:10.580Z', { 1: ch(10200, 202, { 45: null }), 44: ch(11200, 212, { 45: undefined }) }),
      ],
    });
    const car = parseCarDataStream(zLine('00:00:10.000', msg));
    expect(car.report.filledDrivers).toEqual([{ driver: '44', added: 1 }]);
    const d44 = car.drivers.get('44')!;
    expect(d44.utcMicros).toEqual(car.drivers.get('1')!.utcMicros);
    expect(Array.from(d44.rpm)).toEqual([11000, 0, 11200]);
    expect(Array.from(d44.nGear)).toEqual([7, 0, 7]);
    // A DRS value that is null or absent (2026 on) reads as 0.
    expect(Array.from(car.drivers.get('1')!.drs)).toEqual([8, 8, 0]);
    expect(Array.from(d44.drs)).toEqual([8, 0, 0]);

    const posMsg = JSON.stringify({
      Position: [
        { Timestamp: '2025-01-01T00:00:10.000Z', Entries: { 1: { Status: 'OnTrack', X: 1, Y: 2, Z: 3 }, 44: { Status: 'OnTrack', X: 4, Y: 5, Z: 6 } } },
        { Timestamp: '2025-01-01T00:00:10.220Z', Entries: { 1: { Status: 'OffTrack', X: 7, Y: 8, Z: 9 } } },
      ],
    });
    const pos = parsePositionStream(zLine('00:00:09.990', posMsg));
    const p44 = pos.drivers.get('44')!;
    expect(Array.from(p44.x)).toEqual([4, 0]);
    expect(Array.from(p44.status)).toEqual([1, 2]); // filled rows are OffTrack
    expect(Array.from(pos.drivers.get('1')!.status)).toEqual([1, 2]);
    // t0 = max(Utc − line time) over both streams: 10.580 − 10.000 beats 10.220 − 9.990.
    expect(computeT0(car, pos)).toBe(Date.UTC(2025, 0, 1) + 580);
  });
});

describe('column types', () => {
  const carLine = (time: string, utc: string, cars: Record<string, Record<string, unknown>>) => zLine(time, JSON.stringify({
    Entries: [{ Utc: utc, Cars: Object.fromEntries(Object.entries(cars).map(([k, c]) => [k, { Channels: c }])) }],
  }));
  const chan = (rpm: number, speed: number, gear: number, throttle: number, brake: number, drs: number) => ({ 0: rpm, 2: speed, 3: gear, 4: throttle, 5: brake, 45: drs });

  it('keeps the feed\'s integers in narrow arrays, and widens a driver\'s channel exactly when a value does not fit', () => {
    const text = [
      carLine('00:00:10.000', '2025-01-01T00:00:10.100Z', { 1: chan(12000, 300, 7, 100, 100, 12), 44: chan(11000, 290, 6, 99, 0, 8) }),
      carLine('00:00:10.250', '2025-01-01T00:00:10.350Z', { 1: chan(70000, -1, 300, 1000, 255, -3), 44: chan(11100, 291, 6, 98, 0, 8) }),
      carLine('00:00:10.500', '2025-01-01T00:00:10.600Z', { 1: chan(12100, 301, 8, 100, 40, 14), 44: chan(11200, 292, 7, 97, 100, 10) }),
    ].join('\n');
    const car = parseCarDataStream(text);
    const [d1, d44] = [car.drivers.get('1')!, car.drivers.get('44')!];
    expect([d44.rpm, d44.speed, d44.nGear, d44.throttle, d44.brake, d44.drs].map((a) => a.constructor)).toEqual([Uint16Array, Uint16Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array]);
    expect([d1.rpm, d1.speed, d1.nGear, d1.throttle, d1.drs].map((a) => a.constructor)).toEqual(Array(5).fill(Float64Array));
    expect(Array.from(d1.rpm)).toEqual([12000, 70000, 12100]);
    expect(Array.from(d1.speed)).toEqual([300, -1, 301]);
    expect(Array.from(d1.nGear)).toEqual([7, 300, 8]);
    expect(Array.from(d1.throttle)).toEqual([100, 1000, 100]);
    expect(Array.from(d1.drs)).toEqual([12, -3, 14]);
    expect(Array.from(d1.brake)).toEqual([1, 1, 1]);
    expect(car.nonBooleanBrake).toBe(1); // the 40
    // The same values through the object reader (the slow path) come out in the same arrays.
    const slow = carDataFromMessages(parseStream(text, { compressed: true }).messages);
    for (const [d, c] of car.drivers) expect(slow.drivers.get(d)).toEqual(c);

    const pos = parsePositionStream(zLine('00:00:09.990', JSON.stringify({
      Position: [
        { Timestamp: '2025-01-01T00:00:10.000Z', Entries: { 1: { Status: 'OnTrack', X: -2433, Y: 12016, Z: 0.5 }, 44: { Status: 'OnTrack', X: 4, Y: 5, Z: 6 } } },
        { Timestamp: '2025-01-01T00:00:10.220Z', Entries: { 1: { Status: 'OnTrack', X: 16777217, Y: 1, Z: 0.1 }, 44: { Status: 'OnTrack', X: 7, Y: 8, Z: 9 } } },
      ],
    })));
    const [p1, p44] = [pos.drivers.get('1')!, pos.drivers.get('44')!];
    expect([p44.x, p44.y, p44.z].map((a) => a.constructor)).toEqual([Float32Array, Float32Array, Float32Array]);
    // 2^24 + 1 and 0.1 have no float32: those channels of driver 1 are float64, values exact.
    expect([p1.x, p1.y, p1.z].map((a) => a.constructor)).toEqual([Float64Array, Float32Array, Float64Array]);
    expect(Array.from(p1.x)).toEqual([-2433, 16777217]);
    expect(Array.from(p1.z)).toEqual([0.5, 0.1]);

    // Session telemetry and a merge take any of these types; merged channels are float64/int16.
    const st = buildSessionTelemetry(text, zLine('00:00:09.990', JSON.stringify({ Position: [] })), [], {});
    expect(Array.from(st.carData('1').channels.nGear!)).toEqual([7, 300, 8]);
    const c44 = st.carData('44');
    expect(c44.channels.rpm).toBeInstanceOf(Uint16Array);
    // Samples at session times 10.000, 10.250, 10.500 s; edges interpolated at 10.101 and 10.400 s
    // take float64 (a 16-bit column would cut 11040.4 to 11040).
    const cut = c44.sliceByTime(10_101, 10_400, { interpolateEdges: true });
    expect(cut.channels.rpm).toBeInstanceOf(Float64Array);
    expect(Array.from(cut.sessionTime)).toEqual([10_101, 10_250, 10_400]);
    expect(cut.channels.rpm![0]).toBeCloseTo(11040.4, 3); // abscissa in epoch ns as float64, as FastF1's
    expect(cut.channels.rpm![2]).toBeCloseTo(11160, 3);
    expect(Array.from(cut.channels.nGear!)).toEqual([6, 6, 6]);
  });
});

describe('interpolation', () => {
  it('the quadratic spline interpolates its points and reproduces quadratics', () => {
    const x = Float64Array.of(0, 1, 2.5, 3, 4.2, 7, 7.5, 9);
    const f = (v: number) => 3 * v * v - 2 * v + 1;
    const spline = QuadraticSpline.interpolating(x, Array.from(x, f));
    for (const v of x) expect(spline.evaluate(v)).toBeCloseTo(f(v), 10);
    for (const v of [0.5, 2.7, 5, 8.9, 9.5, -0.5]) expect(spline.evaluate(v)).toBeCloseTo(f(v), 9);
  });

  it('leaves gaps before the first valid sample open and extrapolates after the last (pandas forward fill direction)', () => {
    const x = Float64Array.of(0, 1, 2, 3, 4, 5, 6);
    const y = Float64Array.of(NaN, 1, 4, NaN, 16, 25, NaN);
    fillQuadratic(x, y);
    expect(y[0]).toBeNaN();
    expect(y[3]).toBeCloseTo(9, 9);
    expect(y[6]).toBeCloseTo(36, 9);
  });

  it('fills linear channels by time, holding the end values', () => {
    const x = Float64Array.of(0, 10, 40, 100, 110);
    const y = Float64Array.of(NaN, 10, NaN, 70, NaN);
    fillLinear(x, y);
    expect(Array.from(y)).toEqual([10, 10, 30, 70, 70]);
  });
});

describe('Telemetry: merge, slicing, frames', () => {
  const t0 = Date.UTC(2025, 0, 1);
  const mk = (date: number[], channels: Telemetry['channels'], source: number) => new Telemetry({
    driver: '1', t0, date: Float64Array.from(date, (d) => t0 + d), sessionTime: Float64Array.from(date),
    time: Float64Array.from(date), source: new Uint8Array(date.length).fill(source), channels,
  });
  const car = mk([100, 340, 580, 820], {
    speed: Float64Array.of(100, 200, 300, 400), rpm: Float64Array.of(1, 2, 3, 4), nGear: Int16Array.of(3, 4, 5, 6),
    brake: Uint8Array.of(0, 1, 1, 0), throttle: Float64Array.of(0, 50, 100, 100), drs: Int16Array.of(0, 0, 10, 12),
  }, SampleSource.car);
  const pos = mk([0, 220, 440, 660, 880], {
    x: Float64Array.of(0, 22, 44, 66, 88), y: Float64Array.of(0, 1, 2, 3, 4), z: Float64Array.of(5, 5, 5, 5, 5),
    status: Uint8Array.of(1, 1, 2, 2, 1),
  }, SampleSource.pos);

  it('merges on the union of timestamps with FastF1\'s fill rules and source tags', () => {
    const m = pos.mergeChannels(car);
    expect(Array.from(m.sessionTime)).toEqual([0, 100, 220, 340, 440, 580, 660, 820, 880]);
    expect(Array.from(m.frames(), (f) => f.source)).toEqual(['pos', 'car', 'pos', 'car', 'pos', 'car', 'pos', 'car', 'pos']);
    const f = m.frame(2); // pos sample at 220 ms between car samples at 100 and 340
    expect(f.speed).toBeCloseTo(150, 12); // linear in time
    expect(f.nGear).toBe(3); // forward filled
    expect(f.brake).toBe(false);
    expect(m.frame(0).speed).toBe(100); // before the first car sample: first value held
    expect(m.frame(0).nGear).toBe(3); // back filled
    expect(m.frame(1).x).toBeCloseTo(10, 9); // quadratic through a straight line
    expect(m.frame(1).status).toBe('OnTrack');
    expect(m.frame(5).status).toBe('OffTrack');
    expect(m.frame(8).drs).toBe(12);
    expect(m.time[0]).toBe(0);
  });

  it('slices by time with padding and interpolated edges', () => {
    const m = pos.mergeChannels(car);
    const plain = m.sliceByTime(300, 700);
    expect(Array.from(plain.sessionTime)).toEqual([340, 440, 580, 660]);
    expect(Array.from(plain.time)).toEqual([40, 140, 280, 360]);
    expect(Array.from(m.sliceByTime(300, 700, { pad: 1 }).sessionTime)).toEqual([220, 340, 440, 580, 660, 820]);
    expect(Array.from(m.sliceByTime(300, 700, { pad: 1, padSide: 'before' }).sessionTime)).toEqual([220, 340, 440, 580, 660]);
    const edged = m.sliceByTime(300, 700, { interpolateEdges: true });
    expect(Array.from(edged.sessionTime)).toEqual([300, 340, 440, 580, 660, 700]);
    expect(edged.frame(0).source).toBe('interpolation');
    expect(edged.frame(0).speed).toBeCloseTo(200 - 100 * 40 / 240, 9);
    expect(edged.frame(0).x).toBeCloseTo(30, 9);
    expect(edged.frame(5).nGear).toBe(5);
    expect(m.sliceByTime(2000, 3000).length).toBe(0);
  });

  it('integrates distance from speed over time, per slice', () => {
    const d = car.withTimeFrom(100).withDistance().withRelativeDistance();
    // speed km/h × Δt s: 0, 200/3.6×0.24, +300/3.6×0.24, +400/3.6×0.24
    const exp = [0, 200 / 3.6 * 0.24];
    exp.push(exp[1]! + 300 / 3.6 * 0.24, exp[1]! + 300 / 3.6 * 0.24 + 400 / 3.6 * 0.24);
    d.channels.distance!.forEach((v, i) => expect(v).toBeCloseTo(exp[i]!, 9));
    expect(d.channels.relativeDistance![3]).toBe(1);
  });

  it('derives SessionTime and Time from Date − t0 when not given, and slices as with stored columns', () => {
    // Unsorted dates too: the search then scans instead of bisecting.
    for (const ms of [[100, 340, 580, 820], [100, 580, 340, 820]]) {
      const stored = mk(ms, { speed: Float64Array.of(100, 200, 300, 400) }, SampleSource.car);
      // A fresh instance per use: reading `sessionTime` computes and keeps the column.
      const derived = () => new Telemetry({ driver: '1', t0, date: stored.date, source: stored.source, channels: stored.channels });
      expect(derived().sessionTimeAxis()).toEqual({ values: stored.date, offset: t0 });
      expect(stored.sessionTimeAxis()).toEqual({ values: stored.sessionTime, offset: 0 });
      const read = derived();
      expect(Array.from(read.sessionTime)).toEqual(ms);
      expect(read.time).toBe(read.sessionTime);
      expect(read.sessionTimeAxis()).toEqual({ values: read.sessionTime, offset: 0 });
      for (const [start, end, pad] of [[300, 700, 0], [300, 700, 1], [0, 2000, 0], [2000, 3000, 0]] as const) {
        const a = stored.sliceByTime(start, end, { pad });
        const b = derived().sliceByTime(start, end, { pad });
        expect(Array.from(b.sessionTime), `${ms} [${start}, ${end}] pad ${pad}`).toEqual(Array.from(a.sessionTime));
        expect(Array.from(b.time)).toEqual(Array.from(a.time));
        expect(Array.from(b.channels.speed ?? [])).toEqual(Array.from(a.channels.speed ?? []));
      }
    }
  });

  it('refuses to merge telemetry of two drivers', () => {
    const other = new Telemetry({ ...car, driver: '44', channels: car.channels });
    expect(() => pos.mergeChannels(other)).toThrow(/different drivers/);
  });

  it('builds from stream text as the facade holds it', () => {
    const s = buildSessionTelemetry(firstLines(readTopic('CarData.z'), 300), firstLines(readTopic('Position.z'), 300));
    expect(s.car.size).toBe(20);
    expect(s.carData('4').length).toBeGreaterThan(0);
    expect(() => s.lapTelemetry({ driverNumber: '4', lapNumber: 1, lapStartTime: null, time: 1000 })).toThrow(/no start or end/);
  });
});
