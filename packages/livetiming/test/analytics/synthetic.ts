// Synthetic races with known truth for the estimator tests: every lap time is
//   driver level + compound offset + tyre age × slope(compound) + fuel mass × effect + noise,
// with traffic outliers, safety-car laps and pit in/out laps mixed in, as in a real race.
import type { Lap } from '../../src/index.js';

/** mulberry32: small seeded PRNG so a failing seed can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export interface Truth {
  effectMsPerKg: number;
  slopeMsPerLap: Record<string, number>;
  offsetMs: Record<string, number>;
  startKg: number;
  totalLaps: number;
  /** Each driver's base level (ms), by driver number. */
  levels: Record<string, number>;
}

export interface SyntheticOptions {
  seed: number;
  drivers?: number;
  totalLaps?: number;
  noiseMs?: number;
  /** Share of clean-looking laps hit by traffic (+1.5–4 s). */
  outlierShare?: number;
  /** Laps [from, to] under the safety car (track status 4, +20 s). */
  safetyCar?: [number, number] | null;
  /** Per-compound tyre slope; the same for all compounds when one value is given. */
  slopeMsPerLap?: number | Record<string, number>;
  effectMsPerKg?: number;
  /** One stint per driver (no stops): fuel and tyre age cannot be told apart. */
  oneStint?: boolean;
}

const COMPOUNDS = ['SOFT', 'MEDIUM', 'HARD'];

export function syntheticRace(o: SyntheticOptions): { laps: Lap[]; truth: Truth } {
  const rand = rng(o.seed);
  const drivers = o.drivers ?? 20;
  const totalLaps = o.totalLaps ?? 55;
  const noise = o.noiseMs ?? 150;
  const outliers = o.outlierShare ?? 0.03;
  const sc = o.safetyCar === undefined ? [20, 23] : o.safetyCar;
  const effect = o.effectMsPerKg ?? 35;
  const slopes: Record<string, number> = typeof o.slopeMsPerLap === 'object'
    ? o.slopeMsPerLap
    : Object.fromEntries(COMPOUNDS.map((c) => [c, o.slopeMsPerLap ?? 60]));
  const offsets: Record<string, number> = { SOFT: 0, MEDIUM: 400, HARD: 800 };
  const startKg = 100;
  const burn = startKg / totalLaps;
  const laps: Lap[] = [];
  const levels: Record<string, number> = {};
  for (let d = 0; d < drivers; d++) {
    const level = 90_000 + d * 120 + gaussian(rand) * 200;
    levels[String(d + 1)] = level;
    // One or two stops at random laps, compounds drawn so most drivers use two of them.
    const stops = o.oneStint ? [] : rand() < 0.6 ? [12 + Math.floor(rand() * 20)] : [10 + Math.floor(rand() * 10), 30 + Math.floor(rand() * 10)];
    const first = Math.floor(rand() * 3);
    let stint = 1;
    let age = 1 + Math.floor(rand() * 3); // used sets from qualifying
    let compound = COMPOUNDS[first]!;
    for (let n = 1; n <= totalLaps; n++) {
      const inLap = stops.includes(n);
      const outLap = n > 1 && stops.includes(n - 1);
      if (outLap) {
        stint++;
        age = 1;
        compound = COMPOUNDS[(first + stint - 1) % 3]!;
      }
      const underSc = sc !== null && n >= sc[0] && n <= sc[1];
      const fuel = startKg - burn * (n - 0.5);
      let t = level + offsets[compound]! + slopes[compound]! * age + effect * fuel + gaussian(rand) * noise;
      if (n === 1) t += 6000;
      if (inLap || outLap) t += 18_000;
      if (underSc) t += 20_000;
      else if (rand() < outliers) t += 1500 + rand() * 2500;
      laps.push(fakeLap({
        driverNumber: String(d + 1), driver: `D${String(d + 1).padStart(2, '0')}`, team: `T${Math.floor(d / 2)}`,
        lapNumber: n, lapTime: Math.round(t), stint, compound, tyreLife: age,
        pitInTime: inLap ? 1 : null, pitOutTime: outLap ? 1 : null, trackStatus: underSc ? '4' : '1',
      }));
      age++;
    }
  }
  return { laps, truth: { effectMsPerKg: effect, slopeMsPerLap: slopes, offsetMs: offsets, startKg, totalLaps, levels } };
}

export function fakeLap(p: Partial<Lap> & Pick<Lap, 'driverNumber' | 'lapNumber'>): Lap {
  return {
    time: null, driver: null, lapTime: null, stint: null, pitOutTime: null, pitInTime: null,
    sector1Time: null, sector2Time: null, sector3Time: null, sector1SessionTime: null, sector2SessionTime: null, sector3SessionTime: null,
    speedI1: null, speedI2: null, speedFL: null, speedST: null, isPersonalBest: false, compound: null, tyreLife: null,
    freshTyre: false, team: null, lapStartTime: null, lapStartDate: null, trackStatus: '1', position: null,
    deleted: false, deletedReason: null, fastF1Generated: false, isAccurate: true,
    ...p,
  };
}
