// Per-driver lap reconstruction from TimingData patches: the behaviour FastF1 documents for its
// timing parser (lap boundaries from NumberOfLaps, late values, pit flags, end-of-lap sync, PBs).
// Lap and sector times are taken as sent and never altered; only timestamps are adjusted.
import { lapTimingOf, type DriverPatch, type LapTimingPatch } from '../topics/timing-data.js';
import { parseDurationMicros } from './time.js';

/** Columns of one driver's laps; NaN = missing. Times in integer microseconds (exact arithmetic). */
export interface RawDriverLaps {
  driver: string;
  time: number[];
  lapTime: number[];
  lapNumber: number[];
  pitStops: number[];
  pitOutTime: number[];
  pitInTime: number[];
  s1: number[]; s2: number[]; s3: number[];
  s1Time: number[]; s2Time: number[]; s3Time: number[];
  speedI1: number[]; speedI2: number[]; speedFL: number[]; speedST: number[];
  isPersonalBest: boolean[];
}

/** Time-stamped position/gap samples of a driver, forward filled (used to align race laps). */
export interface DriverGapSamples {
  time: number[];
  gapToLeader: (string | null)[];
}

export interface DriverTimingResult {
  laps: RawDriverLaps | null;
  /** Start times of the (sub)sessions seen in `BestLapTimes` keys: [0, Q2 start?, Q3 start?]. */
  splitTimes: number[];
  gaps: DriverGapSamples;
  /** 1-based lap numbers where the timing did not add up (reported, as FastF1 logs them). */
  integrityErrors: number[];
}

const LATE_US = 5_000_000;
const MAX_LAP_US = 150_000_000;
const COLS = ['time', 'lapTime', 'lapNumber', 'pitStops', 'pitOutTime', 'pitInTime', 's1', 's2', 's3',
  's1Time', 's2Time', 's3Time', 'speedI1', 'speedI2', 'speedFL', 'speedST'] as const;
type NumCol = (typeof COLS)[number];

function emptyLaps(driver: string): RawDriverLaps {
  const l = { driver, isPersonalBest: [] as boolean[] } as unknown as RawDriverLaps;
  for (const c of COLS) (l as unknown as Record<string, number[]>)[c] = [];
  return l;
}
function pushRow(l: RawDriverLaps): void {
  for (const c of COLS) l[c].push(NaN);
  l.isPersonalBest.push(false);
}
function sliceRows(l: RawDriverLaps, from: number, to: number): void {
  for (const c of COLS) l[c] = l[c].slice(from, to);
  l.isPersonalBest = l.isPersonalBest.slice(from, to);
}
const rows = (l: RawDriverLaps) => l.time.length;

