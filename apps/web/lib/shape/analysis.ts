// Shaping of the API's analyses for charts: no analysis here (the API computes and explains every
// number), only layout — shared x axes for uPlot, colour scales, short marks for table cells.
import type { DegradationAnalysis, HeatmapCell, OvertakesAnalysis, PaceAnalysis, StintDegradation } from '../api/analytics-types';
import type { ChartSeries } from '@/components/charts/series-chart';

/** Sorted distinct values: uPlot wants one shared, ascending x. */
const axis = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

/** Fuel-corrected clean laps of chosen drivers as scatter series over lap number (seconds). */
export function paceScatter(pace: PaceAnalysis, drivers: readonly string[], colorOf: (driver: string) => string): { x: number[]; series: ChartSeries[] } {
  const rows = pace.items.filter((r) => drivers.includes(r.driver ?? r.driverNumber));
  const x = axis(rows.flatMap((r) => r.laps.map((l) => l.lapNumber)));
  const series = rows.map((r) => {
    const d = r.driver ?? r.driverNumber;
    const byLap = new Map(r.laps.map((l) => [l.lapNumber, l.correctedLapTime / 1000]));
    return { key: d, label: d, color: colorOf(d), points: true, values: x.map((n) => byLap.get(n) ?? null) };
  });
  return { x, series };
}

/**
 * Degradation per stint as points (corrected lap time on tyre age) plus the API's fitted line over
 * the ages the stint covers, coloured by `colourOf` (compound, or driver); a driver's stints are
 * told apart by dashes.
 */
export function degradationChart(deg: DegradationAnalysis, drivers: readonly string[], colourOf: (stint: StintDegradation) => string): { x: number[]; series: ChartSeries[] } {
  const stints = deg.stints.filter((s) => drivers.includes(s.driver ?? s.driverNumber));
  const x = axis(stints.flatMap((s) => s.points.map(([age]) => age)));
  const series: ChartSeries[] = [];
  for (const s of stints) {
    const d = s.driver ?? s.driverNumber;
    const color = colourOf(s);
    const label = `${d} S${s.stint} ${s.compound ?? '?'}`;
    const byAge = new Map(s.points.map(([age, t]) => [age, t / 1000]));
    series.push({ key: `${label}-pts`, label, color, points: true, values: x.map((a) => byAge.get(a) ?? null) });
    series.push({
      key: `${label}-fit`,
      label: `${d} S${s.stint}: ${signed(s.slopeMsPerLap / 1000, 3)} s/lap`,
      color,
      dashed: s.stint % 2 === 0,
      values: x.map((a) => (a >= s.tyreLifeFrom && a <= s.tyreLifeTo ? (s.interceptMs + s.slopeMsPerLap * a) / 1000 : null)),
    });
  }
  return { x, series };
}

export function signed(v: number, digits: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
}

/** On-track passes and pit-cycle changes per lap, for a bar-like chart. */
export function overtakesPerLap(o: OvertakesAnalysis): { x: number[]; onTrack: number[]; pitCycle: number[] } {
  return { x: o.perLap.map((l) => l.lap), onTrack: o.perLap.map((l) => l.onTrack), pitCycle: o.perLap.map((l) => l.pitCycle) };
}

/**
 * A heatmap cell's colour: clean laps from green (the session's best) through yellow to red
 * (`spanMs` slower and beyond); laps left out are grey so they read as "not comparable".
 */
export function heatColor(cell: HeatmapCell | null, spanMs = 4000): string {
  if (!cell || cell.deltaMs === null) return 'transparent';
  if (!cell.clean) return 'rgb(63 63 70)';
  const t = Math.max(0, Math.min(1, cell.deltaMs / spanMs));
  return `hsl(${Math.round(140 * (1 - t))} 70% ${Math.round(42 - 8 * t)}%)`;
}

/** Why a lap is left out, in one or two letters (the legend spells them out). */
export function heatMark(cell: HeatmapCell | null): string {
  if (!cell) return '';
  const r = cell.reasons;
  if (r.includes('in-lap') || r.includes('out-lap')) return 'P';
  if (r.includes('track-status')) return 'SC';
  if (r.includes('lap-1')) return '1';
  if (r.includes('deleted')) return 'D';
  if (r.includes('no-time')) return '–';
  return '';
}

export const HEAT_MARKS = [
  ['P', 'in- or out-lap'],
  ['SC', 'yellow, safety car, VSC or red flag'],
  ['1', 'lap 1'],
  ['D', 'deleted'],
  ['–', 'no time'],
] as const;
