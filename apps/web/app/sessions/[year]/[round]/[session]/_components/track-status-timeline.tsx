'use client';

import * as React from 'react';
import {
  formatSessionClock,
  leaderLapAt,
  trackStatusKind,
  trackStatusTotals,
  type LeaderLap,
  type SessionSpan,
  type TrackStatusSegment,
} from '@/lib/shape/race-control';
import { cn } from '@/lib/utils';

export interface TimelineMarker {
  key: string | number;
  /** Session time (ms). */
  time: number;
  color: string;
  label: string;
}

const STRIPED = new Set(['6', '7']);
/** Beyond this many, yellow periods fold away: they would bury the safety cars and red flags. */
const YELLOWS_SHOWN = 3;

/** Timing screens hatch the virtual safety car: a VSC period reads apart from a yellow at a glance. */
function segmentBackground(code: string): string {
  const { color } = trackStatusKind(code);
  return STRIPED.has(code) ? `repeating-linear-gradient(135deg, ${color} 0 6px, color-mix(in srgb, ${color} 55%, #000) 6px 9px)` : color;
}

const TIME_STEPS = [60_000, 120_000, 300_000, 600_000, 900_000, 1_200_000, 1_800_000, 3_600_000];
const LAP_STEPS = [1, 2, 5, 10, 20];

/** Ticks every `step`, counted from `origin`, that fall inside [start, end]. */
function ticks(span: SessionSpan, maxTicks: number): number[] {
  const length = span.end - span.start;
  const step = TIME_STEPS.find((s) => length / s <= maxTicks) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  const out: number[] = [];
  for (let t = span.origin + Math.ceil((span.start - span.origin) / step) * step; t <= span.end; t += step) out.push(t);
  return out;
}

function periodText(s: TrackStatusSegment, origin: number, leader: readonly LeaderLap[]): string {
  const laps = leader.length ? lapRange(s, leader) : '';
  return `${formatSessionClock(s.start - origin)} – ${formatSessionClock(s.end - origin)} (${formatSessionClock(s.end - s.start)})${laps ? ` · ${laps}` : ''}`;
}

function lapRange(s: TrackStatusSegment, leader: readonly LeaderLap[]): string {
  const from = leaderLapAt(leader, s.start);
  const to = leaderLapAt(leader, s.end - 1);
  if (from === null || to === null) return '';
  return from === to ? `lap ${from}` : `laps ${from}–${to}`;
}

/**
 * The track status across the session as one coloured band (green, yellow, SC, VSC, red) on a time
 * axis counted from the start, with the leader's laps above it in races and race-control messages
 * as ticks below it.
 */
