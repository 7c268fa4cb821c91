/**
 * Layout for several telemetry channels stacked in ONE chart: each channel gets a horizontal band of
 * the plot, and its values are mapped into that band on a shared 0–1 y scale. One chart instead of
 * one per channel is what lets a 5-lap comparison draw in a single pass (one canvas, one cursor,
 * one zoom), which is the point of this module.
 */

export interface BandSpec {
  key: string;
  /** Band height in CSS pixels. */
  height: number;
  /** Value range drawn from the band's bottom to its top. */
  lo: number;
  hi: number;
}

export interface Band extends BandSpec {
  /** Band edges on the shared 0 (plot bottom) … 1 (plot top) scale. */
  bottom: number;
  top: number;
}

/** Bands top to bottom in the given order, `gap` pixels apart; the plot is exactly `plotHeight(specs, gap)` tall. */
export function stackBands(specs: readonly BandSpec[], gap: number): Band[] {
  const total = plotHeight(specs, gap);
  let y = 0;
  return specs.map((s) => {
    const top = 1 - y / total;
    y += s.height;
    const bottom = 1 - y / total;
    y += gap;
    return { ...s, top, bottom };
  });
}

export function plotHeight(specs: readonly { height: number }[], gap: number): number {
  return specs.reduce((sum, s) => sum + s.height, 0) + gap * Math.max(0, specs.length - 1);
}

export interface SeriesStats {
  /** Non-null samples over all series. */
  count: number;
  min: number;
  max: number;
}

/** Count and extent of the (mapped) non-null values over all series, in one pass. */
export function seriesStats(series: readonly (readonly (number | null)[])[], map?: (v: number) => number): SeriesStats {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const s of series)
    for (let i = 0; i < s.length; i++) {
      const raw = s[i];
      if (raw === null || raw === undefined) continue;
      const v = map ? map(raw) : raw;
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  return { count, min, max };
}

/** The extent padded so traces don't touch the band edges. */
export function paddedRange({ count, min, max }: SeriesStats, pad = 0.06): [number, number] {
  if (count === 0) return [0, 1];
  if (max === min) return [min - 1, max + 1];
  const p = (max - min) * pad;
  return [min - p, max + p];
}

/**
 * The range to give a channel's own y scale so that, with the plot spanning 0–1, its raw values
 * land in its band: the chart draws the data as it came, with no mapped copy of any series.
 */
export function bandScale(band: Band): [number, number] {
  const perUnit = (band.hi - band.lo) / (band.top - band.bottom);
  const min = band.lo - band.bottom * perUnit;
  return [min, min + perUnit];
}

/** Where a value sits on the shared 0–1 scale (what the chart computes from bandScale). */
export function bandPosition(v: number, band: Band): number {
  const [min, max] = bandScale(band);
  return (v - min) / (max - min);
}

/** Round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) inside [lo, hi], at most `maxCount` of them. */
export function niceTicks(lo: number, hi: number, maxCount: number): number[] {
  if (!(hi > lo) || maxCount < 1) return [];
  const raw = (hi - lo) / maxCount;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

export interface BandTick {
  /** Position on the shared 0–1 scale. */
  pos: number;
  label: string;
}

/**
 * Axis ticks for every band: round values at least `minSpacing` pixels apart and `edge` pixels clear
 * of the band's edges, so labels of neighbouring bands never touch (or the band's own fixed tick
 * values), labelled with the band's formatter.
 */
export function bandTicks(
  bands: readonly (Band & { ticks?: readonly number[]; format?: (v: number) => string })[],
  minSpacing: number,
  totalHeight: number,
  edge = 0,
): BandTick[] {
  const out: BandTick[] = [];
  for (const b of bands) {
    const px = (b.top - b.bottom) * totalHeight;
    const margin = b.ticks ? 0 : ((b.hi - b.lo) * edge) / px;
    const values = b.ticks ?? niceTicks(b.lo + margin, b.hi - margin, Math.max(1, Math.floor(px / minSpacing)));
    for (const v of values) {
      if (v < b.lo || v > b.hi) continue;
      out.push({ pos: bandPosition(v, b), label: b.format ? b.format(v) : String(v) });
    }
  }
  return out;
}

/** How one channel is drawn in its band. */
export interface ChannelBandSpec<K extends string = string> {
  key: K;
  label: string;
  unit: string;
  /** Band height in CSS pixels. */
  height: number;
  /** Fixed value range; otherwise the data's extent, padded. */
  range?: [number, number];
  /** Fixed tick values instead of round numbers picked for the band's height. */
  ticks?: number[];
  /** Drawn as steps (gear, brake, DRS). */
  step?: boolean;
  format?: (v: number) => string;
  /** Turns raw values into what is plotted (units, DRS codes → open/shut). */
  map?: (v: number) => number;
}

export type TraceBand<K extends string = string> = Band & Omit<ChannelBandSpec<K>, 'range' | 'height'> & {
  /** One raw series per lap. */
  series: readonly (readonly (number | null)[])[];
  /** Non-null samples over the series. */
  count: number;
};

/** Bands for the channels that have data, top to bottom in spec order, each with its range and series. */
export function traceBands<K extends string>(
  specs: readonly ChannelBandSpec<K>[],
  seriesOf: (key: K) => readonly (readonly (number | null)[])[],
  gap: number,
): TraceBand<K>[] {
  const present = specs
    .map((spec) => {
      const series = seriesOf(spec.key);
      return { spec, series, stats: seriesStats(series, spec.map) };
    })
    .filter(({ stats }) => stats.count > 0);
  const bands = stackBands(
    present.map(({ spec, stats }) => {
      const [lo, hi] = spec.range ?? paddedRange(stats);
      return { key: spec.key, height: spec.height, lo, hi };
    }),
    gap,
  );
  return bands.map((b, i) => {
    const { spec, series, stats } = present[i]!;
    const { range: _range, height: _height, ...style } = spec;
    return { ...b, ...style, key: spec.key, series, count: stats.count };
  });
}
