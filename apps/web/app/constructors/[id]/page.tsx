import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { parseRef } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import { constructorQueryOptions } from '@/lib/queries/constructors';
import { ConstructorView } from './_components/constructor-view';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id.replace(/_/g, ' ') };
}

export default async function ConstructorPage({ params }: Props) {
  const id = parseRef((await params).id);
  if (!id.success) notFound();
  const state = await prefetchPage(constructorQueryOptions(id.data));
  return (
    <HydrationBoundary state={state}>
      <ConstructorView id={id.data} />
    </HydrationBoundary>
  );
}
