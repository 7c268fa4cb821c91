// The live engine's vocabulary. Every source (the F1 feed, an archive replay, a recording) produces
// the same stream of events; the state applies them; servers send snapshots and patches from it.
import type { JsonValue } from '../stream/merge.js';

/** One feed message, decoded (`.z` payloads inflated), on the feed's own clock. */
export interface LiveMessage {
  /** Feed topic as named by the feed, `.z` suffix kept (`TimingData`, `Position.z`). */
  readonly topic: string;
  /** The patch for that topic (JSON; `.z` topics: the inflated batch, or the base64 text as sent). */
  readonly data: JsonValue;
  /**
   * Feed time, epoch ms UTC: the envelope timestamp of a live message; for archive streams the line
   * offset plus the stream's start (see `streamZeroUtc`). One clock for every source.
   */
  readonly at: number;
  /** Wall-clock receive time (epoch ms) for live messages and recordings; absent for archive replays. */
  readonly receivedAt?: number;
  /**
   * The data is the topic's whole state (a topic of a Subscribe snapshot inside a recording), to
   * replace what is held rather than merge into it.
   */
  readonly replace?: boolean;
}

/** Whole per-topic state, keyed by state topic (`.z` topics without the suffix: `CarData`, `Position`). */
export type TopicStates = Record<string, JsonValue>;

/** What a source yields. */
export type LiveEvent =
  | { readonly type: 'message'; readonly message: LiveMessage }
  /**
   * A full state that replaces everything held: the Subscribe completion of the feed (after every
   * (re)connect), or the state at a seek target of a replay. Topics are keyed as the feed names them.
   */
  | { readonly type: 'snapshot'; readonly topics: Readonly<Record<string, JsonValue>>; readonly at: number; readonly seq?: number }
  | { readonly type: 'status'; readonly status: SourceStatus };

/** Connection / playback state of a source, for `/live/status` and the UI's designed states. */
export interface SourceStatus {
  readonly source: 'feed' | 'replay' | 'recording';
  readonly state: 'connecting' | 'live' | 'reconnecting' | 'playing' | 'paused' | 'ended' | 'idle' | 'error';
  /** Topics subscribed to but not delivered (e.g. `CarData.z` without an F1TV token) and why. */
  readonly missingTopics?: readonly { readonly topic: string; readonly reason: string }[];
  readonly detail?: string;
  /** Replay only. */
  readonly speed?: number | 'max';
  readonly at?: number;
}

/** A stream of live events. Ending the iteration (or `close()`) releases the source. */
export interface LiveSource extends AsyncIterable<LiveEvent> {
  readonly kind: SourceStatus['source'];
  close(): void | Promise<void>;
}

/** State at one moment, as sent to a client first. `seq` is the id of the last patch it includes. */
export interface LiveSnapshot {
  readonly seq: number;
  readonly at: number;
  readonly topics: TopicStates;
}

/**
 * One change of the state, in the feed's own merge semantics (apply it with `applyPatch` to
 * `topics[topic]`; `replace` means the value replaces the topic's state). `id` increases by one per
 * patch, so a client that resumes from an id misses nothing.
 */
export interface LivePatch {
  readonly id: number;
  readonly at: number;
  readonly topic: string;
  readonly data: JsonValue;
  readonly replace?: boolean;
}
