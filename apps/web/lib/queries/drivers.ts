import type { Driver, DriverProfile } from '../api/types';
import { entityQueries } from './entities';

const drivers = entityQueries<Driver, DriverProfile>('drivers');
export const driverKeys = drivers.keys;
export const driversQueryOptions = drivers.list;
export const driverQueryOptions = drivers.detail;
