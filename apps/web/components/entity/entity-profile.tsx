'use client';

import * as React from 'react';
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { cn } from '@/lib/utils';

/** A profile's data: a header and skeleton while it loads, a retryable error, then `Body` with the profile. */
export function EntityProfile<T, K extends QueryKey>({ options, eyebrow, Body }: { options: UseQueryOptions<T, Error, T, K>; eyebrow: string; Body: React.ComponentType<{ profile: T }> }) {
  const query = useQuery(options);
  if (query.isPending)
    return (
      <>
        <PageHeader eyebrow={eyebrow} title="Loading…" />
        <TableSkeleton rows={10} />
      </>
    );
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} />;
  return <Body profile={query.data} />;
}

/** Name, a line of facts (the empty ones left out) and the Wikipedia link. */
export function ProfileHeader({ eyebrow, title, facts, url }: { eyebrow: React.ReactNode; title: React.ReactNode; facts: (string | null | undefined)[]; url: string | null }) {
  const line = facts.filter(Boolean).join(' · ');
  return (
    <PageHeader eyebrow={eyebrow} title={title}>
      {line}
      {url ? (
        <>
          {line ? ' · ' : null}
          <a href={url} className="underline underline-offset-2 hover:text-foreground" rel="noreferrer">
            Wikipedia
          </a>
        </>
      ) : null}
    </PageHeader>
  );
}

const SPLITS = {
  '7:5': 'lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]',
  '8:4': 'lg:grid-cols-[minmax(0,8fr)_minmax(0,4fr)]',
};

/** The two sections under a profile's header, side by side on wide screens (split in twelfths), stacked on phones. */
export function ProfileColumns({ split, children }: { split: keyof typeof SPLITS; children: React.ReactNode }) {
  return <div className={cn('grid gap-5', SPLITS[split])}>{children}</div>;
}

/** A titled section of a profile; `empty` names what is missing instead of showing a blank card. */
export function ProfileSection({ title, description, empty, children }: { title: string; description?: React.ReactNode; empty?: string | false; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{empty ? <EmptyState title={empty} /> : children}</CardContent>
    </Card>
  );
}
