'use client';

import * as React from 'react';
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { PageHeader } from '@/components/layout/page-header';
import { QueryState, TableSkeleton } from '@/components/data/states';
import { cn } from '@/lib/utils';

/** A profile's data: a header and skeleton while it loads, a retryable error, then `Body` with the profile. */
export function EntityProfile<T, K extends QueryKey>({ options, eyebrow, Body }: { options: UseQueryOptions<T, Error, T, K>; eyebrow: string; Body: React.ComponentType<{ profile: T }> }) {
  const query = useQuery(options);
  const loading = (
    <>
      <PageHeader eyebrow={eyebrow} title="Loading…" />
      <TableSkeleton rows={10} />
    </>
  );
  return (
    <QueryState query={query} loading={loading}>
      {(profile) => <Body profile={profile} />}
    </QueryState>
  );
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
