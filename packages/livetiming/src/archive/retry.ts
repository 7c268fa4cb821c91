// The platform's one retry policy and backoff: the engine's archive and Jolpica sources, the
// server's sources and its job queues all wait with `backoffDelay`. Capped exponential backoff with
// jitter — when many clients are throttled at once, fixed delays bring them back in lock-step.

export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  readonly retries: number;
  /** Backoff before the first retry, multiplied by `factor` for each further retry. */
  readonly baseDelayMs: number;
  /** Cap of one backoff delay. */
  readonly maxDelayMs: number;
  readonly factor: number;
  /** A server's `Retry-After` longer than this is not waited for: the failure is reported instead. */
  readonly maxRetryAfterMs: number;
  /** Source of randomness in [0, 1): injectable for deterministic tests; `() => 1` = no jitter. */
  readonly random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  maxRetryAfterMs: 15 * 60_000,
  random: Math.random,
};

/**
 * Delay before retry number `retry` (1-based): uniform in [d/2, d] with d = base·factor^(retry-1)
 * capped at maxDelayMs ("equal jitter": spreads clients out, yet never retries immediately).
 * A server-sent Retry-After is a floor.
 */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'factor' | 'random'>, retry: number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** Math.max(0, retry - 1));
  const jittered = ceiling / 2 + policy.random() * (ceiling / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** `Retry-After` is either delta-seconds or an HTTP date. Returns ms from `now`, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