/** Python truthiness of a feed value, which is what decides whether a value "was sent". */
function truthy(v: unknown): boolean {
  if (typeof v === 'string') return v.length > 0;
  if (v === undefined || v === null || v === 0 || v === false) return false;
  if (typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.length > 0;
  for (const _ in v) return true;
  return false;
}


/** Reconstructs one driver's laps. Pure; `patches` are not modified. */
export function buildDriverLaps(driver: string, patches: readonly DriverPatch[]): DriverTimingResult {
  const timing: LapTimingPatch[] = [];
  for (const { time, data } of patches) {
    const p = lapTimingOf(time, data);
    if (p !== null) timing.push(p);
  }
  return driverLapsOf(driver, timing);
}

/** {@link buildDriverLaps} from the laps builder's part of the driver's patches (see lapTimingOf). */
export function driverLapsOf(driver: string, patches: readonly LapTimingPatch[]): DriverTimingResult {
  const laps = emptyLaps(driver);
  const integrityErrors: number[] = [];
  // explicit "no lap time" (LastLapTime.Value === ""), later filled from the sectors
  const explicitNoLapTime: boolean[] = [false];
  pushRow(laps);

  // Pass 1: lap end times from NumberOfLaps increments, once the car has left the pits.
  {
    let lapcnt = 0;
    let apiLapcnt = 0;
    let inPast = false;
    let outOfPit = false;
    for (const p of patches) {
      const time = p.time * 1000;
      const nol = p.numberOfLaps as number | undefined;
      const hasNol = nol !== undefined && nol !== null;
      if (inPast && hasNol && nol === apiLapcnt) inPast = false;
      if (hasNol && nol < apiLapcnt) { inPast = true; continue; }
      if (inPast) continue;
      if (p.inPit === false) outOfPit = true;
      if (hasNol && nol > apiLapcnt) {
        apiLapcnt += 1;
        if (outOfPit) {
          laps.time[lapcnt] = time;
          lapcnt += 1;
          pushRow(laps);
          explicitNoLapTime.push(false);
        }
      }
    }
  }

  // Pass 2: fill values.
  let lapcnt = 0;
  let apiLapcnt = 0;
  let inPast = false;
  let pitstops = -1; // the first pit exit is the out-lap, which must count as zero stops
  const pbHistory: [number, number][] = [];
  const splitTimes: number[] = [0];
  const last = () => rows(laps) - 1;
  for (const p of patches) {
    const time = p.time * 1000;
    const nol = p.numberOfLaps as number | undefined;
    const hasNol = nol !== undefined && nol !== null;
    if (inPast && hasNol && nol === apiLapcnt) inPast = false;
    if (inPast || (hasNol && nol < apiLapcnt)) { inPast = true; continue; }

    // values up to 5 s late still belong to the lap that just ended
    const lapOffset = lapcnt > 0 && time - laps.time[lapcnt - 1]! < LATE_US ? 1 : 0;
    const idx = lapcnt - lapOffset;

    // written out per sector: keyed access to the column arrays would be megamorphic in this loop
    let v = p.sector1;
    if (truthy(v)) { laps.s1[idx] = parseDurationMicros(v); laps.s1Time[idx] = time; }
    v = p.sector2;
    if (truthy(v)) { laps.s2[idx] = parseDurationMicros(v); laps.s2Time[idx] = time; }
    v = p.sector3;
    if (truthy(v)) { laps.s3[idx] = parseDurationMicros(v); laps.s3Time[idx] = time; }

    const llt = p.lastLapTime;
    if (truthy(llt)) {
      const v = parseDurationMicros(llt);
      // > 150 s are bogus values between qualifying parts
      if (v < MAX_LAP_US) { laps.lapTime[idx] = v; explicitNoLapTime[idx] = false; }
    } else if (llt === '' && Number.isNaN(laps.lapTime[idx]!)) {
      explicitNoLapTime[idx] = true;
    }

    v = p.speedI1;
    if (truthy(v)) laps.speedI1[idx] = Number(v);
    v = p.speedI2;
    if (truthy(v)) laps.speedI2[idx] = Number(v);
    v = p.speedFL;
    if (truthy(v)) laps.speedFL[idx] = Number(v);
    // the ST trap comes early in a lap and never counts as late
    v = p.speedST;
    if (truthy(v)) laps.speedST[lapcnt] = Number(v);

    if (p.hasInPit) {
      if (p.inPit === true) {
        if (pitstops >= 0) laps.pitInTime[lapcnt] = time;
      } else if ((hasNol && nol > apiLapcnt) || laps.time[lapcnt]! - time < LATE_US) {
        // leaving the pits right at (or just before) the line: the next lap is the out-lap
        if (lapcnt + 1 <= last()) laps.pitOutTime[lapcnt + 1] = time;
        pitstops += 1;
      } else {
        laps.pitOutTime[lapcnt] = time;
        pitstops += 1;
      }
    }

    const pb = p.bestLapTime;
    if (truthy(pb)) pbHistory.push([time, parseDurationMicros(pb)]);

    if (p.bestLapTimesKey !== undefined) {
      const n = Number.parseInt(p.bestLapTimesKey, 10);
      if (n + 1 > splitTimes.length) splitTimes.push(time);
    }

    if (hasNol && nol > apiLapcnt) {
      apiLapcnt += 1;
      if (pitstops >= 0) {
        laps.time[lapcnt] = time;
        laps.lapNumber[lapcnt] = lapcnt + 1; // our own count: F1's may include a non-existent lap
        laps.pitStops[lapcnt] = pitstops;
        lapcnt += 1;
      }
    }
  }

  const gaps = gapSamples(patches);
  if (lapcnt === 0) return { laps: null, splitTimes, gaps, integrityErrors };

  const dataIn = (i: number) => !Number.isNaN(laps.s1[i]!) || !Number.isNaN(laps.s2[i]!) || !Number.isNaN(laps.s3[i]!)
    || !Number.isNaN(laps.speedI1[i]!) || !Number.isNaN(laps.speedI2[i]!) || !Number.isNaN(laps.speedFL[i]!)
    || !Number.isNaN(laps.speedST[i]!) || !Number.isNaN(laps.lapTime[i]!);

  // the row after the last increment is kept only if something was timed in it
  if (dataIn(lapcnt)) {
    laps.lapNumber[lapcnt] = lapcnt + 1;
    laps.pitStops[lapcnt] = pitstops;
  } else {
    sliceRows(laps, 0, rows(laps) - 1);
    explicitNoLapTime.pop();
  }
  // a first row without data is a pseudo out-lap that never existed
  if (rows(laps) > 0 && !dataIn(0)) {
    sliceRows(laps, 1, rows(laps));
    explicitNoLapTime.shift();
    laps.lapNumber = laps.lapNumber.map((n) => n - 1);
  }
  const n = rows(laps);
  if (n === 0) return { laps, splitTimes, gaps, integrityErrors };

  for (let i = 0; i < n; i++) {
    let sum = 0;
    const missing: ('s1' | 's2' | 's3')[] = [];
    for (const k of ['s1', 's2', 's3'] as const) {
      const st = laps[k][i]!;
      if (Number.isNaN(st)) missing.push(k);
      else sum += st;
    }
    if (explicitNoLapTime[i] && Number.isNaN(laps.lapTime[i]!) && missing.length === 0) laps.lapTime[i] = sum;
    // a lap time below the sum of its known sectors is impossible
    if (sum > laps.lapTime[i]!) {
      laps.lapTime[i] = NaN;
      integrityErrors.push(i + 1);
    }
    if (i === 0) continue;
    // the feed omits values equal to the previous one; restore them where the arithmetic proves it
    if (missing.length === 0 && Number.isNaN(laps.lapTime[i]!) && laps.lapTime[i - 1] === sum) {
      laps.lapTime[i] = sum;
    } else if (missing.length === 1 && !Number.isNaN(laps.lapTime[i]!)) {
      const k = missing[0]!;
      const others = (['s1', 's2', 's3'] as const).filter((x) => x !== k);
      const candidate = laps.lapTime[i]! - laps[others[0]!][i]! - laps[others[1]!][i]!;
      if (candidate === laps[k][i - 1]!) laps[k][i] = laps[k][i - 1]!;
    }
  }

  // lap end = the earliest-triggered of S3, S2 + S3, S1 + S2 + S3 (a line can't trigger early)
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let minTime = laps.time[i]!;
    const steps: [number, number][] = [[0, laps.s3Time[i]!], [laps.s3[i]!, laps.s2Time[i]!], [laps.s2[i]!, laps.s1Time[i]!]];
    for (const [sectorTime, sessionTime] of steps) {
      if (Number.isNaN(sessionTime)) continue;
      if (Number.isNaN(sectorTime)) break;
      sum += sectorTime;
      const t = sessionTime + sum;
      if (t < minTime || Number.isNaN(minTime)) minTime = t;
    }
    if (i > 0 && minTime < laps.time[i - 1]!) {
      integrityErrors.push(i + 1);
      continue;
    }
    laps.time[i] = minTime;
  }

  // a last lap without an end time is an in-lap ending at the pit entry, or is dropped
  if (Number.isNaN(laps.time[n - 1]!)) {
    if (!Number.isNaN(laps.pitInTime[n - 1]!)) laps.time[n - 1] = laps.pitInTime[n - 1]!;
    else sliceRows(laps, 0, n - 1);
  }
  const m = rows(laps);
  if (m === 0) return { laps, splitTimes, gaps, integrityErrors };

  // backward pass: the previous lap ended no later than this end minus this lap time
  for (let i = m - 1; i > 0; i--) {
    const t = laps.time[i]! - laps.lapTime[i]!;
    if (t < laps.time[i - 1]!) {
      if (i > 1 && t < laps.time[i - 2]!) integrityErrors.push(i + 1);
      else laps.time[i - 1] = t;
    }
  }
  // forward pass on timed laps: a lap ends no later than the previous end plus its lap time, and
  // each sector no later than the previous end plus the sectors so far (where those are known)
  for (let i = 0; i < m - 1; i++) {
    const base = laps.time[i]!;
    const j = i + 1;
    const lt = laps.lapTime[j]!;
    if (Number.isNaN(base) || Number.isNaN(lt)) continue;
    if (base + lt < laps.time[j]!) laps.time[j] = base + lt;
    const e1 = base + laps.s1[j]!;
    const e2 = e1 + laps.s2[j]!;
    const e3 = e2 + laps.s3[j]!;
    if (e1 < laps.s1Time[j]!) laps.s1Time[j] = e1;
    if (e2 < laps.s2Time[j]!) laps.s2Time[j] = e2;
    if (e3 < laps.s3Time[j]!) laps.s3Time[j] = e3;
  }

  markPersonalBests(laps, pbHistory, splitTimes);

  // laps to the grid can count pit stops before lap 1
  const offset = laps.pitStops[0]!;
  laps.pitStops = laps.pitStops.map((p) => p - offset);
  // a pit entry before the (grid) exit on the first lap is from a lap to the grid
  if (laps.pitInTime[0]! < laps.pitOutTime[0]!) laps.pitInTime[0] = NaN;

  return { laps, splitTimes, gaps, integrityErrors };
}

