// One per API process: takes the ingester's frames from the bus into a timeline and fans them out to
// this process's SSE clients. Reading the state at a delay costs one keyframe copy and a few
// seconds of patches, whatever the number of clients.
import type { ServerResponse } from 'node:http';
import type { FrameBus } from './bus.js';
import { Fanout } from './fanout.js';
import type { LiveFrame, LiveView } from './frames.js';
import { Timeline } from './timeline.js';
import { emptyView } from './view.js';

export interface HubOptions {
  bus: FrameBus;
  /** how much history is kept: the largest delay that can be served */
  historyMs: number;
  keyframeMs?: number;
  /** per-client send buffer bound; a client over it is dropped */
  maxBufferedBytes?: number;
  keepAliveMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

export class LiveHub {
  readonly timeline: Timeline;
  readonly fanout: Fanout;
  private readonly timers: NodeJS.Timeout[] = [];
  private gaps = 0;

  constructor(private readonly opts: HubOptions) {
    this.timeline = new Timeline({ historyMs: opts.historyMs, keyframeMs: opts.keyframeMs ?? 5000, emptyView: emptyView() });
    // The bound is also the worst case of memory per client (every client stalled at once): 256 KiB ×
    // 500 clients = 128 MiB. A client that keeps up has almost nothing pending; a snapshot larger than
    // the bound still goes out whole, the check is made before each write.
    this.fanout = new Fanout(this.timeline, { maxBufferedBytes: opts.maxBufferedBytes ?? 256 * 1024 });
  }

  get historyMs(): number {
    return this.opts.historyMs;
  }

  async start(): Promise<void> {
    await this.opts.bus.subscribe((frame) => this.take(frame));
    const trim = setInterval(() => this.timeline.trim(Date.now()), 5000);
    const ping = setInterval(() => this.fanout.broadcast(': keep-alive\n\n'), this.opts.keepAliveMs ?? 15_000);
    trim.unref();
    ping.unref();
    this.timers.push(trim, ping);
  }

  /** One frame from the bus. */
  take(frame: LiveFrame): void {
    const r = this.timeline.push(frame);
    if (r === 'gap') {
      // Patches cannot be applied over a hole; the ingester's next snapshot heals it.
      if (this.gaps++ === 0) this.opts.log?.warn({ epoch: frame.epoch, seq: frame.seq, have: this.timeline.lastSeq }, 'live: frames missing, waiting for a snapshot');
      return;
    }
    if (r === 'stale') return;
    this.gaps = 0;
    this.fanout.onFrame();
  }

  /** The view as of now − delay, with the frame it corresponds to. */
  stateAt(delayMs: number): { epoch: string; seq: number; at: number | null; view: LiveView } {
    const tl = this.timeline;
    const hit = tl.viewAtTime(Date.now() - delayMs) ?? { seq: tl.lastSeq, view: tl.viewAt(tl.lastSeq)! };
    return { epoch: tl.epoch, seq: hit.seq, at: tl.atOf(hit.seq) ?? null, view: hit.view };
  }

  /** Adds an SSE client (headers already written). */
  stream(res: ServerResponse, delayMs: number, lastEventId?: string): void {
    this.fanout.add(res, delayMs, lastEventId);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.fanout.closeAll();
  }
}
