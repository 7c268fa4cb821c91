// Loading one session: find it in the archive, claim it, let the engine fetch and build everything,
// check that nothing is missing that should be there, encode the telemetry, and replace the stored
// session in one transaction. Any failure before the commit leaves the previous data as it was.
//
// `loadSession` is the processor behind the `session-load` job (BullMQ worker, in-process queue and
// `apex session load` alike): pure apart from its dependencies (database, sources) and the progress
// callback.
import {
  EngineCriticalError, Session, SourceError, type LoadIssue, type Telemetry,
} from '@apexdata/livetiming';
import type { Db } from '../db/client.js';
import { isDatabaseUnavailable } from '../http/errors.js';
import { PermanentJobError, type JobContext, type ReportProgress } from '../jobs/types.js';
import { CatalogError, describeSession, resolveSession, type SessionKey, type SessionSources } from './catalog.js';
import { encodeColumns, type Column, type Compression } from './codec.js';
import {
  claimSession, HEARTBEAT_MS, recordProgress, SessionBusyError, writeSessionData, type TelemetryBlob,
} from './store-write.js';

export interface LoadDeps {
  readonly db: Db;
  readonly sources: SessionSources;
  /** Telemetry blob compression (default deflate: fastest to read back). */
  readonly compression?: Compression;
  /** Store sessions whose streams have undecodable lines (default false: such a load fails). */
  readonly allowCorruptLines?: boolean;
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

/** The engine read the session, but what it got must not be stored (corrupt stream, failed step). */
export class LoadRejectedError extends PermanentJobError {
  override readonly name = 'LoadRejectedError';
}

/** A topic could not be fetched now; storing the session without it would lose data silently. */
export class TopicUnavailableError extends Error {
  override readonly name = 'TopicUnavailableError';
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

/** Issues that make the engine's result unfit to store, as one message; null when it is fine. */
export function rejectionOf(issues: readonly LoadIssue[], allowCorruptLines = false): { transient: boolean; message: string } | null {
  const unavailable = issues.filter((i) => i.code === 'topic-unavailable');
  if (unavailable.length) return { transient: true, message: `could not fetch ${unavailable.map((i) => i.topic).join(', ')}: ${unavailable[0]!.message}` };
  const failed = issues.filter((i) => i.code === 'step-failed');
  if (failed.length) return { transient: false, message: `processing failed: ${failed.map((i) => i.message).join('; ')}` };
  const corrupt = allowCorruptLines ? [] : issues.filter((i) => i.code === 'corrupt-lines');
  if (corrupt.length) return { transient: false, message: `corrupt stream: ${corrupt.map((i) => i.message).join('; ')}` };
  return null;
}

// Overall percent: resolve 0–2, engine 2–80, encode 80–88, store 88–100.
const ENGINE_FROM = 2;
const ENGINE_TO = 80;

export async function loadSession(key: SessionKey, deps: LoadDeps, report: ReportProgress, context: Pick<JobContext, 'jobId'>): Promise<LoadSummary> {
  const started = performance.now();
  const { db, sources } = deps;
  report({ stage: 'resolve', percent: 0, detail: `finding ${describeSession(key)} in the archive` });
  let entry;
  try {
    entry = await resolveSession(db, sources, key);
  } catch (err) {
    if (err instanceof CatalogError && err.code === 'not-found') throw new LoadRejectedError(err.message, { cause: err });
    throw err;
  }
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
    progress({ stage: 'fetch', percent: ENGINE_FROM, detail: entry.archive.path });
    const session = await Session.load(entry.archive.path, {
      archive: sources.archive,
      jolpica: sources.jolpica,
      schedule: sources.schedule,
      round: key.round,
      telemetry: true,
      onProgress: (p) => progress({
        stage: p.stage === 'done' ? 'telemetry' : p.stage,
        percent: Math.round(ENGINE_FROM + ((ENGINE_TO - ENGINE_FROM) * p.percent) / 100),
        ...(p.detail ? { detail: p.detail } : {}),
      }),
    });
    const engineMs = performance.now() - started;
    const rejected = rejectionOf(session.issues, deps.allowCorruptLines);
    if (rejected) {
      const message = `${describeSession(key)} (${entry.archive.path}): ${rejected.message}`;
      throw rejected.transient ? new TopicUnavailableError(message) : new LoadRejectedError(message);
    }

    progress({ stage: 'encode', percent: ENGINE_TO, detail: 'compressing telemetry' });
    const encodeStart = performance.now();
    const telemetry = encodeTelemetry(session, deps.compression, (done, total) =>
      progress({ stage: 'encode', percent: Math.round(ENGINE_TO + (8 * done) / Math.max(1, total)), detail: `${done}/${total} telemetry blobs` }));
    const encodeMs = performance.now() - encodeStart;

    progress({ stage: 'store', percent: 88, detail: 'writing the session' });
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
  } catch (err) {
    if (err instanceof EngineCriticalError && err.code !== 'source-unavailable') {
      throw new LoadRejectedError(`${describeSession(key)}: ${err.message}`, { cause: err });
    }
    throw err;
  } finally {
    clearInterval(heartbeat);
    await writes;
  }
}

/**
 * Every driver's car and position samples as blobs. The engine keeps sample dates in whole
 * milliseconds; they are stored as such and come back through the engine's own constructors, so the
 * rebuilt telemetry is the same (see store.ts).
 */
export function encodeTelemetry(session: Session, compression?: Compression, onBlob?: (done: number, total: number) => void): TelemetryBlob[] {
  const tel = session.telemetry;
  if (!tel) return [];
  const jobs: [string, 'car' | 'pos', Telemetry][] = [
    ...[...tel.car].map(([d, t]) => [d, 'car', t] as [string, 'car', Telemetry]),
    ...[...tel.pos].map(([d, t]) => [d, 'pos', t] as [string, 'pos', Telemetry]),
  ];
  const out: TelemetryBlob[] = [];
  for (const [driverNumber, kind, t] of jobs) {
    const c = t.channels;
    const columns: Record<string, Column> = kind === 'car'
      ? { date: t.date, rpm: c.rpm!, speed: c.speed!, nGear: c.nGear!, throttle: c.throttle!, brake: c.brake!, drs: c.drs! }
      : { date: t.date, x: c.x!, y: c.y!, z: c.z!, status: c.status! };
    out.push({ driverNumber, kind, ...encodeColumns(columns, compression) });
    onBlob?.(out.length, jobs.length);
  }
  return out;
}
