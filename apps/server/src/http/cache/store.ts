// Where cached response bodies live: an in-process LRU always, plus Redis when REDIS_URL is set.
// Redis is an optimisation, never a dependency: when it is down or slow every operation degrades to
// a miss within a few hundred milliseconds and the API keeps answering from the database.
import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import { OptionalRedis, redisNamespace, type RedisLogger } from '../redis.js';

/** A response as stored: the exact bytes sent plus the headers needed to replay it. */
export interface CachedResponse {
  body: Buffer;
  etag: string;
  contentType: string;
  cacheControl: string;
  /** epoch ms after which the entry must not be served */
  expiresAt: number;
  gzip?: Buffer;
  br?: Buffer;
}

export type StoreKind = 'memory' | 'redis';

export interface ResponseStore {
  readonly kind: StoreKind;
  get(key: string): Promise<CachedResponse | undefined>;
  /** The entry if it is in this process's memory, without waiting for anything. */
  peek(key: string): CachedResponse | undefined;
  set(key: string, value: CachedResponse): Promise<void>;
  /**
   * Forget every cached response of this installation (admin request, server start). Rejects with
   * CacheUnavailableError when a shared store (Redis) could not be cleared: other processes may
   * still answer from it.
   */
  clear(): Promise<void>;
  /** Forget the responses whose key starts with `prefix` (those of a data generation that is gone). */
  forget(prefix: string): Promise<void>;
  /** 'up' for memory; for Redis whether the last contact worked. */
  health(): 'up' | 'down';
  /** Asks the store now ('down' after a timeout: a frozen Redis keeps its connection open). */
  ping(): Promise<'up' | 'down'>;
  close(): Promise<void>;
}

export type StoreLogger = RedisLogger;

export class CacheUnavailableError extends Error {
  override readonly name = 'CacheUnavailableError';
}

function entrySize(v: CachedResponse): number {
  return v.body.length + (v.gzip?.length ?? 0) + (v.br?.length ?? 0) + 200;
}

export class MemoryStore implements ResponseStore {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, CachedResponse>;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.lru = new LRUCache<string, CachedResponse>({ maxSize: maxBytes, sizeCalculation: (v, k) => entrySize(v) + k.length * 2 });
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    return this.getSync(key);
  }

  peek(key: string): CachedResponse | undefined {
    return this.getSync(key);
  }

  /** Synchronous read so the hot path does not pay for a promise round-trip. */
  getSync(key: string): CachedResponse | undefined {
    const hit = this.lru.get(key);
    if (hit && hit.expiresAt <= Date.now()) {
      this.lru.delete(key);
      return undefined;
    }
    return hit;
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    const ttl = value.expiresAt - Date.now();
    if (ttl <= 0 || entrySize(value) > this.lru.maxSize / 4) return;
    this.lru.set(key, value);
  }

  async clear(): Promise<void> {
    this.lru.clear();
  }

  async forget(prefix: string): Promise<void> {
    for (const key of [...this.lru.keys()]) if (key.startsWith(prefix)) this.lru.delete(key);
  }

  health(): 'up' {
    return 'up';
  }

  async ping(): Promise<'up'> {
    return 'up';
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}

// Redis value layout: one binary string = JSON header line + body + gzip + br, so a hit is one GET.
interface Header {
  etag: string;
  contentType: string;
  cacheControl: string;
  expiresAt: number;
  body: number;
  gzip: number;
  br: number;
}

export function encodeEntry(v: CachedResponse): Buffer {
  const header: Header = {
    etag: v.etag,
    contentType: v.contentType,
    cacheControl: v.cacheControl,
    expiresAt: v.expiresAt,
    body: v.body.length,
    gzip: v.gzip?.length ?? 0,
    br: v.br?.length ?? 0,
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), v.body, v.gzip ?? Buffer.alloc(0), v.br ?? Buffer.alloc(0)]);
}

