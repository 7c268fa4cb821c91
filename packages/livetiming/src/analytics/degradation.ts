// Tyre degradation: how much slower each lap on the same set gets, per stint and per compound,
// from fuel-corrected clean laps with the Theil–Sen slope (robust to the odd traffic lap).
import { groupBy, type PreparedLaps } from './prepare.js';
import { median, theilSen } from './robust.js';

export interface StintDegradation {
  driverNumber: string;
  driver: string | null;
  team: string | null;
  stint: number;
  compound: string | null;
  cleanLaps: number;
  firstLap: number;
  lastLap: number;
  tyreLifeFrom: number;
  tyreLifeTo: number;
  /** ms per lap of tyre age; the interval is Sen's 95% interval. */
  slopeMsPerLap: number;
  slopeLowMsPerLap: number | null;
  slopeHighMsPerLap: number | null;
  /** Corrected lap time at tyre age 0 (ms). */
  interceptMs: number;
  /** (tyre life, corrected lap time ms) of each clean lap, for charts. */
  points: [number, number][];
}

export interface CompoundDegradation {
  compound: string;
  stints: number;
  cleanLaps: number;
  /** Pooled within-stint Theil–Sen slope (pairs only inside a stint, so stint levels do not mix). */
  slopeMsPerLap: number;
  slopeLowMsPerLap: number | null;
  slopeHighMsPerLap: number | null;
  /**
   * Pace offset at tyre age 0 against the reference compound (ms, + = slower): the median over
   * drivers who ran both of their difference in intercept. null when nobody ran both.
   */
  offsetMs: number | null;
  offsetDrivers: number;
}

export interface Degradation {
  stints: StintDegradation[];
  compounds: CompoundDegradation[];
  /** The compound offsets are measured against (the one with the most clean laps). */
  referenceCompound: string | null;
}

export function degradation(prepared: PreparedLaps, minLaps = 5): Degradation {
  const withTyre = prepared.clean.filter((l) => l.stint !== null && l.tyreLife !== null);
  const stints: StintDegradation[] = [];
  for (const laps of groupBy(withTyre, (l) => `${l.driverNumber}/${l.stint}`).values()) {
    if (laps.length < minLaps) continue;
    const x = laps.map((l) => l.tyreLife!);
    const y = laps.map((l) => prepared.corrected.get(l)!);
    const fit = theilSen(x, y);
    if (!fit) continue;
    const first = laps[0]!;
    stints.push({
      driverNumber: first.driverNumber, driver: first.driver, team: first.team, stint: first.stint!, compound: first.compound,
      cleanLaps: laps.length, firstLap: Math.min(...laps.map((l) => l.lapNumber)), lastLap: Math.max(...laps.map((l) => l.lapNumber)),
      tyreLifeFrom: Math.min(...x), tyreLifeTo: Math.max(...x),
      slopeMsPerLap: fit.slope, slopeLowMsPerLap: fit.low, slopeHighMsPerLap: fit.high, interceptMs: fit.intercept,
      points: x.map((xi, i) => [xi, y[i]!]),
    });
  }
  // Input order (archive vs store) must not change the answer.
  stints.sort((a, b) => Number(a.driverNumber) - Number(b.driverNumber) || a.driverNumber.localeCompare(b.driverNumber) || a.stint - b.stint);
  return { stints, ...compareCompounds(stints) };
}

function compareCompounds(stints: readonly StintDegradation[]): Pick<Degradation, 'compounds' | 'referenceCompound'> {
  const byCompound = groupBy(stints.filter((s) => s.compound !== null), (s) => s.compound!);
  const lapsOf = (list: readonly StintDegradation[]) => list.reduce((n, s) => n + s.cleanLaps, 0);
  // Most clean laps first (ties by name): the first is the reference.
  const ordered = [...byCompound].sort((a, b) => lapsOf(b[1]) - lapsOf(a[1]) || a[0].localeCompare(b[0]));
  const reference = ordered[0]?.[0] ?? null;
  // A driver's level on a compound: median intercept over their stints on it.
  const level = (list: readonly StintDegradation[]) => new Map([...groupBy(list, (s) => s.driverNumber)].map(([d, ss]) => [d, median(ss.map((s) => s.interceptMs))]));
  const refLevel = reference ? level(byCompound.get(reference)!) : new Map<string, number>();
  const compounds = ordered.map(([compound, list]): CompoundDegradation => {
    const x: number[] = [];
    const y: number[] = [];
    const g: number[] = [];
    list.forEach((s, i) => s.points.forEach(([a, b]) => { x.push(a); y.push(b); g.push(i); }));
    const fit = theilSen(x, y, 0.95, g);
    const diffs = [...level(list)].filter(([d]) => refLevel.has(d)).map(([d, v]) => v - refLevel.get(d)!);
    return {
      compound, stints: list.length, cleanLaps: lapsOf(list),
      slopeMsPerLap: fit?.slope ?? NaN, slopeLowMsPerLap: fit?.low ?? null, slopeHighMsPerLap: fit?.high ?? null,
      offsetMs: diffs.length ? median(diffs) : null, offsetDrivers: diffs.length,
    };
  });
  return { compounds, referenceCompound: reference };
}
