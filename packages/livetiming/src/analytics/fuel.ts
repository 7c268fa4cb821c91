// Fuel load and its effect on lap time. Cars get lighter as they burn fuel, so raw lap times
// improve through a stint even as tyres wear; comparing pace or degradation fairly needs the
// fuel effect taken out. Fuel mass is modelled, the effect (ms per kg) is fitted per session where
// the data determines it and otherwise taken from a documented prior.
import { huberFit } from './robust.js';
import type { Lap, SessionKind } from '../timing/types.js';

/**
 * Defaults, documented in the README's "Analytics" section:
 * - race start load 100 kg (the limit is 110 kg since 2019, 105 kg 2017–18; teams start a little under),
 * - sprint start load 35 kg (a third of the race distance, plus margin),
 * - practice/qualifying: a race-like burn of 1.8 kg per lap (100 kg over ~55 laps), mass counted down
 *   from the session's last lap, so only differences between laps matter,
 * - prior effect 30 ms per kg (the figure teams and analysts quote: 10 kg ≈ 0.3 s).
 */
export const FUEL_DEFAULTS = {
  raceStartKg: 100,
  sprintStartKg: 35,
  practiceBurnKgPerLap: 1.8,
  priorMsPerKg: 30,
  /** A fitted effect is used only inside these bounds and with a standard error below `maxStandardError`. */
  plausibleMsPerKg: [5, 80] as const,
  maxStandardErrorMsPerKg: 10,
} as const;

export interface FuelOptions {
  /** Fuel on board at the start (kg). */
  startKg?: number;
  /** Burn per lap (kg); default startKg / scheduled laps. */
  burnKgPerLap?: number;
  /** Scheduled race distance in laps (needed for race-like sessions unless burnKgPerLap is given). */
  totalLaps?: number;
  /** Use this effect (ms per kg) instead of fitting it. */
  effectMsPerKg?: number;
  /** Effect used when the fit is not determined (ms per kg). */
  priorMsPerKg?: number;
}

export interface FuelModel {
  startKg: number;
  burnKgPerLap: number;
}

/** Mean fuel mass (kg) during a lap: the load at its start minus half a lap's burn. Never negative. */
export function fuelMass(model: FuelModel, lapNumber: number): number {
  return Math.max(0, model.startKg - model.burnKgPerLap * (lapNumber - 0.5));
}

/** The fuel model for a session from its kind, its length and any overrides. */
export function fuelModel(kind: SessionKind, isSprint: boolean, lastLap: number, options: FuelOptions = {}): FuelModel {
  if (kind === 'race') {
    const startKg = options.startKg ?? (isSprint ? FUEL_DEFAULTS.sprintStartKg : FUEL_DEFAULTS.raceStartKg);
    const laps = options.totalLaps ?? lastLap;
    return { startKg, burnKgPerLap: options.burnKgPerLap ?? startKg / Math.max(1, laps) };
  }
  const burn = options.burnKgPerLap ?? FUEL_DEFAULTS.practiceBurnKgPerLap;
  return { startKg: options.startKg ?? burn * lastLap, burnKgPerLap: burn };
}

export interface FuelEffect {
  /** The effect applied (ms of lap time per kg of fuel). */
  msPerKg: number;
  source: 'fit' | 'prior' | 'override';
  /** Why the prior was used, when it was. */
  reason: string | null;
  /** The robust fit, when one was attempted. */
  fit: { msPerKg: number; standardError: number; tyreMsPerLap: number; laps: number; drivers: number; stints: number } | null;
}

/**
 * Fits lapTime = driver level + compound offset + tyre age × β + fuel mass × γ with Huber weights
 * over clean laps of every driver and stint. Tyre age resets at each stop while fuel keeps falling,
 * so drivers who stopped make γ identifiable; with one stint per driver it is not (the two terms
 * are collinear) and the prior is used. Track evolution is not separated from fuel (both fall
 * through a race): the README says so.
 */
export function estimateFuelEffect(clean: readonly Lap[], model: FuelModel, options: FuelOptions = {}): FuelEffect {
  if (options.effectMsPerKg !== undefined) return { msPerKg: options.effectMsPerKg, source: 'override', reason: null, fit: null };
  const prior = options.priorMsPerKg ?? FUEL_DEFAULTS.priorMsPerKg;
  const usable = clean.filter((l) => l.lapTime !== null && l.compound !== null && l.tyreLife !== null && l.stint !== null);
  const drivers = [...new Set(usable.map((l) => l.driverNumber))];
  const compounds = [...new Set(usable.map((l) => l.compound!))];
  const stints = new Set(usable.map((l) => `${l.driverNumber}/${l.stint}`));
  const fallback = (reason: string, fit: FuelEffect['fit'] = null): FuelEffect => ({ msPerKg: prior, source: 'prior', reason, fit });
  if (stints.size <= drivers.length) return fallback('no driver has clean laps in two stints: tyre age and fuel load cannot be told apart');
  const p = drivers.length + compounds.length - 1 + 2;
  if (usable.length < p + 10) return fallback(`too few clean laps (${usable.length}) for ${p} parameters`);
  const di = new Map(drivers.map((d, i) => [d, i]));
  const ci = new Map(compounds.map((c, i) => [c, i]));
  const rows = usable.map((l) => {
    const r = new Array<number>(p).fill(0);
    r[di.get(l.driverNumber)!] = 1;
    const c = ci.get(l.compound!)!;
    if (c > 0) r[drivers.length + c - 1] = 1;
    r[p - 2] = l.tyreLife!;
    r[p - 1] = fuelMass(model, l.lapNumber);
    return r;
  });
  const fit = huberFit(rows, usable.map((l) => l.lapTime!));
  const summary = fit.determined
    ? { msPerKg: fit.coefficients[p - 1]!, standardError: fit.standardErrors[p - 1]!, tyreMsPerLap: fit.coefficients[p - 2]!, laps: usable.length, drivers: drivers.length, stints: stints.size }
    : null;
  if (!summary) return fallback('the fit is not determined (singular design)');
  const [lo, hi] = FUEL_DEFAULTS.plausibleMsPerKg;
  if (!(summary.standardError <= FUEL_DEFAULTS.maxStandardErrorMsPerKg)) return fallback(`fit too uncertain (±${summary.standardError.toFixed(1)} ms/kg)`, summary);
  if (summary.msPerKg < lo || summary.msPerKg > hi) return fallback(`fitted ${summary.msPerKg.toFixed(1)} ms/kg is outside ${lo}–${hi} ms/kg`, summary);
  return { msPerKg: summary.msPerKg, source: 'fit', reason: null, fit: summary };
}

/** Lap time with the fuel's weight taken out: what the lap would have been on an empty tank (ms). */
export function correctedLapTime(lap: Lap, model: FuelModel, effect: FuelEffect): number | null {
  return lap.lapTime === null ? null : lap.lapTime - effect.msPerKg * fuelMass(model, lap.lapNumber);
}
