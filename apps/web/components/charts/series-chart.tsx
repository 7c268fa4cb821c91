'use client';

import * as React from 'react';
import type uPlot from 'uplot';
import { UplotChart, darkAxis, type ChartOptions } from './uplot-chart';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  values: (number | null)[];
  /** Draw points only (scatter). */
  points?: boolean;
}

type Props = {
  x: number[];
  series: ChartSeries[];
  height?: number;
  label: string;
  xLabel?: string;
  yLabel?: string;
  /** Lower values at the top (positions). */
  invertY?: boolean;
  yRange?: [number, number];
  formatY?: (v: number) => string;
  formatX?: (v: number) => string;
  xIncrs?: number[];
  yIncrs?: number[];
  /** Charts with the same key share one cursor. */
  syncKey?: string;
  className?: string;
};

/**
 * Multi-series line/point chart on uPlot with a value read-out under the cursor. The legend is our
 * own (a table under the chart is harder to read on phones than the uPlot default).
 */
export function SeriesChart({ x, series, height = 280, label, xLabel, yLabel, invertY, yRange, formatY, formatX, xIncrs, yIncrs, syncKey, className }: Props) {
  const [cursor, setCursor] = React.useState<number | null>(null);
  const seriesKey = series.map((s) => `${s.key}:${s.color}:${s.dashed ? 1 : 0}:${s.points ? 1 : 0}`).join('|');

  const options = React.useMemo<ChartOptions>(
    () => ({
      legend: { show: false },
      cursor: {
        sync: syncKey ? { key: syncKey } : undefined,
        points: { size: 6 },
        drag: { x: true, y: false, setScale: true },
      },
      scales: {
        x: { time: false },
        y: { dir: invertY ? -1 : 1, range: yRange ? () => yRange : undefined },
      },
      axes: [
        darkAxis({ label: xLabel, values: formatX ? (_u, vals) => vals.map((v) => formatX(v)) : undefined, incrs: xIncrs, labelSize: xLabel ? 18 : 0 }),
        darkAxis({
          label: yLabel,
          values: formatY ? (_u, vals) => vals.map((v) => formatY(v)) : undefined,
          incrs: yIncrs,
          // Wide enough for the longest tick label (7 px per monospace character at 11 px).
          size: (_u, values) => Math.max(40, ...(values ?? []).map((v) => String(v).length * 7 + 16)),
          labelSize: yLabel ? 18 : 0,
        }),
      ],
      series: [
        {},
        ...series.map<uPlot.Series>((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.75,
          paths: s.points ? () => null : undefined,
          dash: s.dashed ? [6, 4] : undefined,
          spanGaps: false,
          points: s.points ? { show: true, size: 5, fill: s.color, stroke: s.color } : { show: false },
        })),
      ],
      hooks: {
        setCursor: [(u) => setCursor(u.cursor.idx ?? null)],
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [seriesKey, invertY, yRange?.[0], yRange?.[1], xLabel, yLabel, syncKey],
  );

  const data = React.useMemo<uPlot.AlignedData>(() => [x, ...series.map((s) => s.values)], [x, series]);

  return (
    <div className={className}>
      <UplotChart options={options} data={data} height={height} label={label} />
      <Legend series={series} idx={cursor} x={x} formatY={formatY} formatX={formatX} xLabel={xLabel} />
    </div>
  );
}

function Legend({ series, idx, x, formatY, formatX, xLabel }: { series: ChartSeries[]; idx: number | null; x: number[]; formatY?: (v: number) => string; formatX?: (v: number) => string; xLabel?: string }) {
  const xv = idx !== null ? x[idx] : undefined;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" aria-hidden>
      {xv !== undefined ? (
        <span className="font-mono text-muted-foreground">
          {xLabel ?? 'x'} {formatX ? formatX(xv) : xv}
        </span>
      ) : null}
      {series.map((s) => {
        const v = idx !== null ? s.values[idx] : null;
        return (
          <span key={s.key} className="inline-flex items-center gap-1">
            <svg width="14" height="6" aria-hidden>
              <line x1="0" y1="3" x2="14" y2="3" stroke={s.color} strokeWidth="2" strokeDasharray={s.dashed ? '4 2' : undefined} />
            </svg>
            <span>{s.label}</span>
            {v !== null && v !== undefined ? <span className="font-mono text-muted-foreground">{formatY ? formatY(v) : v}</span> : null}
          </span>
        );
      })}
    </div>
  );
}
