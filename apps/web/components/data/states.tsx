import * as React from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { AlertTriangle, Inbox, RotateCw } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api/client';
import { cn } from '@/lib/utils';

/** A designed error: says what failed in words a user understands and offers a retry. */
export function ErrorState({ error, retry, title = 'Could not load this data' }: { error: unknown; retry?: () => void; title?: string }) {
  const message =
    error instanceof ApiError
      ? error.status === 0
        ? 'The ApexData API is not reachable. Is `npm start` running?'
        : error.message
      : error instanceof Error
        ? error.message
        : 'Unknown error';
  return (
    <Alert variant="destructive" data-state="error">
      <AlertTriangle aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{message}</p>
        {retry ? (
          <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={retry}>
            <RotateCw aria-hidden /> Try again
          </Button>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}

/** Nothing to show — and why; not a blank panel. */
export function EmptyState({ title, children, className }: { title: string; children?: React.ReactNode; className?: string }) {
  return (
    <div data-state="empty" className={cn('flex flex-col items-center gap-1 rounded-lg border border-dashed px-4 py-8 text-center', className)}>
      <Inbox aria-hidden className="size-6 text-muted-foreground" />
      <p className="text-sm font-semibold">{title}</p>
      {children ? <div className="max-w-prose text-xs text-muted-foreground">{children}</div> : null}
    </div>
  );
}

/** Placeholder rows shaped like the table that will appear. */
export function TableSkeleton({ rows = 8, className }: { rows?: number; className?: string }) {
  return (
    <div data-state="loading" role="status" aria-label="Loading" className={cn('flex flex-col gap-2', className)}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-6 w-full" style={{ opacity: 1 - i / (rows + 2) }} />
      ))}
    </div>
  );
}

export function ChartSkeleton({ height = 240 }: { height?: number }) {
  return (
    <div data-state="loading" role="status" aria-label="Loading chart">
      <Skeleton className="w-full" style={{ height }} />
    </div>
  );
}

/**
 * What a query shows: `loading` while it is pending, a retryable error (under `errorTitle`),
 * `empty` when `isEmpty` says the answer holds nothing, else `children` with the data.
 */
export function QueryState<T>({
  query,
  loading = <TableSkeleton />,
  errorTitle,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  loading?: React.ReactNode;
  errorTitle?: string;
  isEmpty?: (data: T) => boolean;
  empty?: React.ReactNode;
  children: (data: T) => React.ReactNode;
}) {
  if (query.isPending) return loading;
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} title={errorTitle} />;
  return isEmpty?.(query.data) ? empty : children(query.data);
}
