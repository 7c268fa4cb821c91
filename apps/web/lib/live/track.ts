// Drawing cars between Position samples: the feed sends a position every few hundred ms, so a map
// that jumps from sample to sample stutters. Each car keeps its recent samples and is drawn where it
// was at a render time slightly behind the newest sample, interpolated linearly between the two
// samples around it. Pure, so it is tested alone.
import type { PositionSample } from './types';

/** Position at feed time t: linear between the samples around t, clamped to the ends. */
export function positionAt(samples: readonly PositionSample[], t: number): { x: number; y: number } | null {
  if (samples.length === 0) return null;
  if (t <= samples[0]!.utc) return samples[0]!;
  const last = samples[samples.length - 1]!;
  if (t >= last.utc) return last;
  let i = 1;
  while (samples[i]!.utc < t) i++;
  const a = samples[i - 1]!;
  const b = samples[i]!;
  const f = b.utc === a.utc ? 1 : (t - a.utc) / (b.utc - a.utc);
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}

/** Adds samples in time order (duplicates ignored), keeping the newest `keep`. */
export function addSamples(buffer: PositionSample[], incoming: readonly (PositionSample | null)[], keep = 24): PositionSample[] {
  for (const s of incoming) {
    if (!s || (s.x === 0 && s.y === 0)) continue;
    const last = buffer[buffer.length - 1];
    if (last && s.utc <= last.utc) {
      if (buffer.some((b) => b.utc === s.utc)) continue;
      buffer.push(s);
      buffer.sort((a, b) => a.utc - b.utc);
    } else buffer.push(s);
  }
  return buffer.length > keep ? buffer.slice(buffer.length - keep) : buffer;
}

export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function grow(b: Bounds | null, x: number, y: number): Bounds {
  if (!b) return { minX: x, maxX: x, minY: y, maxY: y };
  return { minX: Math.min(b.minX, x), maxX: Math.max(b.maxX, x), minY: Math.min(b.minY, y), maxY: Math.max(b.maxY, y) };
}

/** Maps track coordinates into a w×h box with a margin, keeping the aspect ratio (y up). */
export function project(b: Bounds, w: number, h: number, margin = 16): (x: number, y: number) => [number, number] {
  const sx = (w - 2 * margin) / Math.max(1, b.maxX - b.minX);
  const sy = (h - 2 * margin) / Math.max(1, b.maxY - b.minY);
  const s = Math.min(sx, sy);
  const ox = (w - s * (b.maxX - b.minX)) / 2;
  const oy = (h - s * (b.maxY - b.minY)) / 2;
  return (x, y) => [ox + (x - b.minX) * s, h - (oy + (y - b.minY) * s)];
}

/**
 * Turns feed X/Y by `deg` degrees counter-clockwise: the rotation the API serves with the outline,
 * so the live map is drawn the way up the session track map is.
 */
export function turner(deg: number): (x: number, y: number) => [number, number] {
  const a = (deg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return (x, y) => [x * c - y * s, x * s + y * c];
}
