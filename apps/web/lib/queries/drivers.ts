import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { Driver, DriverProfile, Page } from '../api/types';

export interface ListQuery {
  search?: string;
  season?: number;
  limit?: number;
  offset?: number;
}

export const driverKeys = {
  all: ['drivers'] as const,
  list: (q: ListQuery) => [...driverKeys.all, 'list', q] as const,
  detail: (id: string) => [...driverKeys.all, id] as const,
};

export function driversQueryOptions(q: ListQuery = {}) {
  return queryOptions({
    queryKey: driverKeys.list(q),
    queryFn: ({ signal }) => apiGet<Page<Driver>>('/api/v1/drivers', { ...q }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function driverQueryOptions(id: string) {
  return queryOptions({
    queryKey: driverKeys.detail(id),
    queryFn: ({ signal }) => apiGet<DriverProfile>(`/api/v1/drivers/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}
