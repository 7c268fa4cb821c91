import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { parseRef } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import { circuitQueryOptions } from '@/lib/queries/circuits';
import { CircuitView } from './_components/circuit-view';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id.replace(/_/g, ' ') };
}

export default async function CircuitPage({ params }: Props) {
  const id = parseRef((await params).id);
  if (!id.success) notFound();
  const state = await prefetchPage(circuitQueryOptions(id.data));
  return (
    <HydrationBoundary state={state}>
      <CircuitView id={id.data} />
    </HydrationBoundary>
  );
}
