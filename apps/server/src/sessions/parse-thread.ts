// Runs parse.ts in a worker thread, one per load: the engine's parse and the telemetry encoding take
// seconds of CPU for a session with telemetry, and on the thread that serves the API (and owns the
// embedded database, which only this thread may use) they would stop every request meanwhile.
//
// The worker does no I/O of its own: its archive, Jolpica and schedule sources relay every read to
// this thread's sources, so caches, retries, offline mode and mirrors behave as in one thread, and
// the bytes cross over by transfer, not by copy. Progress comes back as messages; the result comes
// back as plain data with the telemetry blobs transferred. Errors come back with their class and
// code, so retries are decided exactly as for a load on one thread; a worker that dies (out of
// memory, a crash) fails the load with the reason and leaves this process running.
import { Worker } from 'node:worker_threads';
import { EngineCriticalError, SourceError, type CriticalCode, type Source, type SourceBody, type SourceErrorCode } from '@apexdata/livetiming';
import { PermanentJobError, type JobProgress, type ReportProgress } from '../jobs/types.js';
import { settleThread } from '../jobs/worker-thread.js';
import type { SessionSources } from './catalog.js';
import { LoadRejectedError, TopicUnavailableError, type ParsedLoad, type ParseRequest, type TelemetryBlob } from './parse.js';

/** The parser thread stopped without an answer (out of memory, a crash): retrying the same data would not help. */
export class ParserCrashedError extends PermanentJobError {
  override readonly name = 'ParserCrashedError';
}

// ── What crosses the thread boundary ───────────────────────────────────────────────────────────

export type SourceName = keyof SessionSources;

/** How the worker rebuilds a source that relays to ours: the same label (messages name it) and mode. */
export interface RelaySpec {
  readonly base: string;
  readonly offline: boolean;
}

export interface WorkerInput {
  readonly request: ParseRequest;
  readonly sources: { readonly [K in SourceName]: RelaySpec | null };
}

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly path?: string;
  readonly stack?: string;
}

// Buffers arrive as plain Uint8Arrays (asBuffer makes them Buffers again).
export type WireBody = Omit<SourceBody, 'body'> & { readonly body: Uint8Array };
export type WireLoad = Omit<ParsedLoad, 'telemetry'> & { readonly telemetry: readonly (Omit<TelemetryBlob, 'data'> & { readonly data: Uint8Array })[] };

export type ToWorker =
  | { readonly type: 'body'; readonly id: number; readonly body: WireBody | null }
  | { readonly type: 'body-error'; readonly id: number; readonly error: WireError };

export type FromWorker =
  | { readonly type: 'read'; readonly id: number; readonly source: SourceName; readonly path: string }
  | { readonly type: 'progress'; readonly progress: JobProgress }
  | { readonly type: 'done'; readonly load: WireLoad }
  | { readonly type: 'failed'; readonly error: WireError };

export function errorToWire(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const { code, path } = err as { code?: unknown; path?: unknown };
  return {
    name: err.name,
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof path === 'string' ? { path } : {}),
    ...(err.stack ? { stack: err.stack } : {}),
  };
}

/** The error as the other thread threw it: the classes retries and messages depend on are rebuilt. */
export function errorFromWire(e: WireError): Error {
  let err: Error;
  switch (e.name) {
    case 'LoadRejectedError': err = new LoadRejectedError(e.message); break;
    case 'TopicUnavailableError': err = new TopicUnavailableError(e.message); break;
    case 'EngineCriticalError': err = new EngineCriticalError(e.code as CriticalCode, e.message); break;
    case 'SourceError': err = new SourceError(e.code as SourceErrorCode, e.path ?? '', e.message); break;
    default: err = Object.assign(new Error(e.message), { name: e.name });
  }
  if (e.stack) err.stack = e.stack;
  return err;
}

/** A view that alone owns its memory, so its buffer can be transferred (bytes sharing a buffer are copied first). */
export function exclusive(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
}

