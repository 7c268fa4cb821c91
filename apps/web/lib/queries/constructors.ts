import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { ConstructorProfile, ConstructorRef, Page } from '../api/types';
import type { ListQuery } from './drivers';

export const constructorKeys = {
  all: ['constructors'] as const,
  list: (q: ListQuery) => [...constructorKeys.all, 'list', q] as const,
  detail: (id: string) => [...constructorKeys.all, id] as const,
};

export function constructorsQueryOptions(q: ListQuery = {}) {
  return queryOptions({
    queryKey: constructorKeys.list(q),
    queryFn: ({ signal }) => apiGet<Page<ConstructorRef>>('/api/v1/constructors', { ...q }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function constructorQueryOptions(id: string) {
  return queryOptions({
    queryKey: constructorKeys.detail(id),
    queryFn: ({ signal }) => apiGet<ConstructorProfile>(`/api/v1/constructors/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}
