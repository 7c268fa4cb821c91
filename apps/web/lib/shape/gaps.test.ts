import { describe, expect, it } from 'vitest';
import { gapsByLap, type LapGap } from './gaps';

describe('gapsByLap', () => {
  // Three cars over three laps; C retires after lap 2 while leading nobody.
  const rows: LapGap[] = [
    { driver: 'A', lapNumber: 1, position: 1, gapToLeader: 0 },
    { driver: 'B', lapNumber: 1, position: 2, gapToLeader: 1500 },
    { driver: 'C', lapNumber: 1, position: 3, gapToLeader: 2500 },
    { driver: 'B', lapNumber: 2, position: 1, gapToLeader: 0 },
    { driver: 'A', lapNumber: 2, position: 2, gapToLeader: 400 },
    { driver: 'C', lapNumber: 2, position: 3, gapToLeader: 4000 },
    { driver: 'B', lapNumber: 3, position: 1, gapToLeader: 0 },
    { driver: 'A', lapNumber: 3, position: 2, gapToLeader: 900 },
  ];

  it('should order by the final running order, retirements last', () => {
    expect(gapsByLap(rows).series.map((s) => s.driver)).toEqual(['B', 'A', 'C']);
  });

  it('should give seconds per lap and gaps where a car has no lap', () => {
    const g = gapsByLap(rows);
    expect(g.laps).toEqual([1, 2, 3]);
    expect(g.series.find((s) => s.driver === 'A')!.values).toEqual([0, 0.4, 0.9]);
    expect(g.series.find((s) => s.driver === 'C')!.values).toEqual([2.5, 4, null]);
  });
});
