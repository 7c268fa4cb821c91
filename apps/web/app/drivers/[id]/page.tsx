import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { parseRef } from '@/lib/params';
import { prefetchPage } from '@/lib/prefetch';
import { driverQueryOptions } from '@/lib/queries/drivers';
import { DriverView } from './_components/driver-view';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id.replace(/_/g, ' ') };
}

export default async function DriverPage({ params }: Props) {
  const id = parseRef((await params).id);
  if (!id.success) notFound();
  const state = await prefetchPage(driverQueryOptions(id.data));
  return (
    <HydrationBoundary state={state}>
      <DriverView id={id.data} />
    </HydrationBoundary>
  );
}
