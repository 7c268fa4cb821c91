import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { Page } from '../api/types';

export interface ListQuery {
  search?: string;
  season?: number;
  limit?: number;
  offset?: number;
}

/**
 * Keys and query options of a catalogue resource of the API (`/api/v1/drivers`, …): a searchable,
 * paged list and a profile by id. While another list page loads the previous one stays on screen.
 */
export function entityQueries<Item, Profile>(resource: 'drivers' | 'constructors' | 'circuits') {
  const path = `/api/v1/${resource}`;
  const keys = {
    all: [resource] as const,
    list: (q: ListQuery) => [...keys.all, 'list', q] as const,
    detail: (id: string) => [...keys.all, id] as const,
  };
  return {
    keys,
    list: (q: ListQuery = {}) =>
      queryOptions({
        queryKey: keys.list(q),
        queryFn: ({ signal }) => apiGet<Page<Item>>(path, { ...q }, { signal }),
        placeholderData: keepPreviousData,
      }),
    detail: (id: string) =>
      queryOptions({
        queryKey: keys.detail(id),
        queryFn: ({ signal }) => apiGet<Profile>(`${path}/${encodeURIComponent(id)}`, undefined, { signal }),
      }),
  };
}
