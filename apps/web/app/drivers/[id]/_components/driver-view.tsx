'use client';

import * as React from 'react';
import { PositionsChart, SeasonsTable, type SeasonPeople } from '@/components/entity/career';
import { EntityProfile, ProfileColumns, ProfileHeader } from '@/components/entity/entity-profile';
import { SectionCard } from '@/components/layout/section-card';
import { ConstructorLink, DriverLink } from '@/components/entity/links';
import { relationLabel } from '@/lib/format/f1db';
import { StatTiles } from '@/components/entity/stat-tiles';
import type { DriverProfile, DriverSeasonRow } from '@/lib/api/types';
import { formatDate } from '@/lib/format/time';
import { driverQueryOptions } from '@/lib/queries/drivers';
import { careerTimeline } from '@/lib/shape/career';
import { driverResultsChart } from '@/lib/shape/profile';

export function DriverView({ id }: { id: string }) {
  return <EntityProfile options={driverQueryOptions(id)} eyebrow="Driver" Body={DriverBody} />;
}

const seasonTeams: SeasonPeople<DriverSeasonRow> = {
  header: 'Team',
  stacked: true,
  links: (s) => s.constructors.map((c) => <ConstructorLink key={c.id} constructor={c} className="text-muted-foreground" />),
};

function DriverBody({ profile }: { profile: DriverProfile }) {
  const { driver, career, seasons, teams, results, details, family } = profile;
  const nationality = details?.nationality
    ? [details.nationality, details.secondNationality].filter((c) => c !== null).map((c) => c.demonym ?? c.name).join(' / ')
    : driver.nationality;
  const birthPlace = details ? [details.placeOfBirth, details.countryOfBirth?.name].filter(Boolean).join(', ') : '';
  const chart = React.useMemo(() => driverResultsChart(careerTimeline(results), teams), [results, teams]);
  return (
    <>
      <ProfileHeader
        eyebrow={['Driver', driver.permanentNumber ? `#${driver.permanentNumber}` : null, driver.code].filter(Boolean).join(' · ')}
        title={
          <>
            <span className="font-semibold text-muted-foreground">{driver.givenName}</span> {driver.familyName}
          </>
        }
        facts={[
          nationality,
          driver.dateOfBirth ? `born ${formatDate(driver.dateOfBirth)}${birthPlace ? ` in ${birthPlace}` : ''}` : null,
          details?.dateOfDeath ? `died ${formatDate(details.dateOfDeath)}` : null,
          details && details.fullName !== `${driver.givenName} ${driver.familyName}` ? details.fullName : null,
        ]}
        url={driver.url}
      />
      <StatTiles career={career} />
      {teams.length > 0 ? (
        <nav aria-label="Teams" className="mb-5 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-xs font-semibold uppercase tracking-widest text-muted-foreground">Teams</span>
          {teams.map((t) => (
            <ConstructorLink key={t.id} constructor={t} className="rounded border px-2 py-1 hover:bg-accent" />
          ))}
        </nav>
      ) : null}
      {family.length > 0 ? (
        <nav aria-label="Family" className="mb-5 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-xs font-semibold uppercase tracking-widest text-muted-foreground">Family</span>
          {family.map((f) => (
            <span key={`${f.type}-${f.driver.id}`} className="inline-flex items-center gap-1.5 rounded border px-2 py-1">
              <span className="text-xs text-muted-foreground">{relationLabel(f.type)}</span>
              <DriverLink driver={f.driver} />
            </span>
          ))}
        </nav>
      ) : null}
      <ProfileColumns split="7:5">
        <SectionCard title="Results over time" description="finishing position in the team’s colour, grid slot in grey" empty={chart.count === 0 && 'No race results loaded for this driver'}>
          <PositionsChart chart={chart} height={340} floor={20} yIncrs={[1, 5, 10]} label={`${driver.familyName}: finishing positions in ${chart.count} races`} />
        </SectionCard>
        <SectionCard title="Seasons" empty={seasons.length === 0 && 'No seasons'}>
          <SeasonsTable seasons={seasons} who={seasonTeams} wins />
        </SectionCard>
      </ProfileColumns>
    </>
  );
}
