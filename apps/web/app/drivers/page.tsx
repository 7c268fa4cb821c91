import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetchPage } from '@/lib/prefetch';
import { driversQueryOptions } from '@/lib/queries/drivers';
import { PAGE_SIZE } from '@/components/data/list-controls';
import { pickInt } from '@/lib/params';
import { DriversView } from './drivers-view';

export const metadata: Metadata = { title: 'Drivers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DriversPage({ searchParams }: Props) {
  const sp = await searchParams;
  const search = typeof sp.q === 'string' ? sp.q.trim() : '';
  const page = pickInt(typeof sp.page === 'string' ? sp.page : null, 1);
  const state = await prefetchPage(driversQueryOptions({ search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  return (
    <HydrationBoundary state={state}>
      <DriversView />
    </HydrationBoundary>
  );
}
