// Merged lap telemetry against FastF1's own output on the 2025 Mexico City qualifying (full
// CarData.z and Position.z). Lap boundaries come from FastF1's laps.json so that these tests judge
// the telemetry alone.
import { describe, expect, it } from 'vitest';
import { NO_DRIVER, SampleSource, type Telemetry } from '../src/index.js';
import { buildOracleSession } from './oracle.js';
import { ORACLE_TELEMETRY_DRIVERS, mexico, oracleTelemetry, readOracle, type OracleTelemetry } from './telemetry-fixture.js';

/** FastF1 (pandas) keeps Date at ms; both sides print it as naive ISO UTC. */
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 23);

function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

interface ColumnReport { column: string; rows: number; exactRows: number; maxRelDiff: number; firstBad?: string }

/** Compares one numeric FastF1 column; `exactWhere` rows must match bit for bit, the rest within `tol`. */
function compareNumeric(column: string, ours: ArrayLike<number>, theirs: (number | null)[], source: string[],
  exactWhere: (src: string) => boolean, tol: number): ColumnReport {
  const r: ColumnReport = { column, rows: theirs.length, exactRows: 0, maxRelDiff: 0 };
  for (let i = 0; i < theirs.length; i++) {
    const t = theirs[i];
    const o = ours[i]!;
    if (t === null) {
      if (!Number.isNaN(o)) r.firstBad ??= `row ${i}: ours ${o}, theirs null`;
      continue;
    }
    const d = relDiff(o, t);
    if (d === 0) r.exactRows++;
    r.maxRelDiff = Math.max(r.maxRelDiff, d);
    if ((exactWhere(source[i]!) && d !== 0) || !(d <= tol)) r.firstBad ??= `row ${i} (${source[i]}): ours ${o}, theirs ${t}`;
  }
  return r;
}

function expectColumn(r: ColumnReport): void {
  expect(r.firstBad, `${r.column}: ${r.firstBad}`).toBeUndefined();
}

function compareWithFastF1(ours: Telemetry, theirs: OracleTelemetry): ColumnReport[] {
  const src = theirs.Source as string[];
  const c = ours.channels;
  const reports: ColumnReport[] = [];
  const car = (s: string) => s === 'car';
  const pos = (s: string) => s === 'pos';
  const none = () => false;
  // Channels sent by the car are exact at car samples; interpolated elsewhere (FastF1's rounding).
  const TOL = 1e-9;
  reports.push(compareNumeric('RPM', c.rpm!, theirs.RPM as number[], src, car, TOL));
  reports.push(compareNumeric('Speed', c.speed!, theirs.Speed as number[], src, car, TOL));
  reports.push(compareNumeric('Throttle', c.throttle!, theirs.Throttle as number[], src, car, TOL));
  reports.push(compareNumeric('nGear', c.nGear!, theirs.nGear as number[], src, () => true, 0));
  reports.push(compareNumeric('DRS', c.drs!, theirs.DRS as number[], src, () => true, 0));
  reports.push(compareNumeric('Brake', c.brake!, (theirs.Brake as boolean[]).map(Number), src, () => true, 0));
  for (const axis of ['X', 'Y', 'Z'] as const) {
    const col = c[axis.toLowerCase() as 'x' | 'y' | 'z']!;
    reports.push(compareNumeric(axis, col, theirs[axis] as number[], src, pos, TOL));
  }
  reports.push(compareNumeric('Distance', c.distance!, theirs.Distance as number[], src, none, TOL));
  reports.push(compareNumeric('RelativeDistance', c.relativeDistance!, theirs.RelativeDistance as number[], src, none, TOL));
  reports.push(compareNumeric('DistanceToDriverAhead', c.distanceToDriverAhead!, theirs.DistanceToDriverAhead as (number | null)[], src, none, TOL));
  return reports;
}

