import type { Metadata } from 'next';
import { listPage } from '@/components/entity/entity-pages';
import { driversQueryOptions } from '@/lib/queries/drivers';
import { DriversView } from './drivers-view';

export const metadata: Metadata = { title: 'Drivers' };

export default listPage(driversQueryOptions, DriversView);
