'use client';

import type * as React from 'react';
import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight, CalendarClock, Flag, Hourglass, type LucideIcon } from 'lucide-react';
import type { RaceSummary } from '@/lib/api/types';
import { todayQueryOptions } from '@/lib/queries/races';
import { standingsQueryOptions } from '@/lib/queries/seasons';
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
  // Which race is the latest and which the next is the API's call (by date, against its today).
  const today = useQuery(todayQueryOptions());
  const resultsYear = today.data?.latestResults?.season ?? null;
  const standings = useQuery({ ...standingsQueryOptions(resultsYear ?? 0), enabled: resultsYear !== null });
  const t = today.data;
  const empty = t !== undefined && !t.latestRace && !t.nextRace && !t.latestResults;

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

      {today.isError ? <ErrorState error={today.error} retry={() => today.refetch()} /> : null}
      {empty ? (
        <EmptyState title="The database is empty">
          Import history with <code>npx apex import jolpica-dump ../shared/jolpica-dump</code> or run <code>npm start</code>, which does it on first start.
        </EmptyState>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <RaceCard
          title="Latest race"
          icon={Flag}
          loading={today.isPending}
          race={t?.latestRace ?? null}
          none={<p className="text-sm text-muted-foreground">No race before today on the calendar.</p>}
        >
          {(race) =>
            race.winner ? (
              <>
                <Winner race={race} />
                <Link href={`/races/${race.season}/${race.round}`} className="mt-2 inline-flex items-center gap-1 text-xs font-semibold uppercase tracking-wider text-primary hover:underline">
                  Results, lap chart &amp; pit stops <ArrowRight aria-hidden className="size-3" />
                </Link>
              </>
            ) : (
              <MissingResults latest={t?.latestResults ?? null} />
            )
          }
        </RaceCard>
        <RaceCard
          title="Next race"
          icon={CalendarClock}
          loading={today.isPending}
          race={t?.nextRace ?? null}
          withTime
          none={
            <p className="text-sm text-muted-foreground">
              No race on the calendar after today{t?.latestRace ? ` — the ${t.latestRace.season} season is over` : ''}.{' '}
              {t?.latestRace ? (
                <Link href={`/seasons/${t.latestRace.season}`} className="underline underline-offset-2 hover:text-foreground">
                  See the {t.latestRace.season} calendar
                </Link>
              ) : null}
            </p>
          }
        />
      </div>

      {standings.data && resultsYear !== null ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard
            title={`${resultsYear} drivers`}
            description={
              <>
                after round {standings.data.round} ·{' '}
                <Link href={`/seasons/${resultsYear}`} className="underline underline-offset-2 hover:text-foreground">
                  full season
                </Link>
              </>
            }
          >
            <DriverStandingsTable rows={standings.data.drivers} limit={10} />
          </SectionCard>
          <SectionCard
            title={`${resultsYear} constructors`}
            description={`after round ${standings.data.round}`}
            empty={standings.data.constructors.length === 0 && 'No constructors’ championship this season'}
          >
            <ConstructorStandingsTable rows={standings.data.constructors} limit={10} />
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

function Winner({ race }: { race: RaceSummary }) {
  if (!race.winner) return null;
  return (
    <span className="mt-1 text-sm">
      Winner: <DriverLink driver={race.winner.driver} constructorId={race.winner.constructor.id} /> <span className="text-muted-foreground">({race.winner.constructor.name})</span>
    </span>
  );
}

/** The latest race by date has no results here yet: say so, and point at the latest that has. */
function MissingResults({ latest }: { latest: RaceSummary | null }) {
  return (
    <div data-state="results-missing" className="mt-2 flex flex-col gap-1 rounded-md border border-dashed px-3 py-2 text-sm">
      <span className="inline-flex items-center gap-2 font-semibold">
        <Hourglass aria-hidden className="size-4 text-primary" /> Results not loaded yet
      </span>
      {latest ? (
        <span className="text-muted-foreground">
          Latest results:{' '}
          <Link href={`/races/${latest.season}/${latest.round}`} className="text-foreground underline underline-offset-2">
            {latest.season} {latest.name}
          </Link>{' '}
          ({formatDate(latest.date)})
          {latest.winner ? (
            <>
              {' '}
              · won by <DriverLink driver={latest.winner.driver} constructorId={latest.winner.constructor.id} />
            </>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
