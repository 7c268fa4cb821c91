'use client';

// A season at a glance: every driver's finishing position at every round (the API's season
// heatmap), coloured like a results grid — gold, silver, bronze, points, no points, not classified.
import { useQuery } from '@tanstack/react-query';
import type { SeasonHeatmap } from '@/lib/api/analytics-types';
import { seasonHeatmapQueryOptions } from '@/lib/queries/analytics';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ChartSkeleton } from '@/components/data/states';
import { resultCellColor } from '@/lib/shape/season-heatmap';

export function SeasonHeatmapCard({ year }: { year: number }) {
  const q = useQuery(seasonHeatmapQueryOptions(year));
  if (q.isError) return null;
  if (!q.data) return <ChartSkeleton height={320} />;
  if (q.data.drivers.length === 0) return null;
  return <SeasonHeatmapView h={q.data} />;
}

function SeasonHeatmapView({ h }: { h: SeasonHeatmap }) {
  const cells = h.drivers.reduce((n, d) => n + d.cells.filter((c) => c !== null).length, 0);
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>Season heatmap</CardTitle>
        <CardDescription>finishing position at every round, drivers in championship order; R retired, D disqualified, blank = not entered</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="overflow-x-auto" role="img" aria-label={`Results of ${h.drivers.length} drivers over ${h.rounds.length} rounds`} data-chart="season-heatmap" data-points={cells}>
          <table className="border-separate border-spacing-px text-[10px]">
            <thead>
              <tr>
                <th />
                {h.rounds.map((r) => (
                  <th key={r.round} className="w-6 font-mono font-normal text-muted-foreground" title={r.raceName}>
                    {r.round}
                  </th>
                ))}
                <th className="pl-2 text-right font-mono font-normal text-muted-foreground">Pts</th>
              </tr>
            </thead>
            <tbody>
              {h.drivers.map((d) => (
                <tr key={d.driverId}>
                  <th className="whitespace-nowrap pr-2 text-right font-mono font-semibold" title={`${d.name} (${d.constructors.join(', ')})`}>
                    {d.code ?? d.name}
                  </th>
                  {d.cells.map((c, i) => (
                    <td
                      key={i}
                      className="h-5 w-6 min-w-6 text-center font-mono leading-5"
                      style={resultCellColor(c)}
                      title={c ? `${h.rounds[i]!.raceName}: ${c.positionText}${c.status && !/^\d+$/.test(c.positionText) ? ` (${c.status})` : ''}, ${c.points + (c.sprintPoints ?? 0)} pts` : undefined}
                    >
                      {c ? (/^\d+$/.test(c.positionText) ? c.positionText : c.positionText.slice(0, 1)) : ''}
                    </td>
                  ))}
                  <td className="pl-2 text-right font-mono">{d.points ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}
