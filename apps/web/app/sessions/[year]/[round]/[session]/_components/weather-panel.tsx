'use client';

import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SessionLap } from '@/lib/api/session-types';
import { weatherQueryOptions, type SessionKey } from '@/lib/queries/sessions';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ChartSkeleton, EmptyState, ErrorState } from '@/components/data/states';
import { SeriesChart } from '@/components/charts/series-chart';
import { formatDuration } from '@/lib/format/time';
import { alignLapsToTime } from '@/lib/shape/weather';

const clock = (ms: number) => {
  const m = Math.floor(ms / 60_000);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
};

/** Air and track temperature, humidity, wind and rain over the session, aligned with lap times. */
export function WeatherPanel({ sessionKey, laps }: { sessionKey: SessionKey; laps: SessionLap[] }) {
  const q = useQuery(weatherQueryOptions(sessionKey));
  const aligned = React.useMemo(() => (q.data ? alignLapsToTime(q.data.time, laps) : null), [q.data, laps]);
  if (q.isPending) return <ChartSkeleton height={500} />;
  if (q.isError) return <ErrorState error={q.error} retry={() => q.refetch()} title="No weather data" />;
  const w = q.data;
  if (w.time.length === 0) return <EmptyState title="This session has no weather data" />;
  const sync = 'weather';
  const common = { x: w.time, formatX: clock, xLabel: 'Session time', syncKey: sync, xIncrs: [60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000] };
  const rain = w.rainfall.some((r) => r === true);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Temperature</CardTitle>
          <CardDescription>°C</CardDescription>
        </CardHeader>
        <CardContent>
          <SeriesChart
            {...common}
            height={220}
            label="Air and track temperature"
            formatY={(v) => `${v.toFixed(0)}°`}
            series={[
              { key: 'track', label: 'Track', color: '#ff8000', values: w.trackTemp },
              { key: 'air', label: 'Air', color: '#64c4ff', values: w.airTemp },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Lap times</CardTitle>
          <CardDescription>the best lap started near each weather sample (one a minute)</CardDescription>
        </CardHeader>
        <CardContent>
          {aligned && aligned.some((v) => v !== null) ? (
            <SeriesChart {...common} height={220} label="Lap times over the session" formatY={(v) => formatDuration(v * 1000)} series={[{ key: 'laps', label: 'Best lap', color: '#b86cff', points: true, values: aligned }]} />
          ) : (
            <EmptyState title="No timed laps" />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Humidity &amp; rain</CardTitle>
          <CardDescription>{rain ? 'rain recorded' : 'no rain recorded'}</CardDescription>
        </CardHeader>
        <CardContent>
          <SeriesChart
            {...common}
            height={180}
            label="Humidity and rainfall"
            formatY={(v) => `${v.toFixed(0)}%`}
            series={[
              { key: 'humidity', label: 'Humidity %', color: '#2bd576', values: w.humidity },
              { key: 'rain', label: 'Rain', color: '#0067ad', values: w.rainfall.map((r) => (r === null ? null : r ? 100 : 0)) },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Wind</CardTitle>
          <CardDescription>speed m/s</CardDescription>
        </CardHeader>
        <CardContent>
          <SeriesChart {...common} height={180} label="Wind speed" formatY={(v) => v.toFixed(1)} series={[{ key: 'wind', label: 'Wind m/s', color: '#e5e5e5', values: w.windSpeed }]} />
        </CardContent>
      </Card>
    </div>
  );
}
