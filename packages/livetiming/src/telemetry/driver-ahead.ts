// DriverAhead / DistanceToDriverAhead, the way FastF1's calculate_driver_ahead finds them: every car's
// distance is integrated from the finish line of its lap that contains the window start (one lap
// later for a car that is a lap behind), all cars are put on the window's session times, and the
// nearest car with a larger distance is the one ahead. Cars whose distance does not change between
// two samples (standing, or no data) are ignored for that sample.
import { NO_DRIVER } from './channels.js';
import type { SessionTelemetry } from './session-telemetry.js';
import { LapSlot, lapColumnF64, lapColumnI16, lowerBound, type Telemetry, type TelemetryLap } from './telemetry.js';

const known = (v: number | null | undefined): v is number => typeof v === 'number' && !Number.isNaN(v);

export interface DriverAheadResult {
  /** Racing number of the car ahead per sample, {@link NO_DRIVER} when none. */
  driverAhead: Int16Array;
  /** Metres to that car; NaN when none. */
  distance: Float64Array;
}

/**
 * Car ahead for each sample of `self` (car data of one driver, sorted by time) among every driver of
 * the session that has car data and laps. `reuse`: the result is in the lap pipeline's reused
 * columns (valid until its next call).
 */
export function driverAhead(session: SessionTelemetry, self: Telemetry, reuse = false): DriverAheadResult {
  const n = self.length;
  const result: DriverAheadResult = {
    driverAhead: (reuse ? lapColumnI16(LapSlot.aheadDriver, n) : new Int16Array(n)).fill(NO_DRIVER),
    distance: (reuse ? lapColumnF64(LapSlot.aheadDistance, n) : new Float64Array(n)).fill(NaN),
  };
  if (n === 0) return result;
  const tStart = self.sessionTime[0]!;
  const tEnd = self.sessionTime[n - 1]!;
  const ownLaps = session.lapsByDriver.get(self.driver) ?? [];
  let firstLapNumber = NaN;
  for (const l of ownLaps) if (known(l.lapStartTime) && l.lapStartTime <= tStart) firstLapNumber = l.lapNumber;

  // Own distance first: every other car is measured against it.
  // (Only when the driver is one of the session's drivers, as the others are.)
  const ownCar = session.drivers.includes(self.driver) && ownLaps.length > 0 ? session.car.get(self.driver) : undefined;
  const ownRelevant = ownCar !== undefined ? relevantLaps(ownLaps, tStart, tEnd, firstLapNumber) : [];
  const ownOut = (reuse ? lapColumnF64(LapSlot.ownDistance, n) : new Float64Array(n)).fill(NaN);
  const own = (ownRelevant.length > 0 ? distanceOnWindow(ownCar!, ownRelevant, self.sessionTime, ownOut) : null) ?? ownOut.fill(NaN);

  // Then car by car, in the session's driver order, straight into the nearest-ahead columns (no
  // per-car array): `best` is the smallest non-negative distance so far, ties keep the earlier car.
  const best = result.distance;
  const who = result.driverAhead;
  for (const drv of session.drivers) {
    if (drv === self.driver) continue;
    const car = session.car.get(drv);
    const laps = session.lapsByDriver.get(drv);
    if (car === undefined || laps === undefined || laps.length === 0) continue;
    const relevant = relevantLaps(laps, tStart, tEnd, firstLapNumber);
    if (relevant.length === 0) continue;
    aheadOnWindow(car, relevant, self.sessionTime, own, Number(drv), best, who);
  }
  return result;
}

/**
 * Offers one other car's distance at each window sample as the car ahead: where it has a sample, its
 * distance changed since the previous window sample (a distance that does not change does not
 * count, nor does the first sample) and it is at or ahead of `own` by less than `best`.
 */
