// Wiring of the live pieces for one process, shared by the API (`app.live`) and `apex live`:
// the buses (in-process, or Redis with REDIS_URL) and the ingester seat. In one process the seat is
// always taken; with Redis it is a lease, so however many API processes (and `apex live`
// processes) run, exactly one ingests and the others take over within a lease if it dies.
import type { Config } from '../config.js';
import { installationIdentity, redisNamespace } from '../http/redis.js';
import type { SessionSources } from '../sessions/catalog.js';
import { LocalBus, type CommandBus, type FrameBus } from './bus.js';
import { Ingester, type IngesterOptions } from './ingester.js';
import { RedisLiveBus, withTimeout } from './redis-bus.js';
import { feedConfig, watchFeed } from './feed-source.js';
import { openRecordingReplay } from './recordings.js';
import { openArchiveReplay } from './replay-source.js';

export interface LiveRuntimeOptions {
  /** replaces the archive replay (tests drive scripted sources) */
  openReplay?: IngesterOptions['openReplay'];
  minIntervalMs?: number;
  /** Redis lease length; the ingester moves to another process within it when its holder dies */
  leaseMs?: number;
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export interface LiveBuses {
  frames: FrameBus;
  commands: CommandBus;
  /** Redis only: the lease */
  redis: RedisLiveBus | null;
  close(): Promise<void>;
}

export function liveBuses(config: Config, historyMs: number, log?: Log): LiveBuses {
  if (!config.REDIS_URL) {
    const bus = new LocalBus();
    return { frames: bus, commands: bus, redis: null, close: () => bus.close() };
  }
  const bus = new RedisLiveBus({ url: config.REDIS_URL, prefix: redisNamespace('live', installationIdentity(config)), historyMs, log });
  return { frames: bus, commands: bus, redis: bus, close: () => bus.close() };
}

/** Runs the ingester while this process holds the seat. */
export class IngesterSeat {
  private ingesterValue: Ingester | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private unwatch: (() => void) | null = null;
  private firstCheck: Promise<void> = Promise.resolve();

  constructor(
    private readonly buses: LiveBuses,
    private readonly config: Config,
    private readonly sources: SessionSources,
    private readonly opts: LiveRuntimeOptions = {},
    private readonly log?: Log,
  ) {}

  get ingester(): Ingester | null {
    return this.ingesterValue;
  }

  async start(): Promise<void> {
    const redis = this.buses.redis;
    if (!redis) {
      await this.take();
      return;
    }
    const lease = this.opts.leaseMs ?? 15_000;
    const check = async () => {
      if (this.stopped) return;
      try {
        const mine = await withTimeout(redis.holdLease(lease), lease / 3);
        if (mine && !this.ingesterValue) await this.take();
        else if (!mine && this.ingesterValue) await this.give('lease lost');
      } catch (err) {
        this.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'live: ingester lease check failed');
      }
    };
    // The first check is not awaited: an API process starts even while Redis is down.
    this.firstCheck = check();
    this.timer = setInterval(() => void check(), Math.max(200, Math.floor(lease / 3)));
    this.timer.unref();
  }

  /** Settles once the first lease check is done: `apex live run` knows whether it ingests before it speaks. */
  checked(): Promise<void> {
    return this.firstCheck;
  }

  private async take(): Promise<void> {
    const ingester = new Ingester({
      frames: this.buses.frames,
      commands: this.buses.commands,
      openReplay:
        this.opts.openReplay ??
        ((target, speed, fromMs, paused) =>
          target.kind === 'recording'
            ? openRecordingReplay(this.config.APEX_LIVE_RECORDINGS, target, { speed, fromMs, paused }, this.sources.archive)
            : openArchiveReplay(this.sources.archive, target, { speed, fromMs, paused })),
      tokenConfigured: Boolean(this.config.APEX_F1TV_TOKEN),
      minIntervalMs: this.opts.minIntervalMs,
      log: this.log,
    });
    this.ingesterValue = ingester;
    await ingester.start();
    const feed = feedConfig(this.config);
    if (feed) this.unwatch = watchFeed(ingester, feed, { log: this.log, archive: this.sources.archive });
    this.log?.info({ epoch: ingester.epoch }, 'live: this process runs the live ingester');
  }

  private async give(reason: string): Promise<void> {
    const ingester = this.ingesterValue;
    this.ingesterValue = null;
    this.unwatch?.();
    this.unwatch = null;
    await ingester?.stop();
    this.log?.info({ reason }, 'live: this process no longer runs the live ingester');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.give('stopping');
    await this.buses.redis?.releaseLease();
  }
}
