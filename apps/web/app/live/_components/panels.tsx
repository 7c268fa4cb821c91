'use client';

import { clockText } from '@/lib/live/replay';
import type { LiveView, RaceControlMessage } from '@/lib/live/types';
import { cn } from '@/lib/utils';

const TRACK: Record<string, [string, string]> = {
  '1': ['Track clear', 'bg-timing-green/15 text-timing-green border-timing-green/40'],
  '2': ['Yellow flag', 'bg-timing-yellow/15 text-timing-yellow border-timing-yellow/40'],
  '4': ['Safety car', 'bg-amber-500/20 text-amber-300 border-amber-500/50'],
  '5': ['Red flag', 'bg-destructive/20 text-destructive border-destructive/60'],
  '6': ['Virtual safety car', 'bg-amber-500/20 text-amber-300 border-amber-500/50'],
  '7': ['VSC ending', 'bg-amber-500/10 text-amber-200 border-amber-500/30'],
};

/** Track status banner, lap counter and session clock: the strip above the tower. */
export function SessionStrip({ view }: { view: LiveView }) {
  const status = view.trackStatus;
  const [label, cls] = (status && TRACK[status.code]) ?? [status?.message || 'No track status yet', 'bg-muted text-muted-foreground border-border'];
  const laps = view.lapCount;
  return (
    <div className="flex flex-wrap gap-2">
      <div className={cn('flex min-w-48 flex-1 items-center rounded-lg border px-3 py-2 text-sm font-semibold uppercase tracking-wider', cls)} data-testid="track-status" data-code={status?.code ?? ''}>
        {label}
      </div>
      {laps && (
        <div className="flex items-baseline gap-2 rounded-lg border bg-card px-3 py-2" data-testid="lap-counter">
          <span className="text-[10px] uppercase tracking-wider text-muted-foreground">Lap</span>
          <span className="font-display text-lg tabular-nums">{laps.current ?? '–'}<span className="text-muted-foreground">/{laps.total ?? '–'}</span></span>
        </div>
      )}
      <div className="flex items-baseline gap-2 rounded-lg border bg-card px-3 py-2" data-testid="session-clock">
        <span className="text-[10px] uppercase tracking-wider text-muted-foreground">{view.clock?.running ? 'Remaining' : 'Clock'}</span>
        <span className="font-display text-lg tabular-nums">{clockText(view.clock?.remainingMs)}</span>
      </div>
    </div>
  );
}

const FLAG: Record<string, string> = {
  GREEN: 'bg-timing-green',
  CLEAR: 'bg-timing-green',
  YELLOW: 'bg-timing-yellow',
  'DOUBLE YELLOW': 'bg-timing-yellow',
  RED: 'bg-destructive',
  BLUE: 'bg-sky-500',
  CHEQUERED: 'bg-foreground',
  'BLACK AND WHITE': 'bg-foreground',
};

export function RaceControl({ messages }: { messages: RaceControlMessage[] }) {
  const recent = [...messages].reverse().slice(0, 40);
  return (
    <section className="rounded-lg border bg-card" aria-label="Race control" data-testid="race-control">
      <h2 className="border-b px-3 py-2 text-xs font-semibold uppercase tracking-wider text-muted-foreground">Race control</h2>
      {recent.length === 0 ? (
        <p className="px-3 py-4 text-sm text-muted-foreground">No messages yet.</p>
      ) : (
        <ol className="max-h-72 overflow-y-auto text-sm">
          {recent.map((m, i) => (
            <li key={`${m.utc}-${i}`} className="flex gap-2 border-b border-border/40 px-3 py-1.5 last:border-0">
              <span className={cn('mt-1.5 size-2 shrink-0 rounded-full', (m.flag && FLAG[m.flag]) ?? 'bg-muted-foreground/40')} />
              <span className="w-12 shrink-0 tabular-nums text-xs text-muted-foreground">{m.utc ? String(m.utc).slice(11, 16) : ''}{m.lap ? ` L${m.lap}` : ''}</span>
              <span>{m.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function Weather({ weather }: { weather: LiveView['weather'] }) {
  const v = (k: keyof NonNullable<LiveView['weather']>) => weather?.[k];
  const items: [string, string][] = weather
    ? [
        ['Air', v('airTemp') != null ? `${v('airTemp')} °C` : '–'],
        ['Track', v('trackTemp') != null ? `${v('trackTemp')} °C` : '–'],
        ['Humidity', v('humidity') != null ? `${v('humidity')} %` : '–'],
        ['Wind', v('windSpeed') != null ? `${v('windSpeed')} m/s` : '–'],
        ['Rain', v('rainfall') ? 'yes' : 'no'],
      ]
    : [];
  return (
    <section className="rounded-lg border bg-card" aria-label="Weather" data-testid="weather">
      <h2 className="border-b px-3 py-2 text-xs font-semibold uppercase tracking-wider text-muted-foreground">Weather</h2>
      {items.length === 0 ? (
        <p className="px-3 py-4 text-sm text-muted-foreground">No weather reading in this feed.</p>
      ) : (
        <dl className="grid grid-cols-3 gap-2 px-3 py-2 text-sm sm:grid-cols-5">
          {items.map(([k, val]) => (
            <div key={k}>
              <dt className="text-[10px] uppercase tracking-wider text-muted-foreground">{k}</dt>
              <dd className="tabular-nums">{val}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
