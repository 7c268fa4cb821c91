import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import { getQueryClient } from '@/lib/query-client';
import { todayQueryOptions } from '@/lib/queries/races';
import { standingsQueryOptions } from '@/lib/queries/seasons';
import { HomeView } from './home-view';

export default async function HomePage() {
  const qc = getQueryClient();
  // Prefetch what the first screen shows; failures are left to the client's error states.
  try {
    const today = await qc.fetchQuery(todayQueryOptions());
    const year = today.latestResults?.season;
    if (year !== undefined) await qc.prefetchQuery(standingsQueryOptions(year));
  } catch {
    // The API is down: HomeView shows it.
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <HomeView />
    </HydrationBoundary>
  );
}
