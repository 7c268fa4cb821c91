export { createSource, DEFAULT_TIMEOUT_MS } from './source.js';
export type { Source, SourceOptions, SourceStats, GetOptions, GetJsonOptions } from './source.js';
export {
  SourceError,
  SourceHttpError,
  SourceNotFoundError,
  SourceTimeoutError,
  SourceNetworkError,
  SourceBodyError,
  SourceIoError,
  SourcePathError,
  SourceOfflineError,
  SourceAbortedError,
  isRetryableStatus,
} from './errors.js';
export type { SourceErrorKind } from './errors.js';
export { RateLimiter, jolpicaRateLimits, acquireRateLimiter, rateLimitedFetch } from './rate-limiter.js';
export type { RateLimitOptions, RateWindow, RateLimiterStats } from './rate-limiter.js';
export { defaultRetryPolicy, backoffDelay, parseRetryAfter, withRetry } from './retry.js';
export type { RetryPolicy, RetryEvent } from './retry.js';
