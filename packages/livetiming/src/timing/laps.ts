// Session-level lap building: per-driver reconstruction, race alignment, tyres, lap starts,
// positions, track status, accuracy, race lap-1 times, retirements and deleted laps.
import type { StreamMessage } from '../stream/index.js';
import type { LapCountUpdate } from '../topics/lap-count.js';
import type { RaceControlMessage } from '../topics/race-control.js';
import type { SessionStatusChange } from '../topics/session-status.js';
import { parseStintMessages } from '../topics/timing-app-data.js';
import { lapTimingByDriver, type LapTimingPatch } from '../topics/timing-data.js';
import type { TrackStatusChange } from '../topics/track-status.js';
import { alignLaps } from './align.js';
import { driverLapsOf, type DriverGapSamples, type RawDriverLaps } from './driver-laps.js';
import { markDeletedLaps } from './deleted.js';
import { Laps } from './collection.js';
import { parseDurationMicros } from './time.js';
import { asofTyres, fixStints, isTyreMessage, tyreStatesOf, type TyreState } from './tyres.js';
import { sessionKind, type DriverRef, type Lap, type SessionKind } from './types.js';

export interface BuildLapsInput {
  /** FastF1 session name: "Race", "Qualifying", "Sprint", "Sprint Shootout", "Practice 1", … */
  readonly sessionName: string;
  readonly year: number;
  /** TimingData's messages; or, instead, `lapTiming`. */
  readonly timingData?: readonly StreamMessage[];
  /** TimingData already reduced per driver (LapTimingCollector.byDriver, e.g. fed as the stream was read). */
  readonly lapTiming?: ReadonlyMap<string, readonly LapTimingPatch[]>;
  readonly timingAppData?: readonly StreamMessage[];
  readonly sessionStatus?: readonly SessionStatusChange[];
  readonly trackStatus?: readonly TrackStatusChange[] | null;
  /** null/undefined = not available: `deleted` stays null. */
  readonly raceControl?: readonly RaceControlMessage[] | null;
  readonly lapCount?: readonly LapCountUpdate[];
  /** Driver list (order is kept in the output). Without it, drivers with timing and tyre data are used (timing alone when the session has no tyre data at all). */
  readonly drivers?: readonly DriverRef[];
  /** UTC (epoch ms) of session time zero; fills `lapStartDate`. */
  readonly t0?: number | null;
  /** Race lap-1 times (ms) by driver number, e.g. from Jolpica `laps/1` (the feed has none); used for "Race" only. */
  readonly firstLapTimes?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** Drivers known not to have started (e.g. official status "Did not start"): no lap-1 is inferred. */
  readonly notStarted?: readonly string[];
  /**
   * Session time (ms) of the first zero-speed car sample after `afterMs`, for a driver; used to end
   * a lap of a car that retired on track. Without it the end is assumed 150 s after the last lap.
   */
  readonly firstStopAfter?: (driverNumber: string, afterMs: number) => number | null;
}

export interface LapsBuild {
  readonly laps: Laps;
  readonly kind: SessionKind;
  /** Start times (ms) of Q1/Q2/Q3 as seen in the timing data; 86 400 000 (one day) = never started. */
  readonly splitTimes: readonly number[];
  readonly sessionStartTime: number | null;
  readonly totalLaps: number | null;
  readonly warnings: readonly string[];
}

const ONE_DAY_US = 86_400_000_000;
const RETIRE_FALLBACK_US = 150_000_000;

interface Row {
  driverNumber: string;
  time: number; lapTime: number; lapNumber: number; stint: number;
  pitOutTime: number; pitInTime: number;
  s1: number; s2: number; s3: number; s1Time: number; s2Time: number; s3Time: number;
  speedI1: number; speedI2: number; speedFL: number; speedST: number;
  isPersonalBest: boolean | null;
  compound: string | null; tyreLife: number; freshTyre: boolean;
  lapStartTime: number; trackStatus: string; position: number;
  deleted: boolean | null; deletedReason: string | null;
  generated: boolean; isAccurate: boolean;
}

