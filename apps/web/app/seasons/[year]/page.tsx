import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { parseYear } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import { seasonQueryOptions } from '@/lib/queries/seasons';
import { SeasonView } from './_components/season-view';

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} season` };
}

export default async function SeasonPage({ params }: Props) {
  const year = parseYear((await params).year);
  if (!year.success) notFound();
  const state = await prefetchPage(seasonQueryOptions(year.data));
  return (
    <HydrationBoundary state={state}>
      <SeasonView year={year.data} />
    </HydrationBoundary>
  );
}
