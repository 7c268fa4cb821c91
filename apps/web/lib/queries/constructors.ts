import type { ConstructorProfile, ConstructorRef } from '../api/types';
import { entityQueries } from './entities';

const constructors = entityQueries<ConstructorRef, ConstructorProfile>('constructors');
export const constructorKeys = constructors.keys;
export const constructorsQueryOptions = constructors.list;
export const constructorQueryOptions = constructors.detail;
