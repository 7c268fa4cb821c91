// Live state: every topic's current value under the feed's merge rules, plus a short window of the
// `.z` batches (car data and positions are samples to append, never patches to merge). Applying an
// event returns the patches that reproduce the change, so a server can forward them as they are.
import { decodeCompressed } from '../stream/decode.js';
import { applyPatch, type JsonObject, type JsonValue } from '../stream/merge.js';
import { parseUtc } from '../timing/time.js';
import type { LiveEvent, LiveMessage, LivePatch, LiveSnapshot, TopicStates } from './types.js';

export interface LiveStateOptions {
  /**
   * How much of the `.z` sample history (feed time, ms) the state keeps: enough to interpolate car
   * positions between samples, small enough that a snapshot stays light. Default 10 s.
   */
  readonly sampleWindowMs?: number;
}

/** State topic of a feed topic: `.z` topics hold decoded samples under the name without the suffix. */
export function stateTopic(topic: string): string {
  return topic.endsWith('.z') ? topic.slice(0, -2) : topic;
}

/** `.z` batches: the key of the sample list inside the decoded payload, and each sample's UTC field. */
const SAMPLE_TOPICS: Readonly<Record<string, { list: string; utc: string }>> = {
  CarData: { list: 'Entries', utc: 'Utc' },
  Position: { list: 'Position', utc: 'Timestamp' },
};

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Count of messages the state could not use, and the latest reason (for status and logs). */
export interface DroppedMessages {
  readonly count: number;
  readonly last: { readonly topic: string; readonly at: number; readonly reason: string } | null;
}

export class LiveState {
  private topicsState: TopicStates = {};
  private seqValue = 0;
  private atValue = 0;
  /** Next sample key per `.z` topic (keys only grow, so a client's copy never confuses old and new). */
  private nextSample = new Map<string, number>();
  /** Held `.z` sample keys with their times, oldest first, so trimming never rescans the window. */
  private windows = new Map<string, { key: string; t: number }[]>();
  private readonly windowMs: number;
  private droppedValue: DroppedMessages = { count: 0, last: null };

  constructor(options: LiveStateOptions = {}) {
    this.windowMs = options.sampleWindowMs ?? 10_000;
  }

  /** Id of the last patch produced. */
  get seq(): number {
    return this.seqValue;
  }

  /** Feed time (epoch ms) of the last event applied; 0 before any. */
  get at(): number {
    return this.atValue;
  }

  /** The live topics. Read-only view: clone (or take a `snapshot()`) before keeping it. */
  get topics(): Readonly<TopicStates> {
    return this.topicsState;
  }

  /** Messages that could not be applied (a `.z` payload that does not decode, a non-object patch). */
  get dropped(): DroppedMessages {
    return this.droppedValue;
  }

  /** Applies any source event; returns the patches it produced (none for status events). */
  handle(event: LiveEvent): LivePatch[] {
    if (event.type === 'message') return this.apply(event.message);
    if (event.type === 'snapshot') return this.reset(event.topics, event.at, event.seq);
    return [];
  }

  /** Applies one feed message. */
  apply(message: LiveMessage): LivePatch[] {
    if (message.at > this.atValue) this.atValue = message.at;
    const topic = stateTopic(message.topic);
    if (topic === 'SessionInfo' && this.isNewSession(message.data)) {
      // A new session on the same connection (practice → qualifying): nothing of the previous one
      // may linger in the tower, so everything else is dropped before the new SessionInfo applies.
      const dropped = this.reset({}, this.atValue);
      return [...dropped, ...this.apply(message)];
    }
    const sample = SAMPLE_TOPICS[topic];
    if (sample && message.topic.endsWith('.z')) {
      const decoded = decodeIfText(message.data);
      if ('error' in decoded) return this.drop(message, `${message.topic} payload does not decode: ${decoded.error}`);
      const data = this.appendSamples(topic, sample, decoded.value);
      return data === null ? [] : [{ id: ++this.seqValue, at: this.atValue, topic, data }];
    }
    if (!isObject(message.data)) return this.drop(message, `${message.topic} patch is not a JSON object`);
    if (message.replace) {
      this.topicsState[topic] = applyPatch(undefined, message.data);
      return [{ id: ++this.seqValue, at: this.atValue, topic, data: message.data, replace: true }];
    }
    this.topicsState[topic] = applyPatch(this.topicsState[topic], message.data);
    return [{ id: ++this.seqValue, at: this.atValue, topic, data: message.data }];
  }

