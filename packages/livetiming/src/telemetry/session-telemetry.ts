// Session-wide telemetry: t0, every driver's car and position data on session time, and the lap
// pipeline that FastF1 runs in Lap.get_telemetry() (padded car/position slices, driver ahead,
// distance, merge, interpolated lap edges).
import type { RawCarChannels, RawCarData } from '../topics/car-data.js';
import type { RawPositionChannels, RawPositionData } from '../topics/position.js';
import { SampleSource } from './channels.js';
import { driverAhead } from './driver-ahead.js';
import { microsToMillis } from './iso-date.js';
import { LapSlot, Telemetry, attachDriverAhead, lapColumnF64, lapWindow, mergeIntermediate, mergeLapWindow, withLapDistance, type TelemetryLap } from './telemetry.js';

/**
 * t0, the UTC of session time zero, in epoch ms: the largest (Utc − line time) over every car and
 * position sample, rounded to the millisecond. NaN when there is no sample at all.
 */
export function computeT0(car: RawCarData | null, pos: RawPositionData | null): number {
  const off = Math.max(car?.maxOffsetMicros ?? -Infinity, pos?.maxOffsetMicros ?? -Infinity);
  return Number.isFinite(off) ? microsToMillis(off) : NaN;
}

/**
 * Date column (ms) from the µs timestamps; `inPlace` writes the dates over them. No SessionTime
 * column: Telemetry derives it from Date − t0 where read (a whole session's is never read whole).
 */
function dateColumn(utcMicros: Float64Array, inPlace = false): Float64Array {
  const n = utcMicros.length;
  const date = inPlace ? utcMicros : new Float64Array(n);
  for (let i = 0; i < n; i++) date[i] = microsToMillis(utcMicros[i]!);
  return date;
}

// Every sample of a driver's car (position) data has the same source: one constant column, of which
// each driver gets a view (telemetry arrays are never written).
const sourceColumns = new Map<number, Uint8Array>();
function sourceColumn(source: number, n: number): Uint8Array {
  let col = sourceColumns.get(source);
  if (col === undefined || col.length < n) sourceColumns.set(source, (col = new Uint8Array(Math.max(n, 2 * (col?.length ?? 0))).fill(source)));
  return col.subarray(0, n);
}

/** Gear and DRS as the feed sent them: bytes, or int16 (the merged type) when a value did not fit. */
const discrete = (col: Uint8Array | Float64Array) => (col instanceof Uint8Array ? col : Int16Array.from(col));

/**
 * A driver's car data as Telemetry (Date rounded to ms, SessionTime = Date − t0). `consume`: the
 * raw data is not used afterwards, and its timestamp array becomes the Date column (no copy).
 */
export function carTelemetry(driver: string, raw: RawCarChannels, t0: number, consume = false): Telemetry {
  const date = dateColumn(raw.utcMicros, consume);
  return new Telemetry({
    // Over the whole session, Time is SessionTime (FastF1 sets both from Date − t0): both derived.
    driver, t0, date, source: sourceColumn(SampleSource.car, date.length),
    channels: {
      rpm: raw.rpm, speed: raw.speed, nGear: discrete(raw.nGear), throttle: raw.throttle, brake: raw.brake, drs: discrete(raw.drs),
    },
  });
}

/** A driver's position data as Telemetry. */
export function positionTelemetry(driver: string, raw: RawPositionChannels, t0: number, consume = false): Telemetry {
  const date = dateColumn(raw.utcMicros, consume);
  return new Telemetry({
    driver, t0, date, source: sourceColumn(SampleSource.pos, date.length),
    channels: { x: raw.x, y: raw.y, z: raw.z, status: raw.status },
  });
}

export interface SessionTelemetryOptions {
  /**
   * Driver order used to break exact ties of DriverAhead (FastF1 uses the session result order).
   * Defaults to the order of the car data stream.
   */
  drivers?: readonly string[];
  /**
   * The raw data is not used after this call (the session facade's own parse): its µs timestamp
   * arrays are turned into the ms Date columns in place instead of copied. Default false.
   */
  consumeRaw?: boolean;
}

/** Car and position data of a whole session plus the laps that slice them. */
export class SessionTelemetry {
  readonly t0: number;
  readonly car: ReadonlyMap<string, Telemetry>;
  readonly pos: ReadonlyMap<string, Telemetry>;
  readonly drivers: readonly string[];
  /** Laps per driver, by lap number. */
  readonly lapsByDriver: ReadonlyMap<string, readonly TelemetryLap[]>;

  constructor(init: { t0: number; car: Map<string, Telemetry>; pos: Map<string, Telemetry>; laps: readonly TelemetryLap[]; drivers?: readonly string[] }) {
    this.t0 = init.t0;
    this.car = init.car;
    this.pos = init.pos;
    this.drivers = init.drivers ?? [...init.car.keys()];
    const by = new Map<string, TelemetryLap[]>();
    for (const lap of init.laps) {
      let list = by.get(lap.driverNumber);
      if (list === undefined) by.set(lap.driverNumber, (list = []));
      list.push(lap);
    }
    for (const list of by.values()) list.sort((a, b) => a.lapNumber - b.lapNumber);
    this.lapsByDriver = by;
  }

