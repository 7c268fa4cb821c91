import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { parseRound, parseSession, parseYear, sessionLabel } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import { sessionQueryOptions } from '@/lib/queries/sessions';
import { raceQueryOptions } from '@/lib/queries/races';
import { SessionView } from './_components/session-view';

type Props = { params: Promise<{ year: string; round: string; session: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${p.year} round ${p.round} · ${sessionLabel(p.session, Number(p.year))}` };
}

export default async function SessionPage({ params }: Props) {
  const raw = await params;
  const year = parseYear(raw.year);
  const round = parseRound(raw.round);
  const session = parseSession(raw.session);
  if (!year.success || !round.success || !session.success) notFound();
  const key = { year: year.data, round: round.data, session: session.data };
  const state = await prefetchPage(sessionQueryOptions(key), [(qc) => qc.prefetchQuery(raceQueryOptions(key.year, key.round))]);
  return (
    <HydrationBoundary state={state}>
      <SessionView sessionKey={key} />
    </HydrationBoundary>
  );
}
