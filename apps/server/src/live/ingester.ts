// The one live ingester: owns the running source (the F1 feed or a replay), turns every change of
// the engine's view into a frame (a JSON Patch against the previous view, or a snapshot after a
// seek or a new session) and publishes it on the frame bus. Changes are coalesced: at most one
// frame per `minIntervalMs`, so a burst of feed messages costs one diff and one write per client.
import { randomBytes } from 'node:crypto';
import jsonpatch from 'fast-json-patch';
import type { ReplaySpeed } from '@apexdata/livetiming';
import { ApexError, type ErrorCode } from '../http/errors.js';
import type { CommandBus, FrameBus } from './bus.js';
import { commandError, type CommandResult, type LiveCommand, type ReplayTarget } from './commands.js';
import type { Json, LiveFrame, LiveView } from './frames.js';
import { idleStatus, LIVE_RUNNING, type LiveStatus, type SourceKind } from './view.js';

const { compare, deepClone } = jsonpatch;

/** A running source as the ingester drives it; the engine adapters (sources.ts) implement it. */
export interface RunningSource {
  readonly kind: Exclude<SourceKind, 'none'>;
  /** The engine's derived views at the source's current point (everything but `status`). */
  view(): LiveView;
  /** What the source says about itself (session, connection, missing topics, replay position). */
  status(): Omit<LiveStatus, 'source' | 'tokenConfigured'>;
  /** The source calls `changed(reset)` after new data; reset = the view jumped (seek, new snapshot). */
  onChange(changed: (reset: boolean) => void): void;
  /** pause / resume / seek / speed; null when done, else why not (live sources refuse them). */
  control(command: Extract<LiveCommand, { type: 'control' }>): { code: ErrorCode; message: string } | null;
  stop(): Promise<void>;
}

export interface IngesterOptions {
  frames: FrameBus;
  commands: CommandBus;
  /** opens a replay of an archived session, positioned at `fromMs` and playing at `speed` */
  openReplay(target: ReplayTarget, speed: ReplaySpeed, fromMs: number, paused: boolean): Promise<RunningSource>;
  tokenConfigured?: boolean;
  /** frames are coalesced to at most one per this many ms */
  minIntervalMs?: number;
  /** a frame at least this often while a source runs (the session clock moves on) */
  tickMs?: number;
  now?: () => number;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export class Ingester {
  readonly epoch = randomBytes(6).toString('base64url');
  private seq = 0;
  private source: RunningSource | null = null;
  private lastView: LiveView | null = null;
  private lastFlush = 0;
  private pending: NodeJS.Timeout | null = null;
  private pendingReset = false;
  private ticker: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly opts: IngesterOptions) {
    this.now = opts.now ?? Date.now;
  }

  async start(): Promise<void> {
    await this.opts.commands.serve((c) => this.handle(c));
    this.flush(true);
    const tick = this.opts.tickMs ?? 1000;
    this.ticker = setInterval(() => {
      if (this.source && this.now() - this.lastFlush >= tick) this.changed(false);
    }, tick);
    this.ticker.unref();
  }

  get running(): RunningSource | null {
    return this.source;
  }

  /** Commands are handled one at a time, in arrival order. */
  handle(command: LiveCommand): Promise<CommandResult> {
    const run = this.chain.then(() => this.apply(command));
    this.chain = run.then(() => undefined, () => undefined);
    return run;
  }

  private async apply(command: LiveCommand): Promise<CommandResult> {
    if (this.source?.kind === 'live') {
      return commandError('APX_ERR_CONFLICT', LIVE_RUNNING);
    }
    if (command.type === 'replay') {
      let next: RunningSource;
      try {
        next = await this.opts.openReplay(command.target, command.speed, command.fromMs, command.paused ?? false);
      } catch (err) {
        // A refusal with an API code (unknown session, unreadable recording) goes back as it is.
        if (err instanceof ApexError) return commandError(err.code, err.message);
        throw err;
      }
      await this.use(next);
      return { ok: true, seq: this.seq };
    }
    if (!this.source) return commandError('APX_ERR_CONFLICT', 'nothing is playing: start a replay first (POST /api/v1/live/replay)');
    if (command.action === 'stop') {
      await this.use(null);
      return { ok: true, seq: this.seq };
    }
    const refused = this.source.control(command);
    if (refused) return commandError(refused.code, refused.message);
    this.flush(command.action === 'seek');
    return { ok: true, seq: this.seq };
  }

  /** Switches to another source (or none) and publishes its first view as a snapshot. */
  async use(source: RunningSource | null): Promise<void> {
    const old = this.source;
    this.source = source;
    if (old && old !== source) await old.stop().catch((err: unknown) => this.opts.log?.warn({ err }, 'live: stopping the previous source failed'));
    source?.onChange((reset) => {
      if (this.source === source) this.changed(reset);
    });
    this.flush(true);
  }

  /** Schedules a frame (at most one per minIntervalMs); a reset makes it a snapshot. */
  private changed(reset: boolean): void {
    if (reset) this.pendingReset = true;
    if (this.pending) return;
    const wait = Math.max(0, (this.opts.minIntervalMs ?? 50) - (this.now() - this.lastFlush));
    this.pending = setTimeout(() => this.flush(false), wait);
  }

  /** The current view: the source's views plus the status. */
  currentView(): LiveView {
    const token = this.opts.tokenConfigured ?? false;
    if (!this.source) return { status: idleStatus(token) as unknown as Json };
    const status: LiveStatus = { ...this.source.status(), source: this.source.kind, tokenConfigured: token };
    return { ...this.source.view(), status: status as unknown as Json };
  }

  private flush(reset: boolean): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    reset ||= this.pendingReset;
    this.pendingReset = false;
    this.lastFlush = this.now();
    let view: LiveView;
    try {
      view = deepClone(this.currentView()) as LiveView;
    } catch (err) {
      this.opts.log?.warn({ err }, 'live: the engine failed to derive the view');
      return;
    }
    let frame: LiveFrame;
    if (reset || !this.lastView) {
      frame = { epoch: this.epoch, seq: ++this.seq, at: this.now(), kind: 'snapshot', view };
    } else {
      const ops = compare(this.lastView, view);
      if (ops.length === 0) return;
      frame = { epoch: this.epoch, seq: ++this.seq, at: this.now(), kind: 'patch', ops };
    }
    this.lastView = view;
    this.opts.frames.publish(frame, view).catch((err: unknown) => this.opts.log?.warn({ err }, 'live: publishing a frame failed'));
  }

  async stop(): Promise<void> {
    await this.opts.commands.unserve();
    if (this.pending) clearTimeout(this.pending);
    if (this.ticker) clearInterval(this.ticker);
    this.pending = null;
    const s = this.source;
    this.source = null;
    await s?.stop();
  }
}
