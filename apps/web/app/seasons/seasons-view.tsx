'use client';

import { useQuery } from '@tanstack/react-query';
import type { SeasonSummary } from '@/lib/api/types';
import { seasonsQueryOptions } from '@/lib/queries/seasons';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState, QueryState, TableSkeleton } from '@/components/data/states';
import { SeasonCard } from './season-card';

/** Seasons grouped by decade, newest first, each with its champions when known. */
export function groupByDecade(seasons: readonly SeasonSummary[]): { decade: number; seasons: SeasonSummary[] }[] {
  const by = new Map<number, SeasonSummary[]>();
  for (const s of [...seasons].sort((a, b) => b.year - a.year)) {
    const d = Math.floor(s.year / 10) * 10;
    by.set(d, [...(by.get(d) ?? []), s]);
  }
  return [...by.entries()].map(([decade, list]) => ({ decade, seasons: list }));
}

export function SeasonsView() {
  const query = useQuery(seasonsQueryOptions());
  return (
    <>
      <PageHeader eyebrow="Formula 1" title="Seasons">
        Every World Championship season since 1950.
      </PageHeader>
      <QueryState
        query={query}
        loading={<TableSkeleton rows={10} />}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No seasons yet">
            Import history with <code>npx apex import jolpica-dump ../shared/jolpica-dump</code>.
          </EmptyState>
        }
      >
        {(data) => <SeasonsByDecade seasons={data.items} />}
      </QueryState>
    </>
  );
}

function SeasonsByDecade({ seasons }: { seasons: readonly SeasonSummary[] }) {
  return (
    <div className="flex flex-col gap-6">
      {groupByDecade(seasons).map(({ decade, seasons: inDecade }) => (
        <section key={decade} aria-labelledby={`decade-${decade}`}>
          <h2 id={`decade-${decade}`} className="mb-2 text-sm font-semibold uppercase tracking-widest text-muted-foreground">
            {decade}s
          </h2>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
            {inDecade.map((s) => (
              <li key={s.year}>
                <SeasonCard season={s} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
