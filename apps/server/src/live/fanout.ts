// Fan-out of one timeline to many SSE clients. Clients watching with the same delay share a lane: one
// cursor, one timer, one string per frame written to each of them. A lane delivers a frame once
// `frame.at + delay ≤ now`, so a client at delay D receives exactly the frames the undelayed
// clients received D seconds earlier. A client joining (or resuming with Last-Event-ID) is brought
// to its lane's cursor first — by the frames it missed when they are still held, else by a snapshot.
import { parseEventId } from './frames.js';
import { SseClient, sseFrame, sseSnapshot } from './sse.js';
import type { Timeline } from './timeline.js';

interface Lane {
  readonly delayMs: number;
  epoch: string;
  /** last seq delivered to the lane's clients */
  cursor: number;
  readonly clients: Set<SseClient>;
  timer: NodeJS.Timeout | null;
}

export interface FanoutOptions {
  /** a client whose unsent bytes exceed this is dropped */
  maxBufferedBytes: number;
  now?: () => number;
}

export interface FanoutStats {
  clients: number;
  lanes: number;
  dropped: number;
  framesWritten: number;
}

export class Fanout {
  private readonly lanes = new Map<number, Lane>();
  private readonly now: () => number;
  private lastSnapshot: { epoch: string; seq: number; text: string } | null = null;
  readonly stats: FanoutStats = { clients: 0, lanes: 0, dropped: 0, framesWritten: 0 };

  constructor(
    private readonly timeline: Timeline,
    private readonly opts: FanoutOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  /**
   * Adds a client at a delay. `lastEventId` (the SSE header) resumes it: the frames after it are
   * sent when still held and of the same epoch; otherwise it gets a snapshot of its lane's point.
   */
  add(res: SseClient['res'], delayMs: number, lastEventId?: string): SseClient {
    const lane = this.lane(delayMs);
    const client = new SseClient(res, this.opts.maxBufferedBytes, (c) => this.remove(lane, c));
    const resume = parseEventId(lastEventId);
    const tl = this.timeline;
    const missed = resume && resume.epoch === tl.epoch && resume.seq <= lane.cursor ? tl.framesBetween(resume.seq, lane.cursor) : null;
    if (missed) {
      for (const f of missed) client.write(sseFrame(f));
    } else {
      client.write(this.snapshotText(lane.cursor));
    }
    if (!client.isOpen) return client;
    lane.clients.add(client);
    this.stats.clients++;
    return client;
  }

  /** Called after the timeline took a new frame. */
  onFrame(): void {
    for (const lane of this.lanes.values()) {
      if (lane.delayMs === 0) this.deliver(lane);
      else if (!lane.timer) this.schedule(lane);
    }
  }

  /** Writes a line to every client (SSE comment keep-alives). */
  broadcast(text: string): void {
    for (const lane of this.lanes.values()) for (const c of lane.clients) c.write(text);
  }

  /** Ends every stream (server closing). */
  closeAll(): void {
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      for (const c of [...lane.clients]) c.end();
    }
    this.lanes.clear();
  }

  get clientCount(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.clients.size;
    return n;
  }

  private lane(delayMs: number): Lane {
    let lane = this.lanes.get(delayMs);
    if (!lane) {
      lane = { delayMs, epoch: this.timeline.epoch, cursor: this.timeline.seqAt(this.now() - delayMs), clients: new Set(), timer: null };
      this.lanes.set(delayMs, lane);
      this.stats.lanes = this.lanes.size;
      if (delayMs > 0) this.schedule(lane);
    }
    return lane;
  }

  private remove(lane: Lane, client: SseClient): void {
    if (!lane.clients.delete(client)) return;
    this.stats.clients--;
    if (client.dropReason) this.stats.dropped++;
    if (lane.clients.size === 0 && this.lanes.get(lane.delayMs) === lane) {
      if (lane.timer) clearTimeout(lane.timer);
      this.lanes.delete(lane.delayMs);
      this.stats.lanes = this.lanes.size;
    }
  }

  private snapshotText(seq: number): string {
    const tl = this.timeline;
    const cached = this.lastSnapshot;
    if (cached && cached.epoch === tl.epoch && cached.seq === seq) return cached.text;
    const view = tl.viewAt(seq) ?? tl.viewAt(tl.lastSeq)!;
    const text = sseSnapshot(tl.epoch || 'none', seq, tl.atOf(seq) ?? 0, view);
    this.lastSnapshot = { epoch: tl.epoch, seq, text };
    return text;
  }

  /** Sends the lane every frame that is due, then waits for the next one. */
  private deliver(lane: Lane): void {
    lane.timer = null;
    const tl = this.timeline;
    if (lane.epoch !== tl.epoch) {
      // A new ingester run: its first frame is a snapshot, delivered like any frame when due.
      lane.epoch = tl.epoch;
      lane.cursor = 0;
    }
    const due = lane.delayMs === 0 ? tl.lastSeq : tl.seqAt(this.now() - lane.delayMs);
    if (due > lane.cursor) {
      const frames = tl.framesBetween(lane.cursor, due);
      if (frames) {
        for (const f of frames) {
          const text = sseFrame(f);
          for (const c of lane.clients) c.write(text);
          this.stats.framesWritten += lane.clients.size;
        }
      } else {
        // The lane fell behind what is held (cannot happen while delay ≤ history): resync it.
        const text = this.snapshotText(due);
        for (const c of lane.clients) c.write(text);
      }
      lane.cursor = due;
    }
    if (lane.delayMs > 0) this.schedule(lane);
  }

  private schedule(lane: Lane): void {
    if (lane.timer) return;
    const tl = this.timeline;
    const next = lane.epoch === tl.epoch ? tl.next(lane.cursor) : tl.next(0);
    if (!next) return;
    const wait = Math.max(0, next.at + lane.delayMs - this.now());
    lane.timer = setTimeout(() => this.deliver(lane), wait);
  }
}
