'use client';

import * as React from 'react';
import { compoundColor, compoundLetter } from '@/lib/colors';
import type { SegmentColour, TimedValue, TimingTower as Tower, TowerRow } from '@/lib/live/types';
import { cn } from '@/lib/utils';

// Broadcast colours: purple overall best, green personal best, yellow otherwise.
const TEXT: Record<string, string> = { purple: 'text-timing-purple', green: 'text-timing-green', yellow: 'text-timing-yellow', none: 'text-muted-foreground' };
const SEGMENT: Record<SegmentColour, string> = {
  purple: 'bg-timing-purple',
  green: 'bg-timing-green',
  yellow: 'bg-timing-yellow',
  pit: 'bg-sky-500',
  none: 'bg-muted',
};

function Time({ value, className }: { value: TimedValue | null; className?: string }) {
  if (!value) return <span className="text-muted-foreground">–</span>;
  return <span className={cn('tabular-nums', TEXT[value.colour], className)} data-colour={value.colour}>{value.text}</span>;
}

function StatusBadge({ row }: { row: TowerRow }) {
  const [label, cls] = row.retired
    ? ['RET', 'bg-destructive/20 text-destructive']
    : row.stopped
      ? ['STOP', 'bg-destructive/20 text-destructive']
      : row.knockedOut
        ? ['OUT', 'bg-muted text-muted-foreground']
        : row.inPit
          ? ['PIT', 'bg-sky-500/20 text-sky-300']
          : row.pitOut
            ? ['PIT OUT', 'bg-sky-500/10 text-sky-300']
            : row.drs === 'open'
              ? ['DRS', 'bg-timing-green/20 text-timing-green']
              : [null, ''];
  if (!label) return null;
  return <span className={cn('rounded px-1 py-0.5 text-[10px] font-bold leading-none', cls)}>{label}</span>;
}

function Tyre({ tyre }: { tyre: TowerRow['tyre'] }) {
  if (!tyre?.compound) return <span className="text-muted-foreground">–</span>;
  return (
    <span className="inline-flex items-center gap-1.5" title={`${tyre.compound}${tyre.new === false ? ' (used)' : ''}, ${tyre.age ?? '?'} laps, stint ${tyre.stints}`}>
      <span className="grid size-5 place-items-center rounded-full border-2 text-[10px] font-bold" style={{ borderColor: compoundColor(tyre.compound) }}>
        {compoundLetter(tyre.compound)}
      </span>
      <span className="tabular-nums text-xs text-muted-foreground">{tyre.age ?? ''}</span>
    </span>
  );
}

export function TimingTower({ tower, delayKey }: { tower: Tower; delayKey?: string }) {
  // A sprint is a race here (the engine's kind).
  const race = tower.kind === 'race';
  return (
    <div className="overflow-x-auto rounded-lg border bg-card" data-testid="timing-tower" data-delay={delayKey}>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b text-left text-[10px] uppercase tracking-wider text-muted-foreground">
            <th className="w-8 px-2 py-1.5 text-right">P</th>
            <th className="px-2 py-1.5">Driver</th>
            <th className="px-2 py-1.5 text-right">{race ? 'Gap' : 'Best'}</th>
            <th className="px-2 py-1.5 text-right">{race ? 'Int' : 'Gap'}</th>
            <th className="hidden px-2 py-1.5 text-right sm:table-cell">Last</th>
            {race && <th className="hidden px-2 py-1.5 text-right sm:table-cell">Best</th>}
            <th className="hidden px-2 py-1.5 md:table-cell">Sectors</th>
            <th className="px-2 py-1.5">Tyre</th>
            <th className="hidden px-2 py-1.5 text-right sm:table-cell">Pit</th>
          </tr>
        </thead>
        <tbody>
          {tower.rows.map((row) => (
            <React.Fragment key={row.driverNumber}>
              <tr
                className={cn('border-b border-border/50', (row.retired || row.knockedOut) && 'opacity-50')}
                data-testid="tower-row"
                data-driver={row.abbreviation ?? row.driverNumber}
              >
                <td className="px-2 py-1 text-right font-semibold tabular-nums">{row.position ?? ''}</td>
                <td className="px-2 py-1">
                  <span className="flex items-center gap-2">
                    <span className="h-4 w-1 rounded-sm" style={{ background: row.teamColour ? `#${row.teamColour}` : 'var(--muted)' }} />
                    <span className="font-semibold" title={row.name ?? undefined}>{row.abbreviation ?? row.driverNumber}</span>
                    <StatusBadge row={row} />
                  </span>
                </td>
                {race ? (
                  <>
                    <td className="px-2 py-1 text-right tabular-nums">{row.gap ?? ''}</td>
                    <td className={cn('px-2 py-1 text-right tabular-nums', row.catching && 'text-timing-green')}>{row.interval ?? ''}</td>
                  </>
                ) : (
                  <>
                    <td className="px-2 py-1 text-right"><Time value={row.bestLap} /></td>
                    <td className="px-2 py-1 text-right tabular-nums text-muted-foreground">{row.gap ?? ''}</td>
                  </>
                )}
                <td className="hidden px-2 py-1 text-right sm:table-cell"><Time value={row.lastLap} /></td>
                {race && <td className="hidden px-2 py-1 text-right sm:table-cell"><Time value={row.bestLap} /></td>}
                <td className="hidden px-2 py-1 md:table-cell">
                  <span className="flex gap-2">
                    {row.sectors.map((s, i) => (
                      <span key={i} className="flex w-16 flex-col gap-0.5">
                        <Time value={s.time} className={cn('text-xs', !s.current && 'opacity-60')} />
                        <span className="flex gap-px">
                          {s.segments.map((seg, j) => <span key={j} className={cn('h-1 flex-1 rounded-[1px]', SEGMENT[seg])} />)}
                        </span>
                      </span>
                    ))}
                  </span>
                </td>
                <td className="px-2 py-1"><Tyre tyre={row.tyre} /></td>
                <td className="hidden px-2 py-1 text-right tabular-nums text-muted-foreground sm:table-cell">{row.pitStops}</td>
              </tr>
              {tower.cutoffAfter !== null && row.position === tower.cutoffAfter && (
                <tr aria-label="elimination line" data-testid="cutoff-line">
                  <td colSpan={9} className="h-0.5 bg-destructive/70 p-0" />
                </tr>
              )}
            </React.Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
