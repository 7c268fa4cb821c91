'use client';

import * as React from 'react';
import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import type { ConstructorProfile } from '@/lib/api/types';
import { constructorQueryOptions } from '@/lib/queries/constructors';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { DriverLink, TeamStripe } from '@/components/entity/links';
import { StatTiles } from '@/components/entity/stat-tiles';
import { SeriesChart } from '@/components/charts/series-chart';
import { formatPoints } from '@/lib/format/time';
import { teamColor } from '@/lib/colors';

export function ConstructorView({ id }: { id: string }) {
  const query = useQuery(constructorQueryOptions(id));
  if (query.isPending)
    return (
      <>
        <PageHeader eyebrow="Constructor" title="Loading…" />
        <TableSkeleton rows={10} />
      </>
    );
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} />;
  return <ConstructorBody profile={query.data} />;
}

function ConstructorBody({ profile }: { profile: ConstructorProfile }) {
  const { constructor: team, career, seasons } = profile;
  const sorted = React.useMemo(() => [...seasons].sort((a, b) => a.season - b.season), [seasons]);
  const chart = React.useMemo(
    () => ({
      x: sorted.map((s) => s.season),
      series: [
        { key: 'position', label: 'Championship position', color: teamColor(team.id), values: sorted.map((s) => s.position), points: true },
      ],
    }),
    [sorted, team.id],
  );
  const placed = sorted.filter((s) => s.position !== null);
  return (
    <>
      <PageHeader
        eyebrow={
          <span className="inline-flex items-center gap-2">
            <TeamStripe constructorId={team.id} /> Constructor
          </span>
        }
        title={team.name}
      >
        {team.nationality}
        {team.url ? (
          <>
            {' · '}
            <a href={team.url} className="underline underline-offset-2 hover:text-foreground" rel="noreferrer">
              Wikipedia
            </a>
          </>
        ) : null}
      </PageHeader>
      <StatTiles career={career} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Championship positions</CardTitle>
            <CardDescription>constructors’ championship, season by season</CardDescription>
          </CardHeader>
          <CardContent>
            {placed.length === 0 ? (
              <EmptyState title="No championship results loaded" />
            ) : (
              <SeriesChart
                x={chart.x}
                series={chart.series}
                height={260}
                label={`${team.name}: constructors’ championship position in ${placed.length} seasons`}
                invertY
                yRange={[0.5, Math.max(10, ...placed.map((s) => s.position!)) + 0.5]}
                formatY={(v) => `P${Math.round(v)}`}
                formatX={(v) => String(Math.round(v))}
                xIncrs={[1, 2, 5, 10]}
                yIncrs={[1, 2, 5]}
              />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Seasons &amp; drivers</CardTitle>
          </CardHeader>
          <CardContent>
            {sorted.length === 0 ? (
              <EmptyState title="No seasons" />
            ) : (
              <div className="max-h-[640px] overflow-y-auto">
              <Table aria-label="Seasons">
                <TableHeader>
                  <TableRow>
                    <TableHead>Year</TableHead>
                    <TableHead>Drivers</TableHead>
                    <TableHead className="text-right">Pos</TableHead>
                    <TableHead className="text-right">Pts</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...sorted].reverse().map((s) => (
                    <TableRow key={s.season}>
                      <TableCell>
                        <Link href={`/seasons/${s.season}`} className="font-mono hover:underline">
                          {s.season}
                        </Link>
                      </TableCell>
                      <TableCell className="whitespace-normal">
                        <span className="flex flex-wrap gap-x-3 gap-y-0.5">
                          {s.drivers.map((d) => (
                            <DriverLink key={d.id} driver={d} short />
                          ))}
                        </span>
                      </TableCell>
                      <TableCell className="text-right font-mono font-semibold">{s.position ?? '—'}</TableCell>
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
