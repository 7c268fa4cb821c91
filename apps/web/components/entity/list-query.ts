import { pickInt } from '../../lib/params';
import type { ListQuery } from '../../lib/queries/entities';

// Not a client module: the server pages read PAGE_SIZE and listQuery too, and a value imported
// from a 'use client' file is only a client reference on the server (the page size was NaN there,
// so the prefetch failed and lists rendered a skeleton first).

/** Rows a list page shows at once. */
export const PAGE_SIZE = 50;

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The API query of a list page from its search text and page number. The server prefetch and the
 * browser both build it here, so they ask with the same query key and the first paint uses the
 * prefetched page.
 */
export function listQuery(search: string, page: number): ListQuery {
  return { search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}

/** The same from the URL (`?q=…&page=…`) as a server page receives it. */
export function listQueryFromParams(sp: SearchParams): ListQuery {
  return listQuery(typeof sp.q === 'string' ? sp.q.trim() : '', pickInt(typeof sp.page === 'string' ? sp.page : null, 1));
}
