// Plays a Replay as a live source: messages paced by feed time × speed (or as fast as possible),
// with pause, resume, speed changes and seeks. A seek yields a snapshot of the state at the target
// (from the replay's keyframes), then messages continue from there.
import type { Replay } from './replay.js';
import type { LiveEvent, LiveSource, SourceStatus } from './types.js';

/** Replay speed: a factor (×1 … ×100) or `'max'` (no pacing). */
export type ReplaySpeed = number | 'max';

export const MIN_SPEED = 1;
export const MAX_SPEED = 100;

export interface PlayerOptions {
  /** Default ×1. */
  readonly speed?: ReplaySpeed;
  /** Feed time (epoch ms) to start from; default the first message. */
  readonly from?: number;
  /** Start paused. */
  readonly paused?: boolean;
  /** Wall clock (ms), injectable for tests. */
  readonly now?: () => number;
  /** With `'max'`, yield to the event loop every this many messages so controls stay responsive. */
  readonly batch?: number;
}

/** Throws a RangeError naming the problem when a speed is outside ×1–×100 and not `'max'`. */
export function checkSpeed(speed: unknown): ReplaySpeed {
  if (speed === 'max') return speed;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw new RangeError(`replay speed must be a number from ${MIN_SPEED} to ${MAX_SPEED} or "max" (got ${JSON.stringify(speed)})`);
  }
  return speed;
}

export class ReplayPlayer implements LiveSource {
  readonly kind = 'replay' as const;
  private index: number;
  private speedValue: ReplaySpeed;
  private pausedValue: boolean;
  private closed = false;
  private ended = false;
  /** Pacing anchor: feed time `anchorAt` was due at wall time `anchorWall`. */
  private anchorAt: number;
  private anchorWall: number;
  private readonly queue: LiveEvent[] = [];
  private wake: (() => void) | null = null;
  private readonly now: () => number;
  private readonly batch: number;

  constructor(readonly replay: Replay, options: PlayerOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.batch = options.batch ?? 500;
    this.speedValue = checkSpeed(options.speed ?? 1);
    this.pausedValue = options.paused ?? false;
    const from = clamp(options.from ?? replay.startAt, replay.startAt, replay.endAt);
    this.anchorAt = from;
    this.anchorWall = this.now();
    this.index = replay.indexAfter(from);
    this.queueSnapshot(from);
  }

  get speed(): ReplaySpeed {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  /** Current feed time of the playhead (epoch ms). */
  get position(): number {
    if (this.pausedValue || this.speedValue === 'max') return this.anchorAt;
    return Math.min(this.replay.endAt, this.anchorAt + (this.now() - this.anchorWall) * this.speedValue);
  }

  status(): SourceStatus {
    const state = this.closed ? 'idle' : this.ended ? 'ended' : this.pausedValue ? 'paused' : 'playing';
    return { source: 'replay', state, speed: this.speedValue, at: this.position };
  }

  pause(): void {
    if (this.pausedValue) return;
    this.reanchor(this.position);
    this.pausedValue = true;
    this.queueStatus();
  }

  resume(): void {
    if (!this.pausedValue) return;
    this.pausedValue = false;
    this.reanchor(this.anchorAt);
    this.queueStatus();
  }

  setSpeed(speed: ReplaySpeed): void {
    const next = checkSpeed(speed);
    this.reanchor(this.position);
    this.speedValue = next;
    this.queueStatus();
  }

  /** Jumps to a feed time (clamped to the session); the next event is the state there. */
  seek(at: number): void {
    if (!Number.isFinite(at)) throw new RangeError(`seek target must be a finite time (got ${at})`);
    const target = clamp(at, this.replay.startAt, this.replay.endAt);
    this.queue.length = 0;
    this.index = this.replay.indexAfter(target);
    this.ended = false;
    this.reanchor(target);
    this.queueSnapshot(target);
    this.queueStatus();
  }

  close(): void {
    this.closed = true;
    this.poke();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<LiveEvent> {
    const msgs = this.replay.timeline.messages;
    let sinceYield = 0;
    try {
      while (!this.closed) {
        const queued = this.queue.shift();
        if (queued) {
          // Pacing starts when the state at the playhead is handed over, not when it was computed.
          if (queued.type === 'snapshot') this.reanchor(queued.at);
          yield queued;
          continue;
        }
        if (this.pausedValue || this.ended) {
          await this.sleep(Infinity);
          continue;
        }
        if (this.index >= msgs.length) {
          this.ended = true;
          this.reanchor(this.replay.endAt);
          this.queueStatus();
          continue;
        }
        const m = msgs[this.index]!;
        if (this.speedValue !== 'max') {
          const due = this.anchorWall + (m.at - this.anchorAt) / this.speedValue;
          const wait = due - this.now();
          if (wait > 1) {
            await this.sleep(wait);
            continue; // controls may have changed while waiting
          }
        } else {
          this.anchorAt = m.at;
          if (++sinceYield >= this.batch) {
            sinceYield = 0;
            await new Promise((r) => setImmediate(r));
          }
        }
        this.index++;
        yield { type: 'message', message: m };
      }
    } finally {
      this.closed = true;
    }
  }

  private queueSnapshot(at: number): void {
    const state = this.replay.stateAt(at);
    this.queue.push({ type: 'snapshot', topics: state.snapshot().topics, at });
  }

  private queueStatus(): void {
    this.queue.push({ type: 'status', status: this.status() });
    this.poke();
  }

  private reanchor(at: number): void {
    this.anchorAt = at;
    this.anchorWall = this.now();
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => this.poke(), ms) : null;
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
