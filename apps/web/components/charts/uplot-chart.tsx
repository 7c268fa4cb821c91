'use client';

import * as React from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cn } from '@/lib/utils';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

type Props = {
  options: ChartOptions;
  data: uPlot.AlignedData;
  height: number;
  /** Read by screen readers instead of the canvas. */
  label: string;
  className?: string;
  onReady?: (u: uPlot) => void;
};

/** Counts drawn (non-null) values over all y series: end-to-end tests assert charts hold data. */
export function countPoints(data: uPlot.AlignedData): number {
  let n = 0;
  for (let s = 1; s < data.length; s++) {
    const ys = data[s] as ArrayLike<number | null | undefined>;
    for (let i = 0; i < ys.length; i++) if (ys[i] !== null && ys[i] !== undefined) n++;
  }
  return n;
}

/**
 * uPlot in React: the chart is created once per options object and fed new data with setData, which
 * is what keeps thousands of points per series smooth. Width follows the container.
 */
export function UplotChart({ options, data, height, label, className, onReady }: Props) {
  const ref = React.useRef<HTMLDivElement>(null);
  const plot = React.useRef<uPlot | null>(null);
  const dataRef = React.useRef(data);
  dataRef.current = data;
  const onReadyRef = React.useRef(onReady);
  onReadyRef.current = onReady;

  // A layout effect: the chart is created and drawn in the same commit, before the browser paints.
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = Math.max(200, el.clientWidth);
    const u = new uPlot({ ...options, width, height }, dataRef.current, el);
    plot.current = u;
    onReadyRef.current?.(u);
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? width);
      if (w > 0 && Math.abs(w - u.width) > 1) u.setSize({ width: w, height });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [options, height]);

  React.useLayoutEffect(() => {
    const u = plot.current;
    // batch() draws now rather than in uPlot's microtask, which would wait for whatever else React
    // renders in this task (deferred siblings, passive effects) before the new data showed.
    if (u && u.data !== data) u.batch(() => u.setData(data));
  }, [data]);

  const points = React.useMemo(() => countPoints(data), [data]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-chart="uplot"
      data-points={points}
      className={cn('w-full min-w-0 overflow-hidden', className)}
      style={{ minHeight: height }}
    />
  );
}

const AXIS = '#a3a3b2';
const GRID = '#2b2b3a';

/** Axis styling for the dark timing theme. */
export function darkAxis(overrides: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: AXIS,
    grid: { stroke: GRID, width: 1 },
    ticks: { stroke: GRID, width: 1 },
    font: '11px ui-monospace, monospace',
    labelFont: '11px ui-sans-serif, system-ui, sans-serif',
    ...overrides,
  };
}
