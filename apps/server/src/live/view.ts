// The view the API serves: the engine's derived views (tower, clock, race control, weather,
// positions…) under their own keys, plus `status`, which the ingester owns (what is playing, is the
// upstream connected, which topics are missing and why).
import { liveView, type LiveState } from '@apexdata/livetiming';
import type { Json, LiveView } from './frames.js';

export const LIVE_RUNNING = 'the live feed is running: replays and replay controls are available when no session is live';

export type SourceKind = 'none' | 'live' | 'replay' | 'recording';

export interface LiveStatus {
  source: SourceKind;
  session: { year: number | null; round: number | null; session: string | null; name: string; path: string | null } | null;
  /** live: the SignalR connection is up; replay: a session is loaded */
  connected: boolean;
  /** topics the source does not deliver, e.g. CarData.z and Position.z without an F1TV token */
  topicsMissing: string[];
  /** is an F1TV token configured on the server (the token itself never leaves it) */
  tokenConfigured: boolean;
  replay: { speed: number | 'max'; paused: boolean; positionMs: number; durationMs: number } | null;
  /** a line for people: "reconnecting to the F1 feed (attempt 3)" */
  message: string | null;
}

export function idleStatus(tokenConfigured = false): LiveStatus {
  return { source: 'none', session: null, connected: false, topicsMissing: [], tokenConfigured, replay: null, message: null };
}

export function emptyView(status: LiveStatus = idleStatus()): LiveView {
  return { status: status as unknown as Json };
}

export function statusOf(view: LiveView): LiveStatus {
  return (view.status as unknown as LiveStatus | undefined) ?? idleStatus();
}

/**
 * The engine's derived views of a live state at feed time `at` (tower, clock, lap count, track
 * status, race control, weather, car positions, car data), as JSON for frames.
 */
export function engineView(state: LiveState, at: number): LiveView {
  return liveView(state.topics, at) as unknown as LiveView;
}