describe('merged lap telemetry equals FastF1 (Mexico City 2025 qualifying, fastest laps)', () => {
  const { session, laps } = mexico();

  it.each(ORACLE_TELEMETRY_DRIVERS)('%s', (tla) => {
    const theirs = oracleTelemetry(tla);
    const lap = laps.find((l) => l.driver === tla && l.lapNumber === theirs.LapNumber)!;
    expect(lap.row.LapTime).toBe(theirs.LapTime);
    const ours = session.lapTelemetry(lap);
    expect(ours.length).toBe(theirs.n);

    // Timestamps, sample origin and the discrete channels: identical.
    expect(Array.from(ours.date, iso)).toEqual(theirs.Date);
    expect(Array.from(ours.sessionTime, (v) => v / 1000)).toEqual(theirs.SessionTime);
    expect(Array.from(ours.time, (v) => v / 1000)).toEqual(theirs.Time);
    const f = ours.toFastF1Columns();
    expect(f.Source).toEqual(theirs.Source);
    expect(f.Status).toEqual(theirs.Status);
    expect(f.DriverAhead).toEqual(theirs.DriverAhead);

    const reports = compareWithFastF1(ours, theirs);
    for (const r of reports) expectColumn(r);
    // Not just within tolerance: the values we produce are FastF1's to the last bits.
    const worst = Math.max(...reports.map((r) => r.maxRelDiff));
    expect(worst).toBeLessThan(1e-13);
  });

  it('starts each lap at LapStartDate = t0 + LapStartTime', () => {
    const t0 = readOracle<{ t0_date: string }>('t0.json');
    expect(iso(session.t0)).toBe(t0.t0_date);
    for (const tla of ORACLE_TELEMETRY_DRIVERS) {
      const theirs = oracleTelemetry(tla);
      expect(iso(session.t0 + theirs.LapStartTime * 1000)).toBe(theirs.LapStartDate);
    }
  });
});

describe('with the engine\'s own laps (timing builder) instead of FastF1\'s', () => {
  const { session } = mexico();
  const engineLaps = buildOracleSession('fastf1-mexico-2025-q', { t0: true }).laps.toArray();
  const own = session.withLaps(engineLaps);

  it.each(ORACLE_TELEMETRY_DRIVERS)('%s fastest lap: same merged telemetry as FastF1', (tla) => {
    const theirs = oracleTelemetry(tla);
    const lap = engineLaps.find((l) => l.driver === tla && l.lapNumber === theirs.LapNumber)!;
    expect(lap.lapTime! / 1000).toBe(theirs.LapTime);
    const ours = own.lapTelemetry(lap);
    expect(Array.from(ours.date, iso)).toEqual(theirs.Date);
    const f = ours.toFastF1Columns();
    expect(f.Source).toEqual(theirs.Source);
    expect(f.DriverAhead).toEqual(theirs.DriverAhead);
    for (const r of compareWithFastF1(ours, theirs)) expectColumn(r);
  });
});

interface MetaTiming {
  fastest_lap_telemetry: Record<string, { lap_number: number; rows: number }>;
  timing_per_lap_telemetry: { first_repeat_each: { driver: string; lap: number; rows: number }[] };
  timing_per_driver_telemetry: { rows: Record<string, number> };
}

describe('every driver: sample sets as FastF1 built them', () => {
  const { session, laps } = mexico();
  const meta = readOracle<MetaTiming>('meta.json');

  it('fastest lap of all 20 drivers has FastF1\'s number of merged samples', () => {
    const entries = Object.entries(meta.fastest_lap_telemetry);
    expect(entries).toHaveLength(20);
    for (const [tla, f] of entries) {
      const lap = laps.find((l) => l.driver === tla && l.lapNumber === f.lap_number)!;
      expect(session.lapTelemetry(lap).length, tla).toBe(f.rows);
    }
  });

  it('per-lap telemetry of NOR, VER and LEC has FastF1\'s number of samples', () => {
    for (const e of meta.timing_per_lap_telemetry.first_repeat_each) {
      const lap = laps.find((l) => l.driver === e.driver && l.lapNumber === e.lap)!;
      expect(session.lapTelemetry(lap).length, `${e.driver} lap ${e.lap}`).toBe(e.rows);
    }
  });

  it('whole-session telemetry of every driver (all laps at once) has FastF1\'s number of samples', () => {
    for (const [tla, rows] of Object.entries(meta.timing_per_driver_telemetry.rows)) {
      const own = laps.filter((l) => l.driver === tla);
      const t = session.lapTelemetry(own);
      expect(t.length, tla).toBe(rows);
      expect(t.sessionTime[0]).toBe(Math.min(...own.map((l) => l.lapStartTime ?? Infinity)));
    }
  });
});

