// Colouring the track outline by one compared lap's speed, throttle or brake (the API's compare telemetry):
// only layout — which sample of the lap falls on which point of the outline, and a colour per value.
import type { Comparison, TrackOutline } from '../api/session-types';
import { nearestIndex } from './telemetry';

export type LapChannel = 'speed' | 'throttle' | 'brake';

/**
 * The lap's `channel` at each point of the outline. The outline comes from another lap of the
 * session, so points are matched by their fraction of the lap distance (as the mini-sector colouring
 * does); null where the lap has no sample or the channel is missing.
 */
export function channelAlongTrack(
  track: Pick<TrackOutline, 'distance'>,
  comparison: Pick<Comparison, 'distance' | 'channels'>,
  channel: LapChannel,
  lap: number,
): (number | null)[] {
  const values = comparison.channels[channel]?.[lap];
  const trackTotal = track.distance[track.distance.length - 1] || 1;
  const lapTotal = comparison.distance[comparison.distance.length - 1] || 1;
  return track.distance.map((d) => {
    if (!values) return null;
    const j = nearestIndex(comparison.distance, (d / trackTotal) * lapTotal);
    return j < 0 ? null : values[j] ?? null;
  });
}

export const NO_DATA_COLOUR = '#555';
export const BRAKE_ON = '#ef4444';
export const BRAKE_OFF = '#52525b';

/** Throttle 0–100 % in ten bands from red (lifted) through amber to green (flat out); bands keep colour runs long. */
export function throttleColour(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return NO_DATA_COLOUR;
  const band = Math.round(Math.min(100, Math.max(0, v)) / 10) / 10;
  return `hsl(${Math.round(120 * band)} 80% ${Math.round(38 + 8 * band)}%)`;
}

/** Brake is on/off in the feed (0/1 here). */
export function brakeColour(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return NO_DATA_COLOUR;
  return v >= 0.5 ? BRAKE_ON : BRAKE_OFF;
}