  /**
   * Replaces everything with a full state (feed topic names; `.z` values base64 or decoded). Returns
   * one `replace` patch per topic now held and a `null` replace for each topic dropped.
   */
  reset(topics: Readonly<Record<string, JsonValue>>, at: number, seq?: number): LivePatch[] {
    const before = Object.keys(this.topicsState);
    this.topicsState = {};
    this.nextSample.clear();
    this.windows.clear();
    if (seq !== undefined) this.seqValue = seq;
    this.atValue = at;
    for (const [feedTopic, value] of Object.entries(topics)) {
      const topic = stateTopic(feedTopic);
      const sample = SAMPLE_TOPICS[topic];
      if (sample && feedTopic.endsWith('.z')) {
        const decoded = decodeIfText(value);
        if ('error' in decoded) this.drop({ topic: feedTopic, data: null, at }, `${feedTopic} snapshot does not decode: ${decoded.error}`);
        else this.appendSamples(topic, sample, decoded.value);
      }
      else if (sample && isObject(value)) this.adoptSamples(topic, sample, value);
      else if (value !== null && value !== undefined) this.topicsState[topic] = applyPatch(undefined, value);
    }
    const patches: LivePatch[] = [];
    for (const [topic, value] of Object.entries(this.topicsState)) patches.push({ id: ++this.seqValue, at, topic, data: structuredClone(value), replace: true });
    for (const topic of before) if (!(topic in this.topicsState)) patches.push({ id: ++this.seqValue, at, topic, data: null, replace: true });
    return patches;
  }

  /** A deep copy of the state, safe to keep and send. */
  snapshot(): LiveSnapshot {
    return { seq: this.seqValue, at: this.atValue, topics: structuredClone(this.topicsState) };
  }

  /** Restores a snapshot taken by `snapshot()` (copied, so the snapshot can be reused). */
  restore(snapshot: LiveSnapshot): void {
    this.topicsState = structuredClone(snapshot.topics);
    this.seqValue = snapshot.seq;
    this.atValue = snapshot.at;
    this.nextSample.clear();
    this.windows.clear();
    for (const [topic, sample] of Object.entries(SAMPLE_TOPICS)) {
      const list = (this.topicsState[topic] as JsonObject | undefined)?.[sample.list];
      if (isObject(list)) this.nextSample.set(topic, maxKey(list) + 1);
    }
  }

  private isNewSession(data: JsonValue): boolean {
    const held = this.topicsState.SessionInfo;
    const key = isObject(data) ? data.Key : undefined;
    const heldKey = isObject(held) ? held.Key : undefined;
    return key !== undefined && heldKey !== undefined && key !== heldKey;
  }

  private drop(message: LiveMessage, reason: string): LivePatch[] {
    this.droppedValue = { count: this.droppedValue.count + 1, last: { topic: message.topic, at: message.at, reason } };
    return [];
  }

  // A decoded batch `{Entries|Position: [sample…]}` is appended under growing integer keys; samples
  // older than the window (relative to the newest) are dropped with `_deleted` in the same patch.
  // Samples are referenced, not copied: they are only ever added and removed, never merged into.
  private appendSamples(topic: string, sample: { list: string; utc: string }, decoded: JsonValue | null): JsonValue | null {
    const list = isObject(decoded) ? decoded[sample.list] : null;
    const samples = Array.isArray(list) ? list : isObject(list) ? Object.values(list) : [];
    if (samples.length === 0) return null;
    const state = (this.topicsState[topic] ??= { [sample.list]: {} }) as JsonObject;
    const held = (state[sample.list] ??= {}) as JsonObject;
    const times = this.sampleTimes(topic, held, sample.utc);
    let next = this.nextSample.get(topic) ?? 0;
    const added: JsonObject = {};
    for (const s of samples) {
      const key = String(next++);
      held[key] = s;
      added[key] = s;
      times.push({ key, t: sampleTime(s, sample.utc) });
    }
    this.nextSample.set(topic, next);
    const deleted = trimWindow(held, times, this.windowMs);
    if (deleted.length > 0) added._deleted = deleted;
    return { [sample.list]: added };
  }

  /** Keys and times of the held samples, oldest first (rebuilt after a reset or restore). */
  private sampleTimes(topic: string, held: JsonObject, utcField: string): { key: string; t: number }[] {
    let times = this.windows.get(topic);
    if (!times) {
      times = Object.keys(held).map((key) => ({ key, t: sampleTime(held[key], utcField) }));
      this.windows.set(topic, times);
    }
    return times;
  }

  private adoptSamples(topic: string, sample: { list: string; utc: string }, value: JsonObject): void {
    this.topicsState[topic] = applyPatch(undefined, value);
    const list = (this.topicsState[topic] as JsonObject)[sample.list];
    this.nextSample.set(topic, isObject(list) ? maxKey(list) + 1 : 0);
  }
}

// Drops samples older than the newest minus the window; returns their keys.
function trimWindow(held: JsonObject, times: { key: string; t: number }[], windowMs: number): string[] {
  const newest = times[times.length - 1]?.t ?? NaN;
  if (Number.isNaN(newest)) return [];
  let n = 0;
  while (n < times.length - 1 && times[n]!.t < newest - windowMs) n++;
  if (n === 0) return [];
  const deleted = times.splice(0, n).map((e) => e.key);
  for (const key of deleted) delete held[key];
  return deleted;
}

function sampleTime(sample: JsonValue | undefined, field: string): number {
  return isObject(sample) ? parseUtc(sample[field]) : NaN;
}

function maxKey(obj: JsonObject): number {
  let max = -1;
  for (const k of Object.keys(obj)) {
    const n = Number(k);
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

// The feed sends `.z` payloads as base64 text; archives and recordings hand them over decoded.
function decodeIfText(data: JsonValue): { value: JsonValue } | { error: string } {
  if (typeof data !== 'string') return { value: data };
  try {
    return { value: decodeCompressed(data) as JsonValue };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
