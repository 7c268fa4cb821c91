'use client';

import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SessionDriver, SessionLap, SessionPitStop, Stint } from '@/lib/api/session-types';
import type { StintDegradation } from '@/lib/api/analytics-types';
import { gapsQueryOptions, sessionPitStopsQueryOptions, stintsQueryOptions, type SessionKey } from '@/lib/queries/sessions';
import { gapsByLap } from '@/lib/shape/gaps';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ChartSkeleton, EmptyState, ErrorState } from '@/components/data/states';
import { SeriesChart, type ChartSeries } from '@/components/charts/series-chart';
import { DriverPicker } from '@/components/race/driver-picker';
import { compoundColor, compoundLetter } from '@/lib/colors';
import { formatDuration } from '@/lib/format/time';
import { driverOrder } from '@/lib/shape/strategy';
import { pickList } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { DegradationCard } from './degradation-card';

export function StrategyPanel({ sessionKey, laps, drivers, raceLike }: { sessionKey: SessionKey; laps: SessionLap[]; drivers: SessionDriver[]; raceLike: boolean }) {
  const stintsQ = useQuery(stintsQueryOptions(sessionKey));
  const pitsQ = useQuery(sessionPitStopsQueryOptions(sessionKey));
  // Stints are the API's (the engine's stint rules), never re-derived here.
  const stints = stintsQ.data?.items ?? null;
  const order = React.useMemo(() => driverOrder(laps), [laps]);

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Tyre strategy</CardTitle>
          <CardDescription>stints by compound · number = tyre age at the stint start</CardDescription>
        </CardHeader>
        <CardContent>
          {stints ? <StintTimeline stints={stints} order={order} pitStops={pitsQ.data?.items ?? []} />
            : stintsQ.isError ? <ErrorState error={stintsQ.error} retry={() => void stintsQ.refetch()} />
            : <ChartSkeleton height={360} />}
        </CardContent>
      </Card>
      {raceLike ? <Gaps sessionKey={sessionKey} drivers={drivers} /> : null}
      <Degradation sessionKey={sessionKey} drivers={drivers} order={order} />
      {/* In qualifying and practice every garage visit is a "stop": the table only helps in races. */}
      {raceLike && pitsQ.data && pitsQ.data.items.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Pit stops</CardTitle>
          </CardHeader>
          <CardContent>
            <Table aria-label="Pit stops">
              <TableHeader>
                <TableRow>
                  <TableHead>Driver</TableHead>
                  <TableHead className="text-right">In lap</TableHead>
                  <TableHead className="text-right">Out lap</TableHead>
                  <TableHead className="text-right">Pit lane</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...pitsQ.data.items].sort((a, b) => (a.inLap ?? 0) - (b.inLap ?? 0)).map((p, i) => (
                  <TableRow key={`${p.driver}-${i}`}>
                    <TableCell className="font-semibold">{p.driver}</TableCell>
                    <TableCell className="text-right font-mono">{p.inLap ?? '—'}</TableCell>
                    <TableCell className="text-right font-mono">{p.outLap ?? '—'}</TableCell>
                    <TableCell className="text-right font-mono">{formatDuration(p.pitLaneTime)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function StintTimeline({ stints, order, pitStops }: { stints: Stint[]; order: string[]; pitStops: SessionPitStop[] }) {
  const driversWith = new Set(stints.map((s) => s.driver));
  const rows = [...order.filter((d) => driversWith.has(d)), ...[...driversWith].filter((d) => !order.includes(d))];
  const maxLap = Math.max(1, ...stints.map((s) => s.endLap));
  const rowH = 18;
  const left = 44;
  const width = 800;
  const scale = (lap: number) => left + ((lap - 1) / maxLap) * (width - left - 8);
  if (rows.length === 0) return <EmptyState title="No tyre data for this session" />;
  return (
    <svg viewBox={`0 0 ${width} ${rows.length * rowH + 24}`} className="h-auto w-full" role="img" aria-label={`Tyre stints of ${rows.length} drivers`} data-chart="stints" data-points={stints.length}>
      {rows.map((driver, r) => (
        <g key={driver} transform={`translate(0 ${r * rowH})`}>
          <text x={left - 6} y={rowH / 2 + 4} textAnchor="end" className="fill-foreground font-mono text-[11px] font-semibold">
            {driver}
          </text>
          {stints
            .filter((s) => s.driver === driver)
            .map((s) => {
              const x = scale(s.startLap);
              const w = Math.max(2, scale(s.endLap + 1) - x - 1);
              const color = compoundColor(s.compound);
              return (
                <g key={s.stint}>
                  <title>{`${driver} stint ${s.stint}: ${s.compound ?? 'unknown'} laps ${s.startLap}–${s.endLap}${s.tyreAgeAtStart ? `, ${s.tyreAgeAtStart} laps old` : ''}`}</title>
                  <rect x={x} y={3} width={w} height={rowH - 6} rx={3} fill={color} fillOpacity={0.85} />
                  {w > 22 ? (
                    <text x={x + 5} y={rowH / 2 + 4} className="fill-black font-mono text-[10px] font-bold">
                      {compoundLetter(s.compound)}
                      {s.tyreAgeAtStart ? ` ${s.tyreAgeAtStart}` : ''}
                    </text>
                  ) : null}
                </g>
              );
            })}
          {pitStops
            .filter((p) => p.driver === driver && p.inLap !== null)
            .map((p, i) => (
              <line key={i} x1={scale(p.inLap! + 1) - 0.5} x2={scale(p.inLap! + 1) - 0.5} y1={1} y2={rowH - 1} stroke="#fff" strokeWidth={1.5} />
            ))}
        </g>
      ))}
      {Array.from({ length: Math.floor(maxLap / 10) + 1 }, (_, i) => i * 10 || 1).map((lap) => (
        <text key={lap} x={scale(lap)} y={rows.length * rowH + 16} textAnchor="middle" className="fill-muted-foreground font-mono text-[10px]">
          {lap}
        </text>
      ))}
    </svg>
  );
}

/** The API's degradation (the analytics endpoint) for drivers picked here (`?deg=`, default the first three). */
function Degradation({ sessionKey, drivers, order }: { sessionKey: SessionKey; drivers: SessionDriver[]; order: string[] }) {
  const [param, setParam] = useSearchParam('deg');
  const chosen = pickList(param, 5);
  const selected = chosen.length ? chosen : order.slice(0, 3);
  const info = React.useMemo(() => new Map(drivers.map((d) => [d.abbreviation, d])), [drivers]);
  // Drivers in their team colours here (the Analysis tab colours by compound).
  const colourOf = React.useCallback((s: StintDegradation) => info.get(s.driver ?? '')?.teamColor ?? compoundColor(s.compound), [info]);
  return (
    <DegradationCard sessionKey={sessionKey} selected={selected} colourOf={colourOf}>
      <DriverPicker
        drivers={order.map((d) => ({ id: d, label: d, name: info.get(d)?.fullName ?? d, constructorId: null, color: info.get(d)?.teamColor ?? null }))}
        selected={chosen}
        onChange={(ids) => setParam(ids.length ? ids.join(',') : null)}
        max={5}
        label="Drivers in the degradation chart"
      />
    </DegradationCard>
  );
}

/** Gap to the leader lap by lap (races): undercuts, safety cars and fading pace in one picture. */
function Gaps({ sessionKey, drivers }: { sessionKey: SessionKey; drivers: SessionDriver[] }) {
  const q = useQuery(gapsQueryOptions(sessionKey));
  const [param, setParam] = useSearchParam('gaps');
  const info = new Map(drivers.map((d) => [d.abbreviation, d]));
  const shaped = React.useMemo(() => (q.data ? gapsByLap(q.data.items) : null), [q.data]);
  if (q.isError) return null;
  if (!shaped) return <ChartSkeleton height={300} />;
  const all = shaped.series.map((s) => s.driver);
  const chosen = pickList(param, 20).filter((d) => all.includes(d));
  const shown = new Set(chosen.length ? chosen : all.slice(0, 8));
  const seen = new Map<string, number>();
  const series: ChartSeries[] = shaped.series
    .filter((s) => shown.has(s.driver))
    .map((s) => {
      const color = info.get(s.driver)?.teamColor ?? '#9a9aa8';
      const n = seen.get(color) ?? 0;
      seen.set(color, n + 1);
      return { key: s.driver, label: s.driver, color, dashed: n > 0, values: s.values };
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Gap to leader</CardTitle>
        <CardDescription>seconds behind the leader at the line, lap by lap</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <DriverPicker
          drivers={all.map((d) => ({ id: d, label: d, name: info.get(d)?.fullName ?? d, constructorId: null, color: info.get(d)?.teamColor ?? null }))}
          selected={chosen}
          onChange={(ids) => setParam(ids.length ? ids.join(',') : null)}
          label="Drivers in the gaps chart"
        />
        <SeriesChart x={shaped.laps} series={series} height={300} label={`Gap to the leader of ${series.length} drivers`} xLabel="Lap" invertY formatY={(v) => `${v.toFixed(0)} s`} xIncrs={[1, 2, 5, 10]} />
      </CardContent>
    </Card>
  );
}
