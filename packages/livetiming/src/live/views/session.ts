// Session-wide views: clock, lap count, status, track status, race control and weather.
import { parseRaceControl, type RaceControlMessage } from '../../topics/race-control.js';
import { parseWeatherData, type WeatherSample } from '../../topics/weather.js';
import { parseUtc } from '../../timing/time.js';
import type { TopicStates } from '../types.js';
import { bool, items, ms, num, obj, str } from './read.js';

export interface SessionClock {
  /** Time left (ms) at `now`; null when the feed never sent a clock. */
  readonly remainingMs: number | null;
  /** The clock is running (remaining counts down between messages). */
  readonly running: boolean;
}

/**
 * ExtrapolatedClock: `Remaining` was the time left at `Utc`; while `Extrapolating` is true it counts
 * down from there, otherwise it is frozen. `now` is feed time (epoch ms).
 */
export function sessionClock(topics: Readonly<TopicStates>, now: number): SessionClock {
  const c = obj(topics.ExtrapolatedClock);
  const remaining = ms(c?.Remaining);
  if (!c || remaining === null) return { remainingMs: null, running: false };
  const running = bool(c.Extrapolating);
  const since = parseUtc(c.Utc);
  if (!running || Number.isNaN(since)) return { remainingMs: remaining, running };
  return { remainingMs: Math.max(0, remaining - Math.max(0, now - since)), running };
}

export interface LapCountView {
  readonly current: number | null;
  readonly total: number | null;
}

export function lapCount(topics: Readonly<TopicStates>): LapCountView | null {
  const l = obj(topics.LapCount);
  return l ? { current: num(l.CurrentLap), total: num(l.TotalLaps) } : null;
}

export interface TrackStatusView {
  /** 1 clear, 2 yellow, 4 safety car, 5 red flag, 6 VSC deployed, 7 VSC ending. */
  readonly code: string;
  readonly message: string;
}

export function trackStatus(topics: Readonly<TopicStates>): TrackStatusView | null {
  const t = obj(topics.TrackStatus);
  const code = str(t?.Status ?? null);
  return code ? { code, message: str(t?.Message ?? null) ?? '' } : null;
}

/** Race-control messages in the order sent (the topic parser of the archive engine, on the live state). */
export function raceControl(topics: Readonly<TopicStates>): RaceControlMessage[] {
  const rc = topics.RaceControlMessages;
  return rc ? parseRaceControl([{ time: 0, data: rc }]) : [];
}

/** The latest weather reading; null before the first. */
export function weather(topics: Readonly<TopicStates>): Omit<WeatherSample, 'time'> | null {
  const w = topics.WeatherData;
  if (!w) return null;
  const [sample] = parseWeatherData([{ time: 0, data: w }]);
  if (!sample) return null;
  const { time: _time, ...rest } = sample;
  return rest;
}

export interface SessionView {
  readonly meeting: string | null;
  readonly name: string | null;
  readonly type: string | null;
  readonly path: string | null;
  /** SessionStatus: Inactive, Started, Aborted, Finished, Finalised, Ends. */
  readonly status: string | null;
  /** Qualifying part from SessionData, when sent. */
  readonly qualifyingPart: number | null;
}

export function sessionView(topics: Readonly<TopicStates>): SessionView {
  const info = obj(topics.SessionInfo);
  const series = items(obj(topics.SessionData)?.Series);
  let part: number | null = null;
  for (const s of series) part = num(obj(s)?.QualifyingPart ?? null) ?? part;
  return {
    meeting: str(obj(info?.Meeting ?? null)?.Name ?? null),
    name: str(info?.Name ?? null),
    type: str(info?.Type ?? null),
    path: str(info?.Path ?? null),
    status: str(obj(topics.SessionStatus)?.Status ?? null),
    qualifyingPart: part,
  };
}