/**
 * Replays BestLapTime updates backwards per (sub)session: after a deletion the feed re-sends the
 * previous best, so a value faster than one seen later was deleted and is skipped.
 */
function markPersonalBests(laps: RawDriverLaps, history: [number, number][], splitTimes: number[]): void {
  let sn = splitTimes.length - 1;
  let kept: number[] = [];
  for (let h = history.length - 1; h >= 0; h--) {
    const [time, pb] = history[h]!;
    if (time < splitTimes[sn]!) {
      sn -= 1;
      kept = [];
    }
    if (kept.length > 0 && (kept.includes(pb) || pb < Math.min(...kept))) continue;
    kept.push(pb);
    const idx = laps.lapTime.indexOf(pb);
    if (idx >= 0) laps.isPersonalBest[idx] = true;
  }
}

function gapSamples(patches: readonly LapTimingPatch[]): DriverGapSamples {
  const time: number[] = [];
  const gapToLeader: (string | null)[] = [];
  let gap: string | null = null;
  for (const p of patches) {
    const t = p.time * 1000;
    let any = false;
    if (truthy(p.position)) any = true;
    if (truthy(p.gapToLeader)) { gap = String(p.gapToLeader); any = true; }
    if (truthy(p.interval)) any = true;
    if (any) { time.push(t); gapToLeader.push(gap); }
  }
  return { time, gapToLeader };
}
