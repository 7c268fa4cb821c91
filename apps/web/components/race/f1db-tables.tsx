// The race-weekend parts only F1DB holds: the starting grid as painted on the track, practice and
// other session classifications, the entry list, and the driver-of-the-day vote.
'use client';

import * as React from 'react';
import { Award } from 'lucide-react';
import type { DriverOfTheDayVote, GridEntry, PracticeSession, RaceEntry, SessionResult } from '@/lib/api/types';
import { EntityTable, type Column } from '@/components/entity/entity-table';
import { driverTeamColumns, positionColumn } from '@/components/race/result-columns';
import { DriverLink, TeamStripe } from '@/components/entity/links';
import { AppLink as Link } from '@/components/app-link';
import { Badge } from '@/components/ui/badge';
import { ToggleGroup, ToggleGroupItem } from '@/components/ui/toggle-group';
import { formatDuration, formatGap } from '@/lib/format/time';
import { gridRows, penaltyLabel } from '@/lib/shape/f1db';
import { sessionName } from '@/lib/format/f1db';
import { cn } from '@/lib/utils';


/** Two staggered columns like the painted grid; penalised cars carry their penalty. */
export function StartingGrid({ grid, label }: { grid: readonly GridEntry[]; label: string }) {
  const { rows, elsewhere } = gridRows(grid);
  const penalised = grid.filter((g) => penaltyLabel(g));
  return (
    <div className="flex flex-col gap-4">
      {penalised.length > 0 ? (
        <ul aria-label="Grid penalties" className="flex flex-wrap gap-2 text-xs">
          {penalised.map((g) => (
            <li key={g.driver.id} className="inline-flex items-center gap-1.5 rounded border border-timing-yellow/40 bg-timing-yellow/10 px-2 py-1">
              <DriverLink driver={g.driver} constructorId={g.constructor.id} short /> <span className="text-timing-yellow">{penaltyLabel(g)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ol aria-label={label} className="mx-auto grid w-full max-w-2xl grid-cols-2 gap-x-4 gap-y-1 sm:gap-x-10">
        {rows.flat().map((g) => (
          <GridSlot key={`${g.driver.id}-${g.position}`} g={g} />
        ))}
      </ol>
      {elsewhere.length > 0 ? (
        <div className="mx-auto mt-4 w-full max-w-2xl">
          <p className="mb-1 text-xs font-semibold uppercase tracking-widest text-muted-foreground">Pit lane / not placed</p>
          <ol className="grid grid-cols-2 gap-x-4 gap-y-1 sm:gap-x-10">
            {elsewhere.map((g) => (
              <GridSlot key={g.driver.id} g={g} />
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}

function GridSlot({ g }: { g: GridEntry }) {
  const penalty = penaltyLabel(g);
  // The right-hand column starts half a row back, as on the track.
  const right = g.position !== null && g.position % 2 === 0;
  return (
    <li data-grid-position={g.positionText} className={cn('flex min-w-0 items-center gap-2 rounded-md border-t-2 border-t-foreground/60 bg-card px-2 py-1.5', right && 'translate-y-4')}>
      <span className="w-7 shrink-0 text-right font-display text-sm font-extrabold tabular-nums">{g.position ?? g.positionText}</span>
      <TeamStripe constructorId={g.constructor.id} className="h-7" />
      <span className="min-w-0 flex-1">
        <Link href={`/drivers/${g.driver.id}`} className="block truncate text-sm font-semibold uppercase hover:underline">
          {g.driver.familyName}
        </Link>
        <span className="block truncate text-[11px] text-muted-foreground">
          {g.qualifyingTimeMillis ? formatDuration(g.qualifyingTimeMillis) : g.constructor.name}
        </span>
      </span>
      {penalty ? (
        <Badge variant="yellow" className="hidden shrink-0 sm:inline-flex" title={`grid penalty: ${penalty}`}>
          {penalty}
        </Badge>
      ) : null}
    </li>
  );
}

const sessionColumns: Column<SessionResult>[] = [
  positionColumn((r) => r.position ?? <span className="text-muted-foreground">{r.positionText}</span>),
  { header: 'No', cell: (r) => r.number, className: 'hidden w-10 text-right sm:table-cell', cellClassName: 'font-mono text-muted-foreground' },
  ...driverTeamColumns((r: SessionResult) => r),
  { header: 'Time', cell: (r) => formatDuration(r.timeMillis), className: 'text-right', cellClassName: 'font-mono' },
  { header: 'Gap', cell: (r) => (r.gapMillis ? formatGap(r.gapMillis) : ''), className: 'text-right', cellClassName: 'font-mono text-muted-foreground' },
  { header: 'Laps', cell: (r) => r.laps ?? '—', className: 'hidden text-right sm:table-cell', cellClassName: 'font-mono' },
];

/** Practice (and warm-up, pre-qualifying, separate qualifying) classifications, one session at a time. */
export function PracticeSessions({ sessions, raceName }: { sessions: readonly PracticeSession[]; raceName: string }) {
  const [selected, setSelected] = React.useState(sessions[0]?.session ?? '');
  const session = sessions.find((s) => s.session === selected) ?? sessions[0];
  if (!session) return null;
  return (
    <div className="flex flex-col gap-3">
      {sessions.length > 1 ? (
        <ToggleGroup type="single" value={session.session} onValueChange={(v) => v && setSelected(v)} aria-label="Session" className="flex-wrap">
          {sessions.map((s) => (
            <ToggleGroupItem key={s.session} value={s.session} aria-label={sessionName(s.session)}>
              {s.session}
            </ToggleGroupItem>
          ))}
        </ToggleGroup>
      ) : null}
      <EntityTable label={`${raceName} ${sessionName(session.session)}`} rows={session.results} rowKey={(r) => `${r.driver.id}-${r.number}`} columns={sessionColumns} />
    </div>
  );
}

const entryColumns: Column<RaceEntry>[] = [
  { header: 'No', cell: (e) => e.number ?? '—', className: 'w-10 text-right', cellClassName: 'font-mono text-muted-foreground' },
  ...driverTeamColumns((e: RaceEntry) => e),
  { header: 'Entrant', cell: (e) => e.entrant?.name ?? '—', className: 'hidden lg:table-cell', cellClassName: 'whitespace-normal text-muted-foreground' },
  { header: 'Chassis', cell: (e) => e.chassis.map((c) => c.name).join(' / ') || '—', cellClassName: 'font-semibold' },
  {
    header: 'Engine',
    cell: (e) =>
      e.engines.length > 0 ? (
        <span className="flex flex-col leading-tight">
          <span>{e.engines.map((x) => x.manufacturer.name).filter((n, i, a) => a.indexOf(n) === i).join(' / ')}</span>
          <span className="text-[11px] text-muted-foreground">{e.engines.map((x) => x.name).join(' / ')}</span>
        </span>
      ) : (
        (e.engineManufacturer?.name ?? '—')
      ),
  },
  { header: 'Tyres', cell: (e) => e.tyreManufacturer?.name ?? '—', className: 'hidden sm:table-cell', cellClassName: 'text-muted-foreground' },
];

export function EntryList({ entries, label }: { entries: readonly RaceEntry[]; label: string }) {
  return <EntityTable label={label} rows={entries} rowKey={(e) => `${e.driver.id}-${e.constructor.id}`} columns={entryColumns} />;
}

/** The fans' vote: the winner large, the rest of the published shares beside. */
export function DriverOfTheDay({ votes }: { votes: readonly DriverOfTheDayVote[] }) {
  const [winner, ...rest] = votes;
  if (!winner) return null;
  return (
    <section aria-label="Driver of the day" className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border bg-card px-3 py-2 text-sm">
      <span className="inline-flex items-center gap-1.5 text-xs font-semibold uppercase tracking-widest text-muted-foreground">
        <Award aria-hidden className="size-4 text-timing-yellow" /> Driver of the day
      </span>
      <span className="inline-flex items-center gap-2">
        <DriverLink driver={winner.driver} constructorId={winner.constructor.id} />
        {winner.percentage !== null ? <span className="font-mono font-semibold">{winner.percentage.toFixed(1)}%</span> : null}
      </span>
      {rest.length > 0 ? (
        <span className="text-xs text-muted-foreground">
          then{' '}
          {rest.slice(0, 4).map((v, i) => (
            <React.Fragment key={v.driver.id}>
              {i > 0 ? ', ' : null}
              {v.driver.familyName}
              {v.percentage !== null ? ` ${v.percentage.toFixed(1)}%` : ''}
            </React.Fragment>
          ))}
        </span>
      ) : null}
    </section>
  );
}