  /** Builds the session's telemetry from parsed CarData.z and Position.z and the session's laps. */
  static fromRaw(car: RawCarData, pos: RawPositionData, laps: readonly TelemetryLap[], options: SessionTelemetryOptions = {}): SessionTelemetry {
    const t0 = computeT0(car, pos);
    const carMap = new Map<string, Telemetry>();
    const posMap = new Map<string, Telemetry>();
    const consume = options.consumeRaw === true;
    for (const [drv, raw] of car.drivers) carMap.set(drv, carTelemetry(drv, raw, t0, consume));
    for (const [drv, raw] of pos.drivers) posMap.set(drv, positionTelemetry(drv, raw, t0, consume));
    return new SessionTelemetry({ t0, car: carMap, pos: posMap, laps, drivers: options.drivers });
  }

  /** Same data, other laps (e.g. once the timing engine's laps are known). */
  withLaps(laps: readonly TelemetryLap[]): SessionTelemetry {
    return new SessionTelemetry({ t0: this.t0, car: new Map(this.car), pos: new Map(this.pos), laps, drivers: this.drivers });
  }

  carData(driver: string): Telemetry {
    return this.car.get(driver) ?? Telemetry.empty(driver, this.t0);
  }

  posData(driver: string): Telemetry {
    return this.pos.get(driver) ?? Telemetry.empty(driver, this.t0);
  }

  /** Car data of a lap (or laps of one driver), optionally padded (FastF1's get_car_data). */
  lapCarData(laps: TelemetryLap | readonly TelemetryLap[], pad = 0): Telemetry {
    return this.carData(driverOf(laps)).sliceByLap(laps, { pad });
  }

  lapPosData(laps: TelemetryLap | readonly TelemetryLap[], pad = 0): Telemetry {
    return this.posData(driverOf(laps)).sliceByLap(laps, { pad });
  }

  /**
   * Merged telemetry of a lap, or of several laps of one driver: position and car data on the union
   * of their timestamps, with Distance, RelativeDistance, DriverAhead and DistanceToDriverAhead,
   * cut to [LapStartTime, Time] with interpolated samples at both ends — FastF1's get_telemetry().
   */
  lapTelemetry(laps: TelemetryLap | readonly TelemetryLap[]): Telemetry {
    const driver = driverOf(laps);
    const [start, end] = lapWindow(laps);
    if (Number.isNaN(start) || Number.isNaN(end)) throw new Error(`lap of driver ${driver} has no start or end time`);
    const pos = this.posData(driver).sliceByLap(laps, { pad: 1 });
    let car = this.carData(driver).sliceByLap(laps, { pad: 1 });
    if (car.length === 0 || pos.length === 0) throw new Error(`no car or position data for driver ${driver} in [${start}, ${end}] ms`);
    // Driver ahead is computed without the padding samples.
    const inner = windowOf(car.rows(1, car.length - 1));
    const ahead = driverAhead(this, inner, true);
    car = withLapDistance(car);
    // The first merge (car data with the driver ahead on the same rows) attaches two columns; in
    // the cases where that is not the merge's result, it is a merge into a reused buffer.
    car = attachDriverAhead(car, ahead.driverAhead, ahead.distance) ?? mergeIntermediate(car, new Telemetry({
      driver, t0: this.t0, date: inner.date, sessionTime: inner.sessionTime, source: new Uint8Array(inner.length).fill(255),
      channels: { driverAhead: ahead.driverAhead, distanceToDriverAhead: ahead.distance },
    }), 0);
    // The last merge writes the result (edges interpolated, cut to the laps) once.
    return mergeLapWindow(pos, car, start, end);
  }
}

/**
 * The car rows the driver ahead is computed on, with their session time (Date − t0) in a reused
 * column of the lap pipeline instead of a column of their own.
 */
function windowOf(inner: Telemetry): Telemetry {
  const st = lapColumnF64(LapSlot.window, inner.length);
  const { values, offset } = inner.sessionTimeAxis();
  for (let i = 0; i < st.length; i++) st[i] = values[i]! - offset;
  return new Telemetry({
    // (no time column: the driver ahead reads session times, the merge reads neither)
    driver: inner.driver, t0: inner.t0, date: inner.date, sessionTime: st, source: inner.source, channels: inner.channels,
  });
}

function driverOf(laps: TelemetryLap | readonly TelemetryLap[]): string {
  const list: readonly TelemetryLap[] = Array.isArray(laps) ? laps : [laps as TelemetryLap];
  if (list.length === 0) throw new Error('no lap given');
  const d = list[0]!.driverNumber;
  if (list.some((l) => l.driverNumber !== d)) throw new Error('laps of several drivers');
  return d;
}

