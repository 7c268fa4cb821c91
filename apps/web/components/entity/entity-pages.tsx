// The server half of the entity routes: prefetch what the URL asks for so the first HTML holds the
// data, then hand over to the client view inside a HydrationBoundary.
import type * as React from 'react';
import type { Metadata } from 'next';
import { HydrationBoundary, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { listQueryFromParams, type SearchParams } from '@/components/entity/list-query';
import { parseRef } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import type { ListQuery } from '@/lib/queries/drivers';

/** `export default listPage(driversQueryOptions, DriversView)`: a list route at the page and search of its URL. */
export function listPage<T, K extends QueryKey>(options: (q: ListQuery) => FetchQueryOptions<T, Error, T, K>, View: React.ComponentType) {
  return async function ListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
    const state = await prefetchPage(options(listQueryFromParams(await searchParams)));
    return (
      <HydrationBoundary state={state}>
        <View />
      </HydrationBoundary>
    );
  };
}

type ProfileProps = { params: Promise<{ id: string }> };

/** The tab title of a profile before its data is loaded: the id, readable (`max_verstappen` → `max verstappen`). */
export async function profileMetadata({ params }: ProfileProps): Promise<Metadata> {
  return { title: (await params).id.replace(/_/g, ' ') };
}

/** `export default profilePage(driverQueryOptions, DriverView)`: a profile route; a malformed or unknown id is a 404. */
export function profilePage<T, K extends QueryKey>(options: (id: string) => FetchQueryOptions<T, Error, T, K>, View: React.ComponentType<{ id: string }>) {
  return async function ProfilePage({ params }: ProfileProps) {
    const id = parseRef((await params).id);
    if (!id.success) notFound();
    const state = await prefetchPage(options(id.data));
    return (
      <HydrationBoundary state={state}>
        <View id={id.data} />
      </HydrationBoundary>
    );
  };
}
