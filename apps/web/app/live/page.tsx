import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LivePage } from './_components/live-page';

export const metadata: Metadata = { title: 'Live timing' };

export default function Page() {
  // The delay lives in the URL (?delay=30): a refresh or a shared link keeps it.
  return (
    <Suspense>
      <LivePage />
    </Suspense>
  );
}
