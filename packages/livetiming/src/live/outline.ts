// The circuit outline from a session's Position.z stream, so a live map can draw the track before the
// cars have driven it: one car's path over one full lap (from the first point it returns to after
// covering at least a lap's worth of distance), thinned to a few hundred points. Pure; the server
// picks the stream (the session's own positions, or an archived session of the same circuit).
import { decodeCompressed } from '../stream/decode.js';
import type { JsonValue } from '../stream/merge.js';
import { parseUtc } from '../timing/time.js';
import { deriveRotation } from '../track/rotation.js';
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
  /**
   * Degrees to turn the feed's X/Y counter-clockwise to draw the circuit the way the session map
   * does (engine `deriveRotation`); 0 with too few points.
   */
  readonly rotation: number;
  /**
   * Where the car was when TimingData says it completed a lap (its NumberOfLaps went up): the
   * start/finish line as the rotation places it; null without TimingData for that car, and the
   * rotation then takes the lap's first point.
   */
  readonly finishLine: [number, number] | null;
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
  return readPositions(messages).cars;
}

/**
 * The cars' samples, stamped with the batches' own UTC, and how far that clock is from the messages'
 * feed time (median of newest batch UTC − message time): an archive stream read without SessionInfo
 * counts feed time from its first line, so other topics' times are put on the samples' clock by it.
 */
function readPositions(messages: readonly LiveMessage[]): { cars: Map<string, Sample[]>; clockOffset: number } {
  const cars = new Map<string, Sample[]>();
  const offsets: number[] = [];
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
    let newest = NaN;
    for (const batch of list(obj(data)?.Position)) {
      const b = obj(batch);
      const t = parseUtc(b?.Timestamp);
      const entries = obj(b?.Entries);
      if (!entries || Number.isNaN(t)) continue;
      if (!(t <= newest)) newest = t;
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
    if (Number.isFinite(newest)) offsets.push(newest - m.at);
  }
  offsets.sort((a, b) => a - b);
  return { cars, clockOffset: offsets.length ? offsets[offsets.length >> 1]! : 0 };
}

/** Feed times (the messages' `at`) at which each car's NumberOfLaps went up, from TimingData. */
export function lapCompletions(messages: readonly LiveMessage[]): Map<string, number[]> {
  const laps = new Map<string, number>();
  const out = new Map<string, number[]>();
  for (const m of messages) {
    if (m.topic !== 'TimingData') continue;
    for (const [car, line] of Object.entries(obj(obj(m.data)?.Lines) ?? {})) {
      const n = obj(line)?.NumberOfLaps;
      if (typeof n !== 'number') continue;
      const before = laps.get(car);
      laps.set(car, n);
      if (before === undefined || n <= before) continue;
      let times = out.get(car);
      if (!times) out.set(car, (times = []));
      times.push(m.at);
    }
  }
  return out;
}

/** Position at feed time t, linear between the samples around it; null outside the samples. */
function positionAt(s: readonly Sample[], t: number): [number, number] | null {
  if (s.length === 0 || t < s[0]!.t || t > s[s.length - 1]!.t) return null;
  let lo = 0;
  let hi = s.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.t <= t) lo = mid; else hi = mid;
  }
  const a = s[lo]!;
  const b = s[hi]!;
  const f = b.t === a.t ? 0 : (t - a.t) / (b.t - a.t);
  return [a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f];
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
  const { cars: tracks, clockOffset } = readPositions(messages);
  const cars = [...tracks].sort((a, b) => b[1].length - a[1].length).slice(0, 5);
  const completions = lapCompletions(messages);
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
        const from = s[start]!.t;
        const to = s[lap.end]!.t;
        // The line crossing nearest the lap drawn (timing messages trail the crossing by a moment,
        // metres at most on a circuit's scale: enough to tell which half the line is in).
        const nearest = (completions.get(car) ?? []).map((t) => t + clockOffset).reduce<number | null>((best, t) => (best === null || Math.abs(t - (from + to) / 2) < Math.abs(best - (from + to) / 2) ? t : best), null);
        const finishLine = nearest === null ? null : positionAt(s, nearest);
        const [sx, sy] = finishLine ?? points[0]!;
        const rotation = deriveRotation(points.map(([x, y]) => ({ x, y })), { x: sx, y: sy });
        return { points, driverNumber: car, from, to, lengthM: Math.round(lap.length), rotation, finishLine };
      }
    }
  }
  return null;
}
