import type { ConstructorRef, ConstructorSeasonRow, RaceSummary } from '../api/types';
import type { CareerPoint } from './career';

/** Positions (1 = best) along a time axis; drawn in the team's colour, or as the neutral reference when there is no team. */
export interface PositionSeries {
  key: string;
  label: string;
  constructorId: string | null;
  values: (number | null)[];
}

export interface PositionChart {
  x: number[];
  series: PositionSeries[];
  /** How many x values carry a position: what the chart's accessible label counts. */
  count: number;
}

/**
 * A driver's finishing positions split into one series per team, so every race is drawn in the
 * colour of the car driven that day, plus the grid slots. Teams with no race in the timeline get
 * no series (and no legend entry).
 */
export function driverResultsChart(timeline: readonly CareerPoint[], teams: readonly ConstructorRef[]): PositionChart {
  const series: PositionSeries[] = teams
    .filter((t) => timeline.some((p) => p.constructorId === t.id))
    .map((t) => ({ key: t.id, label: t.name, constructorId: t.id, values: timeline.map((p) => (p.constructorId === t.id ? p.finish : null)) }));
  series.push({ key: 'grid', label: 'Grid', constructorId: null, values: timeline.map((p) => p.grid) });
  return { x: timeline.map((p) => p.x), series, count: timeline.length };
}

/** A constructor's championship position season by season; seasons without standings stay gaps. */
export function championshipChart(seasons: readonly ConstructorSeasonRow[], team: ConstructorRef): PositionChart {
  const sorted = [...seasons].sort((a, b) => a.season - b.season);
  return {
    x: sorted.map((s) => s.season),
    series: [{ key: 'position', label: 'Championship position', constructorId: team.id, values: sorted.map((s) => s.position) }],
    count: sorted.filter((s) => s.position !== null).length,
  };
}

/** The last position the axis shows: every value drawn, and at least `floor` so a short career still reads against a full field. */
export function positionAxisMax(series: readonly PositionSeries[], floor: number): number {
  let max = floor;
  for (const s of series) for (const v of s.values) if (v !== null && v > max) max = v;
  return max;
}

/** Newest first, as the profile tables list seasons and races (two races of one season at one circuit: the later round first). */
export function newestFirst<T extends { season: number; round?: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.season - a.season || (b.round ?? 0) - (a.round ?? 0));
}

export interface WinnerCount {
  id: string;
  name: string;
  wins: number;
}

/** Wins per driver among these races (a circuit's), most first, then by name. */
export function winnersTally(races: readonly RaceSummary[]): WinnerCount[] {
  const by = new Map<string, WinnerCount>();
  for (const r of races) {
    if (!r.winner) continue;
    const d = r.winner.driver;
    const e = by.get(d.id) ?? { id: d.id, name: `${d.givenName} ${d.familyName}`, wins: 0 };
    e.wins++;
    by.set(d.id, e);
  }
  return [...by.values()].sort((a, b) => b.wins - a.wins || a.name.localeCompare(b.name));
}