/** Builds every driver's laps of a session. Pure: no I/O, inputs are not modified. */
export function buildLaps(input: BuildLapsInput): LapsBuild {
  const warnings: string[] = [];
  const kind = sessionKind(input.sessionName, input.year);
  const raceLike = kind === 'race';
  const status = input.sessionStatus ?? [];
  const startMs = firstStarted(status);
  const start = startMs === null ? NaN : startMs * 1000;
  const totalLaps = raceLike ? firstTotalLaps(input.lapCount ?? []) : null;

  // per-driver timing
  const byDriver = input.lapTiming ?? lapTimingByDriver(input.timingData ?? []).byDriver;
  const raw: RawDriverLaps[] = [];
  const gaps = new Map<string, DriverGapSamples>();
  const split = [ONE_DAY_US, ONE_DAY_US, ONE_DAY_US];
  for (const [drv, patches] of byDriver) {
    const r = driverLapsOf(drv, patches);
    if (!r.laps) continue;
    r.splitTimes.forEach((t, i) => { split[i] = Math.min(split[i]!, t); });
    gaps.set(drv, r.gaps);
    raw.push(r.laps);
    if (r.integrityErrors.length) warnings.push(`Driver ${drv}: timing integrity errors near lap(s) ${r.integrityErrors.join(', ')}`);
  }
  const aligned = alignLaps(raw, gaps);
  if (aligned?.unaligned.length) warnings.push(`Failed to align laps for driver(s) ${aligned.unaligned.join(', ')}`);
  const rawBy = new Map(raw.map((r) => [r.driver, r]));
  let minLapEnd = Infinity;
  for (const r of raw) for (const t of r.time) if (t < minLapEnd) minLapEnd = t;

  // tyres
  const stintMsgs = tyreStatesOfByDriver(input.timingAppData ?? []);

  const drivers: DriverRef[] = input.drivers?.length
    ? [...input.drivers]
    // FastF1 keeps drivers that have both timing and tyre data; without any tyre data, timing alone.
    : [...rawBy.keys()].filter((d) => stintMsgs.size === 0 || stintMsgs.has(d)).map((d) => ({ driverNumber: d }));
  const notStarted = new Set(input.notStarted ?? []);
  if (stintMsgs.size === 0 && rawBy.size > 0) warnings.push('No tyre data (no TimingAppData): laps have no compound, tyre life or stint');

  const all: Row[] = [];
  for (const ref of drivers) {
    const drv = ref.driverNumber;
    const d1 = rawBy.get(drv);
    const n1 = d1 ? d1.time.length : 0;
    const inLapEnds = d1 ? d1.time.filter((_, i) => !Number.isNaN(d1.pitInTime[i]!)) : [];
    const fixReport = { stintCounterFixed: false };
    const d2 = fixStints(stintMsgs.get(drv) ?? [], inLapEnds, raceLike, fixReport);
    if (fixReport.stintCounterFixed) warnings.push(`Fixed incorrect tyre stint information for driver '${drv}'`);

    let rows: Row[];
    if (n1 === 0) {
      if (raceLike && d2.length && !notStarted.has(drv) && Number.isFinite(minLapEnd)) {
        // crashed on the first lap: one inferred lap, ending when the first car completed lap 1
        const r = emptyRow(drv, 1);
        r.time = minLapEnd;
        r.isPersonalBest = false;
        r.compound = d2[0]!.compound;
        r.tyreLife = d2[0]!.startLaps ?? NaN;
        r.stint = 0;
        r.freshTyre = d2[0]!.new ?? false;
        r.generated = true;
        rows = [r];
      } else {
        warnings.push(`No lap data for driver ${drv}`);
        continue;
      }
    } else {
      rows = rowsOf(d1!);
      if (d2.length === 0) {
        if (stintMsgs.size > 0) warnings.push(`No tyre data for driver ${drv}`);
        for (const r of rows) { r.compound = null; r.tyreLife = NaN; r.stint = 0; r.freshTyre = false; }
      } else {
        const match = asofTyres(rows.map((r) => r.time), d2);
        rows.forEach((r, i) => applyTyre(r, match[i]!));
      }
    }

    // lap starts: the previous lap's end; lap 1 of a race starts with the session
    for (let i = 0; i < rows.length; i++) rows[i]!.lapStartTime = i === 0 ? (raceLike ? start : NaN) : rows[i - 1]!.time;
    if (status.some((s) => s.status === 'Aborted')) {
      let aborted = false;
      for (const s of status) {
        if (aborted && s.status === 'Started') {
          aborted = false;
          const restart = rows.findIndex((r) => r.pitOutTime > s.time * 1000);
          if (restart < 0) continue;
          // races restart from the grid at the restart time (unless the lap was timed); other
          // sessions' out-laps start when the car leaves the pits
          if (raceLike) { if (Number.isNaN(rows[restart]!.lapTime)) rows[restart]!.lapStartTime = s.time * 1000; }
          else rows[restart]!.lapStartTime = NaN;
        } else if (s.status === 'Aborted') aborted = true;
      }
    }
    for (const r of rows) if (Number.isNaN(r.lapStartTime) && !Number.isNaN(r.pitOutTime)) r.lapStartTime = r.pitOutTime;
    for (const r of rows) if (r.lapNumber === 1 && r.pitOutTime < start) r.pitOutTime = NaN;

    // tyre life counts the laps of each stint on top of the age the set had when fitted
    const seen = new Map<number, number>();
    for (const r of rows) {
      if (Number.isNaN(r.stint)) continue;
      const k = (seen.get(r.stint) ?? 0) + 1;
      seen.set(r.stint, k);
      r.tyreLife += k;
    }
    for (const r of rows) r.stint += 1;
    all.push(...rows);
  }

  if (raceLike) assignPositions(all);
  const ts = input.trackStatus ?? null;
  if (ts) for (const r of all) r.trackStatus = trackStatusOf(r.lapStartTime, r.time, ts);
  fillSpeedTraps(all);
  checkAccuracy(all);

  // race lap 1 has no time in the feed (FastF1 adds Jolpica's for the Race only, not sprints)
  if (input.firstLapTimes && input.sessionName === 'Race') {
    const map = input.firstLapTimes instanceof Map ? input.firstLapTimes : new Map(Object.entries(input.firstLapTimes));
    for (const r of all) {
      if (r.lapNumber !== 1) continue;
      const v = (map as ReadonlyMap<string, number>).get(r.driverNumber);
      if (v !== undefined && v !== null && Number.isFinite(v)) r.lapTime = Math.round(v * 1000);
    }
  }

  let out = all;
  const retired = retiredLaps(all, drivers, status, totalLaps, input.firstStopAfter, ts);
  if (retired.length) out = [...all, ...retired];

  if (input.raceControl) {
    for (const r of out) { r.deleted = false; }
    markDeletedLaps(out, input.raceControl);
  }

  const refs = new Map(drivers.map((d) => [d.driverNumber, d]));
  const order = new Map(drivers.map((d, i) => [d.driverNumber, i]));
  out.sort((a, b) => order.get(a.driverNumber)! - order.get(b.driverNumber)! || a.lapNumber - b.lapNumber);
  const t0 = input.t0 ?? null;
  const laps = out.map((r) => toLap(r, refs.get(r.driverNumber)!, t0));
  return {
    laps: new Laps(laps, { kind, splitTimes: split.map((t) => t / 1000), sessionStatus: status }),
    kind,
    splitTimes: split.map((t) => t / 1000),
    sessionStartTime: startMs,
    totalLaps,
    warnings,
  };
}

