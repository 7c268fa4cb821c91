// Retry with capped exponential backoff and jitter. Jitter matters here: when many clients are
// throttled at once, fixed delays make them come back in lock-step and be throttled again.
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, type RetryPolicy } from '@apexdata/livetiming';
import { SourceAbortedError, SourceError, SourceHttpError } from './errors.js';

// The policy and the backoff are the engine's (one for the whole platform); this is the server
// sources' retry loop over their typed errors.
export { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from '@apexdata/livetiming';

export interface RetryEvent {
  url: string;
  /** The attempt that failed, 1-based. */
  attempt: number;
  delayMs: number;
  error: SourceError;
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
