// A source is an upstream addressed by a base URL that is either `http(s)://…` or a local directory
// holding the same paths (the layout of ../shared/f1data: URL path = file path, the query string kept
// literally in the file name). Callers ask for paths; only the transport differs, so the offline
// copy and the live service go through the same decoding, validation and error types.
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SourceAbortedError,
  SourceBodyError,
  SourceError,
  SourceHttpError,
  SourceIoError,
  SourceNetworkError,
  SourceNotFoundError,
  SourceOfflineError,
  SourcePathError,
  SourceTimeoutError,
} from './errors.js';
import { acquireRateLimiter, type RateLimitOptions } from './rate-limiter.js';
import { defaultRetryPolicy, parseRetryAfter, withRetry, type RetryEvent, type RetryPolicy } from './retry.js';

export interface SourceOptions {
  /** `https://host[/prefix]`, `http://…`, `file:///dir`, or a directory path. */
  baseUrl: string;
  /** Per attempt, covering connect, headers and the whole body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Client-side limits for HTTP bases; `false` or absent = none. Directory bases are never limited.
   * Sources of the same origin share one limiter (the first one's limits).
   */
  rateLimit?: RateLimitOptions | false;
  /** Refuse non-loopback network access (APEX_OFFLINE). Loopback stays allowed: it is this machine. */
  offline?: boolean;
  userAgent?: string;
  onRetry?: (event: RetryEvent) => void;
}

export interface GetOptions {
  signal?: AbortSignal;
}

export interface GetJsonOptions<T> extends GetOptions {
  /**
   * Checks the parsed value and returns it typed; throws (any error) when the shape is wrong. A wrong
   * shape over HTTP is treated like a truncated body: retried.
   */
  validate?: (value: unknown) => T;
}

export interface SourceStats {
  /** Attempts made (each retry is one more). */
  attempts: number;
  retries: number;
  bytes: number;
  /** Time spent waiting for the rate limiter, summed over requests. */
  limiterWaitMs: number;
}

