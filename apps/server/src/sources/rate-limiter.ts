// Client-side rate limiting over sliding windows ("at most N requests in ANY interval of T ms").
//
// Bottleneck's built-in reservoir refresh is a fixed window: 500 requests at 10:59 and 500 more at
// 11:00 would pass it, yet a server counting the last hour (as Jolpica's throttle does) answers 429.
// So each window is a Bottleneck whose reservoir holds the window's budget, and every request gives
// its unit back only `intervalMs` after its response has arrived. That is a sliding-window log, with
// Bottleneck doing the queueing, ordering and concurrency. Counting from the response rather than
// from the send matters: the server counts arrivals, and a request's arrival lies somewhere between
// the two (a cold connection took 60 ms in our tests), so only the response time is a safe anchor.
import Bottleneck from 'bottleneck';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseRetryAfter } from './retry.js';

export interface RateWindow {
  limit: number;
  intervalMs: number;
}

export interface RateLimitOptions {
  windows: RateWindow[];
  /** Requests in flight at once (including ones waiting for a window). */
  maxConcurrent: number;
  /** Added to every interval: absorbs timer rounding and network jitter between us and the server. */
  slackMs: number;
}

/** Jolpica's published limits for unauthenticated clients: 4 requests/s burst, 500 requests/hour. */
export const jolpicaRateLimits: RateLimitOptions = {
  windows: [
    { limit: 500, intervalMs: 3_600_000 },
    { limit: 4, intervalMs: 1_000 },
  ],
  maxConcurrent: 2,
  slackMs: 50,
};

export interface RateLimiterStats {
  /** Requests released to the network so far. */
  sent: number;
  /** Total time requests spent waiting for the limiter, summed over requests. */
  waitedMs: number;
}

export class RateLimiter {
  readonly #gates: { limiter: Bottleneck; window: RateWindow }[];
  readonly #slackMs: number;
  readonly #timers = new Set<NodeJS.Timeout>();
  #blockedUntil = 0;
  #sent = 0;
  #waitedMs = 0;

  constructor(options: RateLimitOptions) {
    if (options.windows.length === 0) throw new Error('RateLimiter needs at least one window');
    for (const w of options.windows) {
      if (!(w.limit >= 1) || !(w.intervalMs > 0)) throw new Error(`invalid rate window ${w.limit}/${w.intervalMs}ms`);
    }
    this.#slackMs = options.slackMs;
    this.#gates = options.windows.map((window, i) => ({
      window,
      // Only the outermost gate bounds concurrency; inner gates see at most that many jobs anyway.
      limiter: new Bottleneck({ reservoir: window.limit, maxConcurrent: i === 0 ? options.maxConcurrent : null }),
    }));
  }

  /** Run `send` once every window has room; it counts against each window until intervalMs after it settles. */
  async run<T>(send: () => Promise<T>): Promise<T> {
    const queuedAt = Date.now();
    const held: { limiter: Bottleneck; window: RateWindow }[] = [];
    let sent = false;
    const pass = (i: number): Promise<T> => {
      if (i === this.#gates.length) return this.#send(send, held, queuedAt, () => (sent = true));
      const gate = this.#gates[i];
      return gate.limiter.schedule(() => {
        held.push(gate);
        return pass(i + 1);
      });
    };
    try {
      return await pass(0);
    } finally {
      // A job that never reached the network (stopped limiter, failed wait) must not cost budget.
      if (!sent) for (const gate of held) void gate.limiter.incrementReservoir(1);
    }
  }

  /** Hold every request until `ms` from now: the server told us to back off (Retry-After). */
  pauseFor(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, Date.now() + ms);
  }

  stats(): RateLimiterStats {
    return { sent: this.#sent, waitedMs: this.#waitedMs };
  }

  /** Drop waiting requests and pending timers (the process may then exit promptly). */
  async stop(): Promise<void> {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    await Promise.all(this.#gates.map((g) => g.limiter.stop({ dropWaitingJobs: true })));
  }

  async #send<T>(send: () => Promise<T>, held: { limiter: Bottleneck; window: RateWindow }[], queuedAt: number, markSent: () => void): Promise<T> {
    while (Date.now() < this.#blockedUntil) await sleep(this.#blockedUntil - Date.now());
    markSent();
    this.#sent++;
    this.#waitedMs += Date.now() - queuedAt;
    try {
      return await send();
    } finally {
      for (const gate of held) {
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          void gate.limiter.incrementReservoir(1);
        }, gate.window.intervalMs + this.#slackMs);
        timer.unref();
        this.#timers.add(timer);
      }
    }
  }
}

// ── One limiter per upstream in this process ─────────────────────────────────────────────────────

const shared = new Map<string, { limiter: RateLimiter; users: number }>();

/**
 * The one limiter of an upstream origin in this process, so that every client of it (the history
 * sync's Jolpica client, the session loads' Jolpica source, several syncs) draws on one budget. The
 * first caller's limits are the origin's; `release` stops the limiter when its last user is done.
 */
export function acquireRateLimiter(baseUrl: string, options: RateLimitOptions): { limiter: RateLimiter; release: () => Promise<void> } {
  const origin = new URL(baseUrl).origin;
  let entry = shared.get(origin);
  if (!entry) {
    entry = { limiter: new RateLimiter(options), users: 0 };
    shared.set(origin, entry);
  }
  entry.users++;
  const held = entry;
  let released = false;
  return {
    limiter: held.limiter,
    release: async () => {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      if (shared.get(origin) === held) shared.delete(origin);
      await held.limiter.stop();
    },
  };
}

/**
 * `fetch` through a limiter, for code that takes a fetch function (the engine's sources): each
 * request waits for the windows, and a 429/503 with Retry-After pauses every queued request.
 */
export function rateLimitedFetch(limiter: RateLimiter, fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const response = await limiter.run(() => fetchImpl(input, init));
    if (response.status === 429 || response.status === 503) {
      const wait = parseRetryAfter(response.headers.get('retry-after'));
      if (wait !== undefined) limiter.pauseFor(wait);
    }
    return response;
  };
}
