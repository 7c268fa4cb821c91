import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConstructorSeasonRow, DriverResultRow, RaceResult, RaceSummary } from '../api/types';
import { ergastResults, readJolpica, sharedDir } from '../test/ergast-fixtures';
import { careerTimeline } from './career';
import { championshipChart, driverResultsChart, newestFirst, positionAxisMax, winnersTally } from './profile';

// Every single-race results file of the frozen Jolpica responses (seasons 2018–2026).
const races = readdirSync(path.join(sharedDir, 'f1data', 'jolpica', 'ergast', 'f1'), { recursive: true })
  .map(String)
  .filter((f) => /^\d{4}\/\d+\/results\.json$/.test(f))
  .map((file) => {
    const race = readJolpica(file).MRData.RaceTable.Races[0];
    return { season: Number(race.season), round: Number(race.round), name: race.raceName as string, circuitId: race.Circuit.circuitId as string, results: ergastResults(file) };
  });

function classified(r: Pick<RaceResult, 'positionText'>): boolean {
  return /^\d+$/.test(r.positionText);
}

// Hamilton's rows as the driver profile API lists them; he moved from Mercedes to Ferrari in 2025.
const hamilton: DriverResultRow[] = races.flatMap((race) =>
  race.results
    .filter((r) => r.driver.id === 'hamilton')
    .map((r) => ({ season: race.season, round: race.round, raceName: race.name, constructor: r.constructor, grid: r.grid, position: r.position, positionText: r.positionText, points: r.points, status: r.status })),
);
const mclaren = { id: 'mclaren', name: 'McLaren', nationality: 'British' };

describe('driverResultsChart', () => {
  const timeline = careerTimeline(hamilton);
  const teams = [mclaren, ...new Map(hamilton.map((r) => [r.constructor.id, r.constructor])).values()];
  const chart = driverResultsChart(timeline, teams);

  it('should draw one series per team raced for in these races, then the grid', () => {
    expect(new Set(hamilton.map((r) => r.constructor.id))).toEqual(new Set(['mercedes', 'ferrari']));
    expect(chart.series.map((s) => s.key)).toEqual(['mercedes', 'ferrari', 'grid']);
    expect(chart.series.at(-1)!.constructorId).toBeNull();
    expect(chart.count).toBe(hamilton.length);
    expect(chart.x).toEqual(timeline.map((p) => p.x));
  });

  it('should put every classified finish in the series of that race’s team, and only there', () => {
    const [mercedes, ferrari, grid] = chart.series;
    timeline.forEach((p, i) => {
      const own = p.constructorId === 'mercedes' ? mercedes! : ferrari!;
      const other = own === mercedes ? ferrari! : mercedes!;
      expect(own.values[i]).toBe(p.finish);
      expect(other.values[i]).toBeNull();
      expect(grid!.values[i]).toBe(p.grid);
    });
    const finishes = chart.series.slice(0, -1).flatMap((s) => s.values).filter((v) => v !== null);
    expect(finishes.length).toBe(hamilton.filter(classified).length);
    expect(finishes.length).toBeGreaterThan(10);
  });

  it('should reach the lowest position shown, never less than the floor', () => {
    const lowest = Math.max(...timeline.flatMap((p) => [p.finish ?? 0, p.grid ?? 0]));
    expect(positionAxisMax(chart.series, 1)).toBe(lowest);
    expect(positionAxisMax(chart.series, 30)).toBe(30);
    expect(positionAxisMax([], 20)).toBe(20);
  });

  it('should leave only the grid series without results', () => {
    const empty = driverResultsChart([], teams);
    expect(empty).toEqual({ x: [], series: [{ key: 'grid', label: 'Grid', constructorId: null, values: [] }], count: 0 });
  });
});

describe('championshipChart', () => {
  // Ferrari's place per season ranked by the points of the races here; 1979 is a calendar without
  // results, so it has no position, as a season without standings has none.
  const seasons: ConstructorSeasonRow[] = [...new Set(races.map((r) => r.season))].map((season) => {
    const points = new Map<string, number>();
    for (const r of races.filter((x) => x.season === season).flatMap((x) => x.results)) points.set(r.constructor.id, (points.get(r.constructor.id) ?? 0) + (r.points ?? 0));
    const ranked = [...points.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const ferrari = races.filter((x) => x.season === season).flatMap((x) => x.results.filter((r) => r.constructor.id === 'ferrari'));
    return { season, drivers: [...new Map(ferrari.map((r) => [r.driver.id, r.driver])).values()], position: ranked.indexOf('ferrari') + 1, points: points.get('ferrari') ?? 0, wins: ferrari.filter((r) => classified(r) && r.position === 1).length };
  });
  const calendar1979 = readJolpica('1979.json').MRData.RaceTable.Races as unknown[];
  const withGap = [...seasons, { season: 1979, drivers: [], position: null, points: 0, wins: 0 }].reverse();
  const ferrari = { id: 'ferrari', name: 'Ferrari', nationality: 'Italian' };

  it('should order seasons on the axis and keep seasons without a position as gaps', () => {
    expect(calendar1979.length).toBeGreaterThan(0);
    const chart = championshipChart(withGap, ferrari);
    expect(chart.x).toEqual([...withGap.map((s) => s.season)].sort((a, b) => a - b));
    expect(chart.x[0]).toBe(1979);
    const [series] = chart.series;
    expect(series!.constructorId).toBe('ferrari');
    expect(series!.values[0]).toBeNull();
    chart.x.forEach((year, i) => expect(series!.values[i]).toBe(withGap.find((s) => s.season === year)!.position));
    expect(chart.count).toBe(seasons.length);
  });

  it('should list those seasons newest first for the table', () => {
    expect(newestFirst(withGap).map((s) => s.season)).toEqual([...championshipChart(withGap, ferrari).x].reverse());
  });
});

describe('winnersTally', () => {
  // As the circuit profile lists races: the fixture races plus a 1979 calendar race not run here.
  const summaries: RaceSummary[] = races.map((r) => {
    const winner = r.results.find((x) => x.position === 1 && classified(x));
    return { season: r.season, round: r.round, name: r.name, date: null, time: null, circuit: { id: r.circuitId, name: r.name, locality: null, country: null }, winner: winner ? { driver: winner.driver, constructor: winner.constructor } : null };
  });
  const unrun: RaceSummary = { ...summaries[0]!, season: 1979, round: 1, winner: null };

  it('should count every win once, per driver, most first', () => {
    const tally = winnersTally([unrun, ...summaries]);
    expect(tally.reduce((n, t) => n + t.wins, 0)).toBe(summaries.filter((s) => s.winner).length);
    for (const t of tally) expect(t.wins).toBe(summaries.filter((s) => s.winner?.driver.id === t.id).length);
    for (let i = 1; i < tally.length; i++) {
      const [a, b] = [tally[i - 1]!, tally[i]!];
      expect(a.wins > b.wins || (a.wins === b.wins && a.name.localeCompare(b.name) < 0)).toBe(true);
    }
  });

  it('should put the later of two races in one season first', () => {
    const twice = summaries.filter((s) => s.season === 2020);
    expect(twice.length).toBeGreaterThan(1);
    expect(newestFirst(twice).map((s) => s.round)).toEqual(twice.map((s) => s.round).sort((a, b) => b - a));
  });
});
