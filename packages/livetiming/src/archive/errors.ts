/** Why a source could not deliver a resource (beyond "it does not exist", which is not an error). */
export type SourceErrorCode =
  /** Every base failed with a transient error (5xx, timeout, network) after all retries. */
  | 'unavailable'
  /** Offline mode and the resource is neither in the cache nor in a local directory. */
  | 'offline-miss'
  /** The path cannot be mapped safely (traversal, empty segment). */
  | 'bad-path'
  /** A local file exists but could not be read, or a body is not what it should be. */
  | 'read-failed'
  /** A resource the caller needs does not exist (e.g. no season index for a year). */
  | 'not-found'
  /** The operation needs a local directory (listing) and the base is a URL. */
  | 'unsupported';

/** One try against one base, kept so a failure can explain itself. */
export interface SourceAttempt {
  readonly base: string;
  readonly status?: number;
  readonly error?: string;
}

export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly code: SourceErrorCode,
    readonly path: string,
    message: string,
    readonly attempts: readonly SourceAttempt[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
