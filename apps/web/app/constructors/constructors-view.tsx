'use client';

import { useQuery } from '@tanstack/react-query';
import { constructorsQueryOptions } from '@/lib/queries/constructors';
import { PageHeader } from '@/components/layout/page-header';
import { Pager, SearchInput, useListState } from '@/components/data/list-controls';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { ConstructorLink } from '@/components/entity/links';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

export function ConstructorsView() {
  const list = useListState();
  const query = useQuery(constructorsQueryOptions({ search: list.search || undefined, limit: list.limit, offset: list.offset }));
  return (
    <>
      <PageHeader eyebrow="Formula 1" title="Constructors" actions={<SearchInput value={list.text} onChange={list.setText} label="Search constructors" placeholder="Search teams…" />}>
        {query.data ? `${query.data.total} constructors${list.search ? ` matching “${list.search}”` : ''}` : null}
      </PageHeader>
      {query.isPending ? (
        <TableSkeleton rows={15} />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title="No constructors found">{list.search ? `Nothing matches “${list.search}”.` : 'No constructors in the database yet.'}</EmptyState>
      ) : (
        <div className={cn(query.isPlaceholderData && 'opacity-60 transition-opacity')}>
          <Table aria-label="Constructors">
            <TableHeader>
              <TableRow>
                <TableHead>Constructor</TableHead>
                <TableHead>Nationality</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {query.data.items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <ConstructorLink constructor={c} className="font-semibold" />
                  </TableCell>
                  <TableCell className="text-muted-foreground">{c.nationality}</TableCell>
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
