// The server half of the entity routes: prefetch what the URL asks for so the first HTML holds the
// data, then hand over to the client view inside a HydrationBoundary.
import type * as React from 'react';
import type { Metadata } from 'next';
import { HydrationBoundary, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { listQueryFromParams, type SearchParams } from '@/components/entity/list-query';
import { parseRef, type Parsed } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import type { ListQuery } from '@/lib/queries/entities';

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

/**
 * `export default keyPage('year', parseYear, seasonQueryOptions, SeasonView)`: a route keyed by one
 * path segment. A malformed segment is a 404, and so is one the API does not know (prefetchPage);
 * otherwise `View` gets the parsed value under the segment's name.
 */
export function keyPage<P extends string, V, T, K extends QueryKey>(
  param: P,
  parse: (raw: string) => Parsed<V>,
  options: (key: V) => FetchQueryOptions<T, Error, T, K>,
  View: React.ComponentType<Record<P, V>>,
) {
  return async function KeyPage({ params }: { params: Promise<Record<P, string>> }) {
    const key = parse((await params)[param]);
    if (!key.success) notFound();
    const state = await prefetchPage(options(key.data));
    const props = { [param]: key.data } as Record<P, V>;
    return (
      <HydrationBoundary state={state}>
        <View {...props} />
      </HydrationBoundary>
    );
  };
}

/** `export default profilePage(driverQueryOptions, DriverView)`: a profile route; a malformed or unknown id is a 404. */
export function profilePage<T, K extends QueryKey>(options: (id: string) => FetchQueryOptions<T, Error, T, K>, View: React.ComponentType<{ id: string }>) {
  return keyPage('id', parseRef, options, View);
}
