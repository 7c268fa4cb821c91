// The per-IP budget of @fastify/rate-limit shared by every API process through Redis (REDIS_URL),
// with the plugin's own Redis store (one atomic script per request). While Redis cannot be reached
// each process counts on its own, as it does without Redis: requests keep being answered and the
// outage is logged once (by the connection), instead of the limit either failing requests or
// silently vanishing.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { OptionalRedis } from './redis.js';

type Counter = InstanceType<typeof RedisStore>;
type Callback = Parameters<Counter['incr']>[1];

interface Behaviour {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
}

// The plugin calls child() with its merged per-route parameters (its typings say RouteOptions).
class SharedStore {
  private readonly shared: Counter;
  private readonly local: Counter;

  constructor(private readonly link: OptionalRedis, private readonly nameSpace: string, b: Behaviour) {
    this.shared = new RedisStore(Boolean(b.continueExceeding), Boolean(b.exponentialBackoff), link.redis, nameSpace);
    this.local = new LocalStore(Boolean(b.continueExceeding), Boolean(b.exponentialBackoff));
  }

  private count(op: 'incr' | 'read', key: string, cb: Callback, timeWindow: number, max: number): void {
    if (!this.link.ready) return this.local[op](key, cb, timeWindow, max);
    this.shared[op](key, (err, result) => {
      if (!err) return cb(null, result);
      this.link.markDown(err);
      this.local[op](key, cb, timeWindow, max);
    }, timeWindow, max);
  }

  incr(key: string, cb: Callback, timeWindow: number, max: number): void {
    this.count('incr', key, cb, timeWindow, max);
  }

  read(key: string, cb: Callback, timeWindow: number, max: number): void {
    this.count('read', key, cb, timeWindow, max);
  }

  child(route: Behaviour & { routeInfo: { method: string; url: string } }): SharedStore {
    return new SharedStore(this.link, `${this.nameSpace}${route.routeInfo.method}${route.routeInfo.url}-`, route);
  }
}

/** The `store` option of @fastify/rate-limit: budgets kept in Redis under `nameSpace`. */
export function sharedRateLimitStore(link: OptionalRedis, nameSpace: string): FastifyRateLimitStoreCtor {
  return class extends SharedStore {
    constructor(options: Behaviour) {
      super(link, nameSpace, options);
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
