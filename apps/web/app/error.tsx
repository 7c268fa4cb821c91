'use client';

import { ErrorState } from '@/components/data/states';

export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-10">
      <ErrorState error={new Error('Something went wrong while rendering this page.' + (error.digest ? ` (ref ${error.digest})` : ''))} retry={reset} />
    </div>
  );
}