function firstStarted(status: readonly SessionStatusChange[]): number | null {
  for (const s of status) if (s.status === 'Started') return s.time;
  return null;
}
function firstTotalLaps(lc: readonly LapCountUpdate[]): number | null {
  // FastF1 takes the first message's TotalLaps, whatever it holds
  return lc.length ? lc[0]!.totalLaps : null;
}

function tyreStatesOfByDriver(messages: readonly StreamMessage[]): Map<string, TyreState[]> {
  const out = new Map<string, TyreState[]>();
  const all = parseStintMessages(messages);
  for (const m of all) {
    if (!isTyreMessage(m)) continue;
    let l = out.get(m.driver);
    if (!l) out.set(m.driver, (l = []));
    l.push(...tyreStatesOf([m]));
  }
  return out;
}

function emptyRow(driverNumber: string, lapNumber: number): Row {
  return {
    driverNumber, time: NaN, lapTime: NaN, lapNumber, stint: NaN, pitOutTime: NaN, pitInTime: NaN,
    s1: NaN, s2: NaN, s3: NaN, s1Time: NaN, s2Time: NaN, s3Time: NaN,
    speedI1: NaN, speedI2: NaN, speedFL: NaN, speedST: NaN, isPersonalBest: false,
    compound: null, tyreLife: NaN, freshTyre: true, lapStartTime: NaN, trackStatus: '', position: NaN,
    deleted: null, deletedReason: null, generated: false, isAccurate: false,
  };
}

function rowsOf(d: RawDriverLaps): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < d.time.length; i++) {
    const r = emptyRow(d.driver, d.lapNumber[i]!);
    r.time = d.time[i]!; r.lapTime = d.lapTime[i]!;
    r.pitOutTime = d.pitOutTime[i]!; r.pitInTime = d.pitInTime[i]!;
    r.s1 = d.s1[i]!; r.s2 = d.s2[i]!; r.s3 = d.s3[i]!;
    r.s1Time = d.s1Time[i]!; r.s2Time = d.s2Time[i]!; r.s3Time = d.s3Time[i]!;
    r.speedI1 = d.speedI1[i]!; r.speedI2 = d.speedI2[i]!; r.speedFL = d.speedFL[i]!; r.speedST = d.speedST[i]!;
    r.isPersonalBest = d.isPersonalBest[i]!;
    out.push(r);
  }
  return out;
}

