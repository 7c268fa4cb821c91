'use client';

import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import type { ClockSource, SessionDriver, SessionLap } from '@/lib/api/session-types';
import { raceControlQueryOptions, sessionQueryOptions, trackStatusQueryOptions, type SessionKey } from '@/lib/queries/sessions';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { ChartSkeleton, EmptyState, ErrorState, TableSkeleton } from '@/components/data/states';
import { DriverPicker } from '@/components/race/driver-picker';
import {
  FLAGS,
  KIND_COLORS,
  MESSAGE_KINDS,
  filterMessages,
  flagColor,
  flagLabel,
  flagSwatch,
  formatSessionClock,
  leaderLaps,
  messageFacets,
  messageRows,
  sessionSpan,
  trackStatusSegments,
  type MessageFilter,
  type MessageRow,
  type SessionSpan,
} from '@/lib/shape/race-control';
import { pickList } from '@/lib/params';
import { useSearchParam } from '@/hooks/use-search-param';
import { cn } from '@/lib/utils';
import { TrackStatusTimeline, type TimelineMarker } from './track-status-timeline';

const KIND_IDS: readonly string[] = MESSAGE_KINDS.map((k) => k.id);
const kindLabel = (id: string) => MESSAGE_KINDS.find((k) => k.id === id)?.label ?? id;
// Flags travel in the URL as `double-yellow`.
const flagToParam = (flag: string) => flag.toLowerCase().replaceAll(' ', '-');
const flagFromParam = (p: string) => p.toUpperCase().replaceAll('-', ' ');

/** The message filters, kept in the URL (`rck` kinds, `rcf` flags, `rcd` drivers); unknown values are dropped. */
function useMessageFilter(): [MessageFilter, (patch: Partial<MessageFilter>) => void] {
  const [kinds, setKinds] = useSearchParam('rck');
  const [flags, setFlags] = useSearchParam('rcf');
  const [drivers, setDrivers] = useSearchParam('rcd');
  const filter: MessageFilter = {
    kinds: pickList(kinds).filter((k) => KIND_IDS.includes(k)),
    flags: pickList(flags).map(flagFromParam).filter((f) => (FLAGS as readonly string[]).includes(f)),
    drivers: pickList(drivers, 30).map((d) => d.toUpperCase()),
  };
  const update = (patch: Partial<MessageFilter>) => {
    const list = (values: readonly string[] | undefined) => (values && values.length ? values.join(',') : null);
    if ('kinds' in patch) setKinds(list(patch.kinds));
    if ('flags' in patch) setFlags(list(patch.flags?.map(flagToParam)));
    if ('drivers' in patch) setDrivers(list(patch.drivers));
  };
  return [filter, update];
}

/** How the API put the messages on the session clock (see its race-control endpoint). */
const CLOCK_NOTE: Record<ClockSource, string> = {
  archive: '',
  'track-status': ' Message times are placed by matching race control to the track status (the archive has no car data to fix the clock).',
  'green-light': ' Message times are placed from the green light at the start (the archive has no car data to fix the clock).',
};

