// Public entry of the engine. Named exports only; anything not listed here is internal.

// Stream layer: `.jsonStream` lines, `.z` payloads, patch merge, recorder captures.
export * from './stream/index.js';
export { readRecording, readRecordings, recordingTopicStreams, parsePythonLiteral } from './stream/recording.js';
export type { Recording, RecordedMessage } from './stream/recording.js';

// Archive client: sources (URL or directory), cache, mirrors, season index, session paths, Jolpica.
export * from './archive/index.js';

// Topics
export { parseSessionInfo, parseOffset } from './topics/session-info.js';
export type { SessionInfo, Meeting } from './topics/session-info.js';
export { parseDriverList, findDriver } from './topics/driver-list.js';
export type { Driver } from './topics/driver-list.js';
export { parseWeatherData } from './topics/weather.js';
export type { WeatherSample } from './topics/weather.js';

// Timing: topic parsers (TrackStatus, SessionStatus, RaceControlMessages, LapCount, TimingData,
// TimingAppData), laps with every FastF1 column, the Laps collection and results.
export * from './topics/timing.js';
export * from './timing/index.js';

// Session facade and the engine's two tiers of errors.
export { Session, SESSION_TOPICS, TELEMETRY_TOPICS, resultsKindOf } from './session.js';
export type { SessionLoadOptions, FromTopicsOptions, LoadProgress, LoadStage, TopicInput, TopicLoad, JolpicaInfo } from './session.js';
export { EngineCriticalError } from './errors.js';
export type { CriticalCode, LoadIssue, LoadIssueCode } from './errors.js';

// Output formats: json (camelCase, ms), csv, fastf1 (FastF1 column names, seconds, ISO dates).
export * from './format/index.js';

// Telemetry: CarData.z / Position.z per driver, t0, merged lap telemetry (Distance, DriverAhead),
// slicing, and distance-aligned lap comparison.
export * from './telemetry/index.js';

// Analytics: clean laps, fuel-corrected pace, degradation, overtakes, racecraft, heatmaps.
export * from './analytics/index.js';

// Live timing: live state with the feed's merge rules, derived views, replay with seek, sources.
export * from './live/index.js';
export * from './track/index.js';
// The platform's one retry backoff (archive/retry.ts); the live feed reconnects with it too
// (live/feed/retry-policy.ts adapts it to signalr's IRetryPolicy).
export { backoffDelay } from './archive/index.js';
