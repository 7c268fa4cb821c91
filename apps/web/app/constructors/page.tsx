import type { Metadata } from 'next';
import { listPage } from '@/components/entity/entity-pages';
import { constructorsQueryOptions } from '@/lib/queries/constructors';
import { ConstructorsView } from './constructors-view';

export const metadata: Metadata = { title: 'Constructors' };

export default listPage(constructorsQueryOptions, ConstructorsView);
