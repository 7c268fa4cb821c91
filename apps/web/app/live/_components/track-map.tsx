'use client';

import * as React from 'react';
import { addSamples, grow, positionAt, project, turner, type Bounds } from '@/lib/live/track';
import type { LiveTrack, LiveView, PositionSample } from '@/lib/live/types';

interface Props {
  view: LiveView;
  /** performance.now() when `view` arrived */
  receivedAt: number;
}

/** Feed ms the drawing stays behind the newest sample, so there is always a sample ahead to move to. */
const RENDER_LAG_MS = 1500;

/**
 * Cars on the track from Position samples, drawn every animation frame at an interpolated position,
 * over the circuit outline the API serves (one lap of positions, from this session or an archived
 * one of the same circuit), so the track is there before the cars have driven it; without an
 * outline, the trace the cars have driven stands in. Cars without a fix (0,0) are never drawn.
 */
export function TrackMap({ view, receivedAt }: Props) {
  const canvas = React.useRef<HTMLCanvasElement>(null);
  const samples = React.useRef(new Map<string, PositionSample[]>());
  const trace = React.useRef<{ points: [number, number][]; seen: Set<string>; bounds: Bounds | null; outline: LiveTrack | null; turn: (x: number, y: number) => [number, number] }>({ points: [], seen: new Set(), bounds: null, outline: null, turn: turner(0) });
  const latest = React.useRef({ view, receivedAt });
  const [cars, setCars] = React.useState(0);
  const outline = view.track?.points ?? null;

  React.useEffect(() => {
    latest.current = { view, receivedAt };
    const t = trace.current;
    // The outline sets the frame, so cars do not make the map rescale as they reach new corners.
    if (view.track && t.outline !== view.track) {
      t.outline = view.track;
      // Turned as the API says, so the live map is the same way up as the session track map.
      t.turn = turner(view.track.rotation);
      t.bounds = view.track.points.reduce<Bounds | null>((b, [x, y]) => grow(b, ...t.turn(x, y)), null);
    }
    for (const p of view.positions ?? []) {
      samples.current.set(p.driverNumber, addSamples(samples.current.get(p.driverNumber) ?? [], [p.previous, p.latest]));
      for (const s of [p.previous, p.latest]) {
        if (!s || (s.x === 0 && s.y === 0) || t.points.length >= 20_000) continue;
        const key = `${Math.round(s.x / 25)},${Math.round(s.y / 25)}`;
        if (t.seen.has(key)) continue;
        t.seen.add(key);
        t.points.push([s.x, s.y]);
        if (!t.outline) t.bounds = grow(t.bounds, ...t.turn(s.x, s.y));
      }
    }
    setCars(view.positions?.length ?? 0);
  }, [view, receivedAt]);

  React.useEffect(() => {
    let frame = 0;
    const draw = () => {
      frame = requestAnimationFrame(draw);
      const c = canvas.current;
      const t = trace.current;
      if (!c || !t.bounds) return;
      const dpr = window.devicePixelRatio || 1;
      const w = c.clientWidth;
      const h = c.clientHeight;
      if (c.width !== Math.round(w * dpr)) c.width = Math.round(w * dpr);
      if (c.height !== Math.round(h * dpr)) c.height = Math.round(h * dpr);
      const ctx = c.getContext('2d')!;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const to = project(t.bounds, w, h, 18);
      if (t.outline) {
        ctx.beginPath();
        t.outline.points.forEach(([x, y], i) => {
          const [px, py] = to(...t.turn(x, y));
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
        ctx.strokeStyle = 'rgba(255,255,255,0.35)';
        ctx.lineWidth = 4;
        ctx.lineJoin = 'round';
        ctx.stroke();
      } else {
        ctx.fillStyle = 'rgba(255,255,255,0.18)';
        for (const [x, y] of t.points) {
          const [px, py] = to(...t.turn(x, y));
          ctx.fillRect(px - 1.5, py - 1.5, 3, 3);
        }
      }
      // Feed time now, from the view's time and how long ago it arrived at the replay's pace.
      const { view, receivedAt } = latest.current;
      const replay = view.status.replay;
      const rate = replay ? (replay.paused ? 0 : replay.speed === 'max' ? 1 : replay.speed) : 1;
      const feedNow = (view.at ?? 0) + (performance.now() - receivedAt) * rate;
      const rows = new Map((view.tower?.rows ?? []).map((r) => [r.driverNumber, r]));
      ctx.font = '600 10px ui-sans-serif, system-ui';
      for (const [driver, list] of samples.current) {
        const p = positionAt(list, feedNow - RENDER_LAG_MS);
        if (!p) continue;
        const [px, py] = to(...t.turn(p.x, p.y));
        const row = rows.get(driver);
        ctx.beginPath();
        ctx.arc(px, py, 5, 0, Math.PI * 2);
        ctx.fillStyle = row?.teamColour ? `#${row.teamColour}` : '#ddd';
        ctx.fill();
        ctx.strokeStyle = '#0b0b10';
        ctx.lineWidth = 1.5;
        ctx.stroke();
        ctx.fillStyle = '#f4f4f5';
        ctx.fillText(row?.abbreviation ?? driver, px + 7, py - 6);
      }
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, []);

  const why = view.status.topicsMissing.includes('Position.z')
    ? view.status.source === 'recording' ? 'the recording has no Position.z: it was made without an F1TV token' : 'Position.z needs an F1TV token'
    : 'this session has no Position.z';
  if (cars === 0 && !outline && !trace.current.bounds) {
    return (
      <div className="grid h-64 place-items-center rounded-lg border bg-card p-4 text-center text-sm text-muted-foreground" data-testid="track-map-empty">
        No car positions in this feed ({why}).
      </div>
    );
  }
  return (
    <figure className="relative m-0">
      <canvas
        ref={canvas}
        className="h-64 w-full rounded-lg border bg-card sm:h-80"
        data-testid="track-map"
        data-outline-points={outline?.length ?? 0}
        data-outline-source={view.track?.source ?? ''}
        aria-label={outline ? 'Track map: circuit outline with car positions' : 'Track map with car positions'}
      />
      {cars === 0 && (
        <figcaption className="absolute inset-x-0 bottom-2 text-center text-xs text-muted-foreground" data-testid="track-map-no-cars">
          No car positions ({why})
        </figcaption>
      )}
    </figure>
  );
}
