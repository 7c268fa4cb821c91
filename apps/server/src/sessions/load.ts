// Loading one session: find it in the archive, claim it, let the engine fetch and build everything,
// check that nothing is missing that should be there, encode the telemetry, and replace the stored
// session in one transaction. Any failure before the commit leaves the previous data as it was.
//
// `loadSession` is the processor behind the `session-load` job (BullMQ worker, in-process queue and
// `apex session load` alike): pure apart from its dependencies (database, sources) and the progress
// callback. The engine's work runs in a worker thread (parse-thread.ts); the database work — claim,
// progress and heartbeat, the write — stays on this thread, which owns the connection (PGlite allows
// no other).
import { EngineCriticalError, SourceError } from '@apexdata/livetiming';
import type { Db } from '../db/client.js';
import { isDatabaseUnavailable } from '../http/errors.js';
import { PermanentJobError, throwIfInterrupted, type JobContext, type ReportProgress } from '../jobs/types.js';
import { CatalogError, describeSession, resolveSession, type SessionKey, type SessionSources } from './catalog.js';
import type { Compression } from './telemetry-codec.js';
import { LoadRejectedError, parseSession, STORE_PERCENT, TopicUnavailableError } from './parse.js';
import { parseInThread } from './parse-thread.js';
import { claimSession, HEARTBEAT_MS, recordProgress, SessionBusyError, writeSessionData } from './store-write.js';

export { encodeTelemetry, LoadRejectedError, rejectionOf, TopicUnavailableError } from './parse.js';

export interface LoadDeps {
  readonly db: Db;
  readonly sources: SessionSources;
  /** Telemetry blob compression (default deflate: fastest to read back). */
  readonly compression?: Compression;
  /** Store sessions whose streams have undecodable lines (default false: such a load fails). */
  readonly allowCorruptLines?: boolean;
  /**
   * Where the engine parses and the telemetry is encoded: 'thread' (default) in a worker thread of
   * its own, so this process keeps answering meanwhile; 'main' on this thread (the baseline of
   * `npm run bench:sessions-latency`).
   */
  readonly parseIn?: 'thread' | 'main';
  /** Heap limit of the parser thread in MB (default: Node's). */
  readonly parserMemoryMb?: number;
}

export interface LoadSummary {
  readonly key: SessionKey;
  readonly sessionId: number;
  readonly archivePath: string;
  readonly dataVersion: number;
  readonly rows: Record<string, number>;
  readonly telemetrySamples: number;
  /** Bytes stored: telemetry blobs and relational rows. */
  readonly telemetryBytes: number;
  readonly rowBytes: number;
  /** Bytes of the archive streams read. */
  readonly sourceBytes: number;
  readonly issues: readonly string[];
  readonly timings: { readonly engineMs: number; readonly encodeMs: number; readonly storeMs: number; readonly totalMs: number };
}

/** Retrying may help: the archive or the database was unreachable, or another loader holds the session. */
export function isTransientLoadError(err: unknown): boolean {
  if (err instanceof PermanentJobError) return false;
  if (err instanceof TopicUnavailableError || err instanceof SessionBusyError) return true;
  if (err instanceof EngineCriticalError) return err.code === 'source-unavailable';
  if (err instanceof SourceError) return err.code === 'unavailable';
  if (err instanceof CatalogError) return err.cause instanceof SourceError && err.cause.code === 'unavailable';
  return isDatabaseUnavailable(err);
}

export async function loadSession(key: SessionKey, deps: LoadDeps, report: ReportProgress, context: Pick<JobContext, 'jobId' | 'signal'>): Promise<LoadSummary> {
  const started = performance.now();
  const { db, sources } = deps;
  const { signal } = context;
  throwIfInterrupted(signal);
  report({ stage: 'resolve', percent: 0, detail: `finding ${describeSession(key)} in the archive` });
  let entry;
  try {
    entry = await resolveSession(db, sources, key);
  } catch (err) {
    if (err instanceof CatalogError && err.code === 'not-found') throw new LoadRejectedError(err.message, { cause: err });
    throw err;
  }
  throwIfInterrupted(signal);
  await claimSession(db, entry, context.jobId);

  // Progress goes to the caller at once and to the session row (throttled, in order); the row's
  // timestamp doubles as the heartbeat that keeps the claim alive.
  let last = { stage: 'resolve', percent: 0 };
  let lastWrite = 0;
  let writes = Promise.resolve();
  const persist = (stage: string, percent: number) => {
    lastWrite = Date.now();
    writes = writes.then(() => recordProgress(db, key, context.jobId, stage, percent)).catch(() => {});
  };
  const progress: ReportProgress = (p) => {
    report(p);
    const stageChanged = p.stage !== last.stage;
    last = { stage: p.stage, percent: p.percent };
    if (stageChanged || Date.now() - lastWrite >= 500) persist(p.stage, p.percent);
  };
  const heartbeat = setInterval(() => persist(last.stage, last.percent), HEARTBEAT_MS);
  heartbeat.unref();

  try {
    const request = {
      path: entry.archive.path, round: key.round, label: describeSession(key),
      compression: deps.compression, allowCorruptLines: deps.allowCorruptLines,
    };
    const { session, telemetry, engineMs, encodeMs } = deps.parseIn === 'main'
      ? await parseSession(sources, request, progress)
      : await parseInThread(sources, request, progress, { maxMemoryMb: deps.parserMemoryMb, signal });
    // Interrupted now, nothing is written: the previous data stays (once the write has begun, it
    // is one transaction and finishes).
    throwIfInterrupted(signal);

    progress({ stage: 'store', percent: STORE_PERCENT, detail: 'writing the session' });
    const storeStart = performance.now();
    await writes;
    const written = await writeSessionData(db, entry, context.jobId, { session, telemetry, loadMs: performance.now() - started });
    const storeMs = performance.now() - storeStart;
    report({ stage: 'done', percent: 100 });
    return {
      key,
      sessionId: written.sessionId,
      archivePath: entry.archive.path,
      dataVersion: written.dataVersion,
      rows: written.rows,
      telemetrySamples: telemetry.reduce((n, b) => n + b.samples, 0),
      telemetryBytes: written.telemetryBytes,
      rowBytes: written.rowBytes,
      sourceBytes: session.topicLoads.reduce((n, t) => n + t.bytes, 0),
      issues: session.issues.map((i) => i.message),
      timings: { engineMs: Math.round(engineMs), encodeMs: Math.round(encodeMs), storeMs: Math.round(storeMs), totalMs: Math.round(performance.now() - started) },
    };
  } finally {
    clearInterval(heartbeat);
    await writes;
  }
}
