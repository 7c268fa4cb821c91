// Colours of a season results grid, as results tables in F1 media use them.
import type { SeasonHeatmap } from '../api/analytics-types';

type Cell = SeasonHeatmap['drivers'][number]['cells'][number];

/** Background and text colour of one result: podium metals, points green, no points grey, not classified dark red. */
export function resultCellColor(c: Cell): { background: string; color: string } {
  if (!c) return { background: 'transparent', color: 'inherit' };
  if (!/^\d+$/.test(c.positionText)) return { background: 'rgb(69 10 10)', color: 'rgb(252 165 165)' };
  const p = Number(c.positionText);
  if (p === 1) return { background: '#d4af37', color: '#111' };
  if (p === 2) return { background: '#c0c0c0', color: '#111' };
  if (p === 3) return { background: '#cd7f32', color: '#111' };
  if (c.points > 0) return { background: 'rgb(21 94 61)', color: '#fff' };
  return { background: 'rgb(39 39 42)', color: 'rgb(212 212 216)' };
}
