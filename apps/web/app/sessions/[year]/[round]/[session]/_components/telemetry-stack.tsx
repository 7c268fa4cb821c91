'use client';

import * as React from 'react';
import uPlot from 'uplot';
import type { Comparison, TelemetryChannel } from '@/lib/api/session-types';
import { ChevronLeft, ChevronRight, ZoomIn, ZoomOut } from 'lucide-react';
import { UplotChart, darkAxis, type ChartOptions } from '@/components/charts/uplot-chart';
import { Button } from '@/components/ui/button';
import type { LapStyle } from '@/lib/shape/lap-styles';
import { nearestIndex, panBy, zoomAround } from '@/lib/shape/telemetry';
import { bandScale, bandTicks, plotHeight, stackBands, traceBands, type BandTick, type ChannelBandSpec, type TraceBand } from '@/lib/shape/stacked-traces';

const CHANNELS: ChannelBandSpec<TelemetryChannel | 'delta'>[] = [
  { key: 'speed', label: 'Speed', unit: 'km/h', height: 190 },
  { key: 'throttle', label: 'Throttle', unit: '%', height: 80, range: [-5, 105], ticks: [0, 50, 100] },
  { key: 'brake', label: 'Brake', unit: '', height: 46, range: [-0.15, 1.15], ticks: [0, 1], step: true, format: (v) => (v >= 0.5 ? 'on' : 'off') },
  { key: 'nGear', label: 'Gear', unit: '', height: 80, range: [0.5, 8.5], ticks: [2, 4, 6, 8], step: true },
  { key: 'rpm', label: 'RPM', unit: '', height: 90, format: (v) => `${Math.round(v / 1000)}k` },
  // The feed's DRS codes: 10, 12 and 14 mean the flap is open.
  { key: 'drs', label: 'DRS', unit: '', height: 40, range: [-0.15, 1.15], ticks: [0, 1], step: true, format: (v) => (v >= 0.5 ? 'open' : 'shut'), map: (v) => (v >= 10 ? 1 : 0) },
  { key: 'delta', label: 'Delta', unit: 's', height: 130, format: (ms) => `${ms > 0 ? '+' : ''}${Number((ms / 1000).toFixed(2))}` },
];

const GAP = 16;
const X_AXIS = 34;
const PAD_TOP = 6;
const NO_DATA: number[] = [];
/** Before any comparison: every channel's band, no data yet (ranges are placeholders). */
const EMPTY_BANDS: TraceBand[] = stackBands(
  CHANNELS.map((c) => ({ key: c.key, height: c.height, lo: 0, hi: 1 })),
  GAP,
).map((b, i) => ({ ...b, label: CHANNELS[i]!.label, unit: CHANNELS[i]!.unit, step: CHANNELS[i]!.step, series: [], count: 0 }));


/**
 * Speed, throttle, brake, gear, RPM, DRS and the delta to the reference lap, stacked against
 * distance in one chart: one cursor and one zoom across every band (drag to zoom, double-click to
 * reset, mouse wheel around the pointer).
 *
 * The chart is created as soon as the laps' styles are known, before the comparison arrives, with
 * the bands every comparison has; the data then only fills it (setData), so the traces appear one
 * draw after the data does. A comparison lacking a channel gets a chart built for its own bands.
 */
