// The compare endpoint's body from the engine's lap comparison (compareLaps: laps aligned on the
// reference lap's distance at the timing lines, with the time delta to the reference). Only
// shaping here: which lap is the reference, rounding, the timing's own sector differences.
import { MAX_COMPARED_LAPS, TRACE_CHANNELS, type Lap, type LapComparison, type TraceChannel } from '@apexdata/livetiming';

export { MAX_COMPARED_LAPS };
export const COMPARE_CHANNELS = TRACE_CHANNELS;
export type CompareChannel = TraceChannel;
export const DEFAULT_COMPARE_CHANNELS: readonly CompareChannel[] = ['speed', 'throttle', 'brake', 'nGear', 'rpm', 'drs'];
/** Default spacing of the distance axis (m): fine enough for braking points, ~900 points a lap. */
export const DEFAULT_COMPARE_STEP = 5;

const STEPPED = new Set<CompareChannel>(['nGear', 'drs', 'brake']);

export interface ComparedLap {
  readonly driver: string | null;
  readonly driverNumber: string;
  readonly lapNumber: number;
  readonly lapTime: number | null;
  readonly compound: string | null;
  readonly tyreLife: number | null;
  /** Sector times from the timing (ms). */
  readonly sectors: [number | null, number | null, number | null];
  /** Sector time minus the reference lap's (ms; negative = faster). */
  readonly sectorDeltas: [number | null, number | null, number | null];
  readonly lapTimeDelta: number | null;
  /** Timing lines this lap was pinned to the reference at (start, sector1, sector2, finish). */
  readonly anchoredAt: string[];
}

export interface Comparison {
  readonly distance: number[];
  readonly reference: number;
  /** Where the sector 1→2 and 2→3 lines fall on the axis (those the reference lap has). */
  readonly sectorDistances: number[];
  readonly laps: ComparedLap[];
  readonly channels: Partial<Record<CompareChannel, (number | null)[][]>>;
  readonly time: (number | null)[][];
  readonly delta: (number | null)[][];
}

/** Index of the fastest lap time (the default reference); the first lap when none has a time. */
export function fastestIndex(laps: readonly Pick<Lap, 'lapTime'>[]): number {
  let best = 0;
  for (let i = 1; i < laps.length; i++) {
    const t = laps[i]!.lapTime;
    const b = laps[best]!.lapTime;
    if (t !== null && (b === null || t < b)) best = i;
  }
  return best;
}

const rounder = (decimals: number) => {
  const f = 10 ** decimals;
  return (v: number): number | null => (Number.isFinite(v) ? Math.round(v * f) / f : null);
};
const ms = rounder(0);
const tenth = rounder(1);
const cm = rounder(2);
const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);
const sectorsOf = (l: Lap): [number | null, number | null, number | null] => [l.sector1Time, l.sector2Time, l.sector3Time];

/** The API body of a comparison of `laps` (the engine's Lap objects, in the comparison's order). */
export function comparisonBody(cmp: LapComparison, laps: readonly Lap[], channels: readonly CompareChannel[] = DEFAULT_COMPARE_CHANNELS): Comparison {
  const ref = laps[cmp.reference]!;
  const refSectors = sectorsOf(ref);
  const out: Partial<Record<CompareChannel, (number | null)[][]>> = {};
  for (const c of channels) out[c] = cmp.laps.map((t) => Array.from(t.channels[c], STEPPED.has(c) ? ms : tenth));
  return {
    distance: Array.from(cmp.distance, (d) => cm(d)!),
    reference: cmp.reference,
    sectorDistances: (['sector1', 'sector2'] as const).map((l) => cmp.lineDistance(l)).filter(Number.isFinite).map((d) => cm(d)!),
    laps: laps.map((l, i) => {
      const sectors = sectorsOf(l);
      return {
        driver: l.driver,
        driverNumber: l.driverNumber,
        lapNumber: l.lapNumber,
        lapTime: l.lapTime,
        compound: l.compound,
        tyreLife: l.tyreLife,
        sectors,
        sectorDeltas: [diff(sectors[0], refSectors[0]), diff(sectors[1], refSectors[1]), diff(sectors[2], refSectors[2])],
        lapTimeDelta: diff(l.lapTime, ref.lapTime),
        anchoredAt: [...cmp.laps[i]!.anchoredAt],
      };
    }),
    channels: out,
    time: cmp.laps.map((t) => Array.from(t.time, ms)),
    delta: cmp.laps.map((t) => Array.from(t.delta, ms)),
  };
}

export class CompareRequestError extends Error {}

export interface LapPick {
  /** Racing number or abbreviation as given. */
  readonly driver: string;
  /** A lap number, or the driver's fastest lap. */
  readonly lap: number | 'fastest';
}

/**
 * The laps a compare request names: `laps=VER:12,HAM:fastest`, or `drivers=VER,HAM` with
 * `laps=fastest` (the default) or one lap number for all of them.
 */
export function parseLapPicks(drivers: string | undefined, laps: string | undefined): LapPick[] {
  const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const lapOf = (s: string): number | 'fastest' => {
    if (s.toLowerCase() === 'fastest') return 'fastest';
    if (/^\d{1,3}$/.test(s)) return Number(s);
    throw new CompareRequestError(`'${s}' is not a lap number or 'fastest'`);
  };
  const lapItems = list(laps);
  let picks: LapPick[];
  if (lapItems.some((x) => x.includes(':'))) {
    if (list(drivers).length) throw new CompareRequestError("give either drivers (with laps=fastest or a lap number) or driver:lap pairs in laps, not both");
    picks = lapItems.map((item) => {
      const [driver, lap, extra] = item.split(':');
      if (!driver || !lap || extra !== undefined) throw new CompareRequestError(`'${item}' is not a driver:lap pair`);
      return { driver, lap: lapOf(lap) };
    });
  } else {
    if (lapItems.length > 1) throw new CompareRequestError('laps must be one lap number or fastest for all drivers, or driver:lap pairs');
    const lap = lapOf(lapItems[0] ?? 'fastest');
    picks = list(drivers).map((driver) => ({ driver, lap }));
  }
  if (picks.length === 0) throw new CompareRequestError('name the laps to compare: drivers=VER,HAM (fastest laps) or laps=VER:12,HAM:15');
  if (picks.length > MAX_COMPARED_LAPS) throw new CompareRequestError(`at most ${MAX_COMPARED_LAPS} laps can be compared, got ${picks.length}`);
  return picks;
}

/** Channel list of a compare request; throws naming the first unknown one. */
export function parseCompareChannels(value: string | undefined): CompareChannel[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_COMPARE_CHANNELS];
  if (value.trim() === 'all') return [...COMPARE_CHANNELS];
  const byLower = new Map(COMPARE_CHANNELS.map((c) => [c.toLowerCase(), c]));
  const out: CompareChannel[] = [];
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (!name) continue;
    const c = byLower.get(name.toLowerCase());
    if (!c) throw new CompareRequestError(`unknown channel '${name}' (known: ${COMPARE_CHANNELS.join(', ')})`);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}
