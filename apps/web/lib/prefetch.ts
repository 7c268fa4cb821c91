import { dehydrate, type DehydratedState, type FetchQueryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { isNotFound } from './api/client';
import { getQueryClient } from './query-client';

/**
 * Prefetch on the server so the first HTML already holds the data (fast LCP, readable before
 * hydration). A 404 from the API for the page's main resource becomes the page's 404; any other
 * failure is left to the client, which shows the error state and can retry.
 */
export async function prefetchPage<T, K extends QueryKey>(
  main: FetchQueryOptions<T, Error, T, K>,
  extra: ((qc: QueryClient) => Promise<unknown>)[] = [],
): Promise<DehydratedState> {
  const qc = getQueryClient();
  const [first] = await Promise.allSettled([qc.fetchQuery(main), ...extra.map((f) => f(qc))]);
  if (first.status === 'rejected' && isNotFound(first.reason)) notFound();
  return dehydrate(qc);
}