describe('every lap of every driver: invariants', () => {
  const { session, laps, car, pos } = mexico();
  const drivers = new Set(session.drivers.map(Number));
  const timed = laps.filter((l) => l.lapStartTime !== null && l.time !== null);
  const results = timed.map((lap) => ({ lap, t: session.lapTelemetry(lap) }));

  it('covers exactly [LapStartTime, Time], strictly increasing in time', () => {
    expect(results.length).toBe(307);
    for (const { lap, t } of results) {
      expect(t.sessionTime[0]).toBe(lap.lapStartTime);
      expect(t.sessionTime[t.length - 1]).toBe(lap.time);
      expect(t.time[0]).toBe(0);
      for (let i = 1; i < t.length; i++) if (!(t.date[i]! > t.date[i - 1]!)) throw new Error(`${lap.driver} ${lap.lapNumber}: date not increasing at ${i}`);
    }
  });

  it('keeps car channels at car samples and positions at position samples as sent', () => {
    let carRows = 0;
    let posRows = 0;
    const bad: string[] = [];
    for (const { lap, t } of results) {
      const rawCar = car.drivers.get(lap.driverNumber)!;
      const rawPos = pos.drivers.get(lap.driverNumber)!;
      const carDate = session.carData(lap.driverNumber).date;
      const posDate = session.posData(lap.driverNumber).date;
      const c = t.channels;
      let ic = 0;
      let ip = 0;
      for (let i = 0; i < t.length; i++) {
        if (t.source[i] === SampleSource.car) {
          while (carDate[ic]! < t.date[i]!) ic++;
          if (carDate[ic] !== t.date[i] || c.speed![i] !== rawCar.speed[ic] || c.rpm![i] !== rawCar.rpm[ic] || c.nGear![i] !== rawCar.nGear[ic]
            || c.throttle![i] !== rawCar.throttle[ic] || c.brake![i] !== rawCar.brake[ic] || c.drs![i] !== rawCar.drs[ic]) {
            bad.push(`${lap.driver} lap ${lap.lapNumber}: car sample ${i}`);
          }
          carRows++;
        } else if (t.source[i] === SampleSource.pos) {
          while (posDate[ip]! < t.date[i]!) ip++;
          if (posDate[ip] !== t.date[i] || c.x![i] !== rawPos.x[ip] || c.y![i] !== rawPos.y[ip] || c.z![i] !== rawPos.z[ip]) {
            bad.push(`${lap.driver} lap ${lap.lapNumber}: position sample ${i}`);
          }
          posRows++;
        }
      }
    }
    expect(bad).toEqual([]);
    expect(carRows).toBeGreaterThan(150_000);
    expect(posRows).toBeGreaterThan(150_000);
  });

  it('integrates Distance per lap: growing, a lap length for full timed laps, RelativeDistance ending near 1', () => {
    const full: number[] = [];
    const bad: string[] = [];
    for (const { lap, t } of results) {
      const d = t.channels.distance!;
      // The lap's start is interpolated between the padding sample and the first sample of the lap.
      if (!(Math.abs(d[0]!) < 60)) bad.push(`${lap.driver} ${lap.lapNumber}: starts at ${d[0]} m`);
      let prevCar = -Infinity;
      for (let i = 0; i < t.length; i++) {
        // Integrated values (car samples) never decrease; the quadratic interpolation between them
        // may wobble a little where a car stands still (in the pit lane), as FastF1's does.
        if (t.source[i] === SampleSource.car) {
          if (d[i]! < prevCar) bad.push(`${lap.driver} ${lap.lapNumber}: distance decreases at car sample ${i}`);
          prevCar = d[i]!;
        }
        if (i > 0 && d[i]! < d[i - 1]! - 0.5) bad.push(`${lap.driver} ${lap.lapNumber}: distance drops at ${i}`);
      }
      const rel = t.channels.relativeDistance!;
      if (!(rel[t.length - 1]! > 0.98 && rel[t.length - 1]! < 1.02)) bad.push(`${lap.driver} ${lap.lapNumber}: RelativeDistance ends at ${rel[t.length - 1]}`);
      if (lap.row.LapTime !== null && lap.row.PitInTime === null && lap.row.PitOutTime === null) full.push(d[t.length - 1]! - d[0]!);
    }
    expect(bad).toEqual([]);
    expect(full.length).toBeGreaterThan(100);
    full.sort((a, b) => a - b);
    const median = full[full.length >> 1]!;
    // Autódromo Hermanos Rodríguez: 4.304 km; speed integration runs a little short.
    expect(median).toBeGreaterThan(4304 * 0.97);
    expect(median).toBeLessThan(4304 * 1.01);
    for (const d of full) expect(Math.abs(d - median) / median).toBeLessThan(0.02);
  });

  it('names only session drivers as the car ahead, at non-negative distances', () => {
    let named = 0;
    const bad: string[] = [];
    for (const { lap, t } of results) {
      const ahead = t.channels.driverAhead!;
      const dist = t.channels.distanceToDriverAhead!;
      const own = Number(lap.driverNumber);
      for (let i = 0; i < t.length; i++) {
        if (ahead[i] === NO_DRIVER) continue;
        named++;
        if (!drivers.has(ahead[i]!) || ahead[i] === own || !(dist[i]! >= 0)) bad.push(`${lap.driver} ${lap.lapNumber} @${i}: ${ahead[i]} at ${dist[i]}`);
      }
    }
    expect(bad).toEqual([]);
    expect(named).toBeGreaterThan(100_000);
  });
});
