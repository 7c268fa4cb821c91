'use client';

import * as React from 'react';
import type { Comparison, TrackOutline } from '@/lib/api/session-types';
import { colourRuns, miniSectorFastest, nearestIndex, speedColor } from '@/lib/shape/telemetry';
import { brakeColour, channelAlongTrack, throttleColour } from '@/lib/shape/track-colours';
import type { LapStyle } from '@/lib/shape/lap-styles';

export const MAP_MODES = ['speed', 'fastest', 'throttle', 'brake'] as const;
export type MapMode = (typeof MAP_MODES)[number];

const LABELS: Record<MapMode, string> = {
  speed: 'speed',
  fastest: 'the fastest lap in each mini-sector',
  throttle: 'throttle',
  brake: 'brake',
};

/**
 * The circuit drawn from position data, coloured by speed, by which compared lap is fastest in
 * each mini-sector, or by one compared lap's throttle or brake — with the chart cursor's position on it.
 */
export function TrackMap({
  track,
  comparison,
  styles,
  mode,
  pedalLap,
  cursorDistance,
}: {
  track: TrackOutline;
  comparison: Comparison | null;
  styles: LapStyle[];
  mode: MapMode;
  /** Index of the compared lap whose speed/throttle/brake colours the track. */
  pedalLap: number;
  cursorDistance: number | null;
}) {
  const geometry = React.useMemo(() => {
    const xs = track.x;
    const ys = track.y.map((v) => -v); // SVG y grows downwards
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const pad = Math.max(maxX - minX, maxY - minY) * 0.05;
    return { xs, ys, viewBox: `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`, stroke: Math.max(maxX - minX, maxY - minY) / 110 };
  }, [track]);

  // Speed of the chosen compared lap when the comparison carries speed, else of the outline's own lap.
  const speedLap = comparison?.channels.speed?.[pedalLap] ? pedalLap : null;
  const ofLap = mode === 'throttle' || mode === 'brake' || (mode === 'speed' && speedLap !== null) ? styles[pedalLap]?.label : mode === 'speed' ? `${track.driver ?? track.driverNumber} L${track.lapNumber}` : undefined;

  const segments = React.useMemo(() => {
    const n = track.x.length;
    const colors: string[] = [];
    if (mode === 'fastest' && comparison && comparison.laps.length > 1) {
      const mini = miniSectorFastest(comparison, 25);
      const trackTotal = track.distance[n - 1] || 1;
      const lapTotal = comparison.distance[comparison.distance.length - 1] || 1;
      for (let i = 0; i < n - 1; i++) {
        const d = (track.distance[i]! / trackTotal) * lapTotal;
        const k = Math.min(mini.fastest.length - 1, Math.floor((d / lapTotal) * mini.fastest.length));
        const lap = mini.fastest[k];
        colors.push(lap === null || lap === undefined ? '#555' : styles[lap]?.color ?? '#555');
      }
    } else if (mode === 'throttle' || mode === 'brake') {
      // Segment i takes the value at its first point (grey until the comparison is here).
      const values = comparison ? channelAlongTrack(track, comparison, mode, pedalLap) : [];
      const colour = mode === 'throttle' ? throttleColour : brakeColour;
      for (let i = 0; i < n - 1; i++) colors.push(colour(values[i] ?? null));
    } else {
      const speed = speedLap !== null ? channelAlongTrack(track, comparison!, 'speed', speedLap) : track.speed;
      const speeds = speed.filter((s): s is number => s !== null);
      const min = Math.min(...speeds), max = Math.max(...speeds);
      for (let i = 0; i < n - 1; i++) {
        const s = speed[i];
        // 16 speed bands keep neighbouring segments in one colour run.
        colors.push(s === null || s === undefined ? '#555' : speedColor(min + Math.round(((s - min) / (max - min || 1)) * 16) / 16 * (max - min), min, max));
      }
    }
    return colors;
  }, [track, comparison, styles, mode, pedalLap, speedLap]);

  // Consecutive segments of one colour become one polyline: tens of elements instead of hundreds.
  const runs = React.useMemo(() => colourRuns(segments, geometry.xs, geometry.ys), [segments, geometry]);

  const cursor = React.useMemo(() => {
    if (cursorDistance === null || !comparison) return null;
    const lapTotal = comparison.distance[comparison.distance.length - 1] || 1;
    const trackTotal = track.distance[track.distance.length - 1] || 1;
    const i = nearestIndex(track.distance, (cursorDistance / lapTotal) * trackTotal);
    return i < 0 ? null : { x: geometry.xs[i]!, y: geometry.ys[i]! };
  }, [cursorDistance, comparison, track, geometry]);

  const sectorMarks = track.sectorDistances.map((d) => {
    const i = nearestIndex(track.distance, d);
    return { x: geometry.xs[i]!, y: geometry.ys[i]! };
  });

  return (
    <svg
      viewBox={geometry.viewBox}
      className="aspect-square h-auto w-full max-w-md"
      role="img"
      aria-label={`Track map coloured by ${LABELS[mode]}${ofLap ? ` of ${ofLap}` : ''}`}
      data-chart="track-map"
      data-mode={mode}
      data-points={segments.length}
    >
      <polyline points={geometry.xs.map((x, i) => `${x},${geometry.ys[i]}`).join(' ')} fill="none" stroke="#000" strokeWidth={geometry.stroke * 2.2} strokeLinejoin="round" />
      {runs.map((r) => (
        <polyline key={r.start} points={r.points} fill="none" stroke={r.color} strokeWidth={geometry.stroke} strokeLinecap="round" strokeLinejoin="round" />
      ))}
      {sectorMarks.map((m, i) => (
        <circle key={i} cx={m.x} cy={m.y} r={geometry.stroke * 1.1} fill="#fff" stroke="#000" strokeWidth={geometry.stroke * 0.3} />
      ))}
      <circle cx={geometry.xs[0]} cy={geometry.ys[0]} r={geometry.stroke * 1.3} fill="var(--primary)" />
      {cursor ? <circle cx={cursor.x} cy={cursor.y} r={geometry.stroke * 1.6} fill="#fff" stroke="var(--primary)" strokeWidth={geometry.stroke * 0.5} data-cursor /> : null}
    </svg>
  );
}

