// Live timing: one engine for the F1 feed, archive replays and recordings.
export type { LiveMessage, LiveEvent, LiveSource, LiveSnapshot, LivePatch, SourceStatus, TopicStates } from './types.js';
export { LiveState, stateTopic } from './state.js';
export type { LiveStateOptions, DroppedMessages } from './state.js';
export { diffJson } from './diff.js';
export { loadTimeline, timelineFromTopics, streamZeroUtc } from './timeline.js';
export type { Timeline, ZeroSource } from './timeline.js';
export { Replay } from './replay.js';
export type { ReplayOptions } from './replay.js';
export { ReplayPlayer, checkSpeed, MIN_SPEED, MAX_SPEED } from './player.js';
export type { ReplaySpeed, PlayerOptions } from './player.js';
export { replaySource } from './source.js';
export type { ReplaySourceOptions } from './source.js';
export * from './views/index.js';
export * from './feed/index.js';
export {
  LIVE_RECORDING_FORMAT, LIVE_RECORDING_VERSION, LiveRecorder, frameEvents, readAnyRecording, readFastF1Recording, readLiveRecording,
  recordingFrameLine, recordingHeaderLine,
} from './recording.js';
export type { LiveRecordingHeader, RecordingRead } from './recording.js';
export { recordFeed } from './record.js';
export { positionTracks, trackOutlineFromPositions } from './outline.js';
export type { LiveTrackOutline, OutlineOptions } from './outline.js';
export type { RecordFeedOptions } from './record.js';
