'use client';

import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import type { CircuitProfile } from '@/lib/api/types';
import { circuitQueryOptions } from '@/lib/queries/circuits';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { DriverLink } from '@/components/entity/links';
import { formatDate } from '@/lib/format/time';

export function CircuitView({ id }: { id: string }) {
  const query = useQuery(circuitQueryOptions(id));
  if (query.isPending)
    return (
      <>
        <PageHeader eyebrow="Circuit" title="Loading…" />
        <TableSkeleton rows={10} />
      </>
    );
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} />;
  return <CircuitBody profile={query.data} />;
}

/** Winners per driver at this circuit, most first. */
export function winnersTally(races: CircuitProfile['races']): { name: string; id: string; wins: number }[] {
  const by = new Map<string, { name: string; id: string; wins: number }>();
  for (const r of races) {
    if (!r.winner) continue;
    const d = r.winner.driver;
    const e = by.get(d.id) ?? { name: `${d.givenName} ${d.familyName}`, id: d.id, wins: 0 };
    e.wins++;
    by.set(d.id, e);
  }
  return [...by.values()].sort((a, b) => b.wins - a.wins || a.name.localeCompare(b.name));
}

function CircuitBody({ profile }: { profile: CircuitProfile }) {
  const { circuit, races } = profile;
  const sorted = [...races].sort((a, b) => b.season - a.season || b.round - a.round);
  const tally = winnersTally(races).slice(0, 5);
  return (
    <>
      <PageHeader eyebrow="Circuit" title={circuit.name}>
        {[circuit.locality, circuit.country].filter(Boolean).join(', ')}
        {circuit.lat !== null && circuit.lng !== null ? ` · ${circuit.lat.toFixed(4)}°, ${circuit.lng.toFixed(4)}°` : ''}
        {circuit.url ? (
          <>
            {' · '}
            <a href={circuit.url} className="underline underline-offset-2 hover:text-foreground" rel="noreferrer">
              Wikipedia
            </a>
          </>
        ) : null}
      </PageHeader>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,8fr)_minmax(0,4fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Races held here</CardTitle>
            <CardDescription>{races.length} Grands Prix</CardDescription>
          </CardHeader>
          <CardContent>
            {sorted.length === 0 ? (
              <EmptyState title="No races at this circuit" />
            ) : (
              <Table aria-label="Races">
                <TableHeader>
                  <TableRow>
                    <TableHead>Year</TableHead>
                    <TableHead>Grand Prix</TableHead>
                    <TableHead className="hidden sm:table-cell">Date</TableHead>
                    <TableHead>Winner</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {sorted.map((r) => (
                    <TableRow key={`${r.season}-${r.round}`}>
                      <TableCell className="font-mono">{r.season}</TableCell>
                      <TableCell>
                        <Link href={`/races/${r.season}/${r.round}`} className="font-semibold hover:underline">
                          {r.name}
                        </Link>
                      </TableCell>
                      <TableCell className="hidden font-mono text-muted-foreground sm:table-cell">{formatDate(r.date)}</TableCell>
                      <TableCell>{r.winner ? <DriverLink driver={r.winner.driver} constructorId={r.winner.constructor.id} /> : <span className="text-muted-foreground">—</span>}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Most wins</CardTitle>
          </CardHeader>
          <CardContent>
            {tally.length === 0 ? (
              <EmptyState title="No winners loaded" />
            ) : (
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
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
