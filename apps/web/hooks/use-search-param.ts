'use client';

import * as React from 'react';
import { useSearchParams } from 'next/navigation';

/**
 * A selection kept in the query string so the URL can be shared. Updates use the native History API
 * (which Next keeps in sync with useSearchParams) so changing a tab or a driver does not re-render
 * the page on the server.
 */
export function useSearchParam(key: string): [string | null, (value: string | null) => void] {
  const params = useSearchParams();
  const value = params.get(key);
  const set = React.useCallback(
    (next: string | null) => {
      const url = new URL(window.location.href);
      if (next === null || next === '') url.searchParams.delete(key);
      else url.searchParams.set(key, next);
      // null state: Next treats a call carrying its own history state as internal and would not
      // sync useSearchParams.
      window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
    },
    [key],
  );
  return [value, set];
}
