'use client';

import type * as React from 'react';
import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight, CalendarClock, Flag, type LucideIcon } from 'lucide-react';
import type { RaceSummary } from '@/lib/api/types';
import { seasonQueryOptions, seasonsQueryOptions } from '@/lib/queries/seasons';
import { latestRace, nextRace, pickHomeSeasons } from '@/lib/shape/home';
import { GlobalSearch } from '@/components/search/global-search';
import { SectionCard } from '@/components/layout/section-card';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { DriverLink, CircuitLink } from '@/components/entity/links';
import { ConstructorStandingsTable, DriverStandingsTable } from '@/components/standings/standings-tables';
import { formatDate } from '@/lib/format/time';

const QUICK = [
  { href: '/seasons', label: 'Seasons', detail: 'Every championship since 1950' },
  { href: '/drivers', label: 'Drivers', detail: 'Careers, teams, results' },
  { href: '/constructors', label: 'Constructors', detail: 'Teams through the years' },
  { href: '/circuits', label: 'Circuits', detail: 'Tracks and their winners' },
];

export function HomeView() {
  const seasons = useQuery(seasonsQueryOptions());
  const picks = seasons.data ? pickHomeSeasons(seasons.data.items) : { calendarYear: null, resultsYear: null };
  const calendar = useQuery({ ...seasonQueryOptions(picks.calendarYear ?? 0), enabled: picks.calendarYear !== null });
  const results = useQuery({ ...seasonQueryOptions(picks.resultsYear ?? 0), enabled: picks.resultsYear !== null });
  const today = new Date().toISOString().slice(0, 10);
  const latest = results.data ? latestRace(results.data.races) : null;
  const next = calendar.data ? nextRace(calendar.data.races, today) : null;

  return (
    <div className="flex flex-col gap-6">
      <section className="relative z-10 rounded-xl border bg-[linear-gradient(120deg,#15151e_0%,#1b1020_60%,#2a0a0a_100%)] px-4 py-8 sm:px-8 sm:py-12">
        <div aria-hidden className="absolute inset-y-0 right-0 w-1/3 rounded-r-xl bg-[repeating-linear-gradient(135deg,transparent_0_18px,rgba(225,6,0,0.08)_18px_22px)]" />
        <p className="text-xs font-semibold uppercase tracking-[0.3em] text-primary">Formula 1 data platform</p>
        <h1 className="mt-2 text-3xl font-extrabold uppercase sm:text-5xl">
          Apex<span className="text-primary">Data</span>
        </h1>
        <p className="mt-2 max-w-xl text-sm text-muted-foreground">Every race since 1950, lap charts, standings round by round, and session telemetry — self-hosted.</p>
        <div className="relative mt-6 max-w-2xl">
          <GlobalSearch />
        </div>
      </section>

      {seasons.isError ? <ErrorState error={seasons.error} retry={() => seasons.refetch()} /> : null}
      {seasons.data && seasons.data.items.length === 0 ? (
        <EmptyState title="The database is empty">
          Import history with <code>npx apex import jolpica-dump ../shared/jolpica-dump</code> or run <code>npm start</code>, which does it on first start.
        </EmptyState>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <RaceCard title="Latest race" icon={Flag} loading={results.isPending && picks.resultsYear !== null} race={latest} none={<p className="text-sm text-muted-foreground">No race results loaded.</p>}>
          {(race) => (
            <>
              {race.winner ? (
                <span className="mt-1 text-sm">
                  Winner: <DriverLink driver={race.winner.driver} constructorId={race.winner.constructor.id} /> <span className="text-muted-foreground">({race.winner.constructor.name})</span>
                </span>
              ) : null}
              <Link href={`/races/${race.season}/${race.round}`} className="mt-2 inline-flex items-center gap-1 text-xs font-semibold uppercase tracking-wider text-primary hover:underline">
                Results, lap chart &amp; pit stops <ArrowRight aria-hidden className="size-3" />
              </Link>
            </>
          )}
        </RaceCard>
        <RaceCard
          title="Next race"
          icon={CalendarClock}
          loading={calendar.isPending && picks.calendarYear !== null}
          race={next}
          withTime
          none={
            <p className="text-sm text-muted-foreground">
              {picks.calendarYear ? `No race scheduled after today in ${picks.calendarYear}.` : 'No calendar loaded.'}{' '}
              {picks.calendarYear ? (
                <Link href={`/seasons/${picks.calendarYear}`} className="underline underline-offset-2 hover:text-foreground">
                  See the {picks.calendarYear} calendar
                </Link>
              ) : null}
            </p>
          }
        />
      </div>

      {results.data?.standings ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard
            title={`${results.data.year} drivers`}
            description={
              <>
                after round {results.data.standings.round} ·{' '}
                <Link href={`/seasons/${results.data.year}`} className="underline underline-offset-2 hover:text-foreground">
                  full season
                </Link>
              </>
            }
          >
            <DriverStandingsTable rows={results.data.standings.drivers} limit={10} />
          </SectionCard>
          <SectionCard
            title={`${results.data.year} constructors`}
            description={`after round ${results.data.standings.round}`}
            empty={results.data.standings.constructors.length === 0 && 'No constructors’ championship this season'}
          >
            <ConstructorStandingsTable rows={results.data.standings.constructors} limit={10} />
          </SectionCard>
        </div>
      ) : null}

      <nav aria-label="Browse" className="grid grid-cols-2 gap-2 md:grid-cols-4">
        {QUICK.map((q) => (
          <Link key={q.href} href={q.href} className="group rounded-lg border bg-card px-4 py-3 transition-colors hover:border-primary/60">
            <span className="flex items-center justify-between font-display text-sm font-extrabold uppercase tracking-wider">
              {q.label} <ArrowRight aria-hidden className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5 group-hover:text-primary" />
            </span>
            <span className="text-xs text-muted-foreground">{q.detail}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** The latest or the next race: a skeleton while its season loads, else the race and what `children` adds under it, else `none`. */
function RaceCard({
  title,
  icon,
  loading,
  race,
  withTime = false,
  none,
  children,
}: {
  title: string;
  icon: LucideIcon;
  loading: boolean;
  race: RaceSummary | null;
  /** Add the start time (UTC) to the date. */
  withTime?: boolean;
  none: React.ReactNode;
  children?: (race: RaceSummary) => React.ReactNode;
}) {
  return (
    <SectionCard title={title} icon={icon}>
      {loading ? (
        <TableSkeleton rows={2} />
      ) : race ? (
        <div className="flex flex-col gap-1">
          <Link href={`/races/${race.season}/${race.round}`} className="font-display text-lg font-extrabold uppercase hover:underline">
            {race.season} {race.name}
          </Link>
          <span className="text-sm text-muted-foreground">
            <CircuitLink circuit={race.circuit} /> · {formatDate(race.date)}
            {withTime && race.time ? ` · ${race.time.slice(0, 5)} UTC` : null}
          </span>
          {children?.(race)}
        </div>
      ) : (
        none
      )}
    </SectionCard>
  );
}
