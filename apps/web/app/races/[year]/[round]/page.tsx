import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { parseRound, parseYear } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import { raceQueryOptions } from '@/lib/queries/races';
import { RaceView } from './_components/race-view';

type Props = { params: Promise<{ year: string; round: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, round } = await params;
  return { title: `${year} round ${round}` };
}

export default async function RacePage({ params }: Props) {
  const raw = await params;
  const year = parseYear(raw.year);
  const round = parseRound(raw.round);
  if (!year.success || !round.success) notFound();
  const state = await prefetchPage(raceQueryOptions(year.data, round.data));
  return (
    <HydrationBoundary state={state}>
      <RaceView year={year.data} round={round.data} />
    </HydrationBoundary>
  );
}
