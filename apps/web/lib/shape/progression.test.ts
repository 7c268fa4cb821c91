import { describe, expect, it } from 'vitest';
import type { RaceResult, Standings } from '../api/types';
import { ergastResults } from '../test/ergast-fixtures';
import { pointsProgression } from './progression';

// Standings-shaped input built from two real 2023 races (Bahrain, Miami): points summed per driver.
function standingsAfter(rounds: { round: number; results: RaceResult[] }[]): Standings[] {
  const totals = new Map<string, { r: RaceResult; points: number; wins: number }>();
  return [...rounds].sort((a, b) => a.round - b.round).map(({ round, results }) => {
    for (const r of results) {
      const t = totals.get(r.driver.id) ?? { r, points: 0, wins: 0 };
      t.points += r.points ?? 0;
      if (r.position === 1) t.wins++;
      totals.set(r.driver.id, t);
    }
    const drivers = [...totals.values()]
      .sort((a, b) => b.points - a.points)
      .map((t, i) => ({ position: i + 1, positionText: String(i + 1), points: t.points, wins: t.wins, driver: t.r.driver, constructors: [t.r.constructor] }));
    return { season: 2023, round, drivers, constructors: [] };
  });
}

describe('pointsProgression', () => {
  // Handed over out of order: the function must sort by round itself.
  const perRound = standingsAfter([
    { round: 1, results: ergastResults('2023/1/results.json') },
    { round: 5, results: ergastResults('2023/5/results.json') },
  ]).reverse();

  it('should sort rounds and keep the top N of the latest standings', () => {
    const p = pointsProgression(perRound, 'drivers', 3);
    expect(p.rounds).toEqual([1, 5]);
    expect(p.series.map((s) => s.finalPosition)).toEqual([1, 2, 3]);
  });

  it('should read each entry’s points after every round, never decreasing here', () => {
    const p = pointsProgression(perRound, 'drivers', 20);
    const last = perRound.find((s) => s.round === 5)!;
    for (const s of p.series) {
      expect(s.values.at(-1)).toBe(last.drivers.find((d) => d.driver.id === s.key)!.points);
      if (s.values[0] !== null) expect(s.values[1]!).toBeGreaterThanOrEqual(s.values[0]);
      expect(s.label).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('should be empty without rounds', () => {
    expect(pointsProgression([], 'constructors')).toEqual({ rounds: [], series: [] });
  });
});