/** Track status across the session and the race director's messages, filterable. */
export function RaceControlPanel({ sessionKey, laps, drivers, raceLike }: { sessionKey: SessionKey; laps: SessionLap[]; drivers: SessionDriver[]; raceLike: boolean }) {
  const info = useQuery(sessionQueryOptions(sessionKey));
  const rc = useQuery(raceControlQueryOptions(sessionKey));
  const ts = useQuery(trackStatusQueryOptions(sessionKey));
  const [filter, setFilter] = useMessageFilter();

  const changes = ts.data?.items;
  const messages = rc.data?.items;
  const clock = rc.data?.clock ?? null;
  const span = React.useMemo(() => (changes ? sessionSpan(laps, changes, info.data?.data?.sessionStartTime) : null), [laps, changes, info.data]);
  const leader = React.useMemo(() => (raceLike ? leaderLaps(laps) : []), [laps, raceLike]);
  const rows = React.useMemo(() => (messages ? messageRows(messages, { drivers, leader: raceLike ? leader : undefined }) : null), [messages, drivers, leader, raceLike]);
  const shown = React.useMemo(() => (rows ? filterMessages(rows, filter) : null), [rows, filter]);
  const origin = span?.origin ?? info.data?.data?.sessionStartTime ?? null;
  const start = raceLike ? (sessionKey.session === 'S' ? 'sprint start' : 'race start') : 'session start';

  const markers: TimelineMarker[] = React.useMemo(
    () =>
      (shown ?? []).flatMap((r) =>
        r.sessionTime === null
          ? []
          : [{ key: r.index, time: r.sessionTime, color: r.flag ? flagColor(r.flag) : KIND_COLORS[r.kind], label: `${origin !== null ? formatSessionClock(r.sessionTime - origin) : ''} ${r.message}`.trim() }],
      ),
    [shown, origin],
  );

  return (
    <div className="flex flex-col gap-4" data-race-control>
      <Card>
        <CardHeader>
          <CardTitle>Track status</CardTitle>
          <CardDescription>
            time from the {start}
            {raceLike && leader.length ? ' · leader’s laps above' : ''}
            {markers.length ? ' · ticks: the messages listed below' : ''}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TrackStatus pending={ts.isPending} error={ts.isError ? ts.error : null} retry={() => ts.refetch()} empty={changes?.length === 0} span={span}>
            {span && changes ? <TrackStatusTimeline segments={trackStatusSegments(changes, span)} span={span} leader={leader} markers={markers} startLabel={`${start.charAt(0).toUpperCase()}${start.slice(1)}`} /> : null}
          </TrackStatus>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Race control messages</CardTitle>
          {rows && shown ? (
            <CardDescription data-count={shown.length} aria-live="polite">
              {shown.length === rows.length ? `${rows.length} messages` : `${shown.length} of ${rows.length} messages`}
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {rc.isPending ? (
            <TableSkeleton rows={10} />
          ) : rc.isError ? (
            <ErrorState error={rc.error} retry={() => rc.refetch()} title="Could not load the race control messages" />
          ) : rows!.length === 0 ? (
            <EmptyState title="No race control messages in the archive for this session">The live-timing archive recorded none: flags, penalties and deleted laps appear here when it does.</EmptyState>
          ) : (
            <>
              <Filters rows={rows!} drivers={drivers} filter={filter} onChange={setFilter} />
              {shown!.length === 0 ? (
                <EmptyState title="No message matches these filters">
                  <Button variant="outline" size="sm" className="mt-2" onClick={() => setFilter({ kinds: [], flags: [], drivers: [] })}>
                    Clear filters
                  </Button>
                </EmptyState>
              ) : (
                <MessageList rows={shown!} origin={origin} raceLike={raceLike} drivers={drivers} />
              )}
              <p className="text-xs text-muted-foreground">
                {clock?.source && origin !== null
                  ? `Times count from the ${start} (negative: before it); hover a time for UTC.${CLOCK_NOTE[clock.source]}`
                  : 'Times are UTC: this session’s clock could not be matched to race control.'}
              </p>
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function TrackStatus({
  pending,
  error,
  retry,
  empty,
  span,
  children,
}: {
  pending: boolean;
  error: unknown;
  retry: () => void;
  empty: boolean;
  span: SessionSpan | null;
  children: React.ReactNode;
}) {
  if (pending) return <ChartSkeleton height={96} />;
  if (error) return <ErrorState error={error} retry={retry} title="Could not load the track status" />;
  if (empty) return <EmptyState title="No track status in the archive for this session" />;
  if (!span) return <EmptyState title="No laps to place the track status on" />;
  return <>{children}</>;
}

function Chip({ pressed, onClick, children, label }: { pressed: boolean; onClick: () => void; children: React.ReactNode; label: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={label}
      onClick={onClick}
      className={cn(
        'inline-flex h-7 items-center gap-1.5 rounded border px-2 text-xs font-semibold outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring',
        pressed ? 'border-transparent bg-accent text-foreground' : 'border-border text-muted-foreground hover:text-foreground',
      )}
    >
      {children}
    </button>
  );
}

const toggle = (list: readonly string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

function Filters({ rows, drivers, filter, onChange }: { rows: MessageRow[]; drivers: SessionDriver[]; filter: MessageFilter; onChange: (patch: Partial<MessageFilter>) => void }) {
  const facets = React.useMemo(() => messageFacets(rows), [rows]);
  const info = new Map(drivers.map((d) => [d.abbreviation, d]));
  const active = filter.kinds.length + filter.flags.length + filter.drivers.length > 0;
  const legend = 'w-16 shrink-0 pt-1.5 text-[10px] font-semibold uppercase tracking-wider text-muted-foreground';
  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <span className={legend}>Category</span>
        <div role="group" aria-label="Filter messages by category" className="flex flex-wrap gap-1">
          {facets.kinds.map(([kind, count]) => (
            <Chip key={kind} pressed={filter.kinds.includes(kind)} onClick={() => onChange({ kinds: toggle(filter.kinds, kind) })} label={`${kindLabel(kind)} (${count})`}>
              <span aria-hidden className="h-3 w-1 rounded-sm" style={{ background: KIND_COLORS[kind] }} />
              {kindLabel(kind)}
              <span className="font-mono font-normal text-muted-foreground">{count}</span>
            </Chip>
          ))}
        </div>
      </div>
      {facets.flags.length ? (
        <div className="flex gap-2">
          <span className={legend}>Flag</span>
          <div role="group" aria-label="Filter messages by flag" className="flex flex-wrap gap-1">
            {facets.flags.map(([flag, count]) => (
              <Chip key={flag} pressed={filter.flags.includes(flag)} onClick={() => onChange({ flags: toggle(filter.flags, flag) })} label={`${flagLabel(flag)} (${count})`}>
                <FlagSwatch flag={flag} />
                {flagLabel(flag)}
                <span className="font-mono font-normal text-muted-foreground">{count}</span>
              </Chip>
            ))}
          </div>
        </div>
      ) : null}
      {facets.drivers.length ? (
        <div className="flex gap-2">
          <span className={legend}>Driver</span>
          <DriverPicker
            label="Filter messages by driver"
            drivers={facets.drivers.map(([d, count]) => ({
              id: d,
              label: d,
              name: `${info.get(d)?.fullName ?? d}: ${count} message${count === 1 ? '' : 's'}`,
              constructorId: null,
              color: info.get(d)?.teamColor ?? null,
            }))}
            selected={[...filter.drivers]}
            onChange={(ids) => onChange({ drivers: ids })}
          />
        </div>
      ) : null}
      {active ? (
        <Button variant="ghost" size="sm" className="w-fit" onClick={() => onChange({ kinds: [], flags: [], drivers: [] })}>
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}

function FlagSwatch({ flag }: { flag: string }) {
  return <span aria-hidden className="inline-block h-3 w-4 shrink-0 rounded-[2px] ring-1 ring-black/40" style={{ background: flagSwatch(flag) }} />;
}

const utcClock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

function MessageList({ rows, origin, raceLike, drivers }: { rows: MessageRow[]; origin: number | null; raceLike: boolean; drivers: SessionDriver[] }) {
  const info = new Map(drivers.map((d) => [d.abbreviation, d]));
  // Phones: the details wrap above the message; wider screens: one aligned row per message.
  const columns = raceLike ? 'md:grid-cols-[4.5rem_2.5rem_6rem_8.5rem_5.5rem_7rem_minmax(0,1fr)]' : 'md:grid-cols-[4.5rem_6rem_8.5rem_5.5rem_7rem_minmax(0,1fr)]';
  return (
    <div className="min-w-0">
      <div className={cn('hidden gap-3 border-b pb-1 text-[10px] font-semibold uppercase tracking-wider text-muted-foreground md:grid', columns)} aria-hidden>
        <span>Time</span>
        {raceLike ? <span>Lap</span> : null}
        <span>Category</span>
        <span>Flag</span>
        <span>Where</span>
        <span>Driver</span>
        <span>Message</span>
      </div>
      <ol aria-label="Race control messages" className="divide-y">
        {rows.map((r) => (
          <li key={r.index} className={cn('flex flex-col gap-1 py-2 md:grid md:items-center md:gap-3', columns)} data-kind={r.kind} data-flag={r.flag ?? undefined}>
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 md:contents">
              <span className="font-mono text-xs tabular-nums" title={r.utc !== null ? `${utcClock(r.utc)} UTC` : undefined}>
                {r.sessionTime !== null && origin !== null ? formatSessionClock(r.sessionTime - origin) : r.utc !== null ? `${utcClock(r.utc)}Z` : '—'}
              </span>
              {raceLike ? <span className="font-mono text-xs text-muted-foreground max-md:empty:hidden">{r.lap !== null ? `L${r.lap}` : ''}</span> : null}
              <span className="inline-flex items-center gap-1.5 text-xs">
                <span aria-hidden className="h-3 w-1 rounded-sm" style={{ background: KIND_COLORS[r.kind] }} />
                {kindLabel(r.kind)}
              </span>
              <span className="max-md:empty:hidden">
                {r.flag ? (
                  <span
                    className="inline-flex items-center gap-1.5 rounded-sm border px-1.5 py-0.5 text-xs font-semibold"
                    style={{ borderColor: `color-mix(in srgb, ${flagColor(r.flag)} 55%, transparent)`, background: `color-mix(in srgb, ${flagColor(r.flag)} 14%, transparent)` }}
                  >
                    <FlagSwatch flag={r.flag} />
                    {flagLabel(r.flag)}
                  </span>
                ) : null}
              </span>
              <span className="text-xs text-muted-foreground max-md:empty:hidden">{r.scope === 'Sector' && r.sector !== null ? `Sector ${r.sector}` : r.scope === 'Track' ? 'Track' : ''}</span>
              <span className="flex flex-wrap gap-1 max-md:empty:hidden">
                {r.drivers.map((d) => (
                  <span key={d} title={info.get(d)?.fullName} className="inline-flex items-center gap-1 rounded-sm bg-muted px-1 font-mono text-xs font-semibold">
                    <span aria-hidden className="h-3 w-1 rounded-sm" style={{ background: info.get(d)?.teamColor ?? '#9a9aa8' }} />
                    {d}
                  </span>
                ))}
              </span>
            </div>
            <p className="text-sm leading-snug [overflow-wrap:anywhere]">{r.message}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
