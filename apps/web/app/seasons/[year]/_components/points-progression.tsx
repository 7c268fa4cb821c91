'use client';

import * as React from 'react';
import { useQueries } from '@tanstack/react-query';
import type { Season } from '@/lib/api/types';
import { standingsQueryOptions } from '@/lib/queries/seasons';
import { pointsProgression } from '@/lib/shape/progression';
import { seriesStyles } from '@/lib/colors';
import { formatPoints } from '@/lib/format/time';
import { SeriesChart, type ChartSeries } from '@/components/charts/series-chart';
import { ChartSkeleton, ErrorState } from '@/components/data/states';

/** Championship points after every round run, from the standings after each round. */
export function PointsProgressionChart({ season, kind }: { season: Season; kind: 'drivers' | 'constructors' }) {
  const rounds = season.races.filter((r) => r.winner).map((r) => r.round);
  const queries = useQueries({ queries: rounds.map((round) => standingsQueryOptions(season.year, round)) });
  const failed = queries.find((q) => q.isError);
  const ready = queries.length > 0 && queries.every((q) => q.isSuccess);
  const key = queries.map((q) => q.dataUpdatedAt).join();

  const series = React.useMemo<{ x: number[]; series: ChartSeries[] } | null>(() => {
    if (!ready) return null;
    const p = pointsProgression(queries.map((q) => q.data!), kind, 10);
    const styles = seriesStyles(p.series.map((s) => ({ key: s.key, constructorId: s.constructorId })));
    return {
      x: p.rounds,
      series: p.series.map((s) => ({ key: s.key, label: s.label, color: styles.get(s.key)!.color, dashed: styles.get(s.key)!.dashed, values: s.values })),
    };
  }, [ready, key, kind]); // eslint-disable-line react-hooks/exhaustive-deps

  if (rounds.length === 0) return null;
  if (failed) return <ErrorState error={failed.error} retry={() => failed.refetch()} title="Could not load the standings by round" />;
  if (!series) return <ChartSkeleton height={300} />;
  return (
    <SeriesChart
      x={series.x}
      series={series.series}
      height={300}
      label={`${season.year} ${kind} championship points after each round`}
      xLabel="Round"
      xIncrs={[1, 2, 5]}
      formatY={(v) => formatPoints(v)}
    />
  );
}
