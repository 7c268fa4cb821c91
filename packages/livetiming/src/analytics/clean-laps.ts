// Clean laps: the one definition every analysis uses of which laps show a driver's pace, and why
// the others are left out. A lap keeps every reason that applies, so the API can explain itself.
import { median } from './robust.js';
import type { Lap } from '../timing/types.js';

export type ExclusionReason =
  | 'no-time' // no lap time (not timed, or a lap FastF1 generates for a lap-1 crash / retirement)
  | 'lap-1' // the standing start
  | 'in-lap' // ended in the pit lane
  | 'out-lap' // started from the pit lane
  | 'track-status' // a status in `excludedTrackStatus` was active during the lap
  | 'deleted' // deleted by race control (track limits …)
  | 'slow'; // more than `slowThreshold` above the driver's median of otherwise-clean laps

export interface CleanLapOptions {
  /**
   * Track-status codes that make a lap unrepresentative: 2 yellow, 4 safety car, 5 red flag,
   * 6 VSC deployed, 7 VSC ending (FastF1's codes). Default all five.
   */
  excludedTrackStatus?: readonly string[];
  /** A lap slower than this factor × the driver's median clean lap is left out. Default 1.07 (the 107% idea). */
  slowThreshold?: number;
  /** Leave lap 1 out. Default true (standing start; in qualifying/practice lap 1 is an out-lap anyway). */
  excludeLap1?: boolean;
}

export const CLEAN_LAP_DEFAULTS: Required<CleanLapOptions> = {
  excludedTrackStatus: ['2', '4', '5', '6', '7'],
  slowThreshold: 1.07,
  excludeLap1: true,
};

export interface LapVerdict {
  readonly lap: Lap;
  readonly clean: boolean;
  readonly reasons: readonly ExclusionReason[];
}

/** Reasons a lap is left out that do not depend on the driver's other laps. */
export function lapExclusions(lap: Lap, options: CleanLapOptions = {}): ExclusionReason[] {
  const o = { ...CLEAN_LAP_DEFAULTS, ...options };
  const reasons: ExclusionReason[] = [];
  if (lap.lapTime === null || lap.fastF1Generated) reasons.push('no-time');
  if (o.excludeLap1 && lap.lapNumber === 1) reasons.push('lap-1');
  if (lap.pitInTime !== null) reasons.push('in-lap');
  if (lap.pitOutTime !== null) reasons.push('out-lap');
  if (o.excludedTrackStatus.some((code) => lap.trackStatus.includes(code))) reasons.push('track-status');
  if (lap.deleted === true) reasons.push('deleted');
  return reasons;
}

/**
 * Every lap with its verdict, in input order. The slow-lap cut is relative to each driver's own
 * median of the laps that passed every other test, so a slow car is not filtered as a whole.
 */
export function classifyLaps(laps: readonly Lap[], options: CleanLapOptions = {}): LapVerdict[] {
  const o = { ...CLEAN_LAP_DEFAULTS, ...options };
  const base = laps.map((lap) => lapExclusions(lap, o));
  const byDriver = new Map<string, number[]>();
  laps.forEach((lap, i) => {
    if (base[i]!.length > 0) return;
    const list = byDriver.get(lap.driverNumber) ?? [];
    list.push(lap.lapTime!);
    byDriver.set(lap.driverNumber, list);
  });
  const limits = new Map([...byDriver].map(([d, times]) => [d, median(times) * o.slowThreshold]));
  return laps.map((lap, i) => {
    const reasons = base[i]!;
    if (reasons.length === 0 && lap.lapTime! > limits.get(lap.driverNumber)!) reasons.push('slow');
    return { lap, clean: reasons.length === 0, reasons };
  });
}

/** Just the clean laps. */
export const cleanLaps = (laps: readonly Lap[], options?: CleanLapOptions): Lap[] =>
  classifyLaps(laps, options).filter((v) => v.clean).map((v) => v.lap);
