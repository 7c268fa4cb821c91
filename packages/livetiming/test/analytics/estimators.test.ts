// The estimators recover known truth from synthetic races (seeded, many seeds), and the robust
// primitives agree with textbook values.
import { describe, expect, it } from 'vitest';
import { classifyLaps, degradation, median, prepareLaps, racePace, theilSen } from '../../src/index.js';
import { fakeLap, gaussian, rng, syntheticRace } from './synthetic.js';

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);
const race = (laps: ReturnType<typeof syntheticRace>['laps'], totalLaps = 55) => ({ laps, kind: 'race' as const, isSprint: false, totalLaps });

describe('Theil–Sen', () => {
  it('is the median pairwise slope and ignores a gross outlier that moves least squares', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = x.map((v) => 2 * v + 1);
    y[9] = 100;
    const fit = theilSen(x, y)!;
    expect(fit.slope).toBe(2);
    expect(fit.intercept).toBe(1);
    expect(fit.low).toBeLessThanOrEqual(2);
    expect(fit.high).toBeGreaterThanOrEqual(2);
  });

  it('its 95% interval covers the true slope in about 95% of noisy samples', () => {
    let covered = 0;
    const trials = 400;
    for (let s = 0; s < trials; s++) {
      const rand = rng(s);
      const x = Array.from({ length: 20 }, (_, i) => i);
      const fit = theilSen(x, x.map((v) => 50 * v + gaussian(rand) * 200))!;
      if (fit.low! <= 50 && 50 <= fit.high!) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.995);
  });
});

describe('clean laps', () => {
  it('leaves out lap 1, pit laps, safety-car laps, deleted and slow laps, with every reason', () => {
    const { laps } = syntheticRace({ seed: 7 });
    const verdicts = classifyLaps(laps);
    for (const v of verdicts) {
      const l = v.lap;
      if (l.lapNumber === 1) expect(v.reasons).toContain('lap-1');
      if (l.pitInTime !== null) expect(v.reasons).toContain('in-lap');
      if (l.pitOutTime !== null) expect(v.reasons).toContain('out-lap');
      if (l.trackStatus === '4') expect(v.reasons).toContain('track-status');
      expect(v.clean).toBe(v.reasons.length === 0);
    }
    const deleted = classifyLaps([fakeLap({ driverNumber: '1', lapNumber: 5, lapTime: 90_000, deleted: true })]);
    expect(deleted[0]!.reasons).toEqual(['deleted']);
    // 107% of the driver's own median, not of the session's best.
    const slow = classifyLaps([90_000, 90_100, 90_200, 97_000].map((t, i) => fakeLap({ driverNumber: '1', lapNumber: i + 2, lapTime: t })));
    expect(slow.map((v) => v.clean)).toEqual([true, true, true, false]);
    expect(slow[3]!.reasons).toEqual(['slow']);
  });

  it('options override the defaults (track statuses, threshold, lap 1)', () => {
    const laps = [fakeLap({ driverNumber: '1', lapNumber: 1, lapTime: 95_000, trackStatus: '12' }), fakeLap({ driverNumber: '1', lapNumber: 2, lapTime: 90_000 })];
    expect(classifyLaps(laps)[0]!.reasons).toEqual(['lap-1', 'track-status']);
    expect(classifyLaps(laps, { excludeLap1: false, excludedTrackStatus: ['4'], slowThreshold: 1.1 })[0]!.clean).toBe(true);
  });
});

describe('fuel effect recovered from synthetic races', () => {
  it.each(SEEDS)('seed %i: fitted within ±6 ms/kg of the truth (35 ms/kg)', (seed) => {
    const { laps, truth } = syntheticRace({ seed, slopeMsPerLap: 60 });
    const p = prepareLaps(race(laps));
    expect(p.effect.source).toBe('fit');
    expect(Math.abs(p.effect.msPerKg - truth.effectMsPerKg)).toBeLessThan(6);
    expect(Math.abs(p.effect.fit!.tyreMsPerLap - 60)).toBeLessThan(6);
  });

  it('one stint per driver: tyre age and fuel are collinear, so the documented prior is used and said', () => {
    const { laps } = syntheticRace({ seed: 3, oneStint: true });
    const p = prepareLaps(race(laps));
    expect(p.effect.source).toBe('prior');
    expect(p.effect.msPerKg).toBe(30);
    expect(p.effect.reason).toMatch(/two stints/);
  });

  it('an override skips the fit; start load and laps change the model', () => {
    const { laps } = syntheticRace({ seed: 4 });
    const p = prepareLaps(race(laps), { fuel: { effectMsPerKg: 25, startKg: 110 } });
    expect(p.effect).toMatchObject({ source: 'override', msPerKg: 25 });
    expect(p.model).toEqual({ startKg: 110, burnKgPerLap: 2 });
    expect(p.parameters.fuel).toMatchObject({ startKg: 110, effectMsPerKg: 25, effectSource: 'override' });
  });
});

