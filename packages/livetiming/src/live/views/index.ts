// Derived views of the live state. Pure functions of the topics (and, for the clock, of feed time).
import type { RaceControlMessage } from '../../topics/race-control.js';
import type { WeatherSample } from '../../topics/weather.js';
import type { TopicStates } from '../types.js';
import { carPositions, liveCarData, type CarPosition, type CarTelemetry } from './cars.js';
import { lapCount, raceControl, sessionClock, sessionView, trackStatus, weather, type LapCountView, type SessionClock, type SessionView, type TrackStatusView } from './session.js';
import { timingTower, type TimingTower } from './tower.js';

export * from './cars.js';
export * from './session.js';
export * from './tower.js';

/** Everything a live page shows, as of feed time `now`. */
export interface LiveView {
  readonly at: number;
  readonly session: SessionView;
  readonly clock: SessionClock;
  readonly lapCount: LapCountView | null;
  readonly trackStatus: TrackStatusView | null;
  readonly tower: TimingTower;
  readonly raceControl: readonly RaceControlMessage[];
  readonly weather: Omit<WeatherSample, 'time'> | null;
  readonly positions: readonly CarPosition[];
  readonly carData: readonly CarTelemetry[];
}

export function liveView(topics: Readonly<TopicStates>, now: number): LiveView {
  return {
    at: now,
    session: sessionView(topics),
    clock: sessionClock(topics, now),
    lapCount: lapCount(topics),
    trackStatus: trackStatus(topics),
    tower: timingTower(topics),
    raceControl: raceControl(topics),
    weather: weather(topics),
    positions: carPositions(topics),
    carData: liveCarData(topics),
  };
}
