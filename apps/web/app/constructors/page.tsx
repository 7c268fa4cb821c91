import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetchPage } from '@/lib/prefetch';
import { constructorsQueryOptions } from '@/lib/queries/constructors';
import { PAGE_SIZE } from '@/components/data/list-controls';
import { pickInt } from '@/lib/params';
import { ConstructorsView } from './constructors-view';

export const metadata: Metadata = { title: 'Constructors' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConstructorsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const search = typeof sp.q === 'string' ? sp.q.trim() : '';
  const page = pickInt(typeof sp.page === 'string' ? sp.page : null, 1);
  const state = await prefetchPage(constructorsQueryOptions({ search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  return (
    <HydrationBoundary state={state}>
      <ConstructorsView />
    </HydrationBoundary>
  );
}
