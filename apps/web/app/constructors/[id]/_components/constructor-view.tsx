'use client';

import * as React from 'react';
import { PositionsChart, SeasonsTable, type SeasonPeople } from '@/components/entity/career';
import { EntityProfile, ProfileColumns, ProfileHeader } from '@/components/entity/entity-profile';
import { SectionCard } from '@/components/layout/section-card';
import { DriverLink, TeamStripe } from '@/components/entity/links';
import { StatTiles } from '@/components/entity/stat-tiles';
import type { ChronologyStep, ConstructorCarSeason, ConstructorProfile, ConstructorSeasonRow } from '@/lib/api/types';
import { AppLink as Link } from '@/components/app-link';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { ArrowRight } from 'lucide-react';
import { yearRanges } from '@/lib/shape/f1db';
import { cn } from '@/lib/utils';
import { constructorQueryOptions } from '@/lib/queries/constructors';
import { championshipChart } from '@/lib/shape/profile';

export function ConstructorView({ id }: { id: string }) {
  return <EntityProfile options={constructorQueryOptions(id)} eyebrow="Constructor" Body={ConstructorBody} />;
}

const seasonDrivers: SeasonPeople<ConstructorSeasonRow> = {
  header: 'Drivers',
  links: (s) => s.drivers.map((d) => <DriverLink key={d.id} driver={d} short />),
};

function ConstructorBody({ profile }: { profile: ConstructorProfile }) {
  const { constructor: team, career, seasons, chronology, engines, cars, details } = profile;
  const chart = React.useMemo(() => championshipChart(seasons, team), [seasons, team]);
  return (
    <>
      <ProfileHeader
        eyebrow={
          <span className="inline-flex items-center gap-2">
            <TeamStripe constructorId={team.id} /> Constructor
          </span>
        }
        title={team.name}
        facts={[details && details.fullName !== team.name ? details.fullName : null, details?.country?.name ?? team.nationality]}
        url={team.url}
      />
      <StatTiles career={career} />
      {chronology.length > 1 ? <Chronology steps={chronology} current={team.id} /> : null}
      {engines.length > 0 ? (
        <nav aria-label="Engines" className="mb-5 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-xs font-semibold uppercase tracking-widest text-muted-foreground">Engines</span>
          {engines.map((e) => (
            <span key={e.manufacturer.id} className="inline-flex items-center gap-1.5 rounded border px-2 py-1">
              <span className="font-semibold">{e.manufacturer.name}</span>
              <span className="text-xs text-muted-foreground">{yearRanges(e.seasons)}</span>
            </span>
          ))}
        </nav>
      ) : null}
      <ProfileColumns split="7:5">
        <SectionCard title="Championship positions" description="constructors’ championship, season by season" empty={chart.count === 0 && 'No championship results loaded'}>
          <PositionsChart chart={chart} height={260} floor={10} yIncrs={[1, 2, 5]} label={`${team.name}: constructors’ championship position in ${chart.count} seasons`} />
        </SectionCard>
        <SectionCard title="Seasons & drivers" empty={seasons.length === 0 && 'No seasons'}>
          <SeasonsTable seasons={seasons} who={seasonDrivers} />
        </SectionCard>
      </ProfileColumns>
      {cars.length > 0 ? (
        <div className="mt-5">
          <SectionCard title="Cars" description="chassis, engine, entrant and tyres, season by season">
            <EntityTable label="Cars" rows={[...cars].reverse()} rowKey={(c) => c.season} columns={carColumns} />
          </SectionCard>
        </div>
      ) : null}
    </>
  );
}

const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join(' / ') || '—';
const carColumns: Column<ConstructorCarSeason>[] = [
  {
    header: 'Season',
    cell: (c) => (
      <Link href={`/seasons/${c.season}`} className="hover:underline">
        {c.season}
      </Link>
    ),
    cellClassName: 'font-mono',
  },
  { header: 'Chassis', cell: (c) => names(c.chassis), cellClassName: 'whitespace-normal font-semibold' },
  {
    header: 'Engine',
    cell: (c) => (
      <span className="flex flex-col leading-tight">
        <span>{names(c.engineManufacturers)}</span>
        {c.engines.length > 0 ? <span className="text-[11px] text-muted-foreground">{c.engines.map((e) => e.name).join(' / ')}</span> : null}
      </span>
    ),
    cellClassName: 'whitespace-normal',
  },
  { header: 'Entrant', cell: (c) => names(c.entrants), className: 'hidden md:table-cell', cellClassName: 'whitespace-normal text-muted-foreground' },
  { header: 'Tyres', cell: (c) => names(c.tyreManufacturers), className: 'hidden sm:table-cell', cellClassName: 'text-muted-foreground' },
];

/** The team's lineage as a chain of names and years, this constructor's own spans highlighted. */
function Chronology({ steps, current }: { steps: readonly ChronologyStep[]; current: string }) {
  return (
    <nav aria-label="Chronology" className="mb-5 rounded-lg border bg-card px-3 py-2">
      <p className="mb-1.5 text-xs font-semibold uppercase tracking-widest text-muted-foreground">Lineage</p>
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-2 text-sm">
        {steps.map((s, i) => (
          <li key={`${s.constructor.id}-${s.yearFrom}`} className="inline-flex items-center gap-1">
            {i > 0 ? <ArrowRight aria-hidden className="size-3.5 text-muted-foreground" /> : null}
            <Link
              href={`/constructors/${s.constructor.id}`}
              aria-current={s.constructor.id === current ? 'page' : undefined}
              className={cn('inline-flex items-center gap-1.5 rounded border px-2 py-1 hover:bg-accent', s.constructor.id === current && 'border-primary/70 bg-primary/10')}
            >
              <TeamStripe constructorId={s.constructor.id} className="h-3.5" />
              <span className="font-semibold">{s.name}</span>
              <span className="text-xs text-muted-foreground">
                {s.yearFrom}–{s.yearTo ?? ''}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
