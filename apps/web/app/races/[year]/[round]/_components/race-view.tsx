'use client';

import * as React from 'react';
import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Timer } from 'lucide-react';
import type { Race, RaceResult, RaceState } from '@/lib/api/types';
import { raceQueryOptions } from '@/lib/queries/races';
import { PageHeader } from '@/components/layout/page-header';
import { SectionCard } from '@/components/layout/section-card';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Button } from '@/components/ui/button';
import { EmptyState, QueryState, TableSkeleton } from '@/components/data/states';
import { CircuitLink, TeamStripe } from '@/components/entity/links';
import { ResultsTable } from '@/components/race/results-table';
import { QualifyingTable } from '@/components/race/qualifying-table';
import { GridFinishChart } from '@/components/race/grid-finish-chart';
import { PitStopsTable } from '@/components/race/pit-stops-table';
import { LapCharts } from '@/components/race/lap-charts';
import { formatDate, formatDuration } from '@/lib/format/time';
import { pickEnum, sessionLabel } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { sessionCodes } from '@/lib/shape/sessions';
import { carsByDriver } from '@/lib/shape/f1db';
import { circuitTypeLabel, directionLabel } from '@/lib/format/f1db';
import { DriverOfTheDay, EntryList, PracticeSessions, StartingGrid } from '@/components/race/f1db-tables';

const TABS = ['results', 'qualifying', 'start', 'sprint', 'practice', 'grid', 'laps', 'pits', 'entries'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Partial<Record<Tab, string>> = { start: 'Starting grid', grid: 'Grid vs finish', pits: 'Pit stops', laps: 'Lap charts', entries: 'Entry list' };

/** Why a race page has nothing to show, by the race's state as the API places it on its day. */
const NO_RESULTS: Record<RaceState, { title: string; detail: string }> = {
  upcoming: { title: 'Not raced yet', detail: 'This race has not been run yet.' },
  awaiting_results: {
    title: 'Awaiting results',
    detail: 'This race is dated before today but its results are not loaded yet: sync this season (apex sync history) or import a newer F1DB release.',
  },
  cancelled: { title: 'Cancelled', detail: 'This race was not held.' },
  completed: { title: 'No results for this race', detail: 'Results for this round are not in the database.' },
};

export function RaceView({ year, round }: { year: number; round: number }) {
  const query = useQuery(raceQueryOptions(year, round));
  return (
    <QueryState query={query} loading={<RaceSkeleton year={year} round={round} />} errorTitle={`Could not load ${year} round ${round}`}>
      {(race) => <RaceBody race={race} />}
    </QueryState>
  );
}

function RaceSkeleton({ year, round }: { year: number; round: number }) {
  return (
    <>
      <PageHeader eyebrow={`${year} · Round ${round}`} title="Loading race…" />
      <TableSkeleton rows={12} />
    </>
  );
}

function availableTabs(race: Race): Tab[] {
  const has: Record<Tab, boolean> = {
    results: race.results.length > 0,
    qualifying: race.qualifying.length > 0,
    start: race.startingGrid.length > 0,
    sprint: race.sprint.length > 0 || (race.sprintQualifying?.length ?? 0) > 0,
    practice: race.practice.length > 0,
    grid: race.results.some((r) => r.grid !== null),
    laps: race.laps.length > 0,
    pits: race.pitStops.length > 0,
    entries: race.entries.length > 0,
  };
  return TABS.filter((t) => has[t]);
}

function RaceBody({ race }: { race: Race }) {
  const tabs = availableTabs(race);
  const [tabParam, setTab] = useSearchParam('tab');
  const tab = pickEnum(tabParam, tabs, tabs[0] ?? 'results');
  const podium = race.results.filter((r) => /^\d+$/.test(r.positionText) && r.position <= 3);
  const fastest = race.results.find((r) => r.fastestLap?.rank === 1);
  const cars = React.useMemo(() => carsByDriver(race.entries), [race.entries]);
  const d = race.details;

  return (
    <>
      <PageHeader
        eyebrow={
          <span>
            <Link href={`/seasons/${race.season}`} className="hover:underline">
              {race.season}
            </Link>{' '}
            · Round {race.round}
          </span>
        }
        title={race.name}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href={`/races/${race.season}/${race.round - 1}`} aria-label="Previous round" aria-disabled={race.round <= 1} className={race.round <= 1 ? 'pointer-events-none opacity-40' : undefined}>
                <ChevronLeft aria-hidden /> Prev
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href={`/races/${race.season}/${race.round + 1}`} aria-label="Next round">
                Next <ChevronRight aria-hidden />
              </Link>
            </Button>
          </>
        }
      >
        <CircuitLink circuit={race.circuit} /> · {[race.circuit.locality, race.circuit.country].filter(Boolean).join(', ')} · {formatDate(race.date)}
        {d ? (
          <span data-race-details className="mt-1 block text-xs">
            {d.officialName} · {circuitTypeLabel(d.circuitType)} circuit, {directionLabel(d.direction)} · {d.laps} laps × {d.courseLengthKm.toFixed(3)} km = {d.distanceKm.toFixed(1)} km
            {d.scheduledLaps && d.scheduledLaps !== d.laps ? ` (${d.scheduledLaps} scheduled)` : ''}
          </span>
        ) : null}
      </PageHeader>

      {podium.length > 0 ? (
        <ol className="mb-5 grid grid-cols-1 gap-2 sm:grid-cols-3" aria-label="Podium">
          {podium.map((r) => (
            <PodiumCard key={r.driver.id} r={r} />
          ))}
        </ol>
      ) : null}

      <DriverOfTheDay votes={race.driverOfTheDay} />

      <SessionLinks race={race} />

      {tabs.length === 0 ? (
        <EmptyState title={NO_RESULTS[race.state].title}>{NO_RESULTS[race.state].detail}</EmptyState>
      ) : (
        <Tabs value={tab} onValueChange={(v) => setTab(v === tabs[0] ? null : v)}>
          <TabsList aria-label="Race data">
            {tabs.map((t) => (
              <TabsTrigger key={t} value={t}>
                {TAB_LABELS[t] ?? t}
              </TabsTrigger>
            ))}
          </TabsList>
          <TabsContent value="results">
            <SectionCard
              title="Race result"
              aside={
                fastest?.fastestLap?.timeMillis ? (
                  <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
                    <Timer aria-hidden className="size-3.5 text-timing-purple" /> Fastest lap {formatDuration(fastest.fastestLap.timeMillis)} by {fastest.driver.familyName}
                    {fastest.fastestLap.lap ? ` on lap ${fastest.fastestLap.lap}` : ''}
                  </span>
                ) : null
              }
            >
              <ResultsTable results={race.results} caption={`${race.name} results`} cars={cars} />
            </SectionCard>
          </TabsContent>
          <TabsContent value="qualifying">
            <SectionCard title="Qualifying">
              <QualifyingTable results={race.qualifying} caption={`${race.name} qualifying`} />
            </SectionCard>
          </TabsContent>
          <TabsContent value="start">
            <SectionCard title="Starting grid" description="as the cars lined up, penalties applied">
              <StartingGrid grid={race.startingGrid} label={`${race.name} starting grid`} />
            </SectionCard>
          </TabsContent>
          <TabsContent value="practice">
            <SectionCard title="Practice" description="free practice and the weekend’s other sessions">
              <PracticeSessions sessions={race.practice} raceName={race.name} />
            </SectionCard>
          </TabsContent>
          <TabsContent value="entries">
            <SectionCard title="Entry list" description="entrant, chassis, engine and tyres of every car">
              <EntryList entries={race.entries} label={`${race.name} entry list`} />
            </SectionCard>
          </TabsContent>
          <TabsContent value="sprint" className="flex flex-col gap-4">
            {race.sprint.length > 0 ? (
              <SectionCard title="Sprint">
                <ResultsTable results={race.sprint} caption={`${race.name} sprint results`} />
              </SectionCard>
            ) : null}
            {race.sprintStartingGrid.length > 0 ? (
              <SectionCard title="Sprint starting grid">
                <StartingGrid grid={race.sprintStartingGrid} label={`${race.name} sprint starting grid`} />
              </SectionCard>
            ) : null}
            {race.sprintQualifying && race.sprintQualifying.length > 0 ? (
              <SectionCard title="Sprint qualifying">
                <QualifyingTable results={race.sprintQualifying} caption={`${race.name} sprint qualifying`} sprint />
              </SectionCard>
            ) : null}
          </TabsContent>
          <TabsContent value="grid">
            <SectionCard title="Grid vs finish">
              <GridFinishChart results={race.results} />
            </SectionCard>
          </TabsContent>
          <TabsContent value="laps">
            <SectionCard title="Lap charts">
              <LapCharts laps={race.laps} pitStops={race.pitStops} results={race.results} />
            </SectionCard>
          </TabsContent>
          <TabsContent value="pits">
            <SectionCard title="Pit stops">
              <PitStopsTable pitStops={race.pitStops} results={race.results} />
            </SectionCard>
          </TabsContent>
        </Tabs>
      )}
    </>
  );
}

