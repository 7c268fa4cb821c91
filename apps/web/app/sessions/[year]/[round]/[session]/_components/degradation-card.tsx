'use client';

import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { degradationQueryOptions } from '@/lib/queries/analytics';
import type { SessionKey } from '@/lib/queries/sessions';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ChartSkeleton, EmptyState, ErrorState } from '@/components/data/states';
import { SeriesChart } from '@/components/charts/series-chart';
import { compoundColor } from '@/lib/colors';
import { formatDuration } from '@/lib/format/time';
import { degradationChart, signed } from '@/lib/shape/analysis';
import type { StintDegradation } from '@/lib/api/analytics-types';

const byCompound = (s: StintDegradation) => compoundColor(s.compound);

/**
 * The API's tyre degradation (fuel-corrected clean laps, Theil–Sen per stint and per compound) for
 * chosen drivers. Shared by the Analysis and Strategy tabs, so the page shows one degradation.
 */
export function DegradationCard({ sessionKey, selected, colourOf = byCompound, children }: {
  sessionKey: SessionKey;
  selected: string[];
  /** Colour of a stint's points and line: by compound unless the tab prefers drivers. */
  colourOf?: (stint: StintDegradation) => string;
  children?: React.ReactNode;
}) {
  const q = useQuery(degradationQueryOptions(sessionKey));
  const chart = React.useMemo(() => (q.data ? degradationChart(q.data, selected, colourOf) : null), [q.data, selected.join(), colourOf]); // eslint-disable-line react-hooks/exhaustive-deps
  if (q.isError) return <ErrorState error={q.error} retry={() => q.refetch()} />;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Tyre degradation</CardTitle>
        <CardDescription>fuel-corrected clean laps on tyre age; lines are Theil–Sen fits per stint (≥ {q.data?.minLaps ?? 5} clean laps)</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {children}
        {!q.data || !chart ? (
          <ChartSkeleton height={300} />
        ) : chart.series.length === 0 ? (
          <EmptyState title="No stint of these drivers has enough clean laps" />
        ) : (
          <SeriesChart x={chart.x} series={chart.series} height={300} label={`Tyre degradation of ${selected.join(', ')}`} xLabel="Tyre age (laps)" formatY={(v) => formatDuration(v * 1000)} />
        )}
        {q.data && q.data.compounds.length > 0 ? (
          <Table aria-label="Degradation per compound">
            <TableHeader>
              <TableRow>
                <TableHead>Compound</TableHead>
                <TableHead className="text-right">Slope (s/lap)</TableHead>
                <TableHead className="text-right">95% interval</TableHead>
                <TableHead className="text-right">Offset vs {q.data.referenceCompound ?? '—'}</TableHead>
                <TableHead className="text-right">Stints · laps</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.data.compounds.map((c) => (
                <TableRow key={c.compound}>
                  <TableCell>
                    <span className="mr-2 inline-block size-2.5 rounded-full" style={{ background: compoundColor(c.compound) }} />
                    {c.compound}
                  </TableCell>
                  <TableCell className="text-right font-mono">{signed(c.slopeMsPerLap / 1000, 3)}</TableCell>
                  <TableCell className="text-right font-mono text-muted-foreground">
                    {c.slopeLowMsPerLap !== null && c.slopeHighMsPerLap !== null ? `${signed(c.slopeLowMsPerLap / 1000, 3)} … ${signed(c.slopeHighMsPerLap / 1000, 3)}` : '—'}
                  </TableCell>
                  <TableCell className="text-right font-mono">{c.offsetMs === null ? '—' : `${signed(c.offsetMs / 1000, 3)} s`}</TableCell>
                  <TableCell className="text-right font-mono">
                    {c.stints} · {c.cleanLaps}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
