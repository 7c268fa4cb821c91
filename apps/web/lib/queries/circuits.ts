import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { Circuit, CircuitProfile, Page } from '../api/types';
import type { ListQuery } from './drivers';

export const circuitKeys = {
  all: ['circuits'] as const,
  list: (q: ListQuery) => [...circuitKeys.all, 'list', q] as const,
  detail: (id: string) => [...circuitKeys.all, id] as const,
};

export function circuitsQueryOptions(q: ListQuery = {}) {
  return queryOptions({
    queryKey: circuitKeys.list(q),
    queryFn: ({ signal }) => apiGet<Page<Circuit>>('/api/v1/circuits', { ...q }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function circuitQueryOptions(id: string) {
  return queryOptions({
    queryKey: circuitKeys.detail(id),
    queryFn: ({ signal }) => apiGet<CircuitProfile>(`/api/v1/circuits/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}
