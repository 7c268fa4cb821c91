// Retry with capped exponential backoff and jitter. Jitter matters here: when many clients are
// throttled at once, fixed delays make them come back in lock-step and be throttled again.
import { setTimeout as sleep } from 'node:timers/promises';
import { SourceAbortedError, SourceError, SourceHttpError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  retries: number;
  /** Backoff before the first retry, doubled (by `factor`) for each further retry. */
  baseDelayMs: number;
  /** Cap of one backoff delay. */
  maxDelayMs: number;
  factor: number;
  /** A server's `Retry-After` longer than this is not waited for: the error is thrown instead. */
  maxRetryAfterMs: number;
  /** Source of randomness in [0, 1), injectable for deterministic tests. */
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  maxRetryAfterMs: 15 * 60_000,
  random: Math.random,
};

export interface RetryEvent {
  url: string;
  /** The attempt that failed, 1-based. */
  attempt: number;
  delayMs: number;
  error: SourceError;
}

/**
 * Delay before retry number `retry` (1-based): uniform in [d/2, d] with d = base·factor^(retry-1)
 * capped at maxDelayMs ("equal jitter": spreads clients out, yet never retries immediately).
 * A server-sent Retry-After is a floor.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (retry - 1));
  const jittered = ceiling / 2 + policy.random() * (ceiling / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Run `attempt` until it succeeds, fails with a non-retryable SourceError, or retries run out.
 * Errors that are not SourceErrors are programming errors and propagate at once.
 */
export async function withRetry<T>(
  url: string,
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  opts: { signal?: AbortSignal; onRetry?: (e: RetryEvent) => void } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      err.attempts = n;
      if (!err.retryable || n > policy.retries) throw err;
      const retryAfter = err instanceof SourceHttpError ? err.retryAfterMs : undefined;
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) throw err;
      const delayMs = backoffDelay(policy, n, retryAfter);
      opts.onRetry?.({ url, attempt: n, delayMs, error: err });
      try {
        await sleep(delayMs, undefined, { signal: opts.signal });
      } catch (abort) {
        throw new SourceAbortedError(url, abort);
      }
    }
  }
}

/** `Retry-After` is either delta-seconds or an HTTP date. Returns ms from `now`, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