/** The load as posted: every telemetry blob's bytes in the transfer list. */
export function loadToWire(load: ParsedLoad): { load: WireLoad; transfer: ArrayBuffer[] } {
  const telemetry = load.telemetry.map((b) => ({ ...b, data: exclusive(b.data) }));
  return { load: { ...load, telemetry }, transfer: telemetry.map((b) => b.data.buffer as ArrayBuffer) };
}

/** Structured clone hands Buffers over as plain Uint8Arrays: make them Buffers again (no copy). */
export const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function loadFromWire(load: WireLoad): ParsedLoad {
  return { ...load, telemetry: load.telemetry.map((b): TelemetryBlob => ({ ...b, data: asBuffer(b.data) })) };
}

// ── This thread's side ─────────────────────────────────────────────────────────────────────────

function relaySpec(source: Source | null): RelaySpec | null {
  return source ? { base: source.label, offline: source.offline } : null;
}

function sourceOf(sources: SessionSources, name: SourceName): Source | null {
  return name === 'archive' ? sources.archive.source : sources[name];
}

/** The worker: compiled JavaScript next to this file, or its TypeScript source behind tsx's loader. */
function startWorker(input: WorkerInput, maxMemoryMb: number | undefined): Worker {
  const entry = import.meta.url.endsWith('.ts') ? './parse-worker.dev.mjs' : './parse-worker.js';
  return new Worker(new URL(entry, import.meta.url), {
    workerData: input,
    ...(maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb } } : {}),
  });
}

export interface ThreadOptions {
  /** Heap limit of the parser thread in MB (default: Node's). */
  readonly maxMemoryMb?: number;
  /** Stops the thread at once and rejects with JobInterruptedError. */
  readonly signal?: AbortSignal;
}

/** parseSession (parse.ts) in a worker thread of its own; same result, same errors. */
export function parseInThread(sources: SessionSources, request: ParseRequest, progress: ReportProgress, options: ThreadOptions = {}): Promise<ParsedLoad> {
  const input: WorkerInput = {
    request,
    sources: { archive: relaySpec(sources.archive.source), jolpica: relaySpec(sources.jolpica), schedule: relaySpec(sources.schedule) },
  };
  return new Promise<ParsedLoad>((resolve, reject) => {
    const worker = startWorker(input, options.maxMemoryMb);
    const thread = settleThread(worker, options.signal, reject);
    const { settle } = thread;
    const post = (message: ToWorker, transfer: ArrayBuffer[] = []) => {
      if (!thread.settled) worker.postMessage(message, transfer);
    };

    const read = async (id: number, name: SourceName, path: string) => {
      try {
        const source = sourceOf(sources, name);
        if (!source) throw new Error(`no ${name} source is configured`);
        const found = await source.get(path);
        if (!found) return post({ type: 'body', id, body: null });
        const bytes = exclusive(found.body);
        post({ type: 'body', id, body: { ...found, body: bytes } }, [bytes.buffer as ArrayBuffer]);
      } catch (err) {
        post({ type: 'body-error', id, error: errorToWire(err) });
      }
    };

    worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'read': void read(m.id, m.source, m.path); break;
        case 'progress': if (!thread.settled) progress(m.progress); break;
        case 'done': settle(() => resolve(loadFromWire(m.load))); break;
        case 'failed': settle(() => reject(errorFromWire(m.error))); break;
      }
    });
    worker.on('error', (err: Error & { code?: string }) => settle(() => reject(new ParserCrashedError(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `${request.label}: the parser thread ran out of memory${options.maxMemoryMb ? ` (limit ${options.maxMemoryMb} MB)` : ''}`
        : `${request.label}: the parser thread crashed: ${err.message}`,
      { cause: err },
    ))));
    worker.on('exit', (code) => settle(() => reject(new ParserCrashedError(`${request.label}: the parser thread stopped without an answer (exit code ${code})`))));
  });
}
