import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import { getQueryClient } from '@/lib/query-client';
import { seasonQueryOptions, seasonsQueryOptions } from '@/lib/queries/seasons';
import { pickHomeSeasons } from '@/lib/shape/home';
import { HomeView } from './home-view';

export default async function HomePage() {
  const qc = getQueryClient();
  // Prefetch what the first screen shows; failures are left to the client's error states.
  try {
    const seasons = await qc.fetchQuery(seasonsQueryOptions());
    const { calendarYear, resultsYear } = pickHomeSeasons(seasons.items);
    const years = [...new Set([calendarYear, resultsYear].filter((y): y is number => y !== null))];
    await Promise.allSettled(years.map((y) => qc.prefetchQuery(seasonQueryOptions(y))));
  } catch {
    // The API is down or empty: HomeView shows it.
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <HomeView />
    </HydrationBoundary>
  );
}
