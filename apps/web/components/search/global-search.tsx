'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { Loader2, Search } from 'lucide-react';
import { driversQueryOptions } from '@/lib/queries/drivers';
import { constructorsQueryOptions } from '@/lib/queries/constructors';
import { circuitsQueryOptions } from '@/lib/queries/circuits';
import { seasonQueryOptions } from '@/lib/queries/seasons';
import { matchRaces, parseSearch } from '@/lib/shape/search';
import { useDebounced } from '@/hooks/use-debounced';
import { teamColor } from '@/lib/colors';
import { cn } from '@/lib/utils';

interface Option {
  href: string;
  kind: 'Season' | 'Race' | 'Driver' | 'Constructor' | 'Circuit';
  label: string;
  detail?: string;
  color?: string;
}

/** One box for drivers, constructors, circuits, seasons and races (`2023 monaco`); ARIA combobox. */
export function GlobalSearch({ autoFocus = false }: { autoFocus?: boolean }) {
  const router = useRouter();
  const listId = React.useId();
  const [text, setText] = React.useState('');
  const [open, setOpen] = React.useState(false);
  const [active, setActive] = React.useState(0);
  const q = useDebounced(text.trim(), 200);
  const parsed = parseSearch(q);
  const enabled = parsed.text.length >= 2;
  const limit = 5;

  const drivers = useQuery({ ...driversQueryOptions({ search: parsed.text, limit }), enabled });
  const teams = useQuery({ ...constructorsQueryOptions({ search: parsed.text, limit }), enabled });
  const circuits = useQuery({ ...circuitsQueryOptions({ search: parsed.text, limit }), enabled });
  const season = useQuery({ ...seasonQueryOptions(parsed.year ?? 0), enabled: parsed.year !== null });

  const options: Option[] = [];
  if (parsed.year !== null) {
    if (parsed.text) {
      for (const r of matchRaces(season.data?.races ?? [], parsed.text).slice(0, 5))
        options.push({ href: `/races/${r.season}/${r.round}`, kind: 'Race', label: `${r.season} ${r.name}`, detail: r.circuit.name });
    }
    if (season.data || !parsed.text) options.push({ href: `/seasons/${parsed.year}`, kind: 'Season', label: `${parsed.year} season` });
  }
  if (enabled) {
    for (const d of drivers.data?.items ?? [])
      options.push({ href: `/drivers/${d.id}`, kind: 'Driver', label: `${d.givenName} ${d.familyName}`, detail: [d.code, d.nationality].filter(Boolean).join(' · ') });
    for (const c of teams.data?.items ?? []) options.push({ href: `/constructors/${c.id}`, kind: 'Constructor', label: c.name, detail: c.nationality ?? undefined, color: teamColor(c.id) });
    for (const c of circuits.data?.items ?? []) options.push({ href: `/circuits/${c.id}`, kind: 'Circuit', label: c.name, detail: [c.locality, c.country].filter(Boolean).join(', ') });
  }
  const loading = enabled && (drivers.isFetching || teams.isFetching || circuits.isFetching);
  const shown = open && q.length > 0;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  const go = (o: Option | undefined) => {
    if (!o) return;
    setOpen(false);
    router.push(o.href);
  };

  return (
    <div className="relative w-full">
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search drivers, teams, circuits, seasons and races
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-5 -translate-y-1/2 text-muted-foreground" />
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && options.length ? `${listId}-${activeIndex}` : undefined}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search: Hamilton, Ferrari, Monza, 2023 Monaco…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            go(options[activeIndex]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        className="h-12 w-full rounded-lg border border-input bg-card pl-10 pr-10 text-base text-foreground outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40"
      />
      {loading ? <Loader2 aria-hidden className="absolute right-3 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted-foreground" /> : null}
      {shown ? (
        <ul id={listId} role="listbox" aria-label="Search results" className="absolute z-30 mt-1 max-h-96 w-full overflow-auto rounded-lg border bg-popover py-1 shadow-xl">
          {options.length === 0 ? (
            <li className="px-3 py-2 text-sm text-muted-foreground" role="presentation">
              {loading || q !== text.trim() ? 'Searching…' : enabled || parsed.year ? 'No matches' : 'Type at least two letters'}
            </li>
          ) : (
            options.map((o, i) => (
              <li
                key={`${o.kind}-${o.href}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(o)}
                onMouseEnter={() => setActive(i)}
                className={cn('flex cursor-pointer items-center gap-3 px-3 py-2 text-sm', i === activeIndex && 'bg-accent')}
              >
                <span className="w-20 shrink-0 text-[10px] font-semibold uppercase tracking-widest text-muted-foreground">{o.kind}</span>
                {o.color ? <span aria-hidden className="h-4 w-1 rounded-sm" style={{ background: o.color }} /> : null}
                <span className="truncate font-semibold">{o.label}</span>
                {o.detail ? <span className="ml-auto truncate text-xs text-muted-foreground">{o.detail}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
