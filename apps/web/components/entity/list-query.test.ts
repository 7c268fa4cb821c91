import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, listQuery, listQueryFromParams } from './list-query';

describe('list query from the URL', () => {
  it('should turn page numbers into offsets of whole pages', () => {
    expect(listQuery('', 1)).toEqual({ search: undefined, limit: PAGE_SIZE, offset: 0 });
    expect(listQuery('ham', 3)).toEqual({ search: 'ham', limit: PAGE_SIZE, offset: 2 * PAGE_SIZE });
  });

  it('should read q and page as the browser keeps them, trimming the search', () => {
    expect(listQueryFromParams({ q: '  monaco ', page: '2' })).toEqual(listQuery('monaco', 2));
    expect(listQueryFromParams({})).toEqual(listQuery('', 1));
  });

  it('should fall back to the first page and no search on junk', () => {
    for (const page of ['0', '-1', 'two', '1.5', ['2', '3']]) expect(listQueryFromParams({ page }).offset, String(page)).toBe(0);
    expect(listQueryFromParams({ q: ['a', 'b'] }).search).toBeUndefined();
    expect(listQueryFromParams({ q: '   ' }).search).toBeUndefined();
  });
});
