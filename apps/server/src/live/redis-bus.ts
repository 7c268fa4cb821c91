// The live buses over Redis, for several API processes (REDIS_URL):
// - frames: one Redis stream (XADD by the ingester, XREAD by every hub), trimmed to the history
//   window by time; every `checkpointMs` the ingester also adds a checkpoint (the whole view after a
//   seq), from which a process that starts later rebuilds the window instead of waiting;
// - commands: pub/sub request/reply (only the ingester subscribes to the command channel);
// - the ingester lease: one key, taken with SET NX PX and renewed, so exactly one process ingests.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CommandBus, FrameBus } from './bus.js';
import type { CommandResult, LiveCommand } from './commands.js';
import { decodeFrame, encodeFrame, type LiveFrame, type LiveView, type SnapshotFrame } from './frames.js';

export interface RedisBusOptions {
  url: string;
  /** key prefix of this installation (redisNamespace('live', …)) */
  prefix: string;
  historyMs: number;
  checkpointMs?: number;
  commandTimeoutMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

type Entry = [id: string, fields: string[]];

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e); });
  });
}

export class RedisLiveBus implements FrameBus, CommandBus {
  /** commands, XADD, lease */
  private readonly client: Redis;
  /** blocking XREADs */
  private reader: Redis | null = null;
  /** SUBSCRIBE (a subscribed connection can do nothing else) */
  private readonly sub: Redis;
  private readonly processId = randomBytes(6).toString('hex');
  private readonly pending = new Map<string, (r: CommandResult) => void>();
  private closed = false;
  private lastCheckpoint = 0;
  private readonly keys: { frames: string; commands: string; replies: string; lease: string };

  constructor(private readonly opts: RedisBusOptions) {
    const common = { maxRetriesPerRequest: null, retryStrategy: (n: number) => Math.min(100 * 2 ** n, 3000) };
    this.client = new Redis(opts.url, common);
    this.sub = new Redis(opts.url, common);
    for (const r of [this.client, this.sub]) r.on('error', (err: Error) => this.opts.log?.warn({ err: err.message }, 'live: Redis error'));
    const p = opts.prefix;
    this.keys = { frames: `${p}frames`, commands: `${p}commands`, replies: `${p}replies:${this.processId}`, lease: `${p}ingester` };
    this.sub.on('message', (channel: string, text: string) => this.onMessage(channel, text));
  }

