import type { GridEntry, RaceEntry } from '../api/types';

// Shaping of the F1DB parts of race and profile answers for display: no rules of the sport here,
// only grouping and compacting what the API gives.

/** Seasons as compact ranges: [1955…1972, 2003…2019, 2021] → '1955–1972, 2003–2019, 2021'. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The car each driver raced (chassis and engine names), for a column beside results. */
export function carsByDriver(entries: readonly RaceEntry[]): Map<string, { chassis: string; engine: string }> {
  const out = new Map<string, { chassis: string; engine: string }>();
  for (const e of entries) {
    if (out.has(e.driver.id)) continue;
    const engine = e.engines.length > 0 ? e.engines.map((x) => `${x.manufacturer.name} ${x.name}`).join(' / ') : (e.engineManufacturer?.name ?? '');
    out.set(e.driver.id, { chassis: e.chassis.map((c) => c.name).join(' / '), engine });
  }
  return out;
}

/**
 * A starting grid as it is painted on the track: rows of two slots (pole on the left of the front
 * row), then the cars that started from the pit lane or were not placed.
 */
export function gridRows(grid: readonly GridEntry[]): { rows: GridEntry[][]; elsewhere: GridEntry[] } {
  const placed = grid.filter((g) => g.position !== null).sort((a, b) => a.position! - b.position!);
  const rows: GridEntry[][] = [];
  for (const g of placed) {
    const row = Math.ceil(g.position! / 2) - 1;
    (rows[row] ??= []).push(g);
  }
  return { rows: rows.filter(Boolean), elsewhere: grid.filter((g) => g.position === null) };
}

/** "+3 places", "back of the grid" (F1DB's SFB), or F1DB's own text when it is neither. */
export function penaltyLabel(g: Pick<GridEntry, 'gridPenalty' | 'gridPenaltyPlaces'>): string | null {
  if (g.gridPenaltyPlaces !== null) return `+${g.gridPenaltyPlaces} place${g.gridPenaltyPlaces === 1 ? '' : 's'}`;
  if (!g.gridPenalty) return null;
  return g.gridPenalty === 'SFB' ? 'back of the grid' : g.gridPenalty;
}
