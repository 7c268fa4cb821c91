// One session's analyses from its stored load: the engine's analytics on the stored laps (and
// results for the grid), with the request's parameters turned into the engine's options. Pure
// shaping of answers; the routes (session-routes.ts) only fetch and cache.
import {
  analyseOvertakes, degradation, groupBy, lapHeatmap, lapPositions, prepareLaps, racePace, racecraft,
  type AnalysisOptions, type Lap, type OvertakeAnalysis, type PreparedLaps, type SessionKind, type SessionResult,
} from '@apexdata/livetiming';

export interface AnalyticsQueryParams {
  excludeTrackStatus?: string;
  slowThreshold?: number;
  includeLap1?: boolean;
  startFuelKg?: number;
  burnKgPerLap?: number;
  fuelEffect?: number;
}

/** Query parameters → the engine's options (absent = the engine's documented default). */
export function analysisOptions(q: AnalyticsQueryParams): AnalysisOptions {
  return {
    clean: {
      ...(q.excludeTrackStatus !== undefined ? { excludedTrackStatus: q.excludeTrackStatus === 'none' ? [] : q.excludeTrackStatus.split(',') } : {}),
      ...(q.slowThreshold !== undefined ? { slowThreshold: q.slowThreshold } : {}),
      ...(q.includeLap1 !== undefined ? { excludeLap1: !q.includeLap1 } : {}),
    },
    fuel: {
      ...(q.startFuelKg !== undefined ? { startKg: q.startFuelKg } : {}),
      ...(q.burnKgPerLap !== undefined ? { burnKgPerLap: q.burnKgPerLap } : {}),
      ...(q.fuelEffect !== undefined ? { effectMsPerKg: q.fuelEffect } : {}),
    },
  };
}

export interface StoredSessionFacts {
  laps: readonly Lap[];
  kind: SessionKind;
  name: string;
  totalLaps: number | null;
  results: readonly SessionResult[];
}

export const METHODS = {
  clean: 'A lap is clean unless it has no time, is lap 1, an in- or out-lap, ran under an excluded track status (2 yellow, 4 SC, 5 red, 6 VSC, 7 VSC ending by default), was deleted, or is slower than slowThreshold × the driver\'s median of otherwise-clean laps. Corrected time = lap time − fuel effect × mean fuel mass during the lap.',
  fuel: 'Fuel mass falls linearly from the start load by the burn per lap. The effect (ms/kg) is fitted per session by Huber-weighted least squares of clean lap times on driver level + compound offset + tyre age + fuel mass; tyre age resets at stops while fuel keeps falling, which identifies the effect when drivers ran several stints. The fit is used only when determined, within 5–80 ms/kg and with a standard error ≤ 10 ms/kg; otherwise the prior (30 ms/kg) is used and `reason` says why.',
  pace: 'Median fuel-corrected clean lap per driver (at least 3 clean laps), ranked; spread = interquartile range.',
  degradation: 'Per stint: Theil–Sen slope of fuel-corrected clean lap time on tyre age with Sen\'s 95% interval (stints with at least minLaps clean laps). Per compound: the pooled within-stint Theil–Sen slope; offset = median over drivers who ran both of their intercept (tyre age 0) difference to the reference compound (the one with most clean laps).',
  overtakes: 'Order changes between consecutive timing points (the grid, then the end of every lap from TimingData positions), per pair of drivers: pit-cycle when either was on an in- or out-lap, retirement gain when the car ahead stopped appearing, otherwise an on-track pass; sector = the first sector end at which the gainer was ahead. Ranks are among the cars present, so start + gains − losses = position at every lap.',
  racecraft: 'Lap-1 gain and places gained from the grid (overtakes analysis), on-track passes made/suffered, pace vs team-mate (difference of median corrected clean laps), consistency (IQR of corrected clean laps), qualifying gap to team-mate (best Q lap, when the event\'s qualifying is loaded).',
  heatmap: 'Each lap\'s time minus the session\'s best clean lap; cells keep the clean-lap verdict and reasons (pit, track status …).',
} as const;

export const isSprintSession = (name: string, kind: SessionKind) => kind === 'race' && /sprint/i.test(name);

export function prepare(s: StoredSessionFacts, q: AnalyticsQueryParams): PreparedLaps {
  return prepareLaps({ laps: s.laps, kind: s.kind, isSprint: isSprintSession(s.name, s.kind), totalLaps: s.totalLaps }, analysisOptions(q));
}

/** The parameters block every answer carries. */
export function parametersOf(p: PreparedLaps) {
  return { clean: p.parameters.clean, fuel: { ...p.parameters.fuel, reason: p.effect.reason, fit: p.effect.fit } };
}

/** Per stored load (its facts object): the overtakes and racecraft routes share one analysis. */
const overtakesOf = new WeakMap<StoredSessionFacts, OvertakeAnalysis>();

/** Overtakes of a race-like session from its lap positions, starting from the official grid when there is one. */
export function sessionOvertakes(s: StoredSessionFacts): OvertakeAnalysis {
  let hit = overtakesOf.get(s);
  if (!hit) {
    hit = analyseSessionOvertakes(s);
    overtakesOf.set(s, hit);
  }
  return hit;
}

function analyseSessionOvertakes(s: StoredSessionFacts): OvertakeAnalysis {
  const withGrid = s.results.filter((r) => r.gridPosition !== null);
  const grid = withGrid.length ? new Map(withGrid.map((r) => [r.abbreviation ?? r.driverNumber, r.gridPosition])) : null;
  return analyseOvertakes({ grid, points: lapPositions(s.laps) });
}

export function cleanLapRows(p: PreparedLaps) {
  return p.verdicts.map((v) => ({
    driverNumber: v.lap.driverNumber, driver: v.lap.driver, lapNumber: v.lap.lapNumber, lapTime: v.lap.lapTime,
    correctedLapTime: p.corrected.get(v.lap) ?? null, clean: v.clean, reasons: [...v.reasons],
  }));
}

export function paceRows(p: PreparedLaps) {
  const byDriver = groupBy(p.clean, (l) => l.driverNumber);
  return racePace(p).map((r) => ({
    ...r,
    laps: (byDriver.get(r.driverNumber) ?? []).map((l) => ({ lapNumber: l.lapNumber, lapTime: l.lapTime!, correctedLapTime: p.corrected.get(l)!, compound: l.compound, tyreLife: l.tyreLife })),
  }));
}

export { degradation, lapHeatmap, racecraft };

/** Best qualifying lap (ms) per driver from a qualifying session's results. */
export function qualifyingBest(results: readonly SessionResult[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of results) {
    const times = [r.q1, r.q2, r.q3].filter((t): t is number => t !== null && t !== undefined);
    if (times.length) out.set(r.abbreviation ?? r.driverNumber, Math.min(...times));
  }
  return out;
}
