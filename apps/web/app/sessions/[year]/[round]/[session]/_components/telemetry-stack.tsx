'use client';

import * as React from 'react';
import uPlot from 'uplot';
import type { Comparison, TelemetryChannel } from '@/lib/api/session-types';
import { ChevronLeft, ChevronRight, ZoomIn, ZoomOut } from 'lucide-react';
import { UplotChart, darkAxis, type ChartOptions } from '@/components/charts/uplot-chart';
import { Button } from '@/components/ui/button';
import { panBy, zoomAround } from '@/lib/shape/telemetry';

interface ChannelSpec {
  key: TelemetryChannel | 'delta';
  label: string;
  unit: string;
  height: number;
  range?: [number, number];
  step?: boolean;
  format?: (v: number) => string;
  /** Turns raw values into what is plotted. */
  map?: (v: number) => number;
}

const CHANNELS: ChannelSpec[] = [
  { key: 'speed', label: 'Speed', unit: 'km/h', height: 200 },
  { key: 'throttle', label: 'Throttle', unit: '%', height: 90, range: [-5, 105] },
  { key: 'brake', label: 'Brake', unit: '', height: 60, range: [-0.1, 1.1], step: true, format: (v) => (v >= 0.5 ? 'on' : 'off') },
  { key: 'nGear', label: 'Gear', unit: '', height: 90, range: [0, 9], step: true },
  { key: 'rpm', label: 'RPM', unit: '', height: 100, format: (v) => `${Math.round(v / 1000)}k` },
  // The feed's DRS codes: 10, 12 and 14 mean the flap is open.
  { key: 'drs', label: 'DRS', unit: '', height: 50, range: [-0.1, 1.1], step: true, format: (v) => (v >= 0.5 ? 'open' : 'shut'), map: (v) => (v >= 10 ? 1 : 0) },
  { key: 'delta', label: 'Delta', unit: 's', height: 140, format: (v) => `${v > 0 ? '+' : ''}${v.toFixed(2)}` },
];

export interface LapStyle {
  label: string;
  color: string;
  dashed: boolean;
}

/**
 * Speed, throttle, brake, gear, RPM, DRS and the delta to the reference lap, stacked against
 * distance: one cursor and one zoom across every chart (drag to zoom, double-click to reset).
 */