// A lap before any tyre message has nothing to join: FastF1 leaves stint/compound/life empty and
// its boolean cast turns the missing "new" flag into true; a matched message without the flag is false.
function applyTyre(r: Row, t: TyreState | null): void {
  if (!t) { r.stint = NaN; r.compound = null; r.tyreLife = NaN; r.freshTyre = true; return; }
  r.stint = t.stint;
  r.compound = t.compound;
  r.tyreLife = t.startLaps ?? NaN;
  r.freshTyre = t.new ?? false;
}

/** Race-like: per lap number, the order in which the (timed, not inferred) laps ended. */
function assignPositions(rows: Row[]): void {
  const byLap = new Map<number, Row[]>();
  for (const r of rows) {
    if (r.generated) continue;
    let l = byLap.get(r.lapNumber);
    if (!l) byLap.set(r.lapNumber, (l = []));
    l.push(r);
  }
  for (const l of byLap.values()) {
    const sorted = l.map((r, i) => [r, i] as const).sort((a, b) => cmpNaNLast(a[0].time, b[0].time) || a[1] - b[1]);
    sorted.forEach(([r], i) => { r.position = i + 1; });
  }
}
const cmpNaNLast = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b);

/**
 * Status codes active during [start, end] in order of first occurrence: a status counts when the
 * lap ends in it, starts in it, or fully contains it; the last status counts for laps ending after it.
 */
export function trackStatusOf(startUs: number, endUs: number, ts: readonly TrackStatusChange[]): string {
  let out = '';
  const add = (s: string) => { if (!out.includes(s)) out += s; };
  if (ts.length === 0) return out;
  for (let i = 0; i + 1 < ts.length; i++) {
    const t = ts[i]!.time * 1000;
    const next = ts[i + 1]!.time * 1000;
    if ((t <= endUs && endUs <= next) || (t <= startUs && startUs <= next) || (startUs <= t && next <= endUs)) add(ts[i]!.status);
  }
  if (ts[ts.length - 1]!.time * 1000 <= endUs) add(ts[ts.length - 1]!.status);
  return out;
}

/**
 * The feed omits a speed-trap value equal to the previous one. Restore it by carrying the driver's
 * previous value forward on laps that should have one: not inferred, not under a red flag, and for
 * the finish-line trap not an in-lap.
 */
function fillSpeedTraps(rows: Row[]): void {
  let drv = '';
  const last: Record<'speedI1' | 'speedI2' | 'speedFL' | 'speedST', number> = { speedI1: NaN, speedI2: NaN, speedFL: NaN, speedST: NaN };
  for (const r of rows) {
    if (r.driverNumber !== drv) { drv = r.driverNumber; last.speedI1 = last.speedI2 = last.speedFL = last.speedST = NaN; }
    const eligible = !r.generated && !r.trackStatus.includes('5');
    for (const k of ['speedI1', 'speedI2', 'speedST', 'speedFL'] as const) {
      const ok = eligible && (k !== 'speedFL' || Number.isNaN(r.pitInTime));
      if (Number.isNaN(r[k])) { if (ok) r[k] = last[k]; }
      last[k] = r[k];
    }
  }
}

const ACCURATE_STATUS = new Set(['1', '2', '12', '21']);
const TOL_US = 3000;

function checkAccuracy(rows: Row[]): void {
  let prev: Row | null = null;
  for (const lap of rows) {
    if (prev && prev.driverNumber !== lap.driverNumber) prev = null;
    const c1 = Number.isNaN(lap.pitInTime) && Number.isNaN(lap.pitOutTime) && !lap.generated
      && ACCURATE_STATUS.has(lap.trackStatus) && !Number.isNaN(lap.lapTime)
      && !Number.isNaN(lap.s1) && !Number.isNaN(lap.s2) && !Number.isNaN(lap.s3);
    const c2 = c1 && Math.abs(lap.s1 + lap.s2 + lap.s3 - lap.lapTime) <= TOL_US;
    const c3 = prev === null || prev.trackStatus !== '4';
    let c4 = true;
    if (!Number.isNaN(lap.time) && !Number.isNaN(lap.lapTime) && prev && !Number.isNaN(prev.time)) {
      c4 = Math.abs(lap.time - prev.time - lap.lapTime) <= TOL_US;
    }
    lap.isAccurate = c1 && c2 && c3 && c4;
    prev = lap;
  }
}