export function decodeEntry(buf: Buffer): CachedResponse | undefined {
  const nl = buf.indexOf(10);
  if (nl < 0) return undefined;
  let h: Header;
  try {
    h = JSON.parse(buf.subarray(0, nl).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  const start = nl + 1;
  if (buf.length !== start + h.body + h.gzip + h.br) return undefined;
  const body = buf.subarray(start, start + h.body);
  const gzip = h.gzip ? buf.subarray(start + h.body, start + h.body + h.gzip) : undefined;
  const br = h.br ? buf.subarray(start + h.body + h.gzip) : undefined;
  return { etag: h.etag, contentType: h.contentType, cacheControl: h.cacheControl, expiresAt: h.expiresAt, body, gzip, br };
}

export interface RedisStoreOptions {
  url: string;
  /** key prefix; different installations sharing one Redis must use different prefixes */
  prefix: string;
  logger?: StoreLogger;
  /** ms to establish a connection and to wait for any command */
  timeoutMs?: number;
}

/** Redis behind a small in-process LRU; a Redis that is down or slow makes every operation a miss. */
export class RedisStore implements ResponseStore {
  readonly kind = 'redis' as const;
  readonly redis: Redis;
  private readonly link: OptionalRedis;
  private readonly prefix: string;
  private readonly local = new MemoryStore(32 * 1024 * 1024);

  constructor(opts: RedisStoreOptions) {
    this.prefix = opts.prefix;
    this.link = new OptionalRedis({ url: opts.url, timeoutMs: opts.timeoutMs, logger: opts.logger, user: 'response cache', whenDown: 'serving uncached' });
    this.redis = this.link.redis;
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  peek(key: string): CachedResponse | undefined {
    return this.local.getSync(key);
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const local = this.local.getSync(key);
    if (local) return local;
    if (!this.link.ready) return undefined;
    try {
      const buf = await this.redis.getBuffer(this.k(key));
      if (!buf) return undefined;
      const entry = decodeEntry(buf);
      if (!entry || entry.expiresAt <= Date.now()) return undefined;
      await this.local.set(key, entry);
      return entry;
    } catch (err) {
      this.link.markDown(err);
      return undefined;
    }
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    await this.local.set(key, value);
    if (!this.link.ready) return;
    const ttl = value.expiresAt - Date.now();
    if (ttl <= 0) return;
    try {
      await this.redis.set(this.k(key), encodeEntry(value), 'PX', ttl);
    } catch (err) {
      this.link.markDown(err);
    }
  }

  async clear(): Promise<void> {
    await this.local.clear();
    if (!this.link.ready) throw new CacheUnavailableError('Redis is unreachable: the shared response cache was not cleared (this process\'s memory was)');
    try {
      await this.unlink(`${globEscape(this.prefix)}*`);
    } catch (err) {
      this.link.markDown(err);
      throw new CacheUnavailableError(`Redis failed while clearing the shared response cache: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }

  async forget(prefix: string): Promise<void> {
    await this.local.forget(prefix);
    if (!this.link.ready) return;
    try {
      // Every API process hears of the change that makes these entries unreachable; one sweep of
      // Redis is enough, and whatever one process still writes under the old key ages out by TTL.
      if ((await this.redis.set(`${this.prefix}sweep:${prefix}`, '1', 'PX', 60_000, 'NX')) !== 'OK') return;
    } catch (err) {
      this.link.markDown(err);
      return;
    }
    await this.unlinkMatching(`${globEscape(this.k(prefix))}*`);
  }

  private async unlinkMatching(pattern: string): Promise<void> {
    if (!this.link.ready) return;
    try {
      await this.unlink(pattern);
    } catch (err) {
      this.link.markDown(err);
    }
  }

  private async unlink(pattern: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  health(): 'up' | 'down' {
    return this.link.ready ? 'up' : 'down';
  }

  async ping(): Promise<'up' | 'down'> {
    if (!this.link.ready) return 'down';
    try {
      // The connection's commandTimeout bounds this: SIGSTOPped Redis accepts nothing, answers nothing.
      await this.redis.ping();
      return 'up';
    } catch (err) {
      this.link.markDown(err);
      return 'down';
    }
  }

  async close(): Promise<void> {
    await this.local.close();
    this.link.close();
  }
}

/** A literal for a Redis MATCH pattern. */
export function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

/** Key prefix of one installation's cached responses (see redisNamespace). */
export function cacheNamespace(identity: string): string {
  return redisNamespace('resp', identity);
}

export function createStore(opts: { redisUrl?: string; identity: string; logger?: StoreLogger }): ResponseStore {
  if (!opts.redisUrl) return new MemoryStore();
  return new RedisStore({ url: opts.redisUrl, prefix: cacheNamespace(opts.identity), logger: opts.logger });
}