export function TelemetryStack({
  comparison,
  styles,
  onCursor,
  onDrawn,
}: {
  comparison: Comparison;
  styles: LapStyle[];
  onCursor?: (distance: number | null) => void;
  onDrawn?: () => void;
}) {
  const plots = React.useRef<(uPlot | null)[]>([]);
  const syncing = React.useRef(false);
  const drawn = React.useRef(new Set<number>());
  const onCursorRef = React.useRef(onCursor);
  onCursorRef.current = onCursor;
  const onDrawnRef = React.useRef(onDrawn);
  onDrawnRef.current = onDrawn;
  const [readout, setReadout] = React.useState<number | null>(null);
  const [range, setRange] = React.useState<[number, number] | null>(null);
  if (typeof performance !== 'undefined') performance.mark('apex:stack-render');

  const channels = React.useMemo(
    () => CHANNELS.filter((c) => (c.key === 'delta' ? comparison.delta.length > 0 : Boolean(comparison.channels[c.key]?.some((a) => a.some((v) => v !== null))))),
    [comparison],
  );
  const syncKey = React.useId();
  const styleKey = styles.map((s) => `${s.color}${s.dashed}`).join();

  const options = React.useMemo(
    () =>
      channels.map<ChartOptions>((c, i) => {
        const last = i === channels.length - 1;
        return {
          legend: { show: false },
          padding: [6, 8, last ? 0 : 2, 0],
          cursor: { sync: { key: syncKey, setSeries: false }, drag: { x: true, y: false }, points: { size: 5 } },
          scales: { x: { time: false }, y: c.range ? { range: () => c.range! } : {} },
          axes: [
            darkAxis({ show: true, size: last ? 34 : 4, values: last ? (_u, vals) => vals.map((v) => `${(v / 1000).toFixed(1)} km`) : () => [], ticks: { show: last } }),
            darkAxis({ size: 52, label: c.label, labelSize: 14, values: c.format ? (_u, vals) => vals.map((v) => c.format!(v)) : undefined }),
          ],
          series: [
            {},
            ...styles.map<uPlot.Series>((s) => ({
              stroke: s.color,
              width: 1.5,
              dash: s.dashed ? [5, 3] : undefined,
              paths: c.step ? uPlot.paths.stepped!({ align: 1 }) : undefined,
              points: { show: false },
            })),
          ],
          hooks: {
            ready: [
              (u) => {
                // Wheel zooms the distance axis around the pointer (the other charts follow via setScale).
                u.over.addEventListener(
                  'wheel',
                  (e) => {
                    e.preventDefault();
                    const total = comparison.distance[comparison.distance.length - 1] ?? 0;
                    const { min, max } = u.scales.x;
                    const at = u.posToVal(e.offsetX, 'x');
                    const [lo, hi] = zoomAround(min!, max!, at, e.deltaY < 0 ? 0.8 : 1.25, 0, total);
                    u.setScale('x', { min: lo, max: hi });
                  },
                  { passive: false },
                );
              },
            ],
            setScale: [
              (u, key) => {
                if (key !== 'x' || syncing.current) return;
                syncing.current = true;
                const { min, max } = u.scales.x;
                if (i === 0) setRange([min!, max!]);
                for (const p of plots.current) if (p && p !== u && (p.scales.x.min !== min || p.scales.x.max !== max)) p.setScale('x', { min: min!, max: max! });
                syncing.current = false;
              },
            ],
            setCursor: [
              (u) => {
                if (i !== 0) return;
                const idx = u.cursor.idx;
                const d = idx === null || idx === undefined ? null : comparison.distance[idx] ?? null;
                setReadout(idx ?? null);
                onCursorRef.current?.(d);
              },
            ],
            draw: [
              () => {
                if (drawn.current.has(i)) return;
                drawn.current.add(i);
                if (drawn.current.size === channels.length) onDrawnRef.current?.();
              },
            ],
          },
        };
      }),
    [channels, styleKey, syncKey, comparison.distance], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const data = React.useMemo(() => {
    drawn.current = new Set();
    return channels.map<uPlot.AlignedData>((c) => {
      const raw = c.key === 'delta' ? comparison.delta.map((d) => d.map((v) => (v === null ? null : v / 1000))) : comparison.channels[c.key]!;
      const ys = c.map ? raw.map((a) => a.map((v) => (v === null ? null : c.map!(v)))) : raw;
      return [comparison.distance, ...ys] as uPlot.AlignedData;
    });
  }, [channels, comparison]);

  const total = comparison.distance[comparison.distance.length - 1] ?? 0;
  const move = (fn: (min: number, max: number) => [number, number]) => {
    const u = plots.current.find(Boolean);
    if (!u) return;
    const [lo, hi] = fn(u.scales.x.min!, u.scales.x.max!);
    u.setScale('x', { min: lo, max: hi });
  };

  return (
    <div className="flex flex-col" data-telemetry-stack data-laps={styles.length}>
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
        <span className="hidden text-muted-foreground md:inline">· or drag across a chart / mouse wheel</span>
      </div>
      <div className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-live="off">
        <span className="font-mono text-muted-foreground">{readout !== null ? `${Math.round(comparison.distance[readout] ?? 0)} m` : 'Hover a chart'}</span>
        {styles.map((s, lap) => (
          <span key={s.label} className="inline-flex items-center gap-1.5">
            <svg width="14" height="6" aria-hidden>
              <line x1="0" y1="3" x2="14" y2="3" stroke={s.color} strokeWidth="2" strokeDasharray={s.dashed ? '4 2' : undefined} />
            </svg>
            <span className="font-semibold">{s.label}</span>
            {readout !== null ? (
              <span className="font-mono text-muted-foreground">
                {fmt(comparison.channels.speed?.[lap]?.[readout], 0)} km/h · G{fmt(comparison.channels.nGear?.[lap]?.[readout], 0)} · {fmt(comparison.channels.throttle?.[lap]?.[readout], 0)}% · Δ{fmtDelta(comparison.delta[lap]?.[readout])}
              </span>
            ) : null}
          </span>
        ))}
      </div>
      {channels.map((c, i) => (
        <UplotChart
          key={`${c.key}-${syncKey}`}
          options={options[i]!}
          data={data[i]!}
          height={c.height}
          label={`${c.label} against distance for ${styles.map((s) => s.label).join(', ')}`}
          onReady={(u) => {
            plots.current[i] = u;
          }}
        />
      ))}
    </div>
  );
}

function fmt(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined ? '–' : v.toFixed(digits);
}

function fmtDelta(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  return `${ms > 0 ? '+' : ''}${(ms / 1000).toFixed(3)}s`;
}