describe('degradation recovered from synthetic races', () => {
  const slopes = { SOFT: 90, MEDIUM: 55, HARD: 30 };
  it.each(SEEDS)('seed %i: compound slopes within ±12 ms/lap, offsets within ±150 ms', (seed) => {
    const { laps, truth } = syntheticRace({ seed, slopeMsPerLap: slopes });
    // With per-compound slopes the common-slope fuel model is misspecified: use the true effect so
    // this test isolates the degradation estimator.
    const d = degradation(prepareLaps(race(laps), { fuel: { effectMsPerKg: truth.effectMsPerKg } }));
    for (const c of d.compounds) {
      expect(Math.abs(c.slopeMsPerLap - truth.slopeMsPerLap[c.compound]!), c.compound).toBeLessThan(12);
      expect(c.slopeLowMsPerLap!).toBeLessThan(c.slopeHighMsPerLap!);
      if (c.offsetMs !== null && c.offsetDrivers >= 3) {
        const expected = truth.offsetMs[c.compound]! - truth.offsetMs[d.referenceCompound!]!;
        expect(Math.abs(c.offsetMs - expected), c.compound).toBeLessThan(150);
      }
    }
    // Per stint: the median error over stints is small and the intervals mostly cover the truth.
    const errors = d.stints.map((s) => Math.abs(s.slopeMsPerLap - truth.slopeMsPerLap[s.compound!]!));
    expect(median(errors)).toBeLessThan(20);
    const covered = d.stints.filter((s) => s.slopeLowMsPerLap! <= truth.slopeMsPerLap[s.compound!]! && truth.slopeMsPerLap[s.compound!]! <= s.slopeHighMsPerLap!).length;
    expect(covered / d.stints.length).toBeGreaterThan(0.8);
  });

  it('uncorrected, fuel burn hides degradation: the raw slope is lower by about effect × burn', () => {
    const { laps, truth } = syntheticRace({ seed: 11, slopeMsPerLap: 60, noiseMs: 50, outlierShare: 0 });
    const corrected = degradation(prepareLaps(race(laps), { fuel: { effectMsPerKg: truth.effectMsPerKg } }));
    const raw = degradation(prepareLaps(race(laps), { fuel: { effectMsPerKg: 0 } }));
    const burn = truth.startKg / truth.totalLaps;
    const gap = median(corrected.compounds.map((c) => c.slopeMsPerLap)) - median(raw.compounds.map((c) => c.slopeMsPerLap));
    expect(gap).toBeCloseTo(truth.effectMsPerKg * burn, -1);
  });
});

describe('race pace', () => {
  it.each(SEEDS.slice(0, 10))('seed %i: ranks drivers by their true level (Spearman ρ > 0.85)', (seed) => {
    const { laps, truth } = syntheticRace({ seed, slopeMsPerLap: 60 });
    const pace = racePace(prepareLaps(race(laps)));
    expect(pace).toHaveLength(20);
    const trueRank = new Map(Object.entries(truth.levels).sort((a, b) => a[1] - b[1]).map(([d], i) => [d, i]));
    const d2 = pace.reduce((s, r, i) => s + (i - trueRank.get(r.driverNumber)!) ** 2, 0);
    expect(1 - (6 * d2) / (20 * (20 * 20 - 1))).toBeGreaterThan(0.85);
    expect(pace[0]!.gapToBestMs).toBe(0);
    expect(pace.every((r, i) => i === 0 || r.medianMs >= pace[i - 1]!.medianMs)).toBe(true);
  });
});
