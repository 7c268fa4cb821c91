import { profileMetadata, profilePage } from '@/components/entity/entity-pages';
import { driverQueryOptions } from '@/lib/queries/drivers';
import { DriverView } from './_components/driver-view';

export const generateMetadata = profileMetadata;

export default profilePage(driverQueryOptions, DriverView);
