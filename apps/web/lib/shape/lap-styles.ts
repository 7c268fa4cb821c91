import type { SessionDriver } from '../api/session-types';

/** How one compared lap is drawn in every chart and legend of the comparison. */
export interface LapStyle {
  label: string;
  color: string;
  dashed: boolean;
}

const FALLBACK = ['#e10600', '#27f4d2', '#ffd400', '#b86cff', '#64c4ff'];
/**
 * RGB distance under which two team colours read as the same line on a dark chart (Red Bull's and
 * Alpine's blues, Mercedes' teal and Williams' light blue): the later lap is then told apart the way
 * a teammate's is.
 */
const ALIKE = 100;

/**
 * Chart styles: the team colour; a lap whose colour is already taken (a teammate, the same driver
 * twice, or a team of a similar colour) is dashed and lighter. Works from the picks (`fastest` not
 * yet resolved) as well as from the comparison's laps, so the chart can exist before the data.
 */
export function lapStyles(laps: readonly { driver: string | null; lapNumber: number | 'fastest' }[], drivers: readonly SessionDriver[]): LapStyle[] {
  const info = new Map(drivers.map((d) => [d.abbreviation, d]));
  const taken: [number, number, number][] = [];
  return laps.map((l, i) => {
    const d = l.driver === null ? undefined : info.get(l.driver);
    const color = d?.teamColor ?? FALLBACK[i % FALLBACK.length]!;
    const rgb = parseHex(color);
    const n = rgb ? taken.filter((t) => distance(t, rgb) < ALIKE).length : 0;
    if (rgb) taken.push(rgb);
    const label = l.lapNumber === 'fastest' ? `${l.driver} fastest` : `${l.driver} L${l.lapNumber}`;
    return { label, color: n > 0 ? lighten(color, (0.45 * Math.min(n, 2)) / 1.5) : color, dashed: n > 0 };
  });
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** Mix a `#rrggbb` colour with white. */
export function lighten(hex: string, amount: number): string {
  const rgb = parseHex(hex);
  if (!rgb) return hex;
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix(rgb[0])},${mix(rgb[1])},${mix(rgb[2])})`;
}
