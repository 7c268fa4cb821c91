import { applyPatch, type JsonValue, type StreamMessage } from '../stream/index.js';

/** One weather reading (about once a minute). Values are null when the feed never sent them. */
export interface WeatherSample {
  /** Session time (ms). */
  readonly time: number;
  /** °C */
  readonly airTemp: number | null;
  /** % */
  readonly humidity: number | null;
  /** mbar */
  readonly pressure: number | null;
  readonly rainfall: boolean | null;
  /** °C */
  readonly trackTemp: number | null;
  /** degrees, 0–359 */
  readonly windDirection: number | null;
  /** m/s */
  readonly windSpeed: number | null;
}

/**
 * One sample per WeatherData message. Messages are patches like every topic: a value that did not
 * change may be omitted, so each sample is read from the state after the message is applied.
 */
export function parseWeatherData(messages: readonly StreamMessage[]): WeatherSample[] {
  const out: WeatherSample[] = [];
  let state: JsonValue = {};
  for (const m of messages) {
    if (typeof m.data !== 'object' || m.data === null || Array.isArray(m.data)) continue;
    // Keyframe-only or empty messages carry no reading.
    if (!FIELDS.some((f) => f in (m.data as object))) continue;
    state = applyPatch(state, m.data);
    const s = state as Record<string, unknown>;
    const rain = num(s.Rainfall);
    out.push({
      time: m.time,
      airTemp: num(s.AirTemp),
      humidity: num(s.Humidity),
      pressure: num(s.Pressure),
      rainfall: rain === null ? null : rain !== 0,
      trackTemp: num(s.TrackTemp),
      windDirection: num(s.WindDirection),
      windSpeed: num(s.WindSpeed),
    });
  }
  return out;
}

const FIELDS = ['AirTemp', 'Humidity', 'Pressure', 'Rainfall', 'TrackTemp', 'WindDirection', 'WindSpeed'];

function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
