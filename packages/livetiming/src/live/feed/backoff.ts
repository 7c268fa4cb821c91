// Reconnect delays: exponential with full jitter, so many clients cut at once do not return at once.

export interface BackoffOptions {
  /** First delay ceiling (ms). Default 1 s. */
  readonly baseMs?: number;
  /** Largest delay (ms). Default 30 s. */
  readonly maxMs?: number;
  /** Random source in [0, 1); injectable for tests. */
  readonly random?: () => number;
}

/** Delay before reconnect attempt `attempt` (0-based): uniform in [base/2, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 30));
  const floor = Math.min(ceiling, base / 2);
  return floor + (ceiling - floor) * (options.random ?? Math.random)();
}
