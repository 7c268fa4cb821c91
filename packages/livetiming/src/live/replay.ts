// Replay of a timeline with seek: keyframes (state snapshots every N seconds of feed time) are taken
// as the replay first moves forward, so a seek restores the nearest keyframe and applies at most N
// seconds of messages instead of re-reading the session from the start.
import { LiveState, type LiveStateOptions } from './state.js';
import type { Timeline } from './timeline.js';
import type { LiveSnapshot } from './types.js';

export interface ReplayOptions extends LiveStateOptions {
  /** Feed time between keyframes (ms). Default 60 s. */
  readonly keyframeEveryMs?: number;
}

interface Keyframe {
  /** Index of the first message not included. */
  readonly index: number;
  readonly snapshot: LiveSnapshot;
}

/** Random access to the state of a timeline at any feed time. */
export class Replay {
  readonly startAt: number;
  readonly endAt: number;
  private readonly every: number;
  private readonly frames: Keyframe[] = [];
  private readonly builder: LiveState;
  private built = 0;

  constructor(readonly timeline: Timeline, private readonly options: ReplayOptions = {}) {
    const msgs = timeline.messages;
    this.startAt = msgs[0]?.at ?? timeline.zeroUtc;
    this.endAt = msgs[msgs.length - 1]?.at ?? this.startAt;
    this.every = Math.max(1000, options.keyframeEveryMs ?? 60_000);
    this.builder = new LiveState(options);
    this.frames.push({ index: 0, snapshot: this.builder.snapshot() });
  }

  /** Number of keyframes taken so far. */
  get keyframes(): number {
    return this.frames.length;
  }

  /** Index of the first message after feed time `at` (messages at exactly `at` are included before it). */
  indexAfter(at: number): number {
    const msgs = this.timeline.messages;
    let lo = 0;
    let hi = msgs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (msgs[mid]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A fresh state holding every message up to and including feed time `at`. */
  stateAt(at: number): LiveState {
    const end = this.indexAfter(at);
    this.buildKeyframes(end);
    let frame = this.frames[0]!;
    for (const f of this.frames) {
      if (f.index <= end) frame = f;
      else break;
    }
    const state = new LiveState(this.options);
    state.restore(frame.snapshot);
    const msgs = this.timeline.messages;
    for (let i = frame.index; i < end; i++) state.apply(msgs[i]!);
    return state;
  }

  // Keyframes sit at message boundaries: the first message past each N-second mark starts one.
  private buildKeyframes(upTo: number): void {
    const msgs = this.timeline.messages;
    while (this.built < upTo && this.built < msgs.length) {
      const m = msgs[this.built]!;
      const last = this.frames[this.frames.length - 1]!;
      const lastAt = last.index === 0 ? this.startAt : msgs[last.index]!.at;
      if (m.at - lastAt >= this.every) this.frames.push({ index: this.built, snapshot: this.builder.snapshot() });
      this.builder.apply(m);
      this.built++;
    }
  }
}
