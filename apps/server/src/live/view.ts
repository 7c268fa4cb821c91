// The view the API serves: the engine's derived views (tower, clock, race control, weather,
// positions…) under their own keys, the circuit outline, plus `status`, which the ingester owns (what
// is playing, is the upstream connected, which topics are missing and why). The types are the
// schemas' (schemas.ts), so the OpenAPI document — and the web's generated types — say the same.
import type { Static } from '@sinclair/typebox';
import { liveView, type LiveState, type LiveView as EngineLiveView } from '@apexdata/livetiming';
import type { Json, LiveView } from './frames.js';
import type { LiveSourceStatusSchema, LiveTrackSchema, LiveViewSchema } from './schemas.js';

export const LIVE_RUNNING = 'the live feed is running: replays and replay controls are available when no session is live';

export type LiveStatus = Static<typeof LiveSourceStatusSchema>;
export type SourceKind = LiveStatus['source'];
export type LiveTrack = Static<typeof LiveTrackSchema>;

// Compile-time check that the engine's views are what the schema describes (both ways, so a field
// added to one and not the other fails the build).
type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
type Described = Required<Omit<Static<typeof LiveViewSchema>, 'status' | 'track'>>;
type Engine = DeepMutable<EngineLiveView>;
const engineFits = <T extends Described>() => true;
const schemaFits = <T extends Engine>() => true;
void engineFits<Engine>;
void schemaFits<Described>;

export function idleStatus(tokenConfigured = false): LiveStatus {
  return { source: 'none', session: null, connected: false, topicsMissing: [], tokenConfigured, recording: null, replay: null, message: null };
}

export function emptyView(status: LiveStatus = idleStatus()): LiveView {
  return { status: status as unknown as Json };
}

export function statusOf(view: LiveView): LiveStatus {
  return (view.status as unknown as LiveStatus | undefined) ?? idleStatus();
}

/**
 * The engine's derived views of a live state at feed time `at` (tower, clock, lap count, track
 * status, race control, weather, car positions, car data) and the circuit outline, as JSON for frames.
 */
export function engineView(state: LiveState, at: number, track: LiveTrack | null = null): LiveView {
  return { ...(liveView(state.topics, at) as unknown as LiveView), track: track as unknown as Json };
}
