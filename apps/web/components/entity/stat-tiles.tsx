import type { CareerSummary } from '@/lib/api/types';
import { formatPoints } from '@/lib/format/time';

export function StatTiles({ career, extra = [] }: { career: CareerSummary; extra?: { label: string; value: string | number }[] }) {
  const tiles = [
    { label: 'Starts', value: career.starts },
    { label: 'Wins', value: career.wins },
    { label: 'Podiums', value: career.podiums },
    { label: 'Poles', value: career.poles },
    { label: 'Titles', value: career.titles },
    { label: 'Points', value: formatPoints(career.points) },
    { label: 'Seasons', value: career.seasons.length },
    ...extra,
  ];
  return (
    <dl className="mb-5 grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
      {tiles.map((t) => (
        <div key={t.label} className="rounded-lg border bg-card px-3 py-2">
          <dt className="text-[11px] font-semibold uppercase tracking-widest text-muted-foreground">{t.label}</dt>
          <dd className="font-display text-xl font-extrabold tabular-nums">{t.value}</dd>
        </div>
      ))}
    </dl>
  );
}
