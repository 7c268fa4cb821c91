'use client';

import { useQuery } from '@tanstack/react-query';
import { driversQueryOptions } from '@/lib/queries/drivers';
import { PageHeader } from '@/components/layout/page-header';
import { Pager, SearchInput, useListState } from '@/components/data/list-controls';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { DriverLink } from '@/components/entity/links';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDate } from '@/lib/format/time';
import { cn } from '@/lib/utils';

export function DriversView() {
  const list = useListState();
  const query = useQuery(driversQueryOptions({ search: list.search || undefined, limit: list.limit, offset: list.offset }));
  return (
    <>
      <PageHeader eyebrow="Formula 1" title="Drivers" actions={<SearchInput value={list.text} onChange={list.setText} label="Search drivers" placeholder="Search by name or code…" />}>
        {query.data ? `${query.data.total} drivers${list.search ? ` matching “${list.search}”` : ''}` : null}
      </PageHeader>
      {query.isPending ? (
        <TableSkeleton rows={15} />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title="No drivers found">{list.search ? `Nothing matches “${list.search}”.` : 'No drivers in the database yet.'}</EmptyState>
      ) : (
        <div className={cn(query.isPlaceholderData && 'opacity-60 transition-opacity')}>
          <Table aria-label="Drivers">
            <TableHeader>
              <TableRow>
                <TableHead>Driver</TableHead>
                <TableHead>Code</TableHead>
                <TableHead className="text-right">No</TableHead>
                <TableHead className="hidden sm:table-cell">Nationality</TableHead>
                <TableHead className="hidden md:table-cell">Born</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {query.data.items.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>
                    <DriverLink driver={d} />
                  </TableCell>
                  <TableCell className="font-mono">{d.code ?? ''}</TableCell>
                  <TableCell className="text-right font-mono">{d.permanentNumber ?? ''}</TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{d.nationality}</TableCell>
                  <TableCell className="hidden font-mono text-muted-foreground md:table-cell">{formatDate(d.dateOfBirth)}</TableCell>
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
