// One way to read upstream resources, whether the base is an HTTP(S) URL or a local directory that
// mirrors the upstream's URL paths (the layout of ../shared/f1data). Network bases get retries with
// backoff, fallback to mirrors, a persistent cache and an offline mode; directories are read as is.
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskCache, isNotFound } from './cache.js';
import { SourceError, type SourceAttempt } from './errors.js';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from './retry.js';

export interface SourceOptions {
  /** `https://host[/prefix]`, `file://…` or a directory path (relative to the working directory). */
  readonly base: string;
  /** Bases tried in order when the previous one fails or does not have the resource. */
  readonly mirrors?: readonly string[];
  /**
   * Retries of a transient failure (5xx, 408, 425, 429, timeout, network error) against one base:
   * the platform's one policy (`defaultRetryPolicy`, capped exponential backoff with jitter, a
   * server's Retry-After as a floor), overridable field by field.
   */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * @deprecated Use `retry: { retries: n }`. Only its length is read (the number of retries); the
   * delays come from the platform's policy.
   */
  readonly retryDelaysMs?: readonly number[];
  /** Per-request timeout, headers and body included. Default 20 s. */
  readonly timeoutMs?: number;
  /** Directory of the persistent response cache; no cache when unset. */
  readonly cacheDir?: string;
  /**
   * How long a cached answer stays fresh, per path. Default: forever for bodies (archive files do not
   * change once written), 12 h for "not found" answers (a topic can appear while the archive is being
   * generated). A stale entry is still served when the network fails.
   */
  readonly cacheMaxAgeMs?: (path: string, kind: 'hit' | 'missing') => number;
  /** Never touch the network: answer from local directories and the cache only. */
  readonly offline?: boolean;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Injected fetch (tests, proxies, and the server's rate limiter: every Jolpica request of the
   * platform goes through one). Defaults to the global fetch.
   */
  readonly fetch?: typeof globalThis.fetch;
  /** Observes retries, fallbacks and cache use (for logs and progress); never throws into the source. */
  readonly onEvent?: (event: SourceEvent) => void;
}

export type SourceEvent =
  | { readonly type: 'cache-hit'; readonly path: string; readonly missing: boolean }
  | { readonly type: 'stale-cache'; readonly path: string; readonly reason: string }
  | { readonly type: 'retry'; readonly path: string; readonly base: string; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'fallback'; readonly path: string; readonly from: string; readonly to: string; readonly reason: string }
  | { readonly type: 'fetched'; readonly path: string; readonly base: string; readonly status: number; readonly bytes: number };

/** A resource as delivered: raw bytes and where they came from. */
export interface SourceBody {
  readonly path: string;
  readonly body: Buffer;
  readonly from: 'directory' | 'cache' | 'network';
  /** The base (URL or directory) that answered, or the cache directory. */
  readonly origin: string;
}

const DEFAULT_TIMEOUT = 20_000;
const MISSING_TTL = 12 * 3600_000;
const NOT_FOUND = new Set([403, 404, 410]);
const TRANSIENT = new Set([408, 425, 429]);
const DEFAULT_HEADERS = { 'User-Agent': 'BestHTTP', Connection: 'close' } as const;

type Base = { readonly kind: 'http'; readonly url: string } | { readonly kind: 'dir'; readonly dir: string };

/** A base is a URL when it starts with http(s)://, otherwise a directory. */
export function isUrlBase(base: string): boolean {
  return /^https?:\/\//i.test(base);
}

function toBase(base: string): Base {
  if (isUrlBase(base)) return { kind: 'http', url: base.replace(/\/+$/, '') };
  const dir = base.startsWith('file:') ? fileURLToPath(base) : base;
  return { kind: 'dir', dir: isAbsolute(dir) ? dir : resolve(dir) };
}

/**
 * Normalises a resource path to `/seg/seg…`, keeping a query string as part of the last segment
 * (recorded responses keep it in the file name, e.g. `laps.json?limit=1200`). Rejects traversal.
 */
