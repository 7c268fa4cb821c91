'use client';

import * as React from 'react';
import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import type { DriverProfile } from '@/lib/api/types';
import { driverQueryOptions } from '@/lib/queries/drivers';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { ConstructorLink } from '@/components/entity/links';
import { StatTiles } from '@/components/entity/stat-tiles';
import { SeriesChart } from '@/components/charts/series-chart';
import { careerTimeline } from '@/lib/shape/career';
import { formatDate, formatPoints } from '@/lib/format/time';
import { teamColor } from '@/lib/colors';

export function DriverView({ id }: { id: string }) {
  const query = useQuery(driverQueryOptions(id));
  if (query.isPending)
    return (
      <>
        <PageHeader eyebrow="Driver" title="Loading…" />
        <TableSkeleton rows={10} />
      </>
    );
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} />;
  return <DriverBody profile={query.data} />;
}

function DriverBody({ profile }: { profile: DriverProfile }) {
  const { driver, career, seasons, teams, results } = profile;
  const timeline = React.useMemo(() => careerTimeline(results), [results]);
  // One point series per team driven for, in the team's colour, plus the grid slots in grey.
  const chart = React.useMemo(() => {
    const x = timeline.map((p) => p.x);
    const series = teams
      .filter((t) => timeline.some((p) => p.constructorId === t.id))
      .map((t) => ({
        key: t.id,
        label: t.name,
        color: teamColor(t.id),
        points: true,
        values: timeline.map((p) => (p.constructorId === t.id ? p.finish : null)),
      }));
    series.push({ key: 'grid', label: 'Grid', color: '#6b6b80', points: true, values: timeline.map((p) => p.grid) });
    return { x, series };
  }, [timeline, teams]);

  return (
    <>
      <PageHeader
        eyebrow={
          <span>
            Driver{driver.permanentNumber ? ` · #${driver.permanentNumber}` : ''}
            {driver.code ? ` · ${driver.code}` : ''}
          </span>
        }
        title={
          <>
            <span className="font-semibold text-muted-foreground">{driver.givenName}</span> {driver.familyName}
          </>
        }
      >
        {[driver.nationality, driver.dateOfBirth ? `born ${formatDate(driver.dateOfBirth)}` : null].filter(Boolean).join(' · ')}
        {driver.url ? (
          <>
            {' · '}
            <a href={driver.url} className="underline underline-offset-2 hover:text-foreground" rel="noreferrer">
              Wikipedia
            </a>
          </>
        ) : null}
      </PageHeader>
      <StatTiles career={career} />
      {teams.length > 0 ? (
        <nav aria-label="Teams" className="mb-5 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-xs font-semibold uppercase tracking-widest text-muted-foreground">Teams</span>
          {teams.map((t) => (
            <ConstructorLink key={t.id} constructor={t} className="rounded border px-2 py-1 hover:bg-accent" />
          ))}
        </nav>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Results over time</CardTitle>
            <CardDescription>finishing position in the team’s colour, grid slot in grey</CardDescription>
          </CardHeader>
          <CardContent>
            {timeline.length === 0 ? (
              <EmptyState title="No race results loaded for this driver" />
            ) : (
              <SeriesChart
                x={chart.x}
                series={chart.series}
                height={340}
                label={`${driver.familyName}: finishing positions in ${timeline.length} races`}
                invertY
                yRange={[0.5, Math.max(20, ...timeline.map((p) => Math.max(p.finish ?? 0, p.grid ?? 0))) + 0.5]}
                formatY={(v) => `P${Math.round(v)}`}
                formatX={(v) => String(Math.floor(v))}
                xIncrs={[1, 2, 5, 10]}
                yIncrs={[1, 5, 10]}
              />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Seasons</CardTitle>
          </CardHeader>
          <CardContent>
            {seasons.length === 0 ? (
              <EmptyState title="No seasons" />
            ) : (
              <div className="max-h-[640px] overflow-y-auto">
              <Table aria-label="Seasons">
                <TableHeader>
                  <TableRow>
                    <TableHead>Year</TableHead>
                    <TableHead>Team</TableHead>
                    <TableHead className="text-right">Pos</TableHead>
                    <TableHead className="text-right">Wins</TableHead>
                    <TableHead className="text-right">Pts</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...seasons].reverse().map((s) => (
                    <TableRow key={s.season}>
                      <TableCell>
                        <Link href={`/seasons/${s.season}`} className="font-mono hover:underline">
                          {s.season}
                        </Link>
                      </TableCell>
                      <TableCell className="whitespace-normal">
                        <span className="flex flex-col gap-0.5">
                          {s.constructors.map((c) => (
                            <ConstructorLink key={c.id} constructor={c} className="text-muted-foreground" />
                          ))}
                        </span>
                      </TableCell>
                      <TableCell className="text-right font-mono font-semibold">{s.position ?? '—'}</TableCell>
                      <TableCell className="text-right font-mono">{s.wins}</TableCell>
                      <TableCell className="text-right font-mono">{formatPoints(s.points)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              </div>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
