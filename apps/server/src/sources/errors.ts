// Typed failures of a source. Every error names the URL (or file) it concerns, so a one-line CLI
// message is enough to act on. `retryable` is decided once, where the failure is classified, and the
// retry loop only reads it.

export type SourceErrorKind = 'http' | 'not-found' | 'timeout' | 'network' | 'io' | 'body' | 'offline' | 'aborted' | 'invalid-path';

export class SourceError extends Error {
  override name = 'SourceError';
  /** Attempts made before giving up (1 = no retry happened). Set by the retry loop. */
  attempts = 1;
  constructor(
    message: string,
    readonly url: string,
    readonly kind: SourceErrorKind,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server answered with a status that is not 2xx. */
export class SourceHttpError extends SourceError {
  override name = 'SourceHttpError';
  constructor(
    url: string,
    readonly status: number,
    /** Server-requested wait before retrying (429/503 `Retry-After`), in ms. */
    readonly retryAfterMs?: number,
    kind: SourceErrorKind = 'http',
  ) {
    super(`${url}: HTTP ${status}${status === 429 ? ' (rate limited by the server)' : ''}`, url, kind, isRetryableStatus(status));
  }
}

/** 404 over HTTP, or a missing file under a directory base. Never retried. */
export class SourceNotFoundError extends SourceHttpError {
  override name = 'SourceNotFoundError';
  constructor(url: string) {
    super(url, 404, undefined, 'not-found');
    this.message = `${url}: not found (404)`;
  }
}

export class SourceTimeoutError extends SourceError {
  override name = 'SourceTimeoutError';
  constructor(url: string, timeoutMs: number) {
    super(`${url}: no complete response within ${timeoutMs} ms`, url, 'timeout', true);
  }
}

/** Connection refused/reset, DNS failure, body cut off mid-stream… */
export class SourceNetworkError extends SourceError {
  override name = 'SourceNetworkError';
  constructor(url: string, cause: unknown) {
    super(`${url}: network error: ${describeCause(cause)}`, url, 'network', true, { cause });
  }
}

/** The bytes arrived but are not what was asked for (truncated or invalid JSON, wrong shape). */
export class SourceBodyError extends SourceError {
  override name = 'SourceBodyError';
  constructor(url: string, detail: string, retryable: boolean, cause?: unknown) {
    super(`${url}: invalid response body: ${detail}`, url, 'body', retryable, { cause });
  }
}

export class SourceOfflineError extends SourceError {
  override name = 'SourceOfflineError';
  constructor(url: string) {
    super(`${url}: offline mode is on (APEX_OFFLINE), refusing to use the network`, url, 'offline', false);
  }
}

/** A local read failed for another reason than a missing file (permissions, I/O). Not retried. */
export class SourceIoError extends SourceError {
  override name = 'SourceIoError';
  constructor(file: string, cause: unknown) {
    super(`${file}: ${describeCause(cause)}`, file, 'io', false, { cause });
  }
}

/** A path that cannot name a resource under the base (e.g. escapes a directory base with `..`). */
export class SourcePathError extends SourceError {
  override name = 'SourcePathError';
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`, path, 'invalid-path', false);
  }
}

export class SourceAbortedError extends SourceError {
  override name = 'SourceAbortedError';
  constructor(url: string, cause?: unknown) {
    super(`${url}: aborted`, url, 'aborted', false, { cause });
  }
}

/** 429 and 5xx are the server's transient states; every other 4xx is a mistake on our side. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici wraps the socket error: "fetch failed" / "terminated" with the useful part in `cause`.
  const inner = (cause as { cause?: unknown }).cause;
  const innerText = inner instanceof Error ? `${(inner as { code?: string }).code ?? inner.name}: ${inner.message}` : '';
  return innerText ? `${cause.message} (${innerText})` : cause.message;
}
