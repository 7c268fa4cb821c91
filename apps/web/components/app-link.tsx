import Link from 'next/link';
import type * as React from 'react';

/**
 * next/link without viewport prefetching: our pages are rendered on demand from live API data, and
 * a table of 60 links prefetching at once would compete with the page's own requests.
 */
export function AppLink({ prefetch = false, ...props }: React.ComponentProps<typeof Link>) {
  return <Link prefetch={prefetch} {...props} />;
}
