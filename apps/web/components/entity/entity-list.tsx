'use client';

import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { PageHeader } from '@/components/layout/page-header';
import { Pager, SearchInput, useListState } from '@/components/data/list-controls';
import { EmptyState, QueryState, TableSkeleton } from '@/components/data/states';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import type { Page } from '@/lib/api/types';
import type { ListQuery } from '@/lib/queries/entities';
import { cn } from '@/lib/utils';

/**
 * A searchable, paged list of one kind of entity (drivers, constructors, circuits). Search text and
 * page live in the URL; the total is stated in the header and the pager; while another page loads
 * the previous one stays, dimmed.
 */
export function EntityList<T extends { id: string }, K extends QueryKey>({
  title,
  searchPlaceholder,
  options,
  columns,
}: {
  /** Plural ("Drivers"): the heading, the table's name, and in lower case the count and search label. */
  title: string;
  searchPlaceholder: string;
  options: (q: ListQuery) => UseQueryOptions<Page<T>, Error, Page<T>, K>;
  columns: readonly Column<T>[];
}) {
  const list = useListState();
  const query = useQuery(options(list.query));
  const noun = title.toLowerCase();
  const matching = list.search ? ` matching “${list.search}”` : '';
  return (
    <>
      <PageHeader eyebrow="Formula 1" title={title} actions={<SearchInput value={list.text} onChange={list.setText} label={`Search ${noun}`} placeholder={searchPlaceholder} />}>
        {query.data ? `${query.data.total} ${noun}${matching}` : null}
      </PageHeader>
      <QueryState
        query={query}
        loading={<TableSkeleton rows={15} />}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={`No ${noun} found`}>{list.search ? `Nothing matches “${list.search}”.` : `No ${noun} in the database yet.`}</EmptyState>}
      >
        {(data) => (
          <div className={cn(query.isPlaceholderData && 'opacity-60 transition-opacity')}>
            <EntityTable label={title} rows={data.items} rowKey={(row) => row.id} columns={columns} />
            <Pager page={list.page} total={data.total} onPage={list.setPage} />
          </div>
        )}
      </QueryState>
    </>
  );
}