/**
 * A car that stopped on track has no lap end in the feed. If the session later finished (or was
 * aborted) and the car's last lap was not an in-lap and it is short of the race distance, a last lap
 * is inferred ending at the abort, at the car's first standstill, or 150 s after its last lap.
 */
function retiredLaps(
  rows: Row[], drivers: readonly DriverRef[], status: readonly SessionStatusChange[], totalLaps: number | null,
  firstStopAfter: BuildLapsInput['firstStopAfter'], ts: readonly TrackStatusChange[] | null,
): Row[] {
  const out: Row[] = [];
  const byDriver = new Map<string, Row[]>();
  for (const r of rows) {
    let l = byDriver.get(r.driverNumber);
    if (!l) byDriver.set(r.driverNumber, (l = []));
    l.push(r);
  }
  for (const [drv, laps] of byDriver) {
    if (laps.length === 1 && laps[0]!.generated) continue;
    const lastLap = laps[laps.length - 1]!;
    let ref = lastLap.time;
    if (Number.isNaN(ref)) ref = lastLap.lapStartTime;
    const next = Number.isNaN(ref) ? [] : status.filter((s) => s.time * 1000 > ref);
    const prevSt = Number.isNaN(ref) ? [] : status.filter((s) => s.time * 1000 <= ref);
    if (prevSt.some((s) => s.status === 'Finished')) continue;
    if (next.length === 0 || !next.some((s) => s.status === 'Finished')) continue;
    if (!Number.isNaN(lastLap.pitInTime)) continue;
    if (totalLaps !== null && laps.length >= totalLaps) continue;
    if (laps.length >= 2 && !Number.isNaN(laps[laps.length - 2]!.pitInTime) && Number.isNaN(lastLap.pitOutTime)) continue;
    let end: number;
    if (next[0]!.status === 'Aborted') end = next[0]!.time * 1000;
    else {
      const stop = firstStopAfter?.(drv, ref / 1000);
      end = stop !== null && stop !== undefined && Number.isFinite(stop) ? stop * 1000 : ref + RETIRE_FALLBACK_US;
    }
    const r = emptyRow(drv, lastLap.lapNumber + 1);
    r.lapStartTime = lastLap.time;
    r.time = end;
    r.stint = lastLap.stint;
    r.compound = lastLap.compound;
    r.tyreLife = lastLap.tyreLife + 1;
    r.freshTyre = lastLap.freshTyre;
    r.isPersonalBest = null;
    r.generated = true;
    r.isAccurate = false;
    r.trackStatus = ts ? trackStatusOf(r.lapStartTime, r.time, ts) : '';
    out.push(r);
  }
  void drivers;
  return out;
}

const ms = (us: number): number | null => (Number.isNaN(us) ? null : us / 1000);
const num = (v: number): number | null => (Number.isNaN(v) ? null : v);

function toLap(r: Row, ref: DriverRef, t0: number | null): Lap {
  const lapStartTime = ms(r.lapStartTime);
  return {
    time: ms(r.time),
    driver: ref.abbreviation ?? null,
    driverNumber: r.driverNumber,
    lapTime: ms(r.lapTime),
    lapNumber: r.lapNumber,
    stint: num(r.stint),
    pitOutTime: ms(r.pitOutTime),
    pitInTime: ms(r.pitInTime),
    sector1Time: ms(r.s1), sector2Time: ms(r.s2), sector3Time: ms(r.s3),
    sector1SessionTime: ms(r.s1Time), sector2SessionTime: ms(r.s2Time), sector3SessionTime: ms(r.s3Time),
    speedI1: num(r.speedI1), speedI2: num(r.speedI2), speedFL: num(r.speedFL), speedST: num(r.speedST),
    isPersonalBest: r.isPersonalBest === true,
    compound: r.compound,
    tyreLife: num(r.tyreLife),
    freshTyre: r.freshTyre,
    team: ref.teamName ?? null,
    lapStartTime,
    lapStartDate: t0 !== null && lapStartTime !== null ? t0 + lapStartTime : null,
    trackStatus: r.trackStatus,
    position: num(r.position),
    deleted: r.deleted,
    deletedReason: r.deletedReason,
    fastF1Generated: r.generated,
    isAccurate: r.isAccurate,
  };
}

export { parseDurationMicros };
