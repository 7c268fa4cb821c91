'use client';

import { AppLink as Link } from '@/components/app-link';
import { EntityProfile, ProfileColumns, ProfileHeader } from '@/components/entity/entity-profile';
import { SectionCard } from '@/components/layout/section-card';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { DriverLink } from '@/components/entity/links';
import type { CircuitProfile, RaceSummary } from '@/lib/api/types';
import { formatDate } from '@/lib/format/time';
import { circuitQueryOptions } from '@/lib/queries/circuits';
import { newestFirst, winnersTally } from '@/lib/shape/profile';

export function CircuitView({ id }: { id: string }) {
  return <EntityProfile options={circuitQueryOptions(id)} eyebrow="Circuit" Body={CircuitBody} />;
}

const raceColumns: Column<RaceSummary>[] = [
  { header: 'Year', cell: (r) => r.season, cellClassName: 'font-mono' },
  {
    header: 'Grand Prix',
    cell: (r) => (
      <Link href={`/races/${r.season}/${r.round}`} className="font-semibold hover:underline">
        {r.name}
      </Link>
    ),
    // Wraps on a phone so the winner column stays on screen.
    cellClassName: 'whitespace-normal',
  },
  { header: 'Date', cell: (r) => formatDate(r.date), className: 'hidden sm:table-cell', cellClassName: 'font-mono text-muted-foreground' },
  { header: 'Winner', cell: (r) => (r.winner ? <DriverLink driver={r.winner.driver} constructorId={r.winner.constructor.id} /> : <span className="text-muted-foreground">—</span>) },
];

function CircuitBody({ profile }: { profile: CircuitProfile }) {
  const { circuit, races } = profile;
  const tally = winnersTally(races).slice(0, 5);
  return (
    <>
      <ProfileHeader
        eyebrow="Circuit"
        title={circuit.name}
        facts={[[circuit.locality, circuit.country].filter(Boolean).join(', '), circuit.lat !== null && circuit.lng !== null ? `${circuit.lat.toFixed(4)}°, ${circuit.lng.toFixed(4)}°` : null]}
        url={circuit.url}
      />
      <ProfileColumns split="8:4">
        <SectionCard title="Races held here" description={`${races.length} Grands Prix`} empty={races.length === 0 && 'No races at this circuit'}>
          <EntityTable label="Races" rows={newestFirst(races)} rowKey={(r) => `${r.season}-${r.round}`} columns={raceColumns} />
        </SectionCard>
        <SectionCard title="Most wins" empty={tally.length === 0 && 'No winners loaded'}>
          <ol className="flex flex-col gap-1.5">
            {tally.map((t, i) => (
              <li key={t.id} className="flex items-center justify-between gap-2 text-sm">
                <span>
                  <span className="mr-2 font-mono text-muted-foreground">{i + 1}</span>
                  <Link href={`/drivers/${t.id}`} className="hover:underline">
                    {t.name}
                  </Link>
                </span>
                <span className="font-mono font-semibold">{t.wins}</span>
              </li>
            ))}
          </ol>
        </SectionCard>
      </ProfileColumns>
    </>
  );
}
