import type { Circuit, CircuitProfile } from '../api/types';
import { entityQueries } from './entities';

const circuits = entityQueries<Circuit, CircuitProfile>('circuits');
export const circuitKeys = circuits.keys;
export const circuitsQueryOptions = circuits.list;
export const circuitQueryOptions = circuits.detail;
