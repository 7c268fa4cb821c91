import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetchPage } from '@/lib/prefetch';
import { seasonsQueryOptions } from '@/lib/queries/seasons';
import { SeasonsView } from './seasons-view';

export const metadata: Metadata = { title: 'Seasons' };

export default async function SeasonsPage() {
  const state = await prefetchPage(seasonsQueryOptions());
  return (
    <HydrationBoundary state={state}>
      <SeasonsView />
    </HydrationBoundary>
  );
}
