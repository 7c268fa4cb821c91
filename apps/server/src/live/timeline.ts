// The recent history of the live view in one API process: the frames of the last `historyMs` and a
// full copy of the view every `keyframeMs`, so the view as of any moment in the window (now − delay)
// is one keyframe plus a few seconds of patches, never a replay from the start.
import jsonpatch, { type Operation } from 'fast-json-patch';
import type { LiveFrame, LiveView } from './frames.js';

const { applyPatch, deepClone } = jsonpatch;

interface Keyframe {
  readonly seq: number;
  readonly at: number;
  readonly view: LiveView;
}

export interface TimelineOptions {
  /** how far back views are kept (the largest delay served) */
  historyMs: number;
  /** a full copy of the view at least this often */
  keyframeMs: number;
  /** the view before the first frame of an epoch (nothing live) */
  emptyView: LiveView;
}

/** Applies JSON Patch operations to a view in place. Operation values are copied: frames stay immutable. */
export function applyOps(view: LiveView, ops: readonly Operation[]): LiveView {
  return applyPatch(view, deepClone(ops), false, true).newDocument as LiveView;
}

/** Index of the last element whose `at` is ≤ t, or -1 (elements sorted by `at`). */
function lastAtOrBefore<T extends { at: number }>(list: readonly T[], t: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export class Timeline {
  private epochId = '';
  private frames: LiveFrame[] = [];
  private keyframes: Keyframe[] = [];
  private headView: LiveView;
  /** seq of the first frame of the epoch still held (its predecessor's view is a keyframe or empty) */
  private lastKeyframeAt = -Infinity;

  constructor(private readonly opts: TimelineOptions) {
    this.headView = deepClone(opts.emptyView) as LiveView;
  }

  get epoch(): string {
    return this.epochId;
  }

  /** seq of the newest frame (0 before any). */
  get lastSeq(): number {
    return this.frames.at(-1)?.seq ?? 0;
  }

  /** The newest view (a live reference: do not mutate). */
  get head(): LiveView {
    return this.headView;
  }

  get size(): number {
    return this.frames.length;
  }

  /**
   * Adds the next frame. A frame of another epoch starts a new history; a gap in seq within an epoch
   * (frames lost on the way) cannot be patched over, so it is refused until the next snapshot.
   */
  push(frame: LiveFrame): 'ok' | 'new-epoch' | 'gap' | 'stale' {
    let result: 'ok' | 'new-epoch' = 'ok';
    if (frame.epoch !== this.epochId) {
      if (frame.kind !== 'snapshot') return 'gap';
      this.epochId = frame.epoch;
      this.frames = [];
      this.keyframes = [];
      this.lastKeyframeAt = -Infinity;
      result = 'new-epoch';
    } else if (frame.seq <= this.lastSeq) {
      return 'stale';
    } else if (frame.seq !== this.lastSeq + 1 && frame.kind !== 'snapshot') {
      return 'gap';
    }
    this.frames.push(frame);
    if (frame.kind === 'snapshot') {
      this.headView = deepClone(frame.view) as LiveView;
      this.keyframes.push({ seq: frame.seq, at: frame.at, view: frame.view });
      this.lastKeyframeAt = frame.at;
    } else {
      this.headView = applyOps(this.headView, frame.ops);
      if (frame.at - this.lastKeyframeAt >= this.opts.keyframeMs) {
        this.keyframes.push({ seq: frame.seq, at: frame.at, view: deepClone(this.headView) as LiveView });
        this.lastKeyframeAt = frame.at;
      }
    }
    return result;
  }

  /** seq of the last frame published at or before `t` (0: before the first one held). */
  seqAt(t: number): number {
    const i = lastAtOrBefore(this.frames, t);
    return i < 0 ? 0 : this.frames[i]!.seq;
  }

  /** `at` of frame `seq`, when held. */
  atOf(seq: number): number | undefined {
    return this.frame(seq)?.at;
  }

  private indexOf(seq: number): number {
    const first = this.frames[0]?.seq;
    if (first === undefined || seq < first || seq > this.lastSeq) return -1;
    // seqs are contiguous except after a snapshot that closed a gap: check, then search.
    const guess = seq - first;
    if (this.frames[guess]?.seq === seq) return guess;
    return this.frames.findIndex((f) => f.seq === seq);
  }

  private frame(seq: number): LiveFrame | undefined {
    const i = this.indexOf(seq);
    return i < 0 ? undefined : this.frames[i];
  }

  /** Whether the view after frame `seq` can be rebuilt (0 = the empty view before the epoch). */
  holds(seq: number): boolean {
    if (seq === 0) return this.frames[0]?.seq === 1 || this.frames.length === 0;
    return this.keyframes.length > 0 && seq >= this.keyframes[0]!.seq && seq <= this.lastSeq;
  }

  /** The view after frame `seq` (a fresh copy), or null when it is no longer held. */
  viewAt(seq: number): LiveView | null {
    if (seq === this.lastSeq) return deepClone(this.headView) as LiveView;
    if (seq === 0) return this.holds(0) ? (deepClone(this.opts.emptyView) as LiveView) : null;
    if (!this.holds(seq)) return null;
    let k = this.keyframes.length - 1;
    while (k > 0 && this.keyframes[k]!.seq > seq) k--;
    const key = this.keyframes[k]!;
    let view = deepClone(key.view) as LiveView;
    for (let i = this.indexOf(key.seq) + 1; i < this.frames.length && this.frames[i]!.seq <= seq; i++) {
      const f = this.frames[i]!;
      view = f.kind === 'snapshot' ? (deepClone(f.view) as LiveView) : applyOps(view, f.ops);
    }
    return view;
  }

  /** The view as it was at wall-clock time t, and the seq it corresponds to. */
  viewAtTime(t: number): { seq: number; view: LiveView } | null {
    const seq = this.seqAt(t);
    const view = this.viewAt(seq);
    return view ? { seq, view } : null;
  }

  /** Frames after `seq` up to and including `until` (a seq); null when some of them are gone. */
  framesBetween(seq: number, until: number): LiveFrame[] | null {
    if (until <= seq) return [];
    const first = this.frames[0]?.seq;
    if (first === undefined || seq + 1 < first) return null;
    const start = this.indexOf(seq + 1);
    if (start < 0) return null;
    const out: LiveFrame[] = [];
    for (let i = start; i < this.frames.length && this.frames[i]!.seq <= until; i++) out.push(this.frames[i]!);
    return out;
  }

  /** The frame after `seq`, if held. */
  next(seq: number): LiveFrame | undefined {
    return this.frame(seq + 1);
  }

  /**
   * Forgets what is older than now − historyMs, keeping the newest keyframe before that point (and
   * every frame after it) so that any moment inside the window can still be rebuilt.
   */
  trim(now: number): void {
    const cutoff = now - this.opts.historyMs;
    const k = lastAtOrBefore(this.keyframes, cutoff);
    if (k <= 0) return;
    const keep = this.keyframes[k]!;
    this.keyframes.splice(0, k);
    const i = this.indexOf(keep.seq);
    if (i > 0) this.frames.splice(0, i);
  }
}