export interface Source {
  readonly baseUrl: string;
  readonly kind: 'http' | 'directory';
  /** The absolute URL or file a path resolves to (what error messages name). */
  locate(path: string): string;
  getBytes(path: string, options?: GetOptions): Promise<Uint8Array>;
  /** UTF-8 text; a leading byte-order mark is dropped. */
  getText(path: string, options?: GetOptions): Promise<string>;
  getJson<T = unknown>(path: string, options?: GetJsonOptions<T>): Promise<T>;
  stats(): SourceStats;
  /** Releases the origin's rate limiter; the last source to release it stops its timers and waiting requests. */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_USER_AGENT = 'ApexData/0.1 (self-hosted F1 data platform)';

export function createSource(options: SourceOptions): Source {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = /^https?:\/\//i.test(options.baseUrl)
    ? httpTransport(options.baseUrl, timeoutMs, options.userAgent ?? DEFAULT_USER_AGENT, options.offline ?? false)
    : directoryTransport(options.baseUrl);
  // One limiter per upstream origin in the process: every source of Jolpica shares its budget.
  const lease = transport.kind === 'http' && options.rateLimit ? acquireRateLimiter(options.baseUrl, options.rateLimit) : undefined;
  const limiter = lease?.limiter;
  let attempts = 0;
  let retries = 0;
  let bytes = 0;

  async function fetchDecoded<T>(path: string, decode: (raw: Uint8Array, where: string) => T, signal?: AbortSignal): Promise<T> {
    const where = transport.locate(path);
    return withRetry(
      where,
      policy,
      async () => {
        attempts++;
        const raw = limiter ? await limiter.run(() => transport.read(path, where, signal)) : await transport.read(path, where, signal);
        bytes += raw.byteLength;
        return decode(raw, where);
      },
      {
        signal,
        onRetry: (event) => {
          retries++;
          // The server said how long to stay away: hold every request, not only this one.
          if (limiter && event.error instanceof SourceHttpError && event.error.retryAfterMs !== undefined) {
            limiter.pauseFor(event.error.retryAfterMs);
          }
          options.onRetry?.(event);
        },
      },
    );
  }

  const retryBody = transport.kind === 'http';
  return {
    baseUrl: options.baseUrl,
    kind: transport.kind,
    locate: (path) => transport.locate(path),
    getBytes: (path, opts) => fetchDecoded(path, (raw) => raw, opts?.signal),
    getText: (path, opts) => fetchDecoded(path, (raw) => decodeText(raw), opts?.signal),
    getJson: <T>(path: string, opts?: GetJsonOptions<T>) =>
      fetchDecoded(
        path,
        (raw, where) => {
          let value: unknown;
          try {
            value = JSON.parse(decodeText(raw));
          } catch (err) {
            // Files do not change between attempts; a bad one is final. Over HTTP it was likely cut off.
            throw new SourceBodyError(where, `not valid JSON (${raw.byteLength} bytes): ${(err as Error).message}`, retryBody, err);
          }
          if (!opts?.validate) return value as T;
          try {
            return opts.validate(value);
          } catch (err) {
            throw new SourceBodyError(where, (err as Error).message, retryBody, err);
          }
        },
        opts?.signal,
      ),
    stats: () => ({ attempts, retries, bytes, limiterWaitMs: limiter?.stats().waitedMs ?? 0 }),
    close: async () => {
      await lease?.release();
    },
  };
}

interface Transport {
  kind: 'http' | 'directory';
  locate(path: string): string;
  read(path: string, where: string, signal?: AbortSignal): Promise<Uint8Array>;
}

const textDecoder = new TextDecoder('utf-8'); // drops a leading BOM by default

function decodeText(raw: Uint8Array): string {
  return textDecoder.decode(raw);
}

function splitPath(path: string): { pathname: string; query: string } {
  const q = path.indexOf('?');
  const pathname = (q < 0 ? path : path.slice(0, q)).replace(/^\/+/, '');
  return { pathname, query: q < 0 ? '' : path.slice(q) };
}

function httpTransport(baseUrl: string, timeoutMs: number, userAgent: string, offline: boolean): Transport {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(base).hostname);
  const locate = (path: string) => {
    const { pathname, query } = splitPath(path);
    return `${base}${pathname}${query}`;
  };
  return {
    kind: 'http',
    locate,
    async read(_path, url, signal) {
      if (offline && !loopback) throw new SourceOfflineError(url);
      const timeout = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const fail = (err: unknown): SourceError => {
        if (signal?.aborted) return new SourceAbortedError(url, err);
        if (timeout.aborted) return new SourceTimeoutError(url, timeoutMs);
        return new SourceNetworkError(url, err);
      };
      let response: Response;
      try {
        response = await fetch(url, { signal: combined, headers: { accept: 'application/json', 'user-agent': userAgent } });
      } catch (err) {
        throw fail(err);
      }
      if (!response.ok) {
        // Drain nothing: cancel the body so the connection is released at once.
        await response.body?.cancel().catch(() => undefined);
        if (response.status === 404 || response.status === 410) throw new SourceNotFoundError(url);
        throw new SourceHttpError(url, response.status, parseRetryAfter(response.headers.get('retry-after')));
      }
      try {
        return new Uint8Array(await response.arrayBuffer());
      } catch (err) {
        throw fail(err);
      }
    },
  };
}

function directoryTransport(baseUrl: string): Transport {
  const root = resolve(baseUrl.startsWith('file:') ? fileURLToPath(baseUrl) : baseUrl);
  const locate = (path: string) => {
    const { pathname, query } = splitPath(path);
    let segments: string[];
    try {
      segments = pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
    } catch {
      throw new SourcePathError(path, 'malformed percent-encoding');
    }
    if (segments.some((s) => s === '..' || s.includes('/') || s.includes('\\') || isAbsolute(s))) {
      throw new SourcePathError(path, 'path leaves the source directory');
    }
    const file = resolve(root, ...segments) + query;
    if (file !== root && !file.startsWith(root + sep)) throw new SourcePathError(path, 'path leaves the source directory');
    return file;
  };
  return {
    kind: 'directory',
    locate,
    async read(_path, file) {
      try {
        return await readFile(file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') throw new SourceNotFoundError(file);
        throw new SourceIoError(file, err);
      }
    },
  };
}