function aheadOnWindow(car: Telemetry, laps: readonly TelemetryLap[], window: Float64Array, own: Float64Array,
  number: number, best: Float64Array, who: Int16Array): void {
  // Values per window index, as distanceOnWindow would hold them; the last value written at an
  // index wins, so each one is settled when the next index comes.
  let pendingW = -1;
  let pendingV = NaN;
  let lastW = -2;
  let lastV = NaN;
  const settle = () => {
    if (pendingW < 0) return;
    const prev = lastW === pendingW - 1 ? lastV : NaN;
    if (pendingW > 0 && pendingV - prev !== 0) {
      const delta = pendingV - own[pendingW]!;
      // NaN or behind never counts; ties keep the earlier car (its delta is not beaten)
      if (delta >= 0 && (delta < best[pendingW]! || best[pendingW]! !== best[pendingW]!)) { best[pendingW] = delta; who[pendingW] = number; }
    }
    lastW = pendingW;
    lastV = pendingV;
  };
  eachDistanceOnWindow(car, laps, window, (w, v) => {
    if (w !== pendingW) { settle(); pendingW = w; }
    pendingV = v;
  });
  settle();
}

/**
 * The laps of a driver that span [tStart, tEnd]: from the lap running at tStart (the next one if the
 * driver is a lap behind) to the first lap ending at or after tEnd; widened by one lap at either end
 * when the boundary lap lacks its start or end time.
 */
function relevantLaps(laps: readonly TelemetryLap[], tStart: number, tEnd: number, firstLapNumber: number): TelemetryLap[] {
  let before = NaN;
  for (const l of laps) if (known(l.lapStartTime) && l.lapStartTime <= tStart) before = l.lapNumber;
  if (Number.isNaN(before)) before = Math.min(...laps.map((l) => l.lapNumber));
  else if (before < firstLapNumber) before += 1;
  let after = NaN;
  for (const l of laps) if (known(l.time) && l.time >= tEnd) { after = l.lapNumber; break; }
  if (Number.isNaN(after)) after = Math.max(...laps.map((l) => l.lapNumber));
  let padBefore = 0;
  let padAfter = 0;
  for (;;) {
    const rel = laps.filter((l) => l.lapNumber >= before - padBefore && l.lapNumber <= after + padAfter);
    if (padBefore >= 1 || padAfter >= 1 || rel.length === 0) return rel;
    if (!known(rel[rel.length - 1]!.lapStartTime)) { padBefore++; continue; }
    if (!known(rel[0]!.time)) { padAfter++; continue; }
    return rel;
  }
}

/**
 * The driver's distance from the start of `laps`, at each of the window's session times (NaN where
 * the driver has no sample at that time). null when the laps hold no car data.
 */
function distanceOnWindow(car: Telemetry, laps: readonly TelemetryLap[], window: Float64Array, out: Float64Array): Float64Array | null {
  return eachDistanceOnWindow(car, laps, window, (w, v) => { out[w] = v; }) ? out : null;
}

/**
 * Calls `at(w, distance)` for each window index whose session time the driver has a sample at, in
 * window order, with the distance integrated from the start of `laps`. False when the laps hold
 * no car data.
 */
function eachDistanceOnWindow(car: Telemetry, laps: readonly TelemetryLap[], window: Float64Array, at: (w: number, v: number) => void): boolean {
  let start: number;
  let end: number;
  if (laps.length === 1) {
    start = laps[0]!.lapStartTime ?? NaN;
    end = laps[0]!.time ?? NaN;
  } else {
    start = Infinity;
    end = -Infinity;
    for (const l of laps) {
      if (known(l.lapStartTime) && l.lapStartTime < start) start = l.lapStartTime;
      if (known(l.time) && l.time > end) end = l.time;
    }
  }
  if (!Number.isFinite(start) || !Number.isFinite(end)) return false;
  // A whole session's car data: session time read from Date in place (no column computed).
  const { values: st, offset } = car.sessionTimeAxis();
  const speed = car.channels.speed!;
  let i = lowerBound(st, start, offset);
  if (i >= st.length || st[i]! - offset > end) return false;
  const n = window.length;
  const wStart = window[0]!;
  const wEnd = window[n - 1]!;
  let w = 0;
  let dist = 0;
  let prev = 0;
  for (let first = true; i < st.length && st[i]! - offset <= end; i++, first = false) {
    const t = st[i]! - offset;
    const s = (t - start) / 1000;
    dist += speed[i]! / 3.6 * (first ? s : s - prev);
    prev = s;
    if (t < wStart) continue;
    if (t > wEnd) break;
    while (w < n && window[w]! < t) w++;
    if (w < n && window[w] === t) at(w, dist);
  }
  return true;
}

