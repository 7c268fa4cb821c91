'use client';

import { AppLink as Link } from '@/components/app-link';
import { useQuery } from '@tanstack/react-query';
import { circuitsQueryOptions } from '@/lib/queries/circuits';
import { PageHeader } from '@/components/layout/page-header';
import { Pager, SearchInput, useListState } from '@/components/data/list-controls';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

export function CircuitsView() {
  const list = useListState();
  const query = useQuery(circuitsQueryOptions({ search: list.search || undefined, limit: list.limit, offset: list.offset }));
  return (
    <>
      <PageHeader eyebrow="Formula 1" title="Circuits" actions={<SearchInput value={list.text} onChange={list.setText} label="Search circuits" placeholder="Search circuit, town or country…" />}>
        {query.data ? `${query.data.total} circuits${list.search ? ` matching “${list.search}”` : ''}` : null}
      </PageHeader>
      {query.isPending ? (
        <TableSkeleton rows={15} />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title="No circuits found">{list.search ? `Nothing matches “${list.search}”.` : 'No circuits in the database yet.'}</EmptyState>
      ) : (
        <div className={cn(query.isPlaceholderData && 'opacity-60 transition-opacity')}>
          <Table aria-label="Circuits">
            <TableHeader>
              <TableRow>
                <TableHead>Circuit</TableHead>
                <TableHead>Location</TableHead>
                <TableHead className="hidden sm:table-cell">Country</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {query.data.items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link href={`/circuits/${c.id}`} className="font-semibold hover:underline">
                      {c.name}
                    </Link>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{c.locality}</TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{c.country}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager page={list.page} total={query.data.total} onPage={list.setPage} />
        </div>
      )}
    </>
  );
}