  // ── frames ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Adds a frame; every `checkpointMs` also the view after it (`view` is the ingester's current
   * view), so that late subscribers can start from a whole state. Trimmed to the history window.
   */
  async publish(frame: LiveFrame, view?: LiveView): Promise<void> {
    const minId = `${Math.max(0, frame.at - this.opts.historyMs - 60_000)}-0`;
    const multi = this.client.multi().xadd(this.keys.frames, 'MINID', '~', minId, '*', 'f', encodeFrame(frame));
    if (view && (frame.kind === 'snapshot' || frame.at - this.lastCheckpoint >= (this.opts.checkpointMs ?? 10_000))) {
      this.lastCheckpoint = frame.at;
      const checkpoint: SnapshotFrame = { epoch: frame.epoch, seq: frame.seq, at: frame.at, kind: 'snapshot', view };
      multi.xadd(this.keys.frames, '*', 'k', encodeFrame(checkpoint));
    }
    await multi.exec();
  }

  /**
   * Replays the window still in the stream (from the newest checkpoint older than the window, so the
   * oldest delay can be served), then follows the stream.
   */
  async subscribe(listener: (frame: LiveFrame) => void): Promise<void> {
    // In the background: Redis may be down now (the API starts anyway and catches up when it is back).
    void (async () => {
      while (!this.closed) {
        try {
          await this.backfill(listener);
          return;
        } catch (err) {
          if (this.closed) return;
          this.opts.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'live: cannot read frames from Redis, retrying');
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
  }

  private async backfill(listener: (frame: LiveFrame) => void): Promise<void> {
    const cutoff = Date.now() - this.opts.historyMs;
    // Walk back to a checkpoint taken before the window starts (or the stream's start).
    const back: Entry[] = [];
    let end = '+';
    for (;;) {
      const page = (await this.client.xrevrange(this.keys.frames, end, '-', 'COUNT', 1000)) as Entry[];
      if (page.length === 0) break;
      back.push(...page);
      const found = page.find(([, f]) => f[0] === 'k' && (decodeFrame(f[1]!)?.at ?? Infinity) <= cutoff);
      if (found) break;
      end = `(${page[page.length - 1]![0]}`;
    }
    back.reverse();
    let start = back.findLastIndex(([, f]) => f[0] === 'k' && (decodeFrame(f[1]!)?.at ?? Infinity) <= cutoff);
    if (start < 0) start = back.findIndex(([, f]) => f[0] === 'k');
    let lastId = back.at(-1)?.[0] ?? '0-0';
    if (start >= 0) {
      for (const [, f] of back.slice(start)) {
        // Past the first checkpoint, checkpoints repeat what the frames say: skip them.
        if (f[0] === 'k' && f !== back[start]![1]) continue;
        const frame = decodeFrame(f[1]!);
        if (frame) listener(frame);
      }
    }
    this.reader = this.client.duplicate();
    this.reader.on('error', () => {});
    void this.follow(listener, lastId);
  }

  private async follow(listener: (frame: LiveFrame) => void, from: string): Promise<void> {
    let lastId = from;
    while (!this.closed && this.reader) {
      try {
        const res = (await this.reader.xread('COUNT', 1000, 'BLOCK', 5000, 'STREAMS', this.keys.frames, lastId)) as [string, Entry[]][] | null;
        if (!res) continue;
        for (const [id, f] of res[0]![1]) {
          lastId = id;
          if (f[0] !== 'f') continue;
          const frame = decodeFrame(f[1]!);
          if (frame) listener(frame);
        }
      } catch (err) {
        if (this.closed) return;
        this.opts.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'live: reading frames from Redis failed, retrying');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────

  async request(command: LiveCommand): Promise<CommandResult> {
    await this.listenForReplies();
    const id = randomBytes(8).toString('hex');
    const answer = new Promise<CommandResult>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, code: 'APX_ERR_UNAVAILABLE', message: 'the live ingester did not answer in time' });
      }, this.opts.commandTimeoutMs ?? 10_000);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    const receivers = await withTimeout(this.client.publish(this.keys.commands, JSON.stringify({ id, replyTo: this.keys.replies, command })), 2000).catch(() => -1);
    if (receivers === -1) {
      this.pending.get(id)?.({ ok: false, code: 'APX_ERR_UNAVAILABLE', message: 'Redis is unreachable: the live ingester cannot be asked' });
    } else if (receivers === 0) {
      this.pending.get(id)?.({ ok: false, code: 'APX_ERR_UNAVAILABLE', message: 'no live ingester is running (it starts with `apex live`, or in an API process when none runs)' });
    }
    return answer;
  }

  private replying: Promise<unknown> | null = null;

  private listenForReplies(): Promise<unknown> {
    this.replying ??= this.sub.subscribe(this.keys.replies);
    return withTimeout(this.replying, 2000).catch(() => {
      this.replying = null;
    });
  }

  private handler: ((command: LiveCommand) => Promise<CommandResult>) | null = null;

  async serve(handler: (command: LiveCommand) => Promise<CommandResult>): Promise<void> {
    this.handler = handler;
    // Not awaited: with Redis down, ioredis subscribes once it is back.
    this.sub.subscribe(this.keys.commands).catch(() => {});
  }

  async unserve(): Promise<void> {
    this.handler = null;
    await this.sub.unsubscribe(this.keys.commands).catch(() => {});
  }

  private onMessage(channel: string, text: string): void {
    let msg: { id: string; replyTo?: string; command?: LiveCommand; result?: CommandResult };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (channel === this.keys.replies && msg.result) {
      this.pending.get(msg.id)?.(msg.result);
      this.pending.delete(msg.id);
    } else if (channel === this.keys.commands && msg.command && msg.replyTo && this.handler) {
      const replyTo = msg.replyTo;
      this.handler(msg.command)
        .catch((err: unknown): CommandResult => ({ ok: false, code: 'APX_ERR_INTERNAL', message: err instanceof Error ? err.message : String(err) }))
        .then((result) => this.client.publish(replyTo, JSON.stringify({ id: msg.id, result })))
        .catch(() => {});
    }
  }

  // ── the ingester lease ──────────────────────────────────────────────────────────────────────

  /** Takes the lease if free or already ours; true when this process holds it now. */
  async holdLease(ttlMs: number): Promise<boolean> {
    const got = await this.client.set(this.keys.lease, this.processId, 'PX', ttlMs, 'NX');
    if (got === 'OK') return true;
    // Ours: extend it (compare and set in one step).
    const renewed = await this.client.eval(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
      1, this.keys.lease, this.processId, ttlMs,
    );
    return renewed === 1;
  }

  async releaseLease(): Promise<void> {
    await withTimeout(this.client.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, this.keys.lease, this.processId), 1000).catch(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const resolve of this.pending.values()) resolve({ ok: false, code: 'APX_ERR_UNAVAILABLE', message: 'closing' });
    this.pending.clear();
    this.reader?.disconnect();
    this.sub.disconnect();
    this.client.disconnect();
  }
}
