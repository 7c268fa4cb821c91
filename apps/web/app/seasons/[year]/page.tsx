import type { Metadata } from 'next';
import { keyPage } from '@/components/entity/entity-pages';
import { parseYear } from '@/lib/params';
import { seasonQueryOptions } from '@/lib/queries/seasons';
import { SeasonView } from './_components/season-view';

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} season` };
}

export default keyPage('year', parseYear, seasonQueryOptions, SeasonView);