export function normalisePath(path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (s === '.' || s === '..' || s.includes('\\') || s.includes('\0')) {
      throw new SourceError('bad-path', path, `unsafe path segment "${s}" in ${path}`);
    }
  }
  if (segments.length === 0) throw new SourceError('bad-path', path, 'empty resource path');
  return `/${segments.join('/')}`;
}

export class Source {
  readonly bases: readonly Base[];
  readonly offline: boolean;
  private readonly cache: DiskCache | null;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly headers: Record<string, string>;
  private readonly fetchImpl: typeof globalThis.fetch;

  constructor(readonly options: SourceOptions) {
    this.bases = [options.base, ...(options.mirrors ?? [])].map(toBase);
    this.offline = options.offline ?? false;
    this.cache = options.cacheDir ? new DiskCache(resolve(options.cacheDir)) : null;
    this.retry = { ...defaultRetryPolicy, ...(options.retryDelaysMs ? { retries: options.retryDelaysMs.length } : {}), ...options.retry };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
    this.headers = { ...DEFAULT_HEADERS, ...options.headers };
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** The primary base is a local directory (listing is possible, nothing goes over the network). */
  get isLocal(): boolean {
    return this.bases[0]!.kind === 'dir';
  }

  /** Human-readable primary base, for messages. */
  get label(): string {
    const b = this.bases[0]!;
    return b.kind === 'http' ? b.url : b.dir;
  }

  /**
   * Reads a resource. Resolves to `null` when it does not exist (every base answered 403/404/410 or
   * has no such file, or the cache remembers it as missing); that is a normal answer, not an error.
   * Throws `SourceError` when the answer is unknown (transient failures everywhere, offline miss).
   */
  async get(rawPath: string): Promise<SourceBody | null> {
    const path = normalisePath(rawPath);
    const cached = this.cache ? await this.cache.lookup(path) : ({ kind: 'none' } as const);
    if (cached.kind !== 'none') {
      const maxAge = this.options.cacheMaxAgeMs?.(path, cached.kind) ?? (cached.kind === 'hit' ? Infinity : MISSING_TTL);
      if (this.offline || cached.ageMs <= maxAge) {
        this.emit({ type: 'cache-hit', path, missing: cached.kind === 'missing' });
        return cached.kind === 'hit' ? { path, body: cached.body, from: 'cache', origin: this.cache!.dir } : null;
      }
    }

    const attempts: SourceAttempt[] = [];
    let answeredMissing = 0;
    let reachable = 0;
    for (let i = 0; i < this.bases.length; i++) {
      const base = this.bases[i]!;
      if (base.kind === 'http' && this.offline) continue;
      reachable++;
      const result = base.kind === 'dir' ? await this.readDir(base, path) : await this.fetchWithRetries(base, path, attempts);
      if (result.kind === 'body') {
        if (base.kind === 'http') await this.cache?.put(path, result.body);
        return { path, body: result.body, from: base.kind === 'dir' ? 'directory' : 'network', origin: base.kind === 'dir' ? base.dir : base.url };
      }
      if (result.kind === 'missing') answeredMissing++;
      const next = this.bases.slice(i + 1).find((b) => !(b.kind === 'http' && this.offline));
      if (next) this.emit({ type: 'fallback', path, from: describe(base), to: describe(next), reason: result.kind === 'missing' ? 'not found' : result.reason });
    }

    if (reachable > 0 && answeredMissing === reachable) {
      if (this.bases.some((b) => b.kind === 'http') && !this.offline) await this.cache?.putMissing(path);
      return null;
    }
    // Unknown answer: a stale cached copy beats failing (like requests-cache's stale_if_error).
    if (cached.kind !== 'none') {
      this.emit({ type: 'stale-cache', path, reason: attempts.at(-1)?.error ?? 'offline' });
      return cached.kind === 'hit' ? { path, body: cached.body, from: 'cache', origin: this.cache!.dir } : null;
    }
    if (reachable === 0) {
      throw new SourceError('offline-miss', path, `offline: ${path} is not in the cache${this.cache ? ` (${this.cache.dir})` : ' (no cache directory configured)'}`);
    }
    const last = attempts.at(-1);
    throw new SourceError('unavailable', path, `could not fetch ${path}: ${last?.error ?? (last?.status ? `HTTP ${last.status}` : 'no source answered')}`, attempts);
  }

  /** Lists the entries of a directory of the primary base (local directories only). */
  async list(rawPath: string): Promise<{ name: string; isDirectory: boolean }[] | null> {
    const base = this.bases[0]!;
    if (base.kind !== 'dir') throw new SourceError('unsupported', rawPath, `cannot list ${rawPath}: ${describe(base)} is not a local directory`);
    const segments = rawPath === '/' || rawPath === '' ? [] : normalisePath(rawPath).split('/').filter(Boolean);
    try {
      const entries = await readdir(join(base.dir, ...segments), { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() })).sort((a, b) => a.name.localeCompare(b.name));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  private async readDir(base: Extract<Base, { kind: 'dir' }>, path: string): Promise<Outcome> {
    const file = join(base.dir, ...path.split('/').filter(Boolean));
    try {
      const s = await stat(file);
      if (!s.isFile()) return { kind: 'missing' };
      return { kind: 'body', body: await readFile(file) };
    } catch (err) {
      if (isNotFound(err)) return { kind: 'missing' };
      throw new SourceError('read-failed', path, `cannot read ${file}: ${(err as Error).message}`, [], { cause: err });
    }
  }

  private async fetchWithRetries(base: Extract<Base, { kind: 'http' }>, path: string, attempts: SourceAttempt[]): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.fetchOnce(base, path);
      if (outcome.kind !== 'failed') return outcome;
      attempts.push({ base: base.url, status: outcome.status, error: outcome.reason });
      const waitFor = outcome.retryAfterMs;
      if (!outcome.transient || attempt >= this.retry.retries || (waitFor !== undefined && waitFor > this.retry.maxRetryAfterMs)) return outcome;
      const delay = backoffDelay(this.retry, attempt + 1, waitFor);
      this.emit({ type: 'retry', path, base: base.url, attempt: attempt + 1, delayMs: delay, reason: outcome.reason });
      await sleep(delay);
    }
  }

