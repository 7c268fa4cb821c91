// Topic parsers owned by the timing engine (re-exported from the package entry).
export { parseTrackStatus } from './track-status.js';
export type { TrackStatusChange } from './track-status.js';
export { parseSessionStatus, sessionStartTime } from './session-status.js';
export type { SessionStatusChange, SessionStatusValue } from './session-status.js';
export { parseRaceControl } from './race-control.js';
export type { RaceControlMessage } from './race-control.js';
export { parseLapCount, scheduledLaps } from './lap-count.js';
export type { LapCountUpdate } from './lap-count.js';
export { timingDataByDriver, lapTimingOf, lapTimingByDriver, LapTimingCollector } from './timing-data.js';
export type { DriverPatch, LapTimingPatch } from './timing-data.js';
export { parseStintMessages } from './timing-app-data.js';
export type { StintMessage } from './timing-app-data.js';