function PodiumCard({ r }: { r: RaceResult }) {
  const accent = r.position === 1 ? 'text-timing-yellow' : 'text-foreground';
  return (
    <li className="flex items-center gap-3 rounded-lg border bg-card px-3 py-2">
      <span className={`font-display text-2xl font-extrabold ${accent}`} aria-label={`Position ${r.position}`}>
        P{r.position}
      </span>
      <TeamStripe constructorId={r.constructor.id} className="h-9" />
      <div className="min-w-0">
        <Link href={`/drivers/${r.driver.id}`} className="block truncate font-semibold uppercase hover:underline">
          {r.driver.givenName} {r.driver.familyName}
        </Link>
        <div className="truncate text-xs text-muted-foreground">
          {r.constructor.name} · {r.timeText ?? r.status}
        </div>
      </div>
    </li>
  );
}

/** Links to the weekend's timing sessions (telemetry), where the schedule lists them. */
function SessionLinks({ race }: { race: Race }) {
  const codes = sessionCodes(race);
  if (codes.length === 0 || race.season < 2018) return null;
  return (
    <nav aria-label="Sessions" className="mb-4 flex flex-wrap items-center gap-2 text-xs">
      <span className="font-semibold uppercase tracking-widest text-muted-foreground">Timing &amp; telemetry</span>
      {codes.map((c) => (
        <Link key={c} href={`/sessions/${race.season}/${race.round}/${c}`} className="rounded border px-2 py-1 font-semibold hover:bg-accent">
          {sessionLabel(c, race.season)}
        </Link>
      ))}
    </nav>
  );
}