  private async fetchOnce(base: Extract<Base, { kind: 'http' }>, path: string): Promise<Outcome> {
    const url = base.url + encodeURI(path);
    try {
      const res = await this.fetchImpl(url, { headers: this.headers, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
      if (res.ok) {
        const body = Buffer.from(await res.arrayBuffer());
        this.emit({ type: 'fetched', path, base: base.url, status: res.status, bytes: body.length });
        return { kind: 'body', body };
      }
      await res.body?.cancel().catch(() => undefined);
      if (NOT_FOUND.has(res.status)) return { kind: 'missing' };
      return {
        kind: 'failed', status: res.status, reason: `HTTP ${res.status}`, transient: res.status >= 500 || TRANSIENT.has(res.status),
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
      };
    } catch (err) {
      const e = err as Error;
      const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${this.timeoutMs} ms` : `${e.message}${causeText(e)}`;
      return { kind: 'failed', reason, transient: true };
    }
  }

  private emit(event: SourceEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // An observer must not break a load.
    }
  }
}

type Outcome =
  | { readonly kind: 'body'; readonly body: Buffer }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly status?: number; readonly reason: string; readonly transient: boolean; readonly retryAfterMs?: number };

function describe(base: Base): string {
  return base.kind === 'http' ? base.url : base.dir;
}

function causeText(e: Error): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message})` : '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Decodes a body as UTF-8 text without a byte-order mark. */
export function bodyText(body: Buffer): string {
  const text = body.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
