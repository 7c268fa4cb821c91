'use client';

import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { Season } from '@/lib/api/types';
import { RaceStateBadge } from '@/components/race/race-state-badge';
import { seasonQueryOptions } from '@/lib/queries/seasons';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { EmptyState, QueryState, TableSkeleton } from '@/components/data/states';
import { CircuitLink, DriverLink } from '@/components/entity/links';
import { ConstructorStandingsTable, DriverStandingsTable } from '@/components/standings/standings-tables';
import { formatDate } from '@/lib/format/time';
import { pickEnum } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { PointsProgressionChart } from './points-progression';
import { SeasonHeatmapCard } from './season-heatmap';

export function SeasonView({ year }: { year: number }) {
  const query = useQuery(seasonQueryOptions(year));
  return (
    <>
      <PageHeader
        eyebrow="Season"
        title={`${year} World Championship`}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href={`/seasons/${year - 1}`} aria-label={`${year - 1} season`}>
                <ChevronLeft aria-hidden /> {year - 1}
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href={`/seasons/${year + 1}`} aria-label={`${year + 1} season`}>
                {year + 1} <ChevronRight aria-hidden />
              </Link>
            </Button>
          </>
        }
      >
        {query.data ? `${query.data.races.length} rounds` : null}
      </PageHeader>
      <QueryState query={query} loading={<TableSkeleton rows={14} />}>
        {(season) => <SeasonBody season={season} />}
      </QueryState>
    </>
  );
}

function SeasonBody({ season }: { season: Season }) {
  const [kindParam, setKind] = useSearchParam('standings');
  const kind = pickEnum(kindParam, ['drivers', 'constructors'] as const, 'drivers');
  const standings = season.standings;
  const roundsRun = season.races.filter((r) => r.state === 'completed').length;
  const awaiting = season.races.filter((r) => r.state === 'awaiting_results').length;

  return (
    <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
      <Card>
        <CardHeader>
          <CardTitle>Calendar &amp; winners</CardTitle>
          <CardDescription>
            {roundsRun > 0 ? `${roundsRun} of ${season.races.length} with results` : null}
            {awaiting > 0 ? ` · ${awaiting} past ${awaiting === 1 ? 'round' : 'rounds'} awaiting results` : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {season.races.length === 0 ? (
            <EmptyState title="No rounds in this season" />
          ) : (
            <Table aria-label={`${season.year} calendar`}>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-8 text-right">Rd</TableHead>
                  <TableHead>Grand Prix</TableHead>
                  <TableHead className="hidden md:table-cell">Circuit</TableHead>
                  <TableHead className="hidden sm:table-cell">Date</TableHead>
                  <TableHead>Winner</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {season.races.map((r) => (
                  <TableRow key={r.round} data-race-state={r.state} className={r.state === 'upcoming' ? 'text-muted-foreground' : undefined}>
                    <TableCell className="text-right font-mono text-muted-foreground">{r.round}</TableCell>
                    <TableCell>
                      <Link href={`/races/${r.season}/${r.round}`} className="font-semibold hover:underline">
                        {r.name.replace(/ Grand Prix$/, ' GP')}
                      </Link>
                    </TableCell>
                    <TableCell className="hidden whitespace-normal text-muted-foreground md:table-cell">
                      <CircuitLink circuit={r.circuit} />
                    </TableCell>
                    <TableCell className="hidden font-mono text-muted-foreground sm:table-cell">{formatDate(r.date)}</TableCell>
                    <TableCell className="whitespace-normal">
                      {r.winner ? (
                        <span className="flex flex-wrap items-center gap-x-2">
                          <DriverLink driver={r.winner.driver} constructorId={r.winner.constructor.id} short />
                          <span className="hidden text-xs text-muted-foreground xl:inline">{r.winner.constructor.name}</span>
                        </span>
                      ) : r.state === 'completed' ? (
                        <span className="text-muted-foreground">—</span>
                      ) : (
                        <RaceStateBadge state={r.state} />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Standings</CardTitle>
          {standings ? <CardDescription>after round {standings.round}</CardDescription> : null}
        </CardHeader>
        <CardContent>
          {!standings || (standings.drivers.length === 0 && standings.constructors.length === 0) ? (
            <EmptyState title="No standings">No results are loaded for this season yet.</EmptyState>
          ) : (
            <Tabs value={kind} onValueChange={(v) => setKind(v === 'drivers' ? null : v)}>
              <TabsList aria-label="Championship">
                <TabsTrigger value="drivers">Drivers</TabsTrigger>
                <TabsTrigger value="constructors" disabled={standings.constructors.length === 0}>
                  Constructors
                </TabsTrigger>
              </TabsList>
              <TabsContent value="drivers">
                <DriverStandingsTable rows={standings.drivers} />
              </TabsContent>
              <TabsContent value="constructors">
                <ConstructorStandingsTable rows={standings.constructors} />
              </TabsContent>
            </Tabs>
          )}
        </CardContent>
      </Card>

      {standings && standings.drivers.length > 0 ? (
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Points progression</CardTitle>
            <CardDescription>{kind === 'drivers' ? 'Top 10 drivers' : 'Constructors'}, round by round</CardDescription>
          </CardHeader>
          <CardContent>
            <PointsProgressionChart season={season} kind={kind} />
          </CardContent>
        </Card>
      ) : null}
      {roundsRun > 0 ? <SeasonHeatmapCard year={season.year} /> : null}
    </div>
  );
}