export function TelemetryStack({
  comparison,
  styles,
  onCursor,
  onDrawn,
}: {
  comparison: Comparison | null;
  styles: LapStyle[];
  onCursor?: (distance: number | null) => void;
  onDrawn?: () => void;
}) {
  const plot = React.useRef<uPlot | null>(null);
  const onCursorRef = React.useRef(onCursor);
  onCursorRef.current = onCursor;
  const onDrawnRef = React.useRef(onDrawn);
  onDrawnRef.current = onDrawn;
  const [readout, setReadout] = React.useState<number | null>(null);
  const readoutRef = React.useRef(readout);
  readoutRef.current = readout;
  const [range, setRange] = React.useState<[number, number] | null>(null);

  const bands = React.useMemo(
    () => (comparison ? traceBands(CHANNELS, (key) => (key === 'delta' ? comparison.delta : comparison.channels[key] ?? []), GAP) : EMPTY_BANDS),
    [comparison],
  );
  // The chart's own shape: which bands, how tall. Values (ranges, ticks, sector lines) are read at
  // draw time from `current`, so new data never rebuilds the chart.
  const layoutKey = bands.map((b) => b.key).join();
  const layout = React.useMemo(() => bands, [layoutKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const current = React.useRef({ bands, comparison });
  current.current = { bands, comparison };
  const height = plotHeight(layout, GAP);
  const distance = comparison?.distance ?? NO_DATA;
  const total = distance[distance.length - 1] ?? 0;
  const styleKey = styles.map((s) => `${s.color}${s.dashed}`).join();

  const options = React.useMemo<ChartOptions>(() => {
    let ticks: BandTick[] = [];
    let ticksFor: unknown = null;
    const ticksNow = () => {
      const { bands: bs } = current.current;
      if (ticksFor !== bs) [ticks, ticksFor] = [bs === EMPTY_BANDS ? [] : bandTicks(bs, 28, height, 7), bs];
      return ticks;
    };
    const lapEnd = () => {
      const d = current.current.comparison?.distance ?? NO_DATA;
      return d[d.length - 1] ?? 0;
    };
    let drawn = false;
    return {
      legend: { show: false },
      padding: [PAD_TOP, 8, 0, 0],
      cursor: { y: false, drag: { x: true, y: false }, points: { size: 5 } },
      // The axis draws on the shared 0–1 scale; each channel's series on its own scale whose range
      // puts the raw values in the channel's band.
      scales: {
        x: { time: false },
        y: { range: [0, 1] },
        ...Object.fromEntries(layout.map((lb) => [lb.key, { range: () => bandScale(current.current.bands.find((b) => b.key === lb.key) ?? lb) }])),
      },
      axes: [
        darkAxis({ size: X_AXIS, values: (_u, vals) => vals.map((v) => `${(v / 1000).toFixed(1)} km`) }),
        darkAxis({ size: 46, splits: () => ticksNow().map((t) => t.pos), values: () => ticksNow().map((t) => t.label) }),
      ],
      series: [
        {},
        ...layout.flatMap((b) =>
          styles.map<uPlot.Series>((s) => ({
            scale: b.key,
            stroke: s.color,
            width: 1.5,
            dash: s.dashed ? [5, 3] : undefined,
            paths: b.step ? uPlot.paths.stepped!({ align: 1 }) : undefined,
            points: { show: false },
          })),
        ),
      ],
      hooks: {
        ready: [
          (u) => {
            // Wheel zooms the distance axis around the pointer.
            u.over.addEventListener(
              'wheel',
              (e) => {
                if (u.data[0].length === 0) return;
                e.preventDefault();
                const { min, max } = u.scales.x;
                const at = u.posToVal(e.offsetX, 'x');
                const [lo, hi] = zoomAround(min!, max!, at, e.deltaY < 0 ? 0.8 : 1.25, 0, lapEnd());
                u.setScale('x', { min: lo, max: hi });
              },
              { passive: false },
            );
          },
        ],
        drawAxes: [(u) => drawBandFrames(u, current.current.bands === EMPTY_BANDS ? layout : current.current.bands, current.current.comparison?.sectorDistances ?? [])],
        setScale: [
          (u, key) => {
            if (key === 'x' && u.data[0].length > 0) setRange([u.scales.x.min!, u.scales.x.max!]);
          },
        ],
        setCursor: [
          (u) => {
            const idx = u.data[0].length > 0 ? u.cursor.idx ?? null : null;
            setReadout(idx);
            onCursorRef.current?.(idx === null ? null : (u.data[0][idx] ?? null));
          },
        ],
        draw: [
          (u) => {
            if (drawn || u.data[0].length === 0) return;
            drawn = true;
            onDrawnRef.current?.();
          },
        ],
      },
    };
  }, [layout, styleKey, height]); // eslint-disable-line react-hooks/exhaustive-deps

  const data = React.useMemo(() => {
    const byKey = new Map(bands.map((b) => [b.key, b]));
    const series = layout.flatMap((lb) => {
      const b = byKey.get(lb.key);
      return styles.map((_, lap) => {
        const raw = b?.series[lap];
        if (!raw) return NO_DATA;
        const map = b.map;
        return map ? raw.map((v) => (v === null ? null : map(v))) : raw;
      });
    });
    return [distance, ...series] as uPlot.AlignedData;
  }, [bands, layout, distance, styles.length]); // eslint-disable-line react-hooks/exhaustive-deps
  const bandPoints = bands.map((b) => b.count).join(',');
  const bandBoxes = React.useMemo(() => layout.map((b) => `${Math.round(PAD_TOP + (1 - b.top) * height)}:${Math.round((b.top - b.bottom) * height)}`).join(','), [layout, height]);

  const move = (fn: (min: number, max: number) => [number, number]) => {
    const u = plot.current;
    if (!u || distance.length === 0) return;
    const [lo, hi] = fn(u.scales.x.min!, u.scales.x.max!);
    u.setScale('x', { min: lo, max: hi });
  };

  const onKey = (e: React.KeyboardEvent) => {
    const u = plot.current;
    if (!u || distance.length === 0) return;
    const { min, max } = u.scales.x as { min: number; max: number };
    const idx = readoutRef.current;
    const at = idx !== null ? distance[idx]! : (min + max) / 2;
    const stepBy = ((max - min) / 100) * (e.shiftKey ? 10 : 1);
    let to: number;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') to = at + (e.key === 'ArrowRight' ? stepBy : -stepBy);
    else if (e.key === '+' || e.key === '=') return (e.preventDefault(), move((a, b) => zoomAround(a, b, at, 0.5, 0, total)));
    else if (e.key === '-') return (e.preventDefault(), move((a, b) => zoomAround(a, b, at, 2, 0, total)));
    else if (e.key === '0' || e.key === 'Home') return (e.preventDefault(), move(() => [0, total]));
    else return;
    e.preventDefault();
    const next = distance[nearestIndex(distance, Math.min(max, Math.max(min, to)))]!;
    u.setCursor({ left: u.valToPos(next, 'x'), top: u.over.clientHeight / 2 });
  };

  return (
    <div
      className="flex flex-col"
      data-telemetry-stack
      data-state={comparison ? 'drawn' : 'waiting'}
      data-laps={styles.length}
      data-channels={comparison ? bands.map((b) => b.key).join(',') : undefined}
      data-band-points={comparison ? bandPoints : undefined}
      data-band-boxes={bandBoxes}
      aria-busy={!comparison}
    >
      <div className="mb-2 flex flex-wrap items-center gap-1 text-xs" role="toolbar" aria-label="Zoom and pan the telemetry">
        <Button variant="outline" size="sm" onClick={() => move((a, b) => zoomAround(a, b, (a + b) / 2, 0.5, 0, total))} aria-label="Zoom in">
          <ZoomIn aria-hidden />
        </Button>
        <Button variant="outline" size="sm" onClick={() => move((a, b) => zoomAround(a, b, (a + b) / 2, 2, 0, total))} aria-label="Zoom out">
          <ZoomOut aria-hidden />
        </Button>
        <Button variant="outline" size="sm" onClick={() => move((a, b) => panBy(a, b, -0.25, 0, total))} aria-label="Pan towards the start line">
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant="outline" size="sm" onClick={() => move((a, b) => panBy(a, b, 0.25, 0, total))} aria-label="Pan towards the finish line">
          <ChevronRight aria-hidden />
        </Button>
        <Button variant="ghost" size="sm" onClick={() => move(() => [0, total])}>
          Whole lap
        </Button>
        <span className="ml-1 font-mono text-muted-foreground" data-x-range aria-live="polite">
          {range ? `${(Math.max(0, range[0]) / 1000).toFixed(2)}–${(Math.min(total, range[1]) / 1000).toFixed(2)} km` : ''}
        </span>
        <span className="hidden text-muted-foreground md:inline">· or drag across the chart / mouse wheel</span>
      </div>
      <div className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-live="off">
        <span className="font-mono text-muted-foreground">{!comparison ? 'Loading telemetry…' : readout !== null ? `${Math.round(distance[readout] ?? 0)} m` : 'Hover the chart'}</span>
        {styles.map((s, lap) => (
          <span key={s.label} className="inline-flex items-center gap-1.5">
            <svg width="14" height="6" aria-hidden>
              <line x1="0" y1="3" x2="14" y2="3" stroke={s.color} strokeWidth="2" strokeDasharray={s.dashed ? '4 2' : undefined} />
            </svg>
            <span className="font-semibold">{s.label}</span>
            {comparison && readout !== null ? (
              <span className="font-mono text-muted-foreground">
                {fmt(comparison.channels.speed?.[lap]?.[readout], 0)} km/h · G{fmt(comparison.channels.nGear?.[lap]?.[readout], 0)} · {fmt(comparison.channels.throttle?.[lap]?.[readout], 0)}% · Δ{fmtDelta(comparison.delta[lap]?.[readout])}
              </span>
            ) : null}
          </span>
        ))}
      </div>
      {/* Keyboard: arrows move the cursor (shift: further), + and − zoom around it, 0 shows the whole lap. */}
      <div
        tabIndex={0}
        onKeyDown={onKey}
        aria-label="Telemetry chart: arrow keys move the cursor, plus and minus zoom, 0 shows the whole lap"
        className="rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <UplotChart
          options={options}
          data={data}
          height={height + PAD_TOP + X_AXIS}
          label={`${bands.map((b) => b.label).join(', ')} against distance for ${styles.map((s) => s.label).join(', ')}`}
          onReady={(u) => {
            plot.current = u;
          }}
        />
      </div>
    </div>
  );
}

const LABEL = '#d4d4de';
const FRAME = '#3a3a4c';
const PLATE = 'rgba(20,20,28,0.85)';
const SECTOR = 'rgba(255,255,255,0.28)';

/** Band names, frames and sector lines, drawn under the traces. */
function drawBandFrames(u: uPlot, bands: readonly TraceBand[], sectorLines: readonly number[]): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const dpr = uPlot.pxRatio;
  ctx.save();
  ctx.font = `600 ${10 * dpr}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.lineWidth = dpr;
  for (const b of bands) {
    const y0 = top + (1 - b.top) * height;
    const y1 = top + (1 - b.bottom) * height;
    ctx.strokeStyle = FRAME;
    ctx.strokeRect(left, y0, width, y1 - y0);
    // The name sits on a backing plate so a trace running along the band's top stays legible under it.
    const name = `${b.label.toUpperCase()}${b.unit ? ` ${b.unit}` : ''}`;
    ctx.fillStyle = PLATE;
    ctx.fillRect(left + dpr, y0 + dpr, ctx.measureText(name).width + 10 * dpr, 15 * dpr);
    ctx.fillStyle = LABEL;
    ctx.fillText(name, left + 6 * dpr, y0 + 4 * dpr);
    if (b.key === 'delta' && b.lo < 0 && b.hi > 0) {
      const y = u.valToPos(0, b.key, true);
      ctx.strokeStyle = SECTOR;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
  }
  ctx.strokeStyle = SECTOR;
  ctx.setLineDash([4 * dpr, 4 * dpr]);
  for (const d of sectorLines) {
    const x = u.valToPos(d, 'x', true);
    if (x < left || x > left + width) continue;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
  }
  ctx.restore();
}

function fmt(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined ? '–' : v.toFixed(digits);
}

function fmtDelta(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  return `${ms > 0 ? '+' : ''}${(ms / 1000).toFixed(3)}s`;
}
