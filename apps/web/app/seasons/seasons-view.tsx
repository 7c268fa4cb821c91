'use client';

import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import type { SeasonSummary } from '@/lib/api/types';
import { seasonsQueryOptions } from '@/lib/queries/seasons';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState, QueryState, TableSkeleton } from '@/components/data/states';
import { TeamStripe } from '@/components/entity/links';

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
                <Link href={`/seasons/${s.year}`} className="flex h-full flex-col gap-1 rounded-lg border bg-card px-3 py-2 transition-colors hover:border-primary/60 hover:bg-accent/40">
                  <span className="flex items-baseline justify-between">
                    <span className="font-display text-lg font-extrabold">{s.year}</span>
                    <span className="text-xs text-muted-foreground">{s.rounds} rounds</span>
                  </span>
                  {s.driverChampion ? (
                    <span className="flex items-center gap-2 text-sm">
                      <span className="truncate">
                        {s.driverChampion.givenName} <span className="font-semibold uppercase">{s.driverChampion.familyName}</span>
                      </span>
                    </span>
                  ) : (
                    <span className="text-xs text-muted-foreground">No results loaded</span>
                  )}
                  {s.constructorChampion ? (
                    <span className="flex items-center gap-2 truncate text-xs text-muted-foreground">
                      <TeamStripe constructorId={s.constructorChampion.id} className="h-3" />
                      {s.constructorChampion.name}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
