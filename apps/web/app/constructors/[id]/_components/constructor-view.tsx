'use client';

import * as React from 'react';
import { PositionsChart, SeasonsTable, type SeasonPeople } from '@/components/entity/career';
import { EntityProfile, ProfileColumns, ProfileHeader } from '@/components/entity/entity-profile';
import { SectionCard } from '@/components/layout/section-card';
import { DriverLink, TeamStripe } from '@/components/entity/links';
import { StatTiles } from '@/components/entity/stat-tiles';
import type { ConstructorProfile, ConstructorSeasonRow } from '@/lib/api/types';
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
  const { constructor: team, career, seasons } = profile;
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
        facts={[team.nationality]}
        url={team.url}
      />
      <StatTiles career={career} />
      <ProfileColumns split="7:5">
        <SectionCard title="Championship positions" description="constructors’ championship, season by season" empty={chart.count === 0 && 'No championship results loaded'}>
          <PositionsChart chart={chart} height={260} floor={10} yIncrs={[1, 2, 5]} label={`${team.name}: constructors’ championship position in ${chart.count} seasons`} />
        </SectionCard>
        <SectionCard title="Seasons & drivers" empty={seasons.length === 0 && 'No seasons'}>
          <SeasonsTable seasons={seasons} who={seasonDrivers} />
        </SectionCard>
      </ProfileColumns>
    </>
  );
}
