import { profileMetadata, profilePage } from '@/components/entity/entity-pages';
import { circuitQueryOptions } from '@/lib/queries/circuits';
import { CircuitView } from './_components/circuit-view';

export const generateMetadata = profileMetadata;

export default profilePage(circuitQueryOptions, CircuitView);
