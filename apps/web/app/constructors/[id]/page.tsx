import { profileMetadata, profilePage } from '@/components/entity/entity-pages';
import { constructorQueryOptions } from '@/lib/queries/constructors';
import { ConstructorView } from './_components/constructor-view';

export const generateMetadata = profileMetadata;

export default profilePage(constructorQueryOptions, ConstructorView);
