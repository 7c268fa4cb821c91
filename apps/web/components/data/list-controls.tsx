'use client';

import * as React from 'react';
import { ChevronLeft, ChevronRight, Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useDebounced } from '@/hooks/use-debounced';
import { useSearchParam } from '@/hooks/use-search-param';
import { PAGE_SIZE, listQuery } from '@/components/entity/list-query';
import { pickInt } from '@/lib/params';

/** Search text and page number of a list, both kept in the URL (`?q=…&page=…`), and the API query they make. */
export function useListState() {
  const [qParam, setQ] = useSearchParam('q');
  const [pageParam, setPage] = useSearchParam('page');
  const [text, setText] = React.useState(qParam ?? '');
  const search = useDebounced(text.trim(), 250);
  const page = pickInt(pageParam, 1);
  React.useEffect(() => {
    if (search !== (qParam ?? '')) {
      setQ(search || null);
      setPage(null);
    }
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps
  return {
    text,
    setText,
    search,
    page,
    setPage: (p: number) => setPage(p <= 1 ? null : String(p)),
    query: listQuery(search, page),
  };
}

export function SearchInput({ value, onChange, label, placeholder }: { value: string; onChange: (v: string) => void; label: string; placeholder?: string }) {
  const id = React.useId();
  return (
    <div className="relative w-full max-w-sm">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} className="pl-8" autoComplete="off" />
    </div>
  );
}

export function Pager({ page, total, pageSize = PAGE_SIZE, onPage }: { page: number; total: number; pageSize?: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-end gap-2 text-xs text-muted-foreground">
      <span>
        Page {page} of {pages} · {total} total
      </span>
      <Button variant="outline" size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-label="Previous page">
        <ChevronLeft aria-hidden />
      </Button>
      <Button variant="outline" size="sm" onClick={() => onPage(page + 1)} disabled={page >= pages} aria-label="Next page">
        <ChevronRight aria-hidden />
      </Button>
    </nav>
  );
}
