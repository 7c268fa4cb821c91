'use client';

// The session's Analysis tab: what the API's analytics endpoints compute (pace ranking, fuel-
// corrected laps, degradation, overtakes, heatmap, racecraft), drawn — and the parameters the
// API says it used, so every number can be traced back.
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SessionDriver } from '@/lib/api/session-types';
import type { AnalysisParameters, LapHeatmap, OvertakesAnalysis, PaceAnalysis, RacecraftAnalysis } from '@/lib/api/analytics-types';
import { lapHeatmapQueryOptions, overtakesQueryOptions, paceQueryOptions, racecraftQueryOptions } from '@/lib/queries/analytics';
import type { SessionKey } from '@/lib/queries/sessions';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ChartSkeleton, EmptyState, ErrorState, QueryState, TableSkeleton } from '@/components/data/states';
import { SeriesChart } from '@/components/charts/series-chart';
import { DriverPicker } from '@/components/race/driver-picker';
import { formatDuration } from '@/lib/format/time';
import { HEAT_MARKS, heatColor, heatMark, overtakesPerLap, paceScatter, signed } from '@/lib/shape/analysis';
import { pickList } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { DegradationCard } from './degradation-card';

export function AnalysisPanel({ sessionKey, drivers, raceLike }: { sessionKey: SessionKey; drivers: SessionDriver[]; raceLike: boolean }) {
  const pace = useQuery(paceQueryOptions(sessionKey));
  const [param, setParam] = useSearchParam('ad');
  const info = React.useMemo(() => new Map(drivers.map((d) => [d.abbreviation, d])), [drivers]);
  const colorOf = React.useCallback((d: string) => info.get(d)?.teamColor ?? '#e5e5e5', [info]);
  if (pace.isError) return <ErrorState error={pace.error} retry={() => pace.refetch()} />;
  if (!pace.data) return <TableSkeleton rows={12} />;
  const order = pace.data.items.map((r) => r.driver ?? r.driverNumber);
  const chosen = pickList(param, 5).filter((d) => order.includes(d));
  const selected = chosen.length ? chosen : order.slice(0, 3);
  const pickable = order.map((d) => ({ id: d, label: d, name: info.get(d)?.fullName ?? d, constructorId: null, color: info.get(d)?.teamColor ?? null }));

  return (
    <div className="flex flex-col gap-4" data-panel="analysis">
      <Card>
        <CardHeader>
          <CardTitle>Analysis drivers</CardTitle>
          <CardDescription>the drivers the scatter, degradation and racecraft views compare (up to 5)</CardDescription>
        </CardHeader>
        <CardContent>
          <DriverPicker drivers={pickable} selected={chosen} onChange={(ids) => setParam(ids.length ? ids.join(',') : null)} max={5} label="Drivers to analyse" />
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <PaceRanking pace={pace.data} colorOf={colorOf} />
        <Method parameters={pace.data.parameters} />
      </div>
      <PaceScatter pace={pace.data} selected={selected} colorOf={colorOf} />
      <DegradationCard sessionKey={sessionKey} selected={selected} />
      {raceLike ? <Overtakes sessionKey={sessionKey} /> : null}
      {selected.length >= 2 ? <Racecraft sessionKey={sessionKey} selected={selected} /> : null}
      <Heatmap sessionKey={sessionKey} />
    </div>
  );
}

