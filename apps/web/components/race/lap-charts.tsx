'use client';

import * as React from 'react';
import type { LapTime, PitStop, RaceResult } from '@/lib/api/types';
import { SeriesChart, type ChartSeries } from '@/components/charts/series-chart';
import { seriesStyles } from '@/lib/colors';
import { formatDuration } from '@/lib/format/time';
import { lapTimesByLap, positionsByLap, type LapSeries } from '@/lib/shape/lap-chart';
import { driverLabel, driverName } from '@/lib/shape/progression';
import { pickList } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { DriverPicker, type PickableDriver } from './driver-picker';
import { Checkbox } from '@/components/ui/checkbox';

function toChartSeries(shaped: LapSeries, results: RaceResult[], visible: Set<string>): ChartSeries[] {
  const byId = new Map(results.map((r) => [r.driver.id, r]));
  const styles = seriesStyles(shaped.series.map((s) => ({ key: s.driverId, constructorId: byId.get(s.driverId)?.constructor.id })));
  return shaped.series
    .filter((s) => visible.has(s.driverId))
    .map((s) => {
      const r = byId.get(s.driverId);
      const style = styles.get(s.driverId)!;
      return { key: s.driverId, label: r ? driverLabel(r.driver) : s.driverId, color: style.color, dashed: style.dashed, values: s.values };
    });
}

/** Lap chart (position per lap) and lap-time chart, sharing one driver selection in `?drivers=`. */
export function LapCharts({ laps, pitStops, results }: { laps: LapTime[]; pitStops: PitStop[]; results: RaceResult[] }) {
  const [driversParam, setDriversParam] = useSearchParam('drivers');
  const [cleanParam, setCleanParam] = useSearchParam('clean');
  const clean = cleanParam !== '0';

  const positions = React.useMemo(() => positionsByLap(laps, results), [laps, results]);
  const times = React.useMemo(
    () => lapTimesByLap(laps, pitStops, results, clean ? {} : { outlierFactor: null, hidePitLaps: false }),
    [laps, pitStops, results, clean],
  );

  const pickable: PickableDriver[] = React.useMemo(() => {
    const byId = new Map(results.map((r) => [r.driver.id, r]));
    return positions.series.map((s) => {
      const r = byId.get(s.driverId);
      return { id: s.driverId, label: r ? driverLabel(r.driver) : s.driverId, name: r ? driverName(r.driver) : s.driverId, constructorId: r?.constructor.id ?? null };
    });
  }, [positions, results]);

  const allIds = pickable.map((d) => d.id);
  const requested = pickList(driversParam, 30).filter((id) => allIds.includes(id));
  // Lap chart: everyone by default. Lap times: the top five finishers by default (20 lines are noise).
  const lapChartIds = new Set(requested.length ? requested : allIds);
  const lapTimeIds = new Set(requested.length ? requested : allIds.slice(0, 5));

  const positionSeries = React.useMemo(() => toChartSeries(positions, results, lapChartIds), [positions, results, [...lapChartIds].join()]); // eslint-disable-line react-hooks/exhaustive-deps
  const timeSeries = React.useMemo(() => toChartSeries(times, results, lapTimeIds), [times, results, [...lapTimeIds].join()]); // eslint-disable-line react-hooks/exhaustive-deps

  const n = allIds.length;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <DriverPicker
          drivers={pickable}
          selected={requested}
          onChange={(ids) => setDriversParam(ids.length ? ids.join(',') : null)}
          label="Drivers shown in the lap charts"
        />
        <p className="text-xs text-muted-foreground">
          {requested.length ? `${requested.length} selected — ` : 'None selected: lap chart shows everyone, lap times the top five. '}
          Drag on a chart to zoom, double-click to reset.
        </p>
      </div>
      <section aria-labelledby="lap-chart-title">
        <h3 id="lap-chart-title" className="mb-2 text-xs font-semibold uppercase tracking-widest text-muted-foreground">
          Position by lap
        </h3>
        <SeriesChart
          x={positions.laps}
          series={positionSeries}
          height={Math.max(260, n * 16)}
          label={`Lap chart: positions of ${positionSeries.length} drivers over ${positions.laps.length - 1} laps`}
          xLabel="Lap"
          invertY
          yRange={[0.5, n + 0.5]}
          yIncrs={[1, 2, 5]}
          xIncrs={[1, 2, 5, 10]}
          formatY={(v) => `P${Math.round(v)}`}
          syncKey="race-laps"
        />
      </section>
      <section aria-labelledby="lap-times-title">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h3 id="lap-times-title" className="text-xs font-semibold uppercase tracking-widest text-muted-foreground">
            Lap times
          </h3>
          <label className="inline-flex items-center gap-2 text-xs text-muted-foreground">
            <Checkbox checked={clean} onCheckedChange={(v) => setCleanParam(v ? null : '0')} />
            Hide lap 1, pit laps and laps over 107% of the driver’s median
          </label>
        </div>
        <SeriesChart
          x={times.laps}
          series={timeSeries}
          height={300}
          label={`Lap times of ${timeSeries.length} drivers`}
          xLabel="Lap"
          formatY={(v) => formatDuration(v * 1000)}
          xIncrs={[1, 2, 5, 10]}
          syncKey="race-laps"
        />
      </section>
    </div>
  );
}
