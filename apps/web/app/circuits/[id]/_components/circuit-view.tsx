'use client';

import { RaceStateBadge } from '@/components/race/race-state-badge';
import { AppLink as Link } from '@/components/app-link';
import { EntityProfile, ProfileColumns, ProfileHeader } from '@/components/entity/entity-profile';
import { SectionCard } from '@/components/layout/section-card';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { DriverLink } from '@/components/entity/links';
import type { CircuitLayout, CircuitProfile, RaceSummary } from '@/lib/api/types';
import { circuitTypeLabel, directionLabel } from '@/lib/format/f1db';
import { yearRanges } from '@/lib/shape/f1db';
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
  {
    header: 'Winner',
    cell: (r) =>
      r.winner ? (
        <DriverLink driver={r.winner.driver} constructorId={r.winner.constructor.id} />
      ) : r.state === 'completed' ? (
        <span className="text-muted-foreground">—</span>
      ) : (
        <RaceStateBadge state={r.state} />
      ),
    cellClassName: 'whitespace-normal',
  },
];

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const layoutColumns: Column<CircuitLayout>[] = [
  { header: 'Layout', cell: (l) => l.id, cellClassName: 'font-mono' },
  { header: 'Length', cell: (l) => `${l.lengthKm.toFixed(3)} km`, className: 'text-right', cellClassName: 'font-mono' },
  { header: 'Turns', cell: (l) => l.turns, className: 'text-right', cellClassName: 'font-mono' },
  { header: 'Seasons', cell: (l) => yearRanges(l.seasons) || '—', cellClassName: 'whitespace-normal text-muted-foreground' },
];

function CircuitBody({ profile }: { profile: CircuitProfile }) {
  const { circuit, races, details, layouts } = profile;
  const tally = winnersTally(races).slice(0, 5);
  return (
    <>
      <ProfileHeader
        eyebrow="Circuit"
        title={circuit.name}
        facts={[details && details.fullName !== circuit.name ? details.fullName : null, [circuit.locality, circuit.country].filter(Boolean).join(', '), circuit.lat !== null && circuit.lng !== null ? `${circuit.lat.toFixed(4)}°, ${circuit.lng.toFixed(4)}°` : null]}
        url={circuit.url}
      />
      {details ? (
        <dl aria-label="Circuit facts" className="mb-5 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {[
            { label: 'Type', value: circuitTypeLabel(details.type) },
            { label: 'Direction', value: capitalized(directionLabel(details.direction)) },
            { label: 'Length', value: `${details.lengthKm.toFixed(3)} km` },
            { label: 'Turns', value: details.turns },
          ].map((t) => (
            <div key={t.label} className="rounded-lg border bg-card px-3 py-2">
              <dt className="text-[11px] font-semibold uppercase tracking-widest text-muted-foreground">{t.label}</dt>
              <dd className="font-display text-lg font-extrabold tabular-nums">{t.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {details && details.previousNames.length > 0 ? <p className="-mt-2 mb-4 text-xs text-muted-foreground">Also known as {details.previousNames.join(', ')}</p> : null}
      {layouts.length > 0 ? (
        <div className="mb-5">
          <SectionCard title="Layouts" description={`${layouts.length} configuration${layouts.length === 1 ? '' : 's'} raced, oldest first`}>
            <EntityTable label="Layouts" rows={layouts} rowKey={(l) => l.id} columns={layoutColumns} />
          </SectionCard>
        </div>
      ) : null}
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
