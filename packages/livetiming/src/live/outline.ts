// The circuit outline from a session's Position.z stream, so a live map can draw the track before the
// cars have driven it: one car's path over one full lap (from the first point it returns to after
// covering at least a lap's worth of distance), thinned to a few hundred points. Pure; the server
// picks the stream (the session's own positions, or an archived session of the same circuit).
import { decodeCompressed } from '../stream/decode.js';
import type { JsonValue } from '../stream/merge.js';
import { parseUtc } from '../timing/time.js';
import type { LiveMessage } from './types.js';

export interface LiveTrackOutline {
  /** Closed path in the feed's X/Y units (1/10 m), first point = last point. */
  readonly points: [number, number][];
  /** The car whose lap it is. */
  readonly driverNumber: string;
  /** Feed time (epoch ms) of the lap's first and last sample. */
  readonly from: number;
  readonly to: number;
  /** Length of the path, metres. */
  readonly lengthM: number;
}

export interface OutlineOptions {
  /** A lap is at least this long (m). Default 1,500: no F1 circuit is shorter than 3.3 km. */
  readonly minLapM?: number;
  /** Back at the start: within this distance of the first point (m). Default 30. */
  readonly closeM?: number;
  /** Points at least this far apart in the result (m). Default 15. */
  readonly spacingM?: number;
}

type Sample = { t: number; x: number; y: number };
type Obj = Record<string, JsonValue>;
const obj = (v: JsonValue | undefined): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const list = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : obj(v) ? Object.values(obj(v)!) : []);

/** Position samples on track per car, in time order (cars without a fix — 0,0 — and off-track samples left out). */
export function positionTracks(messages: readonly LiveMessage[]): Map<string, Sample[]> {
  const cars = new Map<string, Sample[]>();
  for (const m of messages) {
    if (m.topic !== 'Position.z') continue;
    let data: JsonValue = m.data;
    if (typeof data === 'string') {
      try {
        data = decodeCompressed(data) as JsonValue;
      } catch {
        continue; // an undecodable batch is counted where the stream is read; here it is just absent
      }
    }
    for (const batch of list(obj(data)?.Position)) {
      const b = obj(batch);
      const t = parseUtc(b?.Timestamp);
      const entries = obj(b?.Entries);
      if (!entries || Number.isNaN(t)) continue;
      for (const [car, e] of Object.entries(entries)) {
        const p = obj(e);
        const x = Number(p?.X);
        const y = Number(p?.Y);
        if (!p || !Number.isFinite(x) || !Number.isFinite(y) || (x === 0 && y === 0) || (p.Status !== undefined && p.Status !== 'OnTrack')) continue;
        let s = cars.get(car);
        if (!s) cars.set(car, (s = []));
        const last = s[s.length - 1];
        if (last && t <= last.t) continue;
        s.push({ t, x, y });
      }
    }
  }
  return cars;
}

const dist = (a: Sample, b: Sample) => Math.hypot(a.x - b.x, a.y - b.y) / 10;

/**
 * One lap of one car from `start`: the path until the car is back within `closeM` of the start after
 * at least `minLapM`; null when it never closes (the stream ends, or a gap of more than 10 s — a car in
 * the garage — breaks it).
 */
function lapFrom(s: readonly Sample[], start: number, o: Required<OutlineOptions>): { end: number; length: number } | null {
  let length = 0;
  for (let i = start + 1; i < s.length; i++) {
    if (s[i]!.t - s[i - 1]!.t > 10_000) return null;
    length += dist(s[i]!, s[i - 1]!);
    if (length >= o.minLapM && dist(s[i]!, s[start]!) <= o.closeM) return { end: i, length };
  }
  return null;
}

/**
 * The outline of the circuit from Position.z messages, or null when no car drove a full lap in them.
 * Cars are tried by number of samples; per car, laps starting from the middle of its stream outward
 * (the first laps of a session often start in the pit lane), and the first lap found is taken.
 */
export function trackOutlineFromPositions(messages: readonly LiveMessage[], options: OutlineOptions = {}): LiveTrackOutline | null {
  const o: Required<OutlineOptions> = { minLapM: options.minLapM ?? 1500, closeM: options.closeM ?? 30, spacingM: options.spacingM ?? 15 };
  const cars = [...positionTracks(messages)].sort((a, b) => b[1].length - a[1].length).slice(0, 5);
  for (const [car, s] of cars) {
    const mid = Math.floor(s.length / 2);
    for (let k = 0; k < s.length; k += Math.max(1, Math.floor(s.length / 40))) {
      for (const start of [mid + k, mid - k]) {
        if (start < 0 || start >= s.length) continue;
        const lap = lapFrom(s, start, o);
        if (!lap) continue;
        const points: [number, number][] = [[s[start]!.x, s[start]!.y]];
        let last = s[start]!;
        for (let i = start + 1; i < lap.end; i++) {
          if (dist(s[i]!, last) < o.spacingM) continue;
          points.push([s[i]!.x, s[i]!.y]);
          last = s[i]!;
        }
        points.push([s[start]!.x, s[start]!.y]);
        return { points, driverNumber: car, from: s[start]!.t, to: s[lap.end]!.t, lengthM: Math.round(lap.length) };
      }
    }
  }
  return null;
}
