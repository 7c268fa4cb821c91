import type { Metadata } from 'next';
import { listPage } from '@/components/entity/entity-pages';
import { circuitsQueryOptions } from '@/lib/queries/circuits';
import { CircuitsView } from './circuits-view';

export const metadata: Metadata = { title: 'Circuits' };

export default listPage(circuitsQueryOptions, CircuitsView);