function PaceRanking({ pace, colorOf }: { pace: PaceAnalysis; colorOf: (d: string) => string }) {
  if (pace.items.length === 0) return <EmptyState title="No driver has three clean laps" />;
  const worst = Math.max(1, ...pace.items.map((r) => r.gapToBestMs));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Race pace</CardTitle>
        <CardDescription>median fuel-corrected clean lap · bar = gap to the best · ± = interquartile range</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-1" aria-label="Pace ranking" data-chart="pace" data-points={pace.items.length}>
          {pace.items.map((r) => {
            const d = r.driver ?? r.driverNumber;
            return (
              <li key={d} className="grid grid-cols-[2rem_3rem_1fr_6.5rem] items-center gap-2 text-xs">
                <span className="text-right font-mono text-muted-foreground">{r.rank}</span>
                <span className="font-mono font-semibold">{d}</span>
                <span className="h-3 rounded-sm bg-muted">
                  <span className="block h-3 rounded-sm" style={{ width: `${Math.max(2, (r.gapToBestMs / worst) * 100)}%`, background: colorOf(d) }} />
                </span>
                <span className="text-right font-mono" title={`${r.cleanLaps} clean of ${r.totalLaps} laps; raw median ${formatDuration(r.rawMedianMs)}`}>
                  {r.rank === 1 ? formatDuration(r.medianMs) : `+${(r.gapToBestMs / 1000).toFixed(3)}`}
                  <span className="text-muted-foreground"> ±{(r.iqrMs / 2000).toFixed(2)}</span>
                </span>
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}

/** How the numbers were made: the clean-lap rule and the fuel model the API used. */
function Method({ parameters }: { parameters: AnalysisParameters }) {
  const { clean, fuel } = parameters;
  return (
    <Card>
      <CardHeader>
        <CardTitle>How these are computed</CardTitle>
        <CardDescription>parameters the API used (override them on the API: see /docs, tag analytics)</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2 text-sm">
        <p>
          <span className="font-semibold">Clean laps:</span> no in/out laps{clean.excludeLap1 ? ', no lap 1' : ''}, no laps under track status{' '}
          {clean.excludedTrackStatus.join(', ') || '—'} (2 yellow, 4 SC, 5 red, 6 VSC, 7 VSC ending), no deleted laps, none slower than{' '}
          {Math.round(clean.slowThreshold * 100)}% of the driver’s median.
        </p>
        <p>
          <span className="font-semibold">Fuel:</span> {fuel.startKg.toFixed(0)} kg at the start, {fuel.burnKgPerLap.toFixed(2)} kg per lap; effect{' '}
          <span className="font-mono">{fuel.effectMsPerKg.toFixed(1)} ms/kg</span>{' '}
          {fuel.effectSource === 'fit' ? (
            <span data-fuel-source="fit">
              fitted on this session ({fuel.fit?.laps} laps, {fuel.fit?.stints} stints, ±{fuel.fit?.standardError.toFixed(1)} ms/kg)
            </span>
          ) : fuel.effectSource === 'prior' ? (
            <span data-fuel-source="prior">— the documented prior: {fuel.reason}</span>
          ) : (
            <span data-fuel-source="override">— given in the request</span>
          )}
          .
        </p>
      </CardContent>
    </Card>
  );
}

function PaceScatter({ pace, selected, colorOf }: { pace: PaceAnalysis; selected: string[]; colorOf: (d: string) => string }) {
  const chart = React.useMemo(() => paceScatter(pace, selected, colorOf), [pace, selected.join(), colorOf]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Card>
      <CardHeader>
        <CardTitle>Fuel-corrected lap times</CardTitle>
        <CardDescription>clean laps only, with the fuel’s weight taken out: the trend left is tyres and track</CardDescription>
      </CardHeader>
      <CardContent>
        {chart.series.length === 0 ? (
          <EmptyState title="No clean laps for these drivers" />
        ) : (
          <SeriesChart x={chart.x} series={chart.series} height={300} label={`Fuel-corrected lap times of ${selected.join(', ')}`} xLabel="Lap" formatY={(v) => formatDuration(v * 1000)} />
        )}
      </CardContent>
    </Card>
  );
}

function Overtakes({ sessionKey }: { sessionKey: SessionKey }) {
  const q = useQuery(overtakesQueryOptions(sessionKey));
  return <QueryState query={q} loading={<ChartSkeleton height={240} />}>{(o) => <OvertakesView o={o} />}</QueryState>;
}

function OvertakesView({ o }: { o: OvertakesAnalysis }) {
  const per = overtakesPerLap(o);
  const total = per.onTrack.reduce((a, b) => a + b, 0);
  const drivers = [...o.drivers].filter((d) => d.made + d.suffered > 0).sort((a, b) => b.made - a.made || a.suffered - b.suffered);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Overtakes</CardTitle>
        <CardDescription>
          {total} on-track passes · position changes at each line crossing, pit-cycle changes and retirements counted apart
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <SeriesChart
          x={per.x}
          series={[
            { key: 'on-track', label: 'on track', color: '#4cc9f0', values: per.onTrack },
            { key: 'pit-cycle', label: 'pit cycle', color: '#ffd166', dashed: true, values: per.pitCycle },
          ]}
          height={240}
          label={`Overtakes per lap: ${total} on track`}
          xLabel="Lap"
          formatY={(v) => String(Math.round(v))}
        />
        <Table aria-label="Overtakes per driver">
          <TableHeader>
            <TableRow>
              <TableHead>Driver</TableHead>
              <TableHead className="text-right">Made</TableHead>
              <TableHead className="text-right">Lost</TableHead>
              <TableHead className="text-right">Grid → end</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {drivers.map((d) => (
              <TableRow key={d.driver}>
                <TableCell className="font-mono font-semibold">{d.driver}</TableCell>
                <TableCell className="text-right font-mono">{d.made}</TableCell>
                <TableCell className="text-right font-mono">{d.suffered}</TableCell>
                <TableCell className="text-right font-mono">
                  {d.startRank ?? '—'} → {d.finalRank ?? 'out'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function Racecraft({ sessionKey, selected }: { sessionKey: SessionKey; selected: string[] }) {
  const q = useQuery(racecraftQueryOptions(sessionKey, selected));
  return <QueryState query={q} loading={<TableSkeleton rows={8} />}>{(data) => <RacecraftTable data={data} />}</QueryState>;
}

function RacecraftTable({ data }: { data: RacecraftAnalysis }) {
  const rows: [string, (r: RacecraftAnalysis['items'][number]) => string][] = [
    ['Team-mate', (r) => r.teammate ?? '—'],
    ['Grid → finish', (r) => `${r.gridRank ?? '—'} → ${r.finalRank ?? 'out'}`],
    ['Lap 1', (r) => (r.lap1Gain === null ? '—' : signed(r.lap1Gain, 0))],
    ['Places gained', (r) => (r.positionsGained === null ? '—' : signed(r.positionsGained, 0))],
    ['Passes made / lost', (r) => (r.overtakesMade === null ? '—' : `${r.overtakesMade} / ${r.overtakesSuffered}`)],
    ['Pace vs team-mate', (r) => (r.paceVsTeammateMs === null ? '—' : `${signed(r.paceVsTeammateMs / 1000, 3)} s`)],
    ['Consistency (IQR)', (r) => (r.consistencyMs === null ? '—' : `${(r.consistencyMs / 1000).toFixed(3)} s`)],
    ['Quali gap to team-mate', (r) => (r.qualifyingGapToTeammateMs === null ? '—' : `${signed(r.qualifyingGapToTeammateMs / 1000, 3)} s`)],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Racecraft</CardTitle>
        <CardDescription>{data.method.split('. ')[0]}.</CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <Table aria-label="Racecraft comparison">
          <TableHeader>
            <TableRow>
              <TableHead />
              {data.items.map((r) => (
                <TableHead key={r.driver} className="text-right font-mono">
                  {r.driver}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(([label, get]) => (
              <TableRow key={label}>
                <TableCell className="text-muted-foreground">{label}</TableCell>
                {data.items.map((r) => (
                  <TableCell key={r.driver} className="text-right font-mono">
                    {get(r)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function Heatmap({ sessionKey }: { sessionKey: SessionKey }) {
  const q = useQuery(lapHeatmapQueryOptions(sessionKey));
  return <QueryState query={q} loading={<ChartSkeleton height={360} />}>{(h) => <HeatmapGrid h={h} />}</QueryState>;
}

function HeatmapGrid({ h }: { h: LapHeatmap }) {
  const laps = Array.from({ length: h.lastLap }, (_, i) => i + 1);
  const cells = h.rows.reduce((n, r) => n + r.cells.filter((c) => c !== null).length, 0);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Lap heatmap</CardTitle>
        <CardDescription>
          every lap against the session’s best clean lap ({formatDuration(h.bestCleanLapMs)}): green = close, red = 4 s or more off; grey = left out
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="overflow-x-auto" role="img" aria-label={`Lap heatmap of ${h.rows.length} drivers over ${h.lastLap} laps`} data-chart="heatmap" data-points={cells}>
          <table className="border-separate border-spacing-px text-[9px]">
            <thead>
              <tr>
                <th />
                {laps.map((n) => (
                  <th key={n} className="w-4 font-mono font-normal text-muted-foreground">
                    {n % 5 === 0 || n === 1 ? n : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {h.rows.map((r) => (
                <tr key={r.driverNumber}>
                  <th className="pr-1 text-right font-mono text-[10px] font-semibold">{r.driver ?? r.driverNumber}</th>
                  {r.cells.map((c, i) => (
                    <td
                      key={i}
                      className="h-4 w-4 min-w-4 text-center font-mono leading-4 text-white/80"
                      style={{ background: heatColor(c) }}
                      title={c ? `${r.driver ?? r.driverNumber} lap ${i + 1}: ${formatDuration(c.lapTimeMs)}${c.deltaMs !== null ? ` (+${(c.deltaMs / 1000).toFixed(3)})` : ''}${c.reasons.length ? ` — ${c.reasons.join(', ')}` : ''}` : undefined}
                    >
                      {heatMark(c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
          {HEAT_MARKS.map(([m, what]) => (
            <li key={m}>
              <span className="font-mono font-semibold text-foreground">{m}</span> {what}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
