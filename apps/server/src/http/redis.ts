// The API's connections to Redis, which it uses as an optimisation, never as a dependency (the
// response cache, the shared rate limit). Commands never queue while Redis is unreachable
// (enableOfflineQueue: false) and time out quickly, so a dead Redis costs one failed call, not a
// hang; the connection keeps retrying in the background, and an outage is logged once.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';

export interface RedisLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

const silent: RedisLogger = { warn() {}, info() {} };

export interface OptionalRedisOptions {
  url: string;
  /** ms to establish a connection and to wait for any command */
  timeoutMs?: number;
  logger?: RedisLogger;
  /** who uses the connection, for the log ("response cache") */
  user: string;
  /** what the user does while Redis is down, for the log ("serving uncached") */
  whenDown: string;
}

export class OptionalRedis {
  readonly redis: Redis;
  private readonly log: RedisLogger;
  private state: 'unknown' | 'up' | 'down' = 'unknown';

  constructor(private readonly opts: OptionalRedisOptions) {
    this.log = opts.logger ?? silent;
    const timeout = opts.timeoutMs ?? 500;
    this.redis = new Redis(opts.url, {
      connectTimeout: timeout,
      commandTimeout: timeout,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // keep trying in the background, at most every 5 s, so the feature comes back with Redis
      retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 5), 5000),
      lazyConnect: false,
    });
    this.redis.on('ready', () => {
      if (this.state !== 'up') this.log.info({ redis: opts.user }, `${opts.user}: Redis connected`);
      this.state = 'up';
    });
    // Without an 'error' listener ioredis errors would crash the process.
    this.redis.on('error', (err: Error) => this.markDown(err));
  }

  /** Resolves once the first connection attempt has succeeded or failed (or timed out). */
  settled(): Promise<void> {
    if (this.state !== 'unknown') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.redis.off('ready', done);
        this.redis.off('error', done);
        resolve();
      };
      this.redis.once('ready', done);
      this.redis.once('error', done);
    });
  }

  /** Commands can be sent now (else they would fail at once). */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  /** A command failed: log it once per outage, not once per request or reconnect attempt. */
  markDown(err: unknown): void {
    if (this.state !== 'down') {
      this.log.warn({ err: err instanceof Error ? err.message : String(err) }, `${this.opts.user}: Redis unavailable, ${this.opts.whenDown}`);
    }
    this.state = 'down';
  }

  close(): void {
    // disconnect() rather than quit(): quit waits for a reply that never comes when Redis is gone
    this.redis.disconnect();
  }
}

/**
 * Key prefix for one use of Redis by one installation: two ApexData installs (different APEX_HOME or
 * DATABASE_URL) sharing a Redis must never see each other's responses or rate-limit budgets.
 */
export function redisNamespace(use: string, identity: string): string {
  return `apex:${use}:${createHash('sha1').update(identity).digest('hex').slice(0, 12)}:`;
}

/** What tells installations apart: their database. */
export function installationIdentity(config: { DATABASE_URL?: string; APEX_HOME: string }): string {
  return config.DATABASE_URL ?? config.APEX_HOME;
}
