// The feed's reconnect delays are the platform's one retry policy (archive/retry.ts), seen through
// @microsoft/signalr's IRetryPolicy: the contract its reconnect logic uses, so the policy can be
// handed to the library as well as to the feed's own loop (which reconnects itself to negotiate and
// Subscribe afresh every time).
import type { IRetryPolicy, RetryContext } from '@microsoft/signalr';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from '../../archive/retry.js';

/**
 * The feed's defaults: it never gives up while it runs (a session lasts hours, the F1 server drops
 * connections after ~2 h), first retry about a second after a drop, at most 30 s apart.
 */
export const feedRetryPolicy: RetryPolicy = { ...defaultRetryPolicy, retries: Infinity, baseDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * An IRetryPolicy from the engine's policy: delay before retry n+1 = `backoffDelay(policy, n+1)`;
 * null (stop) once `policy.retries` retries have been made.
 */
export function signalrRetryPolicy(policy: Partial<RetryPolicy> = {}): IRetryPolicy {
  const p: RetryPolicy = { ...feedRetryPolicy, ...policy };
  return {
    nextRetryDelayInMilliseconds: ({ previousRetryCount }: RetryContext) => (previousRetryCount >= p.retries ? null : backoffDelay(p, previousRetryCount + 1)),
  };
}
