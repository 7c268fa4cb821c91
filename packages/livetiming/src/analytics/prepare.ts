// The shared first step of every analysis: classify laps, model fuel, fit (or take) the fuel
// effect, and fuel-correct the clean laps. Done once per request and handed to each analysis, so
// every number of one answer rests on the same laps and the same effect.
import { classifyLaps, CLEAN_LAP_DEFAULTS, type CleanLapOptions, type LapVerdict } from './clean-laps.js';
import { correctedLapTime, estimateFuelEffect, fuelModel, type FuelEffect, type FuelModel, type FuelOptions } from './fuel.js';
import type { Lap, SessionKind } from '../timing/types.js';

export interface AnalysisOptions {
  clean?: CleanLapOptions;
  fuel?: FuelOptions;
}

export interface SessionLaps {
  laps: readonly Lap[];
  kind: SessionKind;
  /** Sprint races carry less fuel (see FUEL_DEFAULTS). */
  isSprint: boolean;
  /** Scheduled laps, when the session says (LapCount); otherwise the last lap driven is used. */
  totalLaps?: number | null;
}

export interface PreparedLaps {
  verdicts: LapVerdict[];
  clean: Lap[];
  model: FuelModel;
  effect: FuelEffect;
  /** Fuel-corrected lap time (ms) of each clean lap. */
  corrected: Map<Lap, number>;
  /** The parameters actually used, defaults filled in: what the API echoes back. */
  parameters: { clean: Required<CleanLapOptions>; fuel: FuelModel & { effectMsPerKg: number; effectSource: FuelEffect['source'] } };
}

export function prepareLaps(session: SessionLaps, options: AnalysisOptions = {}): PreparedLaps {
  const verdicts = classifyLaps(session.laps, options.clean);
  const clean = verdicts.filter((v) => v.clean).map((v) => v.lap);
  const lastLap = session.laps.reduce((m, l) => Math.max(m, l.lapNumber), 0);
  const model = fuelModel(session.kind, session.isSprint, lastLap, { totalLaps: session.totalLaps ?? undefined, ...options.fuel });
  const effect = estimateFuelEffect(clean, model, options.fuel);
  const corrected = new Map(clean.map((l) => [l, correctedLapTime(l, model, effect)!]));
  return {
    verdicts, clean, model, effect, corrected,
    parameters: {
      clean: { ...CLEAN_LAP_DEFAULTS, ...options.clean },
      fuel: { ...model, effectMsPerKg: effect.msPerKg, effectSource: effect.source },
    },
  };
}

/** Group items by a key, keeping first-seen order of keys. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
