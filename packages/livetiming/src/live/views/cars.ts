// Car positions (Position.z) and car data (CarData.z) from the state's sample window: the latest
// sample per car and the one before it, so a map can interpolate between them.
import type { JsonObject } from '../../stream/merge.js';
import { parseUtc } from '../../timing/time.js';
import type { TopicStates } from '../types.js';
import { num, obj, str } from './read.js';

export interface PositionSample {
  /** Epoch ms of the sample. */
  readonly utc: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export interface CarPosition {
  readonly driverNumber: string;
  /** `OnTrack` or `OffTrack` as sent. */
  readonly status: string | null;
  readonly latest: PositionSample;
  /** The sample before `latest`, for interpolation; null when there is only one. */
  readonly previous: PositionSample | null;
}

export interface CarTelemetry {
  readonly driverNumber: string;
  readonly utc: number;
  readonly speed: number | null;
  readonly rpm: number | null;
  readonly gear: number | null;
  readonly throttle: number | null;
  /** 0 or 100 in the feed (on/off), as sent. */
  readonly brake: number | null;
  /** Raw DRS channel (0/1 off, 8 eligible, 10/12/14 open). */
  readonly drs: number | null;
}

/** Samples held for a `.z` state topic, newest first (views only need the last ones). */
function newestFirst(topics: Readonly<TopicStates>, topic: 'CarData' | 'Position'): JsonObject[] {
  const list = obj(topics[topic])?.[topic === 'CarData' ? 'Entries' : 'Position'];
  const o = obj(list ?? null);
  if (!o) return [];
  return Object.keys(o).sort((a, b) => Number(b) - Number(a)).map((k) => obj(o[k]!)).filter((x): x is JsonObject => x !== null);
}

/** Latest car-data entry of each car (`{Channels}` and its time), by racing number. */
export function latestCarSamples(topics: Readonly<TopicStates>): Map<string, { channels: JsonObject | null; utc: number }> {
  const out = new Map<string, { channels: JsonObject | null; utc: number }>();
  for (const entry of newestFirst(topics, 'CarData')) {
    const cars = obj(entry.Cars ?? null) ?? {};
    let utc = NaN;
    for (const n of Object.keys(cars)) {
      if (out.has(n)) continue;
      if (Number.isNaN(utc)) utc = parseUtc(entry.Utc);
      out.set(n, { channels: obj(obj(cars[n]!)?.Channels ?? null), utc });
    }
  }
  return out;
}

/** Latest speed, rpm, gear, throttle, brake and DRS of each car; empty without CarData. */
export function liveCarData(topics: Readonly<TopicStates>): CarTelemetry[] {
  return [...latestCarSamples(topics)].map(([driverNumber, car]) => {
    const ch = car.channels ?? {};
    return {
      driverNumber,
      utc: car.utc,
      rpm: num(ch['0']), speed: num(ch['2']), gear: num(ch['3']), throttle: num(ch['4']), brake: num(ch['5']), drs: num(ch['45']),
    };
  }).sort((a, b) => Number(a.driverNumber) - Number(b.driverNumber));
}

/**
 * Where each car is, from Position.z. Samples at exactly 0,0,0 are skipped: the feed sends them for
 * cars without a fix (a car parked in the garage, the safety car out of range), and drawing them
 * puts a car in the middle of the map.
 */
export function carPositions(topics: Readonly<TopicStates>): CarPosition[] {
  const seen = new Map<string, { status: string | null; latest: PositionSample; previous: PositionSample | null }>();
  for (const batch of newestFirst(topics, 'Position')) {
    const entries = obj(batch.Entries ?? null) ?? {};
    let utc = NaN;
    for (const n of Object.keys(entries)) {
      const known = seen.get(n);
      if (known?.previous) continue;
      const e = obj(entries[n]!);
      const x = num(e?.X);
      const y = num(e?.Y);
      const z = num(e?.Z) ?? 0;
      if (!e || x === null || y === null || (x === 0 && y === 0 && z === 0)) continue;
      if (Number.isNaN(utc)) utc = parseUtc(batch.Timestamp);
      const sample = { utc, x, y, z };
      if (known) known.previous = sample;
      else seen.set(n, { status: str(e.Status), latest: sample, previous: null });
    }
  }
  return [...seen].map(([driverNumber, v]) => ({ driverNumber, ...v })).sort((a, b) => Number(a.driverNumber) - Number(b.driverNumber));
}
