import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetchPage } from '@/lib/prefetch';
import { circuitsQueryOptions } from '@/lib/queries/circuits';
import { PAGE_SIZE } from '@/components/data/list-controls';
import { pickInt } from '@/lib/params';
import { CircuitsView } from './circuits-view';

export const metadata: Metadata = { title: 'Circuits' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CircuitsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const search = typeof sp.q === 'string' ? sp.q.trim() : '';
  const page = pickInt(typeof sp.page === 'string' ? sp.page : null, 1);
  const state = await prefetchPage(circuitsQueryOptions({ search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  return (
    <HydrationBoundary state={state}>
      <CircuitsView />
    </HydrationBoundary>
  );
}