export function TrackStatusTimeline({
  segments,
  span,
  leader,
  markers,
  startLabel,
}: {
  segments: TrackStatusSegment[];
  span: SessionSpan;
  leader: readonly LeaderLap[];
  markers: readonly TimelineMarker[];
  /** What the clock's 0:00 is: "Race start", "Session start". */
  startLabel: string;
}) {
  const length = span.end - span.start;
  const pct = (t: number) => ((Math.min(Math.max(t, span.start), span.end) - span.start) / length) * 100;
  const x = (t: number) => `${pct(t)}%`;
  // A label centred on its tick, except at the ends where it would be cut off.
  const labelAt = (t: number) => (pct(t) < 3 ? 'translate-x-0' : pct(t) > 97 ? '-translate-x-full' : '-translate-x-1/2');
  const timeTicks = ticks(span, 8);
  const lapStep = LAP_STEPS.find((s) => leader.length / s <= 12) ?? 20;
  const lapTicks = leader.filter((l) => (l.lap === 1 || l.lap % lapStep === 0) && l.start >= span.start && l.start <= span.end);
  const totals = trackStatusTotals(segments);
  const incidents = segments.filter((s) => s.status !== '1');
  const yellows = incidents.filter((s) => s.status === '2');
  const major = incidents.filter((s) => s.status !== '2');
  const visible = markers.filter((m) => m.time >= span.start && m.time <= span.end);
  const preStart = span.start < span.origin;

  return (
    <div className="flex flex-col gap-3">
      <figure
        className="flex flex-col gap-1"
        data-chart="track-status"
        data-points={segments.length}
        aria-label={`Track status from ${formatSessionClock(span.start - span.origin)} to ${formatSessionClock(span.end - span.origin)}: ${totals.map((t) => `${t.kind.label} ${t.periods}×`).join(', ')}`}
      >
        {lapTicks.length ? (
          <div className="relative h-4 font-mono text-[10px] text-muted-foreground" aria-hidden>
            {lapTicks.map((l, i) => (
              <span
                key={l.lap}
                className={cn('absolute top-0 whitespace-nowrap', i === 0 ? 'pl-1' : labelAt(l.start), i % 2 === 1 && lapTicks.length > 6 && 'max-sm:hidden')}
                style={{ left: x(l.start) }}
              >
                {i === 0 ? <span className="max-sm:hidden">Lap </span> : null}
                {l.lap}
              </span>
            ))}
          </div>
        ) : null}
        <div className="relative">
          <div className="relative flex h-9 overflow-hidden rounded-md bg-muted" role="list" aria-label="Track status periods on the timeline">
            {segments.map((s) => {
              const kind = trackStatusKind(s.status);
              const width = ((s.end - s.start) / length) * 100;
              return (
                <div
                  key={s.start}
                  role="listitem"
                  data-status={s.status}
                  title={`${kind.label}: ${periodText(s, span.origin, leader)}`}
                  aria-label={`${kind.label}: ${periodText(s, span.origin, leader)}`}
                  className="absolute inset-y-0 flex items-center justify-center overflow-hidden border-r border-background/60 last:border-r-0"
                  style={{ left: x(s.start), width: `${width}%`, background: segmentBackground(s.status) }}
                >
                  {width > 3.5 && kind.short ? <span className="rounded-sm bg-black/55 px-1 font-mono text-[10px] font-bold leading-4 text-white">{kind.short}</span> : null}
                </div>
              );
            })}
          </div>
          {preStart ? <div className="pointer-events-none absolute -inset-y-1 w-0.5 -translate-x-1/2 bg-foreground" style={{ left: x(span.origin) }} aria-hidden /> : null}
        </div>
        {visible.length ? (
          <div className="relative h-3" role="list" aria-label="Messages on the timeline">
            {visible.map((m) => (
              <span key={m.key} role="listitem" title={m.label} aria-label={m.label} className="absolute top-0 h-3 w-0.5 -translate-x-1/2 rounded-full" style={{ left: x(m.time), background: m.color }} />
            ))}
          </div>
        ) : null}
        <div className="relative h-4 border-t border-border font-mono text-[10px] text-muted-foreground" aria-hidden>
          {timeTicks.map((t, i) => (
            <span
              key={t}
              className={cn('absolute top-0.5 whitespace-nowrap', labelAt(t), i % 2 === 1 && timeTicks.length > 4 && 'max-sm:hidden')}
              style={{ left: x(t) }}
            >
              {formatSessionClock(t - span.origin)}
            </span>
          ))}
        </div>
      </figure>

      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Track status legend">
        {preStart ? (
          <li className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-0.5 bg-foreground" />
            <span className="font-semibold">{startLabel}</span>
            <span className="font-mono text-muted-foreground">0:00</span>
          </li>
        ) : null}
        {totals.map((t) => (
          <li key={t.kind.code} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-5 rounded-sm" style={{ background: segmentBackground(t.kind.code) }} />
            <span className="font-semibold">{t.kind.label}</span>
            <span className="font-mono text-muted-foreground">
              {t.kind.code === '1' ? '' : `${t.periods}× · `}
              {formatSessionClock(t.duration)}
            </span>
          </li>
        ))}
      </ul>

      {incidents.length ? (
        <>
          <Incidents segments={major} origin={span.origin} leader={leader} label="Track status incidents" />
          {yellows.length > YELLOWS_SHOWN ? (
            <details className="group text-xs">
              <summary className="w-fit cursor-pointer select-none font-semibold text-muted-foreground hover:text-foreground">{yellows.length} yellow periods</summary>
              <Incidents segments={yellows} origin={span.origin} leader={leader} label="Yellow periods" className="mt-2" />
            </details>
          ) : (
            <Incidents segments={yellows} origin={span.origin} leader={leader} label="Yellow periods" />
          )}
        </>
      ) : (
        <p className="text-xs text-muted-foreground">Green throughout: no yellow, safety car or red flag on the timeline.</p>
      )}
    </div>
  );
}

function Incidents({ segments, origin, leader, label, className }: { segments: TrackStatusSegment[]; origin: number; leader: readonly LeaderLap[]; label: string; className?: string }) {
  if (!segments.length) return null;
  return (
    <ol className={cn('grid gap-1 text-xs sm:grid-cols-2 lg:grid-cols-3', className)} aria-label={label}>
      {segments.map((s) => {
        const kind = trackStatusKind(s.status);
        return (
          <li key={s.start} className="flex flex-wrap items-center gap-x-2 rounded-md border px-2 py-1" data-status={s.status}>
            <span aria-hidden className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: segmentBackground(s.status) }} />
            <span className="whitespace-nowrap font-semibold">{kind.label}</span>
            <span className="ml-auto whitespace-nowrap font-mono text-muted-foreground">{periodText(s, origin, leader)}</span>
          </li>
        );
      })}
    </ol>
  );
}
